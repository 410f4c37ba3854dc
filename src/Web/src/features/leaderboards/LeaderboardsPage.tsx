import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { LEADERBOARD_CATEGORIES, type LeaderboardEntry, type MyRank } from '../../api/contract';
import { queryKeys, shouldRetry } from '../../api/queries';
import { Avatar } from '../../components/Avatar';
import { TokenAmount } from '../../components/TokenAmount';
import { useSession } from '../auth/sessionContext';
import { BoardRows } from './LeaderboardPanel';
import { CATEGORY_LABELS, NEIGHBOURS, rankRows, readCategory, readScope, TOP_SIZE, type ScopeChoice } from './leaderboardView';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

type Board = { status: 'loading' } | { status: 'ok'; entries: LeaderboardEntry[] } | { status: 'error'; message: string };
/** `none`: I am not on this board yet (`404`). */
type Rank = { status: 'loading' } | { status: 'ok'; rank: MyRank } | { status: 'none' } | { status: 'error'; message: string };

/**
 * `/leaderboards` (`?category=&scope=`): a category's top 20, all time or this season, my rank with my neighbours
 * when signed in, and the current season's number and end.
 */
export function LeaderboardsPage() {
  const { session, api } = useSession();
  const [params, setParams] = useSearchParams();
  const category = readCategory(params.get('category'));
  const scope = readScope(params.get('scope'));
  const meId = session?.user.id ?? null;
  const labels = CATEGORY_LABELS[category];

  // A failed season read leaves the season line out.
  const season = useQuery({ queryKey: queryKeys.currentSeason(), queryFn: ({ signal }) => api.getCurrentSeason(signal), staleTime: 60_000 })
    .data ?? null;
  const boardQuery = useQuery({
    queryKey: queryKeys.leaderboard(category, scope, TOP_SIZE),
    queryFn: ({ signal }) => api.getLeaderboard(category, scope, TOP_SIZE, signal),
  });
  const board: Board = boardQuery.data
    ? { status: 'ok', entries: Array.isArray(boardQuery.data) ? boardQuery.data : [] }
    : boardQuery.error
      ? { status: 'error', message: boardQuery.error.message }
      : { status: 'loading' };
  const rankQuery = useQuery({
    queryKey: queryKeys.myRank(meId, category, scope),
    queryFn: ({ signal }) => api.getMyRank(category, scope, NEIGHBOURS, signal),
    enabled: meId !== null,
    retry: (count, error) => !(error instanceof ApiError && error.code === 'not_found') && shouldRetry(count, error),
  });
  const rank: Rank = rankQuery.data
    ? { status: 'ok', rank: rankQuery.data }
    : rankQuery.error
      ? rankQuery.error instanceof ApiError && rankQuery.error.code === 'not_found'
        ? { status: 'none' }
        : { status: 'error', message: rankQuery.error.message }
      : { status: 'loading' };

  function choose(name: 'category' | 'scope', value: string) {
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        copy.set(name, value);
        return copy;
      },
      { replace: true },
    );
  }

  return (
    <div className="page leaderboards" data-testid="leaderboards-page">
      <header className="page-head">
        <h1 className="page-head__title">Leaderboards</h1>
        {season && (
          <p className="page-head__lead" data-testid="season-info">
            Season {season.number} · ends {dateFormat.format(Date.parse(season.endsAt))}
          </p>
        )}
      </header>

      <div className="leaderboards__controls">
        <div className="segmented" role="tablist" aria-label="Category">
          {LEADERBOARD_CATEGORIES.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              className={`segmented__option${name === category ? ' segmented__option--on' : ''}`}
              data-testid="leaderboard-category"
              data-category={name}
              aria-selected={name === category}
              onClick={() => choose('category', name)}
            >
              {CATEGORY_LABELS[name].name}
            </button>
          ))}
        </div>
        <div className="segmented" data-testid="leaderboard-scope" role="radiogroup" aria-label="Scope">
          {(['all', 'season'] as ScopeChoice[]).map((value) => (
            <button
              key={value}
              type="button"
              role="radio"
              className={`segmented__option${value === scope ? ' segmented__option--on' : ''}`}
              data-scope={value}
              aria-checked={value === scope}
              onClick={() => choose('scope', value)}
            >
              {value === 'all' ? 'All time' : 'This season'}
            </button>
          ))}
        </div>
      </div>
      <p className="muted">{labels.help}</p>

      <div className="leaderboards__body">
        <section className="leaderboards__top" aria-label={`Top ${TOP_SIZE}`}>
          {board.status === 'loading' && <div className="skeleton skeleton--row" role="status" aria-label="Loading" />}
          {board.status === 'error' && (
            <p className="notice notice--error" role="alert">
              {board.message}
            </p>
          )}
          {board.status === 'ok' &&
            (board.entries.length === 0 ? (
              <p className="muted">Nobody on this board yet.</p>
            ) : (
              <BoardRows entries={board.entries} firstRank={1} meId={meId} unit={labels.unit} />
            ))}
        </section>

        <section className="my-rank" data-testid="my-rank" aria-label="My rank">
          <h2>My rank</h2>
          {!session && <p className="muted">Sign in to see where you stand.</p>}
          {session && rank.status === 'loading' && <div className="skeleton skeleton--row" role="status" aria-label="Loading" />}
          {session && rank.status === 'none' && <p className="muted">You are not on this board yet.</p>}
          {session && rank.status === 'error' && <p className="notice notice--error">{rank.message}</p>}
          {session && rank.status === 'ok' && (
            <ol className="board">
              {rankRows(rank.rank).map(({ rank: n, entry, me }) => (
                <li key={entry.userId} className={`board__row${me ? ' board__row--me' : ''}`} data-user-id={entry.userId} data-rank={n}>
                  <span className="board__rank">{n}</span>
                  <Avatar handle={entry.handle} size={24} />
                  <Link className="board__handle" to={`/u/${encodeURIComponent(entry.userId)}`}>
                    {entry.handle}
                  </Link>
                  <span className="board__score">
                    {labels.unit === 'tokens' ? <TokenAmount value={entry.score} /> : entry.score.toLocaleString()}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </div>
  );
}
