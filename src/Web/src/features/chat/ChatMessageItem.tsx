import { memo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ChatMessageEvent } from '../../api/contract';
import { clockTime, hueOf } from '../../lib/format';
import { chatBadges } from '../progression/badges';
import { BadgeIcon } from '../progression/BadgeIcon';
import type { ChatModeration } from './useChatModeration';

interface ChatMessageItemProps {
  message: ChatMessageEvent;
  /** The message is by the stream's own creator. */
  byHost: boolean;
  /** The message is by the signed-in user. */
  mine: boolean;
  /** Slow-mo chat is on: a message that arrives now glides in slowly (read once, when it first shows). */
  slowMotion?: boolean;
  /** The moderator tools, when the reader may moderate and the line is someone else's. */
  moderation?: ChatModeration | null;
  /** Opens the report form for this line; given to a signed-in reader (not shown on their own lines). */
  onReport?: ((message: ChatMessageEvent) => void) | null;
}

/**
 * One chat line: the sender's name (a link to their profile), level and up to three badges, then the text. A
 * `system` line (a level milestone) is the platform speaking: muted, without a name to click. The text is plain
 * text from other people: rendered only as a React text node.
 */
export const ChatMessageItem = memo(function ChatMessageItem({ message, byHost, mine, slowMotion = false, moderation = null, onReport = null }: ChatMessageItemProps) {
  // Fixed at mount: messages already shown must not replay their entrance when slow-mo starts or stops.
  const [slow] = useState(slowMotion);
  if (message.role === 'system') {
    return (
      <li className={`chat-message chat-message--system${slow ? ' chat-message--slow' : ''}`} data-testid="chat-system" data-seq={message.seq}>
        <time className="chat-message__time" dateTime={message.at}>
          {clockTime(message.at)}
        </time>
        <span className="chat-message__system-mark" aria-hidden="true">
          ★
        </span>
        <span className="chat-message__text" data-testid="chat-text">
          {message.text}
        </span>
      </li>
    );
  }
  const tag = byHost ? 'host' : message.role !== 'viewer' ? message.role : null;
  const level = typeof message.level === 'number' && Number.isInteger(message.level) && message.level > 0 ? message.level : null;
  const badges = chatBadges(message.badges);
  return (
    <li
      className={`chat-message${mine ? ' chat-message--mine' : ''}${slow ? ' chat-message--slow' : ''}`}
      data-testid="chat-message"
      data-seq={message.seq}
    >
      <time className="chat-message__time" dateTime={message.at}>
        {clockTime(message.at)}
      </time>
      {level !== null && (
        <span className="chat-level" data-testid="chat-level" data-level={level} title={`Level ${level}`}>
          {level}
        </span>
      )}
      <Link
        className="chat-message__handle"
        data-testid="chat-handle"
        to={`/u/${encodeURIComponent(message.userId)}`}
        style={{ color: `hsl(${hueOf(message.handle.toLowerCase())} 75% 68%)` }}
      >
        {message.handle}
      </Link>
      {badges.map((code) => (
        <BadgeIcon key={code} code={code} testId="chat-badge" className="chat-badge" />
      ))}
      {tag && <span className={`role-tag role-tag--${tag === 'host' ? 'creator' : tag}`}>{tag}</span>}
      <span className="chat-message__text" data-testid="chat-text">
        {message.text}
      </span>
      {!mine && (moderation || onReport) && (
        <details className="chat-mod" data-testid={moderation && !byHost ? 'chat-mod-menu' : 'chat-line-menu'}>
          <summary className="chat-mod__toggle" aria-label={`${moderation && !byHost ? 'Moderate or report' : 'Report'} ${message.handle}'s message`}>
            ⋯
          </summary>
          <span className="chat-mod__actions">
            {moderation && !byHost && (
              <>
                <button type="button" data-testid="chat-mod-delete" onClick={() => moderation.remove(message)}>
                  Delete
                </button>
                <button type="button" data-testid="chat-mod-timeout" onClick={() => moderation.timeout(message)}>
                  Time out 10 min
                </button>
                <button type="button" data-testid="chat-mod-ban" onClick={() => moderation.ban(message)}>
                  Ban
                </button>
              </>
            )}
            {onReport && (
              <button
                type="button"
                data-testid="chat-report"
                onClick={(e) => {
                  e.currentTarget.closest('details')?.removeAttribute('open');
                  onReport(message);
                }}
              >
                Report
              </button>
            )}
          </span>
        </details>
      )}
    </li>
  );
});
