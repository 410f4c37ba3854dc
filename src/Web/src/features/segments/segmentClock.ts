import type { SegmentStartEvent } from '../../api/contract';

/**
 * Where in the clip a player should be (seconds; negative before the shared start), at this client's `nowMs`, given
 * `offsetMs`, the server's clock minus ours: every viewer computes the same position from the same server time.
 */
export function clipPosition(segment: Pick<SegmentStartEvent, 'startedAt'>, nowMs: number, offsetMs: number): number {
  return (nowMs + offsetMs - Date.parse(segment.startedAt)) / 1000;
}

/** Whether the clip has not yet ended at `nowMs` (server time corrected by `offsetMs`). */
export function isRunning(segment: Pick<SegmentStartEvent, 'endsAt'>, nowMs: number, offsetMs: number): boolean {
  return Date.parse(segment.endsAt) > nowMs + offsetMs;
}

/** A player this far off the shared position (seconds) seeks back to it; less is left alone (seeking stutters). */
export const MAX_DRIFT_SECONDS = 0.25;

/** The seek a player needs, or null when it is close enough: `position` is where it should be, `currentTime` where it is. */
export function driftCorrection(position: number, currentTime: number, durationSeconds: number): number | null {
  const target = Math.min(Math.max(position, 0), durationSeconds);
  return Math.abs(target - currentTime) > MAX_DRIFT_SECONDS ? target : null;
}
