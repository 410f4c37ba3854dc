import type { CSSProperties } from 'react';

/** Inline CSS custom properties (`--name: value`), which React's style type does not list. */
export function cssVars(vars: Record<`--${string}`, string | number>, style: CSSProperties = {}): CSSProperties {
  return { ...style, ...(vars as CSSProperties) };
}
