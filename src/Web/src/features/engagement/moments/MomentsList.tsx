import type { Stream } from '../../../api/contract';
import { momentTimeLabel, momentTitle } from './momentView';
import { SharePopover } from './SharePopover';
import type { MomentsController } from './useMoments';

/** The stream's highlight moments, newest first, each with its time and a Share popover. */
export function MomentsList({ controller, stream }: { controller: MomentsController; stream: Stream | null }) {
  const { moments, loaded } = controller;
  return (
    <section className="moments" data-testid="moments-panel" aria-label="Highlight moments">
      {!loaded ? (
        <div className="qa__loading" aria-label="Loading moments">
          <div className="skeleton skeleton--line" />
          <div className="skeleton skeleton--line" />
        </div>
      ) : moments.length === 0 ? (
        <div className="qa__empty">
          <span aria-hidden="true">✨</span>
          <p>No highlights yet. When the audience goes wild, or someone marks a moment, it shows up here.</p>
        </div>
      ) : (
        <ol className="moments__list">
          {moments.map((moment) => {
            const { icon, title } = momentTitle(moment);
            return (
              <li key={moment.momentId} className={`moment moment--${moment.kind}`} data-testid="moment-item" data-moment-id={moment.momentId}>
                <span className="moment__icon" aria-hidden="true">
                  {icon}
                </span>
                <div className="moment__body">
                  <p className="moment__title">{title}</p>
                  <p className="moment__meta">
                    {momentTimeLabel(moment, stream?.startedAt)}
                    {moment.kind !== 'manual' && moment.intensity > 0 && (
                      <span className="moment__intensity" title="How far above the stream's usual rate, in standard deviations (z-score)">
                        {' '}
                        · {moment.intensity.toFixed(1)}σ spike
                      </span>
                    )}
                  </p>
                </div>
                <SharePopover moment={moment} streamTitle={stream?.title ?? 'LiveStreamX'} testId="moment-list-share" />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
