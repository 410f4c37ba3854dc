// How a highlight moment is named and placed in time. Pure.

import type { Moment } from '../../../api/contract';
import { formatCountdown } from '../../../lib/countdown';
import { clockTime } from '../../../lib/format';
import { timeOf } from '../../../lib/read';

const KIND_TITLES: Record<Moment['kind'], { icon: string; title: string }> = {
  reactions: { icon: '🔥', title: 'The audience exploded with reactions' },
  gifts: { icon: '🎁', title: 'A wave of gifts hit the stream' },
  manual: { icon: '📌', title: 'A viewer marked this moment' },
};

/** An icon and a line for a moment: what happened, or the note of a marked one. */
export function momentTitle(moment: Pick<Moment, 'kind' | 'note'>): { icon: string; title: string } {
  const { icon, title } = KIND_TITLES[moment.kind];
  return { icon, title: moment.kind === 'manual' && moment.note ? moment.note : title };
}

/** How far into the stream the moment was (`12:34`, `1:02:03`), or null when the start is unknown or later. */
export function intoStream(moment: Pick<Moment, 'at'>, startedAt: string | null | undefined): string | null {
  const at = timeOf(moment.at);
  const start = timeOf(startedAt);
  if (Number.isNaN(at) || Number.isNaN(start) || at < start) {
    return null;
  }
  // Whole seconds down: the moment happened in that second.
  return formatCountdown(Math.floor((at - start) / 1000) * 1000);
}

/** "at 12:05 · 3:21 into the stream", or the parts that are known. */
export function momentTimeLabel(moment: Pick<Moment, 'at'>, startedAt: string | null | undefined): string {
  const clock = moment.at ? clockTime(moment.at) : '';
  const into = intoStream(moment, startedAt);
  return [clock && `at ${clock}`, into && `${into} into the stream`].filter(Boolean).join(' · ');
}
