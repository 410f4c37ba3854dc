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
} from './contract';


// The Api's OpenAPI document (REST and hub), which the types are generated from: names checked at run time here.
const openapi = JSON.parse(readFileSync(new URL('./generated/openapi.json', import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, { oneOf?: { $ref: string }[]; properties?: Record<string, { const?: string }> }> };
};
const schemas = openapi.components.schemas;

/** The wire names of a union's events (StreamEvent, UserEvent): each member's constant `type`. */
function eventNamesOf(union: string): string[] {
  return (schemas[union]?.oneOf ?? []).map((ref) => schemas[ref.$ref.split('/').pop()!]?.properties?.type?.const ?? '?');
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

  it('are the events the server sends, as its OpenAPI document names them', () => {
    expect([...STREAM_EVENT_TYPES].sort()).toEqual(eventNamesOf('StreamEvent').sort());
  });

  it('name every hub method the server has, as its OpenAPI document names them', () => {
    expect(Object.values(HubMethods).sort()).toEqual(Object.keys(schemas.HubMethods?.properties ?? {}).sort());
  });

  it('are told apart from the client-to-server methods the client calls', () => {
    const methods = new Set<string>(Object.values(HubMethods));
    // chat:message and poll:create are both: the method's answer is also broadcast as the event; chat:delete is
    // what a moderator calls and what every viewer then receives.
    const both = STREAM_EVENT_TYPES.filter((type) => methods.has(type));
    expect(both.sort()).toEqual(['chat:delete', 'chat:message', 'poll:create']);
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
    expect([...USER_EVENT_TYPES].sort()).toEqual(['badge:earned', 'level:up', 'moderation:lifted', 'moderation:restricted', 'segment:processing', 'stream:live', 'wallet:changed']);
    expect(USER_EVENT_TYPES.filter((type) => (STREAM_EVENT_TYPES as readonly string[]).includes(type))).toEqual([]);
  });

  it('are the user events the server sends, as its OpenAPI document names them', () => {
    expect([...USER_EVENT_TYPES].sort()).toEqual(eventNamesOf('UserEvent').sort());
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
