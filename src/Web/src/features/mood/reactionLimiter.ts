// The client keeps to the server's limit (10 reaction taps a second per user) so that it does not send what the
// server would drop: the server drops a `mood:react` whose `count` would take the user over, whole. The limit is
// kept when taps leave the browser, not when they are clicked, since held taps go out up to 250 ms after their
// click (reactionBatch.ts); a send that would go over carries only the taps still allowed. The emoji still rise
// for every click. Pure.
//
// At most 10 taps in any second of sends is within the server's token bucket (10 tokens, refilled to 10 each
// second) whatever the phase of its refill, so a viewer's taps arrive as the server counts them.

export const REACTIONS_PER_WINDOW = 10;
export const REACTION_WINDOW_MS = 1_000;

/** How many of `wanted` taps may go out at `now`, and the send times to keep (one per tap still in the window). */
export function takeTaps(
  sentAt: readonly number[],
  now: number,
  wanted: number,
  max = REACTIONS_PER_WINDOW,
  windowMs = REACTION_WINDOW_MS,
): { granted: number; sentAt: number[] } {
  const recent = sentAt.filter((t) => now - t < windowMs);
  const granted = Math.max(0, Math.min(Math.floor(wanted), max - recent.length));
  return { granted, sentAt: granted > 0 ? [...recent, ...Array<number>(granted).fill(now)] : recent };
}
