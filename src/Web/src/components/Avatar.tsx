import { hueOf } from '../lib/format';

/** A round badge with the first letter of a handle, coloured by the handle. */
export function Avatar({ handle, size = 32 }: { handle: string; size?: number }) {
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
