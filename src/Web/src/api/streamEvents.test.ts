import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { isUserEvent, registerStreamEvents, registerUserEvents, type EventRegistrar } from './hub';
import {
  HubMethods,
  STREAM_EVENTS_BATCH,
  STREAM_EVENT_TYPES,
  USER_EVENT_TYPES,
  type StreamEvent,
  type StreamEventType,
  type UserEvent,
  type UserEventType,
} from './types';

/** Every server-to-client name the client registers: stream events, their batch, and the user's own (`level:up`, …). */
const ALL_EVENT_TYPES: readonly string[] = [...STREAM_EVENT_TYPES, STREAM_EVENTS_BATCH, ...USER_EVENT_TYPES];

const protocol = readFileSync(new URL('../../../../docs/PROTOCOL.md', import.meta.url), 'utf8');

/** The names PROTOCOL.md's JSON examples send as an event's `type`. */
function typesInProtocolExamples(): Set<string> {
  return new Set([...protocol.matchAll(/"type":\s*"([a-z]+:[a-z]+)"/g)].map((m) => m[1]!));
}

/**
 * The events PROTOCOL.md's headings name. A heading names hub methods with their arguments (`qa:ask` ({ … })) and
 * events without (`### \`challenge:start\` ({ … }) · \`challenge:update\``).
 */
