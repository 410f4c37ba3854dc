import { describe, expect, it } from 'vitest';
import { initialMoments, MAX_MOMENTS, momentsReducer, readMoment, streamOfMoment } from './momentState';

function m(n: number, at: string, kind = 'reactions') {
  return { momentId: `s_1.${n}`, at, kind, intensity: 4.2, note: null, streamSeq: 100 + n, sharePath: `/m/s_1.${n}` };
}

describe('the moments list', () => {
  it('lists the fetched moments newest first', () => {
    const state = momentsReducer(initialMoments, {
      type: 'listed',
      moments: [m(1, '2026-11-24T12:00:00Z'), m(3, '2026-11-24T12:02:00Z'), m(2, '2026-11-24T12:01:00Z')],
    });
    expect(state.loaded).toBe(true);
    expect(state.moments.map((x) => x.momentId)).toEqual(['s_1.3', 's_1.2', 's_1.1']);
  });

  it('adds detected moments once, whether the event or the list came first', () => {
    let state = momentsReducer(initialMoments, { type: 'moment', moment: m(4, '2026-11-24T12:03:00Z', 'manual') });
    state = momentsReducer(state, { type: 'listed', moments: [m(4, '2026-11-24T12:03:00Z', 'manual'), m(1, '2026-11-24T12:00:00Z')] });
    const same = momentsReducer(state, { type: 'moment', moment: m(4, '2026-11-24T12:03:00Z', 'manual') });
    expect(same).toBe(state);
    expect(state.moments.map((x) => x.momentId)).toEqual(['s_1.4', 's_1.1']);
  });

  it('orders moments of the same second by their number', () => {
    const at = '2026-11-24T12:00:00Z';
    const state = momentsReducer(initialMoments, { type: 'listed', moments: [m(9, at), m(10, at)] });
    expect(state.moments.map((x) => x.momentId)).toEqual(['s_1.10', 's_1.9']);
  });

  it('keeps at most the newest MAX_MOMENTS', () => {
    const many = Array.from({ length: MAX_MOMENTS + 5 }, (_, i) => m(i + 1, new Date(Date.UTC(2026, 10, 24, 12, 0, i)).toISOString()));
    const state = momentsReducer(initialMoments, { type: 'listed', moments: many });
    expect(state.moments).toHaveLength(MAX_MOMENTS);
    expect(state.moments[0]?.momentId).toBe(`s_1.${MAX_MOMENTS + 5}`);
  });

  it('reads moments defensively', () => {
    expect(readMoment({ momentId: 's_1.2', kind: 'Gifts', note: '  ', sharePath: 'javascript:alert(1)' })).toEqual({
      momentId: 's_1.2',
      streamId: 's_1',
      at: '',
      kind: 'gifts',
      intensity: 0,
      note: null,
      streamSeq: 0,
      sharePath: '/m/s_1.2',
    });
    expect(readMoment({ momentId: 's_1.2', kind: 'sleepy' })).toBeNull();
    expect(readMoment('x')).toBeNull();
    expect(streamOfMoment('s_9d2c4b1a7e3f.3')).toBe('s_9d2c4b1a7e3f');
    expect(streamOfMoment('nodot')).toBeNull();
  });
});
