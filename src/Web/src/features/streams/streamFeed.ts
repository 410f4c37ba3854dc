import type { JoinResult, StreamEvent } from '../../api/contract';

/** What a watched stream's features hear, in order. */
export type StreamFeedMessage =
  /** Another stream is shown now (or none): drop everything about the previous one. */
  | { kind: 'reset'; streamId: string }
  /** The view was rebuilt from a join snapshot (first join, or after events were lost for good). */
  | { kind: 'snapshot'; result: JoinResult }
  /** One event, in seq order, exactly once; `replayed` when it happened while the client was away. */
  | { kind: 'event'; event: StreamEvent; replayed: boolean };

export type StreamFeedListener = (message: StreamFeedMessage) => void;

/**
 * Fans one watched stream's ordered events out to the page's features (chat, gifts, overlay, wheel), so that the
 * stream is joined once and every feature keeps its own state.
 */
export class StreamFeed {
  private readonly listeners = new Set<StreamFeedListener>();

  /** Calls `listener` with every message from now on; returns the function that unsubscribes it. */
  subscribe(listener: StreamFeedListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  publish(message: StreamFeedMessage): void {
    for (const listener of [...this.listeners]) {
      listener(message);
    }
  }
}
