import { useCallback, useEffect, useState } from 'react';
import type { Moment } from '../../../api/contract';
import { clockTime } from '../../../lib/format';
import { momentTitle } from './momentView';
import { SharePopover } from './SharePopover';

/** How long a moment's toast stays (longer while its share popover is open or the pointer is on it). */
export const TOAST_MS = 10_000;

interface MomentToastsProps {
  toasts: readonly Moment[];
  streamTitle: string;
  onDismiss(momentId: string): void;
}

/** A toast for each highlight moment detected while watching, with "Share". */
export function MomentToasts({ toasts, streamTitle, onDismiss }: MomentToastsProps) {
  if (toasts.length === 0) {
    return null;
  }
  return (
    <ol className="moment-toasts" aria-label="Highlight moments" aria-live="polite">
      {toasts.map((moment) => (
        <MomentToast key={moment.momentId} moment={moment} streamTitle={streamTitle} onDismiss={onDismiss} />
      ))}
    </ol>
  );
}

function MomentToast({ moment, streamTitle, onDismiss }: { moment: Moment; streamTitle: string; onDismiss(momentId: string): void }) {
  const [sharing, setSharing] = useState(false);
  const [hovered, setHovered] = useState(false);
  const held = sharing || hovered;
  const { icon, title } = momentTitle(moment);

  useEffect(() => {
    if (held) {
      return;
    }
    // Re-armed in full after a hold: the viewer was just looking at it.
    const timer = setTimeout(() => onDismiss(moment.momentId), TOAST_MS);
    return () => clearTimeout(timer);
  }, [held, moment.momentId, onDismiss]);

  const onOpenChange = useCallback((open: boolean) => setSharing(open), []);

  return (
    <li
      className={`moment-toast moment-toast--${moment.kind}`}
      data-testid="moment-toast"
      data-moment-id={moment.momentId}
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
    >
      <span className="moment-toast__icon" aria-hidden="true">
        {icon}
      </span>
      <div className="moment-toast__body">
        <p className="moment-toast__kicker">Highlight moment{moment.at && ` · ${clockTime(moment.at)}`}</p>
        <p className="moment-toast__title">{title}</p>
      </div>
      <SharePopover moment={moment} streamTitle={streamTitle} testId="moment-share" onOpenChange={onOpenChange} />
      <button className="moment-toast__close" type="button" aria-label="Dismiss" onClick={() => onDismiss(moment.momentId)}>
        ×
      </button>
    </li>
  );
}
