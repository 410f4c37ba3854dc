import { Link } from 'react-router-dom';
import type { Recommendation } from '../../api/contract';
import { Avatar } from '../../components/Avatar';
import { compactNumber, hueOf } from '../../lib/format';

/** A recommended live stream, linking to its watch page, with why it is there (the two most telling reasons). */
export function RecommendationCard({ item }: { item: Recommendation }) {
  const stream = item.stream;
  const hue = hueOf(stream.streamId);
  return (
    <Link
      className="rec-card"
      data-testid="recommendation-card"
      data-stream-id={stream.streamId}
      to={`/watch/${encodeURIComponent(stream.streamId)}`}
    >
      <div
        className="rec-card__thumb"
        style={{ background: `linear-gradient(135deg, hsl(${hue} 65% 36%), hsl(${(hue + 50) % 360} 65% 22%))` }}
      >
        <span className="badge badge--live">Live</span>
        <span className="badge badge--dim">{compactNumber(stream.viewers)} watching</span>
      </div>
      <div className="rec-card__body">
        <Avatar handle={stream.creatorHandle} size={28} />
        <div className="rec-card__text">
          <h3 className="rec-card__title" title={stream.title}>
            {stream.title}
          </h3>
          <p className="rec-card__meta">
            {stream.creatorHandle} · {stream.category}
          </p>
          <ul className="rec-card__reasons" aria-label="Why">
            {item.reasons.slice(0, 2).map((reason) => (
              <li key={`${reason.kind}:${reason.subjectId ?? ''}`} className={`rec-reason rec-reason--${reason.kind}`} data-reason={reason.kind}>
                {reason.text}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </Link>
  );
}
