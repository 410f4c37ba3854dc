import { Link } from 'react-router-dom';
import { xpBar } from './levels';
import { useProgress } from './progressContext';

/** The header's level badge and XP bar for the signed-in user, linking to their profile. */
export function HeaderProgress() {
  const { progress } = useProgress();
  if (!progress) {
    return null;
  }
  const bar = xpBar(progress);
  const label = `Level ${bar.level}: ${bar.xp.toLocaleString()} XP, ${bar.remaining.toLocaleString()} to level ${bar.level + 1}`;
  return (
    // The link's name is what it shows (level, XP) with the bar's; the whole sentence is its title.
    <Link className="header-progress" to={`/u/${encodeURIComponent(progress.userId)}`} title={label}>
      <span className="level-badge" data-testid="level-badge">
        {bar.level}
      </span>
      <span
        className="xp-bar"
        data-testid="xp-bar"
        data-level={bar.level}
        data-xp={bar.xp}
        role="progressbar"
        aria-label={`Experience towards level ${bar.level + 1}`}
        aria-valuemin={bar.from}
        aria-valuemax={bar.to}
        aria-valuenow={Math.min(bar.xp, bar.to)}
        aria-valuetext={label}
      >
        <span className="xp-bar__fill" style={{ width: `${(bar.fraction * 100).toFixed(1)}%` }} />
      </span>
      <span className="header-progress__xp">
        {bar.into.toLocaleString()}/{(bar.to - bar.from).toLocaleString()} XP
      </span>
    </Link>
  );
}
