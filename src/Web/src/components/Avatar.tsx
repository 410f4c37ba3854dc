import { hueOf } from '../lib/format';

/** A round badge with the first letter of a handle, coloured by the handle; the user's picture when they have one. */
export function Avatar({ handle, size = 32, url }: { handle: string; size?: number; url?: string | null | undefined }) {
  if (url) {
    return <img className="avatar avatar--picture" src={url} alt="" width={size} height={size} style={{ width: size, height: size }} />;
  }
  const hue = hueOf(handle.toLowerCase());
  return (
    <span
      className="avatar"
      aria-hidden="true"
      style={{ width: size, height: size, fontSize: size * 0.45, background: `hsl(${hue} 55% 42%)` }}
    >
      {handle.slice(0, 1).toUpperCase()}
    </span>
  );
}
