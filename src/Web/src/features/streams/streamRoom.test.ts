import { describe, expect, it } from 'vitest';
import type { ChatMessageEvent, JoinResult, Stream, StreamEvent, WireOverlayLayout } from '../../api/contract';
import { initialRoom, MAX_MESSAGES, roomReducer, type RoomState } from './streamRoom';

const stream: Stream = {
  id: 's_1',
  title: 'Friday build session',
  category: 'coding',
  creatorId: 'u_1',
  creatorHandle: 'ada',
  status: 'live',
  createdAt: '2026-11-24T12:00:00+00:00',
  startedAt: '2026-11-24T12:01:00+00:00',
  endedAt: null,
  archivedAt: null,
  slowModeSeconds: 0,
  viewerCount: 41,
};

function chat(seq: number): ChatMessageEvent {
  return {
    type: 'chat:message',
    streamId: 's_1',
    seq,
    at: '2026-11-24T12:02:00+00:00',
    id: `m_${seq}`,
    userId: 'u_2',
    handle: 'bob',
    role: 'viewer',
    text: `message ${seq}`,
    level: 1,
    badges: [],
  };
}

function joined(overrides: Partial<JoinResult> = {}): RoomState {
  const result: JoinResult = {
    stream,
    viewerCount: 42,
    chat: [chat(1)],
    seq: 5,
    replay: [],
    gapTooOld: false,
    gifts: { totalTokens: 0, topGifters: [] },
    poll: null,
    mood: null,
    challenge: null,
    overlay: { theme: { preset: 'default', accent: null, accent2: null }, videoFilter: 'none', background: null, widgets: [] },
    ...overrides,
  };
  return roomReducer(initialRoom, { type: 'snapshot', result });
}

describe('the watch page view', () => {
  it('takes the snapshot whole, with its top-level viewer count', () => {
    const state = joined();
    expect(state.joined).toBe(true);
    expect(state.viewerCount).toBe(42);
    expect(state.messages.map((m) => m.id)).toEqual(['m_1']);
  });

  it('applies status, viewer count, slow mode and chat events', () => {
    let state = joined();
    state = roomReducer(state, { type: 'event', event: chat(6) });
    state = roomReducer(state, { type: 'event', event: { type: 'viewers:count', streamId: 's_1', seq: 7, at: '', count: 50 } });
    state = roomReducer(state, { type: 'event', event: { type: 'chat:slowmode', streamId: 's_1', seq: 8, at: '', seconds: 10 } });
    state = roomReducer(state, {
      type: 'event',
      event: { type: 'stream:state', streamId: 's_1', seq: 9, at: '', status: 'ended', previousStatus: 'live' },
    });

    expect(state.messages.map((m) => m.seq)).toEqual([1, 6]);
    expect(state.viewerCount).toBe(50);
    expect(state.stream?.slowModeSeconds).toBe(10);
    expect(state.stream?.status).toBe('ended');
  });

  it('ignores a REST fetch that lands after the snapshot', () => {
    const state = roomReducer(joined(), { type: 'fetched', stream: { ...stream, status: 'scheduled', viewerCount: 3 } });
    expect(state.stream?.status).toBe('live');
    expect(state.viewerCount).toBe(42);
  });

  it('leaves the view as it is for poll, mood, engagement and unknown events (a replay holds every type)', () => {
    const state = joined();
    const mood = { type: 'mood:state', streamId: 's_1', seq: 6, at: '', dominant: 'hype', intensity: 0.5, rates: {}, themeEnabled: true } as const;
    expect(roomReducer(state, { type: 'event', event: mood })).toBe(state);
    const layout: WireOverlayLayout = { theme: { preset: 'neon', accent: null, accent2: null }, videoFilter: 'noir', background: null, widgets: [] };
    expect(roomReducer(state, { type: 'event', event: { type: 'overlay:update', streamId: 's_1', seq: 6, at: '', layout } })).toBe(state);
    const unknown = { type: 'future:thing', streamId: 's_1', seq: 7, at: '' } as unknown as StreamEvent;
    expect(roomReducer(state, { type: 'event', event: unknown })).toBe(state);
  });

  it('keeps at most MAX_MESSAGES messages, dropping the oldest', () => {
    let state = joined({ chat: [] });
    for (let seq = 6; seq < 6 + MAX_MESSAGES + 10; seq++) {
      state = roomReducer(state, { type: 'event', event: chat(seq) });
    }
    expect(state.messages).toHaveLength(MAX_MESSAGES);
    expect(state.messages[0]?.seq).toBe(16);
  });

  it('removes a message a moderator deleted, and only that one', () => {
    let state = joined({ chat: [chat(1), chat(2)] });
    state = roomReducer(state, { type: 'event', event: { type: 'chat:delete', streamId: 's_1', seq: 6, at: '', messageId: 'm_1', userId: 'u_2' } });
    expect(state.messages.map((m) => m.id)).toEqual(['m_2']);
  });
});
