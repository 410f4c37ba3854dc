import { Link } from 'react-router-dom';
import type { LeaderboardEntry } from '../../api/contract';
import { Avatar } from '../../components/Avatar';
import { TokenAmount } from '../../components/TokenAmount';

interface LeaderboardPanelProps {
  board: readonly LeaderboardEntry[];
  /** The signed-in user, whose row is highlighted. */
  meId: string | null;
}

/** The watch page's "Top" tab: the stream's top gifters, live. */
export function LeaderboardPanel({ board, meId }: LeaderboardPanelProps) {
  return (
    <section className="leaderboard-panel" data-testid="leaderboard-panel" aria-label="Top gifters">
      <h2 className="leaderboard-panel__title">Top gifters</h2>
      {board.length === 0 ? (
        <p className="muted">No gifts yet. Be the first on the board.</p>
      ) : (
        <BoardRows entries={board} firstRank={1} meId={meId} unit="tokens" />
      )}
      <Link className="leaderboard-panel__more" to="/leaderboards">
        All leaderboards
      </Link>
    </section>
  );
}

interface BoardRowsProps {
  entries: readonly LeaderboardEntry[];
  firstRank: number;
  meId: string | null;
  /** `tokens` shows scores as token amounts; `points` as plain numbers. */
  unit: 'tokens' | 'points';
}

/** Ranked rows, each linking to the user's profile. */
export function BoardRows({ entries, firstRank, meId, unit }: BoardRowsProps) {
  return (
    <ol className="board" start={firstRank}>
      {entries.map((entry, i) => {
        const rank = firstRank + i;
        return (
          <li
            key={entry.userId}
            className={`board__row${entry.userId === meId ? ' board__row--me' : ''}${rank <= 3 ? ` board__row--top${rank}` : ''}`}
            data-testid="leaderboard-row"
            data-user-id={entry.userId}
          >
            <span className="board__rank">{rank}</span>
            <Avatar handle={entry.handle} size={24} />
            <Link className="board__handle" to={`/u/${encodeURIComponent(entry.userId)}`}>
              {entry.handle}
            </Link>
            <span className="board__score">{unit === 'tokens' ? <TokenAmount value={entry.score} /> : entry.score.toLocaleString()}</span>
          </li>
        );
      })}
    </ol>
  );
}
