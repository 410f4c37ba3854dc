// The client keeps to the server's limit (10 reactions a second per user) so that it does not send what the server
// would drop anyway; the emoji still rise for every click. Pure.

export const REACTIONS_PER_WINDOW = 10;
export const REACTION_WINDOW_MS = 1_000;

/** Whether a reaction at `now` may be sent, and the send times to keep (those still in the window). */
export function allowReaction(
  sentAt: readonly number[],
  now: number,
  max = REACTIONS_PER_WINDOW,
  windowMs = REACTION_WINDOW_MS,
): { allowed: boolean; sentAt: number[] } {
  const recent = sentAt.filter((t) => now - t < windowMs);
  if (recent.length >= max) {
    return { allowed: false, sentAt: recent };
  }
  return { allowed: true, sentAt: [...recent, now] };
}
