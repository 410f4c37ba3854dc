import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { BlockedTerm, TermAction } from '../../api/contract';
import { queryKeys } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { useSession } from '../auth/sessionContext';
import { ReportQueue } from '../reports/ReportQueue';

/**
 * `/studio/moderation`: the signed-in creator's rules for all of their streams: moderators, bans and timeouts,
 * blocked terms, the messages held for review, and the moderation log.
 */
export function ModerationPage() {
  const { session } = useSession();
  return (
    <div className="page page--narrow" data-testid="moderation-page">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/studio">← Studio</Link>
      </nav>
      <header className="page-head">
        <div>
          <h1 className="page-head__title">Moderation</h1>
          <p className="page-head__lead">Moderators, bans, reports, blocked words and held messages, for all of your streams.</p>
        </div>
      </header>
      {session ? <Moderation key={session.user.id} creatorId={session.user.id} /> : <p className="card gate">Sign in as a creator to moderate.</p>}
    </div>
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'That did not work.';
}

function Moderation({ creatorId }: { creatorId: string }) {
  const { api } = useSession();
  const client = useQueryClient();
  const rules = useQuery({ queryKey: queryKeys.moderation(creatorId), queryFn: ({ signal }) => api.getModeration(creatorId, signal) });
  const held = useQuery({ queryKey: queryKeys.held(creatorId), queryFn: ({ signal }) => api.getHeld(creatorId, signal) });
  const log = useQuery({ queryKey: queryKeys.moderationLog(creatorId), queryFn: ({ signal }) => api.getModerationLog(creatorId, signal) });
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.moderation(creatorId) }),
      client.invalidateQueries({ queryKey: queryKeys.held(creatorId) }),
      client.invalidateQueries({ queryKey: queryKeys.moderationLog(creatorId) }),
    ]);
  const act = useMutation({ mutationFn: (run: () => Promise<unknown>) => run(), onSettled: refresh });
  const [moderatorId, setModeratorId] = useState('');

  if (rules.error) {
    return <LoadError message="Could not load your moderation settings." onRetry={() => void rules.refetch()} />;
  }
  const view = rules.data;
  const addModerator = (e: FormEvent) => {
    e.preventDefault();
    const id = moderatorId.trim();
    if (id) {
      act.mutate(() => api.setModerator(creatorId, id, true), { onSuccess: () => setModeratorId('') });
    }
  };

  return (
    <>
      {act.error && (
        <p className="form-error" role="alert" data-testid="moderation-error">
          {messageOf(act.error)}
        </p>
      )}
      <section className="card" aria-labelledby="mods-title">
        <h2 id="mods-title">Moderators</h2>
        <ul className="mod-list" data-testid="moderators">
          {view?.moderators.map((id) => (
            <li key={id}>
              <code>{id}</code>{' '}
              <button className="button" type="button" onClick={() => act.mutate(() => api.setModerator(creatorId, id, false))}>
                Remove
              </button>
            </li>
          ))}
          {view?.moderators.length === 0 && <li className="muted">No moderators yet.</li>}
        </ul>
        <form className="mod-form" onSubmit={addModerator}>
          <label>
            User id <input value={moderatorId} onChange={(e) => setModeratorId(e.target.value)} data-testid="moderator-id" />
          </label>
          <button className="button button--primary" type="submit" data-testid="moderator-add">
            Appoint
          </button>
        </form>
      </section>

      <section className="card" aria-labelledby="held-title">
        <h2 id="held-title">Held messages</h2>
        <ul className="mod-list" data-testid="held">
          {held.data?.map((m) => (
            <li key={m.id}>
              <strong>{m.handle}</strong>: {m.text} <span className="muted">({m.term})</span>{' '}
              <button className="button" type="button" onClick={() => act.mutate(() => api.reviewHeld(creatorId, m.id, true))}>
                Approve
              </button>{' '}
              <button className="button" type="button" onClick={() => act.mutate(() => api.reviewHeld(creatorId, m.id, false))}>
                Reject
              </button>
            </li>
          ))}
          {held.data?.length === 0 && <li className="muted">Nothing waits for review.</li>}
        </ul>
      </section>

      <section className="card" aria-labelledby="bans-title">
        <h2 id="bans-title">Bans and timeouts</h2>
        <ul className="mod-list" data-testid="restrictions">
          {view?.bans.map((r) => (
            <li key={`ban-${r.userId}`}>
              Banned <code>{r.userId}</code> {r.reason && <span className="muted">({r.reason})</span>}{' '}
              <button className="button" type="button" onClick={() => act.mutate(() => api.liftRestriction(creatorId, r.userId, 'ban'))}>
                Unban
              </button>
            </li>
          ))}
          {view?.timeouts.map((r) => (
            <li key={`timeout-${r.userId}`}>
              Timed out <code>{r.userId}</code> until {r.until ? new Date(r.until).toLocaleString() : '—'}{' '}
              <button className="button" type="button" onClick={() => act.mutate(() => api.liftRestriction(creatorId, r.userId, 'timeout'))}>
                End
              </button>
            </li>
          ))}
          {view && view.bans.length + view.timeouts.length === 0 && <li className="muted">Nobody is banned or timed out.</li>}
        </ul>
      </section>

      <ReportQueue
        scope={`creator:${creatorId}`}
        lead="What viewers reported in your streams, newest first."
        load={(open, signal) => api.getCreatorReports(creatorId, open, signal)}
        resolve={(reportId, resolution) => api.resolveCreatorReport(creatorId, reportId, resolution)}
      />

      {view && <BlockedTerms initial={view.blockedTerms} onSave={(terms) => act.mutate(() => api.setBlockedTerms(creatorId, terms))} />}

      <section className="card" aria-labelledby="log-title">
        <h2 id="log-title">Log</h2>
        <ol className="mod-list" data-testid="moderation-log">
          {log.data?.entries.map(({ id, entry }) => (
            <li key={id}>
              <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time> <strong>{entry.actorHandle}</strong> {entry.action}
              {entry.targetUserId && (
                <>
                  {' '}
                  <code>{entry.targetUserId}</code>
                </>
              )}
              {entry.reason && <span className="muted"> — {entry.reason}</span>}
            </li>
          ))}
          {log.data?.entries.length === 0 && <li className="muted">No actions yet.</li>}
        </ol>
      </section>
    </>
  );
}

