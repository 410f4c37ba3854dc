import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ChatMessageEvent, Stream } from '../../api/contract';
import type { Session } from '../auth/sessionStorage';
import { ChatComposer } from './ChatComposer';
import { ReportForm } from '../reports/ReportForm';
import { ChatMessageItem } from './ChatMessageItem';
import type { ChatModeration } from './useChatModeration';

/** How close to the bottom (px) still counts as "at the newest message". */
const STICK_PX = 48;

interface ChatPanelProps {
  stream: Stream | null;
  messages: readonly ChatMessageEvent[];
  session: Session | null;
  onSend(text: string): Promise<unknown>;
  /** A slow-mo-chat command is running: new messages glide in slowly. */
  slowMotion?: boolean;
  /** The panel shows (false while another tab of the side panel does). */
  active?: boolean;
  /** The moderator tools, for the stream's creator, their moderators and admins. */
  moderation?: ChatModeration | null;
  /** Why the reader may not chat here (a ban or timeout the server told), or null. */
  restriction?: string | null;
}

function blockedReason(stream: Stream | null, session: Session | null): string | null {
  if (!session) {
    return 'Sign in to chat.';
  }
  switch (stream?.status) {
    case undefined:
      return 'Connecting to chat…';
    case 'live':
      return null;
    case 'scheduled':
      return 'Chat opens when the stream goes live.';
    default:
      return 'The stream has ended. Chat is closed.';
  }
}

/** Live chat: follows the newest message unless the reader scrolled up, then offers a jump back down. */
export function ChatPanel({
  stream,
  messages,
  session,
  onSend,
  slowMotion = false,
  active = true,
  moderation = null,
  restriction = null,
}: ChatPanelProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const stickRef = useRef(true);
  const lastSeqRef = useRef<number | null>(null);
  const [unseen, setUnseen] = useState(0);
  // The line being reported: its form shows over the composer until sent or cancelled.
  const [reporting, setReporting] = useState<ChatMessageEvent | null>(null);

  const scrollToNewest = useCallback((behavior: ScrollBehavior = 'auto') => {
    const list = listRef.current;
    if (list) {
      list.scrollTo({ top: list.scrollHeight, behavior });
    }
    stickRef.current = true;
    setUnseen(0);
  }, []);

  useLayoutEffect(() => {
    const last = messages.at(-1)?.seq ?? null;
    const previous = lastSeqRef.current;
    lastSeqRef.current = last;
    if (last === previous) {
      return;
    }
    if (stickRef.current || previous === null || last === null || last < previous) {
      // Following along, or a new view (first snapshot, or one that replaced the view).
      scrollToNewest(slowMotion && previous !== null ? 'smooth' : 'auto');
    } else {
      setUnseen((count) => count + messages.filter((m) => m.seq > previous).length);
    }
  }, [messages, scrollToNewest, slowMotion]);

  useLayoutEffect(() => {
    // Hidden, the list could not scroll: shown again, it follows the newest message if it was following along.
    if (active && stickRef.current) {
      scrollToNewest();
    }
  }, [active, scrollToNewest]);

  const onScroll = () => {
    const list = listRef.current;
    if (!list) {
      return;
    }
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight <= STICK_PX;
    stickRef.current = atBottom;
    if (atBottom) {
      setUnseen(0);
    }
  };

  const send = (text: string) => {
    // Whoever sends wants to see the newest messages, their own among them.
    scrollToNewest();
    return onSend(text);
  };

  const slowMode = stream?.slowModeSeconds ?? 0;
  const isHost = session !== null && stream !== null && session.user.id === stream.creatorId;
  const exempt = isHost || session?.user.role === 'admin';
  const note = slowMode > 0 ? `Slow mode: one message every ${slowMode} s${exempt ? ' (you are exempt)' : ''}.` : null;

  return (
    <section className={`chat${slowMotion ? ' chat--slowmo' : ''}`} aria-label="Live chat">
      <header className="chat__head">
        <h2 className="chat__title">Live chat</h2>
        <span className="chat__badges">
          {slowMotion && (
            <span className="badge badge--slowmo" title="A gift put the chat in slow motion">
              Slow-mo
            </span>
          )}
          {slowMode > 0 && (
            <span className="badge badge--slow" title={`One message every ${slowMode} seconds per viewer`}>
              Slow mode · {slowMode}s
            </span>
          )}
        </span>
      </header>
      <div className="chat__body">
        <ol
          className="chat__list"
          ref={listRef}
          onScroll={onScroll}
          data-testid="chat-list"
          aria-live="polite"
          aria-label="Chat messages"
          // Focusable, so that the keyboard scrolls through the chat (arrow keys, Page Up/Down).
          tabIndex={0}
        >
          {messages.length === 0 && <li className="chat__empty">No messages yet. Say hello!</li>}
          {messages.map((message) => (
            <ChatMessageItem
              key={message.id}
              onReport={session ? setReporting : null}
              message={message}
              byHost={stream !== null && message.userId === stream.creatorId}
              mine={session !== null && message.userId === session.user.id}
              slowMotion={slowMotion}
              moderation={moderation}
            />
          ))}
        </ol>
        {unseen > 0 && (
          <button className="chat__jump" type="button" onClick={() => scrollToNewest('smooth')}>
            {unseen === 1 ? '1 new message' : `${unseen} new messages`} ↓
          </button>
        )}
      </div>
      {moderation?.error && (
        <p className="chat__mod-error" role="alert" data-testid="chat-mod-error">
          {moderation.error}
        </p>
      )}
      {reporting && stream && (
        <div className="chat__report">
          <ReportForm
            key={reporting.id}
            target={{ kind: 'message', streamId: stream.id, messageId: reporting.id, handle: reporting.handle }}
            onClose={() => setReporting(null)}
          />
        </div>
      )}
      <ChatComposer blockedReason={restriction ?? blockedReason(stream, session)} note={note} onSend={send} />
    </section>
  );
}
