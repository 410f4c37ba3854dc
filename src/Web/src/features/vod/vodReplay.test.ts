import { describe, expect, it } from 'vitest';
import type { ChatMessageEvent, StreamEvent } from '../../api/contract';
import { clock, initialReplay, isJump, replayReducer, takeDue, VOD_CHAT_LINES, type TimelineItem } from './vodReplay';

function chat(seq: number, text: string): ChatMessageEvent {
  return {
    type: 'chat:message',
    streamId: 's_1',
    seq,
    at: '2026-12-08T00:00:00Z',
    id: `m_${seq}`,
    userId: 'u_1',
    handle: 'ada',
    role: 'viewer',
    text,
    level: 1,
    badges: [],
  };
}

const item = (offsetMs: number, event: StreamEvent): TimelineItem => ({ offsetMs, event });

describe('the VOD replay', () => {
  it('releases the entries whose offset the position has passed, and keeps the rest in order', () => {
    const queue = [item(100, chat(1, 'a')), item(200, chat(2, 'b')), item(300, chat(3, 'c'))];
    expect(takeDue(queue, 200).map((i) => i.offsetMs)).toEqual([100, 200]);
    expect(queue.map((i) => i.offsetMs)).toEqual([300]);
    expect(takeDue(queue, 250)).toEqual([]);
  });

  it('tells a seek from playback: backwards or further than between two time updates', () => {
    expect(isJump(null, 0)).toBe(true);
    expect(isJump(1000, 1250)).toBe(false);
    expect(isJump(1000, 600)).toBe(true);
    expect(isJump(1000, 5000)).toBe(true);
  });

  it('a seek replaces the chat with the context, and events append to it up to a limit', () => {
    const seeked = replayReducer({ ...initialReplay, messages: [chat(9, 'old')] }, { type: 'seek', context: [item(10, chat(1, 'before'))] });
    expect(seeked.messages.map((m) => m.text)).toEqual(['before']);
    let view = seeked;
    for (let i = 0; i < VOD_CHAT_LINES + 5; i++) {
      view = replayReducer(view, { type: 'event', event: chat(100 + i, `line ${i}`) });
    }
    expect(view.messages).toHaveLength(VOD_CHAT_LINES);
    expect(view.messages.at(-1)?.text).toBe(`line ${VOD_CHAT_LINES + 4}`);
  });

  it('shows offsets as a clock', () => {
    expect(clock(75_500)).toBe('1:15');
    expect(clock(3_723_000)).toBe('1:02:03');
  });
});