/** The blocked terms as rows of a word and what it does; saved as a whole list. */
function BlockedTerms({ initial, onSave }: { initial: readonly BlockedTerm[]; onSave(terms: BlockedTerm[]): void }) {
  const [terms, setTerms] = useState<BlockedTerm[]>(() => [...initial]);
  const [term, setTerm] = useState('');
  const [action, setAction] = useState<TermAction>('drop');
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (term.trim()) {
      setTerms((all) => [...all, { term: term.trim(), action }]);
      setTerm('');
    }
  };
  return (
    <section className="card" aria-labelledby="terms-title">
      <h2 id="terms-title">Blocked words</h2>
      <p className="muted">
        Matched as whole words whatever the case, accents, look-alike letters or spacing; end a word with * to match
        words that start with it. Drop refuses the message; hold keeps it for your review.
      </p>
      <ul className="mod-list" data-testid="blocked-terms">
        {terms.map((t, i) => (
          <li key={`${t.term}-${i}`}>
            <code>{t.term}</code> · {t.action}{' '}
            <button className="button" type="button" onClick={() => setTerms((all) => all.filter((_, j) => j !== i))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form className="mod-form" onSubmit={add}>
        <label>
          Word <input value={term} onChange={(e) => setTerm(e.target.value)} maxLength={60} data-testid="term-input" />
        </label>
        <label>
          Then{' '}
          <select value={action} onChange={(e) => setAction(e.target.value === 'hold' ? 'hold' : 'drop')} data-testid="term-action">
            <option value="drop">drop</option>
            <option value="hold">hold for review</option>
          </select>
        </label>
        <button className="button button--primary" type="submit" data-testid="term-add">
          Add
        </button>
        <button className="button button--primary" type="button" data-testid="terms-save" onClick={() => onSave(terms)}>
          Save words
        </button>
      </form>
    </section>
  );
}
