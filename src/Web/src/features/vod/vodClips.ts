import type { VodView } from '../../api/contract';

export type VodClip = VodView['clips'][number];

/** The played clip that covers `positionMs` of the stream (ms from its start), or null in a live part. */
export function clipAt(clips: readonly VodClip[], positionMs: number): VodClip | null {
  return clips.find((c) => positionMs >= c.offsetMs && positionMs < c.offsetMs + c.durationMs) ?? null;
}

/** Where in the clip's own video `positionMs` of the stream falls, in seconds. */
export function clipTime(clip: VodClip, positionMs: number): number {
  return Math.max(0, positionMs - clip.offsetMs) / 1000;
}
