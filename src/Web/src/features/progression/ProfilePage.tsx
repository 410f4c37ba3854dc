import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import type { ProgressStats, PublicProgress } from '../../api/contract';
import { queryKeys } from '../../api/queries';
import { Avatar } from '../../components/Avatar';
import { ProfileDetails } from '../accounts/ProfileDetails';
import { useSession } from '../auth/sessionContext';
import { FollowButton } from '../discovery/FollowButton';
import { ReportForm } from '../reports/ReportForm';
import { CreatorVods } from '../vod/CreatorVods';
import { badgeInfo } from './badges';
import { xpBar } from './levels';
import { useProgress } from './progressContext';

/** The counters shown on my own profile, by their wire names. */
const STAT_LABELS: [Extract<keyof ProgressStats, string>, string][] = [
  ['watchHeartbeats', 'Watch time (30 s beats)'],
  ['watchStreakDays', 'Day streak'],
  ['chatMessages', 'Chat messages'],
  ['reactions', 'Reactions'],
  ['pollVotes', 'Poll votes'],
  ['questions', 'Questions asked'],
  ['giftsSent', 'Gifts sent'],
  ['tokensGifted', 'Tokens gifted'],
  ['tokensReceived', 'Tokens received'],
  ['hoursStreamed', 'Hours streamed'],
  ['peakViewers', 'Peak viewers'],
];

/** `/u/:userId`: a user's handle, level and badges; on my own, also my XP and counters. */
export function ProfilePage() {
  const { userId = '' } = useParams();
  const { session, api } = useSession();
  const { progress: live } = useProgress();
  const isMe = session?.user.id === userId;
  // The user whose report form is open (so that another profile opens without it).
  const [reportingId, setReportingId] = useState<string | null>(null);
  const reporting = reportingId === userId;
  const publicQuery = useQuery({
    queryKey: queryKeys.userProgress(userId),
    queryFn: ({ signal }) => api.getUserProgress(userId, signal),
  });
  // Asked again when the header's XP moves (a heartbeat, a level); the last answer shows meanwhile. A failure
  // leaves the public part.
  const mineQuery = useQuery({
    queryKey: [...queryKeys.myProgress(session?.user.id ?? null), live?.xp ?? 0],
    queryFn: ({ signal }) => api.getMyProgress(signal),
    enabled: isMe,
    placeholderData: keepPreviousData,
  });
  // The details the user writes (display name, bio, avatar, links); without them the page still shows.
  const detailsQuery = useQuery({
    queryKey: queryKeys.profile(userId),
    queryFn: ({ signal }) => api.getProfile(userId, signal),
  });
  const details = detailsQuery.data?.id === userId ? detailsQuery.data : null;
  const mine = isMe && mineQuery.data?.userId === userId ? mineQuery.data : null;
  const profile: { status: 'loading' } | { status: 'ok'; value: PublicProgress } | { status: 'error'; error: Error } =
    publicQuery.data !== undefined
      ? { status: 'ok', value: publicQuery.data }
      : publicQuery.error
        ? { status: 'error', error: publicQuery.error }
        : { status: 'loading' };

  if (profile.status === 'loading') {
    return (
      <div className="page" data-testid="profile-page" aria-busy="true">
        <div className="skeleton skeleton--title" role="status" aria-label="Loading" />
      </div>
    );
  }
  if (profile.status === 'error') {
    const notFound = profile.error instanceof ApiError && profile.error.code === 'not_found';
    return (
      <div className="page" data-testid="profile-page">
        <div className="empty">
          <h1>{notFound ? 'User not found' : 'Could not load this profile'}</h1>
          <p>{notFound ? 'The link may be wrong.' : profile.error.message}</p>
          <Link className="button" to="/leaderboards">
            See the leaderboards
          </Link>
        </div>
      </div>
    );
  }

  const user = profile.value;
  // My own numbers: the freshest of the public read, my full read and the header's live progress.
  const level = Math.max(user.level, mine?.level ?? 0, isMe ? (live?.level ?? 0) : 0);
  const badges = [...new Set([...user.badges, ...(mine?.badges ?? []), ...(isMe ? (live?.badges ?? []) : [])])];
  const bar = isMe && mine ? xpBar(live && live.xp >= mine.xp ? live : mine) : null;
  return (
    <div className="page profile" data-testid="profile-page" data-user-id={user.userId}>
      <header className="profile__head">
        <Avatar handle={user.handle} size={64} url={details?.avatarUrl} />
        <div>
          <h1 className="profile__handle">{user.handle}</h1>
          {isMe && (
            <Link className="button button--ghost" to="/me/profile" data-testid="profile-edit-link">
              Edit profile
            </Link>
          )}
          {session && !isMe && !reporting && (
            <button className="button button--ghost" type="button" data-testid="profile-report" onClick={() => setReportingId(userId)}>
              Report user
            </button>
          )}
          <FollowButton creatorId={user.userId} creatorHandle={user.handle} />
          {details && (
            <p className="profile__follows muted" data-testid="profile-follows">
              {details.follows.followers.toLocaleString()} followers · {details.follows.following.toLocaleString()} following
            </p>
          )}
          <p className="profile__levels">
            <span className="level-badge level-badge--large">{level}</span> Level {level}
            {user.creatorLevel > 1 && <span className="chip">Creator level {user.creatorLevel}</span>}
          </p>
        </div>
      </header>

      {reporting && session && !isMe && (
        <ReportForm key={user.userId} target={{ kind: 'user', userId: user.userId, handle: user.handle }} onClose={() => setReportingId(null)} />
      )}

      {details && <ProfileDetails profile={details} />}

      <CreatorVods userId={user.userId} />

      {bar && mine && (
        <section className="profile__section" aria-label="Experience">
          <h2>Experience</h2>
          <div className="profile__xp">
            <span className="profile__xp-total">{bar.xp.toLocaleString()} XP</span>
            <span className="muted">
              {bar.remaining.toLocaleString()} XP to level {bar.level + 1}
            </span>
          </div>
          <div className="xp-bar xp-bar--large" aria-hidden="true">
            <span className="xp-bar__fill" style={{ width: `${(bar.fraction * 100).toFixed(1)}%` }} />
          </div>
          {mine.creatorXp > 0 && <p className="muted">Creator XP: {mine.creatorXp.toLocaleString()}</p>}
          <dl className="profile__stats">
            {STAT_LABELS.filter(([name]) => typeof mine.stats?.[name] === 'number').map(([name, label]) => (
              <div key={name} className="profile__stat">
                <dt>{label}</dt>
                <dd>{(mine.stats[name] as number).toLocaleString()}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <section className="profile__section" aria-label="Badges">
        <h2>Badges</h2>
        {badges.length === 0 ? (
          <p className="muted">{isMe ? 'No badges yet: watch, chat, vote and gift to earn some.' : 'No badges yet.'}</p>
        ) : (
          <ul className="profile__badges">
            {badges.map((code) => {
              const badge = badgeInfo(code);
              return (
                <li key={code} className="profile-badge" data-testid="profile-badge" data-badge={code}>
                  <span className="profile-badge__icon" aria-hidden="true">
                    {badge.icon}
                  </span>
                  <span className="profile-badge__name">{badge.name}</span>
                  {badge.description && <span className="profile-badge__text">{badge.description}</span>}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
