import { describe, expect, it } from 'vitest';
import { clipPosition, driftCorrection, isRunning } from './segmentClock';

const segment = { startedAt: '2026-01-01T00:00:10.000Z', endsAt: '2026-01-01T00:00:20.000Z' };
const at = (iso: string) => Date.parse(iso);

describe('segment clock', () => {
  it('puts every viewer at the same position whatever their clock', () => {
    // One viewer's clock is 2 s behind the server's, another's 1 s ahead: both are 3 s into the clip.
    expect(clipPosition(segment, at('2026-01-01T00:00:11.000Z'), 2000)).toBeCloseTo(3);
    expect(clipPosition(segment, at('2026-01-01T00:00:14.000Z'), -1000)).toBeCloseTo(3);
  });

  it('is negative before the shared start', () => {
    expect(clipPosition(segment, at('2026-01-01T00:00:09.500Z'), 0)).toBeCloseTo(-0.5);
  });

  it('ends at the server time the clip ends', () => {
    expect(isRunning(segment, at('2026-01-01T00:00:19.000Z'), 0)).toBe(true);
    expect(isRunning(segment, at('2026-01-01T00:00:19.000Z'), 1000)).toBe(false);
  });

  it('seeks only a player that drifted, and never past the clip', () => {
    expect(driftCorrection(3, 3.1, 10)).toBeNull();
    expect(driftCorrection(3, 2, 10)).toBe(3);
    expect(driftCorrection(12, 2, 10)).toBe(10);
    expect(driftCorrection(-1, 0.5, 10)).toBe(0);
  });
});
