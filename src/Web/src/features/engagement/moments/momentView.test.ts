import { describe, expect, it } from 'vitest';
import { intoStream, momentTitle } from './momentView';

describe('a moment in words', () => {
  it('says what happened, or the marker’s note', () => {
    expect(momentTitle({ kind: 'reactions', note: null }).title).toMatch(/reactions/);
    expect(momentTitle({ kind: 'gifts', note: null }).icon).toBe('🎁');
    expect(momentTitle({ kind: 'manual', note: 'What a save!' }).title).toBe('What a save!');
    expect(momentTitle({ kind: 'manual', note: null }).title).toMatch(/marked/);
  });

  it('places it in the stream', () => {
    expect(intoStream({ at: '2026-11-24T12:03:21.900Z' }, '2026-11-24T12:00:00Z')).toBe('3:21');
    expect(intoStream({ at: '2026-11-24T13:02:03Z' }, '2026-11-24T12:00:00Z')).toBe('1:02:03');
    expect(intoStream({ at: '2026-11-24T11:00:00Z' }, '2026-11-24T12:00:00Z')).toBeNull();
    expect(intoStream({ at: '2026-11-24T12:00:00Z' }, null)).toBeNull();
  });
});
