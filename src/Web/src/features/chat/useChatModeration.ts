import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ChatMessageEvent, ModerationRestrictedEvent, Stream } from '../../api/contract';
import { queryKeys } from '../../api/queries';
import { useLive } from '../../app/liveContext';
import { useSession } from '../auth/sessionContext';

/** A timeout from the chat's menu: ten minutes, the usual first step. */
export const MENU_TIMEOUT_SECONDS = 600;

/** The moderator tools of a chat line's menu, for the stream's creator, their moderators and admins. */
export interface ChatModeration {
  remove(message: ChatMessageEvent): void;
  timeout(message: ChatMessageEvent): void;
  ban(message: ChatMessageEvent): void;
  /** The last action's refusal, in words. */
  error: string | null;
}

/** The tools when the signed-in user may moderate this stream's chat, else null. */
export function useChatModeration(stream: Stream | null): ChatModeration | null {
  const { session, api } = useSession();
  const live = useLive();
  const [error, setError] = useState<string | null>(null);
  const creatorId = stream?.creatorId ?? null;
  const userId = session?.user.id ?? null;
  const owns = session !== null && (session.user.id === creatorId || session.user.role === 'admin');
  const { data } = useQuery({
    queryKey: queryKeys.moderatorStatus(userId, creatorId ?? ''),
    queryFn: ({ signal }) => api.getModeratorStatus(creatorId ?? '', signal),
    enabled: userId !== null && creatorId !== null && !owns,
    staleTime: 60_000,
  });
  const may = owns || data?.mayModerate === true;
  const streamId = stream?.id ?? '';

  const run = useCallback((action: Promise<unknown>) => {
    setError(null);
    action.catch((e: unknown) => setError(e instanceof Error ? e.message : 'That did not work.'));
  }, []);

  return useMemo(
    () =>
      may
        ? {
            remove: (m: ChatMessageEvent) => run(live.deleteChat({ streamId, messageId: m.id, reason: null })),
            timeout: (m: ChatMessageEvent) =>
              run(live.timeoutUser({ streamId, userId: m.userId, seconds: MENU_TIMEOUT_SECONDS, reason: null })),
            ban: (m: ChatMessageEvent) => run(live.banUser({ streamId, userId: m.userId, reason: null })),
            error,
          }
        : null,
    [may, live, streamId, run, error],
  );
}

/** Why I may not chat in this creator's streams (a ban or a timeout told by the server), or null. */
export function useChatRestriction(stream: Stream | null): string | null {
  const live = useLive();
  const creatorId = stream?.creatorId ?? null;
  const [restriction, setRestriction] = useState<ModerationRestrictedEvent | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(
    () =>
      live.onUserEvent((event) => {
        if (event.type === 'moderation:restricted' && (event.creatorId === creatorId || event.kind === 'suspension')) {
          setRestriction(event);
        } else if (event.type === 'moderation:lifted' && event.creatorId === creatorId) {
          setRestriction(null);
        }
      }),
    [live, creatorId],
  );

  const until = restriction?.until ? Date.parse(restriction.until) : null;
  useEffect(() => {
    if (until === null) {
      return;
    }
    // Re-render when the timeout ends, so the composer opens again by itself.
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, until - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [until]);

  if (!restriction || (until !== null && until <= now)) {
    return null;
  }
  switch (restriction.kind) {
    case 'ban':
      return 'You are banned from this chat.';
    case 'timeout':
      return `You are timed out of this chat until ${new Date(until ?? 0).toLocaleTimeString()}.`;
    default:
      return 'Your account is suspended.';
  }
}
