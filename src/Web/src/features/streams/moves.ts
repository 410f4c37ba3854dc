import type { StreamMove, StreamStatus } from '../../api/contract';

/** The one move allowed from each status: scheduled → live → ended → archived. */
const NEXT: Record<StreamStatus, StreamMove | null> = {
  scheduled: 'start',
  live: 'end',
  ended: 'archive',
  archived: null,
};

export function nextMove(status: StreamStatus): StreamMove | null {
  return NEXT[status];
}

export const MOVE_LABELS: Record<StreamMove, string> = {
  start: 'Go live',
  end: 'End stream',
  archive: 'Archive',
};
