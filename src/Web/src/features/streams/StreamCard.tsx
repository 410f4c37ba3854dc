import { Link } from 'react-router-dom';
import type { Stream } from '../../api/contract';
import { Avatar } from '../../components/Avatar';
import { compactNumber, hueOf, timeAgo } from '../../lib/format';

/** One live stream on the home page, linking to its watch page. */
export function StreamCard({ stream }: { stream: Stream }) {
  const hue = hueOf(stream.id);
  return (
    <Link className="stream-card" data-testid="stream-card" to={`/watch/${encodeURIComponent(stream.id)}`}>
      <div
        className="stream-card__thumb"
        style={{
          background: `radial-gradient(120% 90% at 15% 10%, hsl(${hue} 70% 38%), transparent 60%),
            radial-gradient(120% 120% at 90% 100%, hsl(${(hue + 60) % 360} 70% 30%), #10131b 70%)`,
        }}
      >
        <span className="badge badge--live">Live</span>
        <span className="badge badge--dim">
          {compactNumber(stream.viewerCount)} watching
        </span>
        <span className="stream-card__category-mark" aria-hidden="true">
          {stream.category}
        </span>
      </div>
      <div className="stream-card__body">
        <Avatar handle={stream.creatorHandle} size={36} />
        <div className="stream-card__text">
          <h3 className="stream-card__title" title={stream.title}>
            {stream.title}
          </h3>
          <p className="stream-card__meta">
            <span>{stream.creatorHandle}</span>
            {stream.startedAt && <span> · started {timeAgo(stream.startedAt)}</span>}
          </p>
          <span className="chip">{stream.category}</span>
        </div>
      </div>
    </Link>
  );
}