function eventsInProtocolHeadings(): Set<string> {
  const events = new Set<string>();
  for (const [heading] of protocol.matchAll(/^#{2,4} .*$/gm)) {
    for (const part of heading.replace(/^#+ /, '').split(' · ')) {
      const named = /^`([a-z]+:[a-z]+)`(.*)$/.exec(part.trim());
      if (named && !named[2]!.trim().startsWith('(')) {
        events.add(named[1]!);
      }
    }
  }
  return events;
}

describe('the stream event names', () => {
  it('list every event type of the StreamEvent union, and nothing else', () => {
    // Checked by tsc (npm run build): a union member missing from the list, or a name the union lacks, fails it.
    expectTypeOf<(typeof STREAM_EVENT_TYPES)[number]>().toEqualTypeOf<StreamEventType>();
    expectTypeOf<StreamEvent['type']>().toEqualTypeOf<StreamEventType>();
    expect(new Set(STREAM_EVENT_TYPES).size).toBe(STREAM_EVENT_TYPES.length);
  });

  it('include the engagement events that used to be missing', () => {
    expect(STREAM_EVENT_TYPES).toEqual(
      expect.arrayContaining(['qa:update', 'challenge:update', 'moment:detected', 'overlay:update']),
    );
  });

  it('cover every event PROTOCOL.md shows with a `type`', () => {
    const documented = typesInProtocolExamples();
    expect(documented.size).toBeGreaterThan(10);
    for (const type of documented) {
      expect(ALL_EVENT_TYPES, `${type} is sent by the server but not registered`).toContain(type);
    }
  });

  it('cover every event PROTOCOL.md names in a heading, and PROTOCOL.md names each of them', () => {
    const documented = eventsInProtocolHeadings();
    expect(documented).toContain('overlay:update'); // the heading that names it with a REST path
    expect(documented).toContain('moment:detected');
    expect(documented).not.toContain('moment:mark'); // a method: it has arguments
    expect([...documented].filter((name) => !ALL_EVENT_TYPES.includes(name))).toEqual([]);
    const mentioned = new Set([...protocol.matchAll(/`([a-z]+:[a-z]+)`/g)].map((m) => m[1]!));
    expect(ALL_EVENT_TYPES.filter((type) => !mentioned.has(type))).toEqual([]);
  });

  it('are told apart from the client-to-server methods the client calls', () => {
    const methods = new Set<string>(Object.values(HubMethods));
    // chat:message and poll:create are both: the method's answer is also broadcast as the event.
    const both = STREAM_EVENT_TYPES.filter((type) => methods.has(type));
    expect(both.sort()).toEqual(['chat:message', 'poll:create']);
  });

  it('are all registered with the hub connection, each once', () => {
    const registered: string[] = [];
    const hub: EventRegistrar = { on: (name: string) => void registered.push(name) };
    registerStreamEvents(hub, () => {});
    expect([...registered].sort()).toEqual([...STREAM_EVENT_TYPES, STREAM_EVENTS_BATCH].sort());
  });

  it('reach the handler one at a time, in order, when they come as a stream:events batch', () => {
    const handlers = new Map<string, (...args: unknown[]) => void>();
    const hub: EventRegistrar = { on: (name: string, fn: (...args: unknown[]) => void) => void handlers.set(name, fn) };
    const seen: StreamEvent[] = [];
    registerStreamEvents(hub, (event) => seen.push(event));
    const first = { type: 'chat:message', streamId: 's_1', seq: 8, at: '', text: 'a' };
    const second = { type: 'gift:received', streamId: 's_1', seq: 9, at: '' };
    handlers.get(STREAM_EVENTS_BATCH)?.({ streamId: 's_1', events: [first, second] });
    expect(seen).toEqual([first, second]);
  });

  it('ignore a stream:events batch without an events array', () => {
    const handlers = new Map<string, (...args: unknown[]) => void>();
    const hub: EventRegistrar = { on: (name: string, fn: (...args: unknown[]) => void) => void handlers.set(name, fn) };
    const seen: StreamEvent[] = [];
    registerStreamEvents(hub, (event) => seen.push(event));
    handlers.get(STREAM_EVENTS_BATCH)?.({ streamId: 's_1' });
    handlers.get(STREAM_EVENTS_BATCH)?.(null);
    expect(seen).toEqual([]);
  });

  it('reach the handler with the event as sent', () => {
    const handlers = new Map<string, (...args: unknown[]) => void>();
    const hub: EventRegistrar = { on: (name: string, fn: (...args: unknown[]) => void) => void handlers.set(name, fn) };
    const seen: StreamEvent[] = [];
    registerStreamEvents(hub, (event) => seen.push(event));
    const update = { type: 'qa:update', streamId: 's_1', seq: 7, at: '', question: {} };
    handlers.get('qa:update')?.(update);
    expect(seen).toEqual([update]);
  });

  it('include leaderboard:update, a stream event', () => {
    expect(STREAM_EVENT_TYPES).toContain('leaderboard:update');
  });
});

describe('the user event names', () => {
  it('list every UserEvent type, and are kept apart from the stream events (no streamId, no seq)', () => {
    expectTypeOf<(typeof USER_EVENT_TYPES)[number]>().toEqualTypeOf<UserEventType>();
    expect([...USER_EVENT_TYPES].sort()).toEqual(['badge:earned', 'level:up']);
    expect(USER_EVENT_TYPES.filter((type) => (STREAM_EVENT_TYPES as readonly string[]).includes(type))).toEqual([]);
  });

  it('are the events PROTOCOL.md sends to the user only', () => {
    const section = protocol.split('### `level:up`')[1]!.split(/^### /m)[0]!;
    for (const type of USER_EVENT_TYPES) {
      expect(section).toContain(`"type": "${type}"`);
    }
  });

  it('are registered with the hub connection apart from the stream events, each once', () => {
    const registered: string[] = [];
    const hub: EventRegistrar = { on: (name: string) => void registered.push(name) };
    registerUserEvents(hub, () => {});
    expect([...registered].sort()).toEqual([...USER_EVENT_TYPES].sort());
    registerStreamEvents(hub, () => {});
    expect(new Set(registered).size).toBe(registered.length);
  });

  it('reach their handler as sent, and only well-formed ones count', () => {
    const handlers = new Map<string, (...args: unknown[]) => void>();
    const hub: EventRegistrar = { on: (name: string, fn: (...args: unknown[]) => void) => void handlers.set(name, fn) };
    const seen: UserEvent[] = [];
    registerUserEvents(hub, (event) => seen.push(event));
    const up = { type: 'level:up', userId: 'u_1', at: '', level: 5, xp: 812, xpForNextLevel: 1131 };
    handlers.get('level:up')?.(up);
    expect(seen).toEqual([up]);
    expect(isUserEvent(up)).toBe(true);
    expect(isUserEvent({ type: 'chat:message' })).toBe(false);
    expect(isUserEvent(null)).toBe(false);
  });
});
