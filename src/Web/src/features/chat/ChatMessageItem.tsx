import { memo, useState } from 'react';
import type { ChatMessageEvent } from '../../api/types';
import { clockTime, hueOf } from '../../lib/format';

interface ChatMessageItemProps {
  message: ChatMessageEvent;
  /** The message is by the stream's own creator. */
  byHost: boolean;
  /** The message is by the signed-in user. */
  mine: boolean;
  /** Slow-mo chat is on: a message that arrives now glides in slowly (read once, when it first shows). */
  slowMotion?: boolean;
}

/** One chat line. The text is plain text from other people: rendered only as a React text node. */
export const ChatMessageItem = memo(function ChatMessageItem({ message, byHost, mine, slowMotion = false }: ChatMessageItemProps) {
  // Fixed at mount: messages already shown must not replay their entrance when slow-mo starts or stops.
  const [slow] = useState(slowMotion);
  const tag = byHost ? 'host' : message.role !== 'viewer' ? message.role : null;
  return (
    <li
      className={`chat-message${mine ? ' chat-message--mine' : ''}${slow ? ' chat-message--slow' : ''}`}
      data-testid="chat-message"
      data-seq={message.seq}
    >
      <time className="chat-message__time" dateTime={message.at}>
        {clockTime(message.at)}
      </time>
      <span className="chat-message__handle" data-testid="chat-handle" style={{ color: `hsl(${hueOf(message.handle.toLowerCase())} 75% 68%)` }}>
        {message.handle}
      </span>
      {tag && <span className={`role-tag role-tag--${tag === 'host' ? 'creator' : tag}`}>{tag}</span>}
      <span className="chat-message__text" data-testid="chat-text">
        {message.text}
      </span>
    </li>
  );
});
