import { describe, expect, it } from 'vitest';
import { formatCountdown, formatDuration, msUntil } from './countdown';

describe('countdowns', () => {
  it('show m:ss under an hour, counting whole seconds up', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(59_001)).toBe('1:00');
    expect(formatCountdown(9 * 60_000 + 5_000)).toBe('9:05');
    expect(formatCountdown(3_600_000 - 1_000)).toBe('59:59');
  });

  it('show h:mm:ss under a day and days beyond', () => {
    expect(formatCountdown(3_600_000)).toBe('1:00:00');
    expect(formatCountdown(2 * 3_600_000 + 3 * 60_000 + 4_000)).toBe('2:03:04');
    expect(formatCountdown(2 * 86_400_000 + 3 * 3_600_000 + 4 * 60_000 + 5_000)).toBe('2d 03:04:05');
  });

  it('never go below zero, nor break on nonsense', () => {
    expect(formatCountdown(-5_000)).toBe('0:00');
    expect(formatCountdown(Number.NaN)).toBe('0:00');
  });

  it('measure the time left on the server clock', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    expect(msUntil('2026-11-24T12:01:00Z', now)).toBe(60_000);
    expect(msUntil('2026-11-24T12:01:00Z', now, 10_000)).toBe(50_000);
    expect(msUntil('2026-11-24T11:59:00Z', now)).toBe(0);
    expect(msUntil('soon', now)).toBe(0);
    expect(msUntil(null, now)).toBe(0);
  });

  it('say durations for people', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(300)).toBe('5 min');
    expect(formatDuration(90)).toBe('1 min 30 s');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(5400)).toBe('1 h 30 min');
  });
});
