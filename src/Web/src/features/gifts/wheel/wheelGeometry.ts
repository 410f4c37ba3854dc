// Where things are on the wheel. Angles are in degrees, clockwise from 12 o'clock, where the pointer is.

/** Full turns the wheel makes before it settles. */
export const SPIN_TURNS = 6;

/** The angle each segment spans. */
export function segmentAngle(segmentCount: number): number {
  return 360 / segmentCount;
}

/** Where segment `index` starts and ends on the unrotated wheel. */
export function segmentArc(index: number, segmentCount: number): { start: number; end: number } {
  const size = segmentAngle(segmentCount);
  return { start: index * size, end: (index + 1) * size };
}

/**
 * The rotation (clockwise, degrees) that brings segment `index` under the pointer after `turns` full turns.
 * `offset` (−0.5…0.5 of a segment) lands off-centre so that spins do not all look alike.
 */
export function landingRotation(index: number, segmentCount: number, turns = SPIN_TURNS, offset = 0): number {
  const size = segmentAngle(segmentCount);
  const within = Math.max(-0.4, Math.min(0.4, offset));
  return turns * 360 + (360 - (index + 0.5 + within) * size);
}

/** The segment under the pointer once the wheel has turned `rotation` degrees clockwise. */
export function segmentAtPointer(rotation: number, segmentCount: number): number {
  const angle = (((360 - (rotation % 360)) % 360) + 360) % 360;
  return Math.min(segmentCount - 1, Math.floor(angle / segmentAngle(segmentCount)));
}

/** A stable offset in −0.4…0.4 for a spin, from its id. */
export function landingOffset(id: string): number {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i++) {
    hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
  }
  return ((hash >>> 0) / 2 ** 32 - 0.5) * 0.8;
}

/** A point on a circle of radius `r` around (cx, cy) at `angle` degrees clockwise from 12 o'clock. */
export function polar(cx: number, cy: number, r: number, angle: number): { x: number; y: number } {
  const rad = ((angle - 90) * Math.PI) / 180;
  return { x: cx + r * Math.cos(rad), y: cy + r * Math.sin(rad) };
}

/** The SVG path of a pie slice from `start` to `end` degrees. */
export function slicePath(cx: number, cy: number, r: number, start: number, end: number): string {
  const a = polar(cx, cy, r, start);
  const b = polar(cx, cy, r, end);
  const large = end - start > 180 ? 1 : 0;
  const f = (n: number) => n.toFixed(3);
  return `M ${f(cx)} ${f(cy)} L ${f(a.x)} ${f(a.y)} A ${f(r)} ${f(r)} 0 ${large} 1 ${f(b.x)} ${f(b.y)} Z`;
}
