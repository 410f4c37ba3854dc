import { describe, expect, it } from 'vitest';
import { landingOffset, landingRotation, segmentArc, segmentAtPointer } from './wheelGeometry';

describe('wheel geometry', () => {
  it('lands every segment of every wheel size under the pointer', () => {
    for (let count = 2; count <= 12; count++) {
      for (let index = 0; index < count; index++) {
        for (const offset of [-0.4, 0, 0.4]) {
          const rotation = landingRotation(index, count, 6, offset);
          expect(segmentAtPointer(rotation, count)).toBe(index);
          expect(rotation).toBeGreaterThanOrEqual(6 * 360);
        }
      }
    }
  });

  it('lays segments clockwise from 12 o’clock', () => {
    expect(segmentArc(0, 4)).toEqual({ start: 0, end: 90 });
    expect(segmentArc(3, 4)).toEqual({ start: 270, end: 360 });
  });

  it('keeps the landing offset inside the segment and stable per spin', () => {
    for (const id of ['t_1', 't_2', 't_abc', '']) {
      const offset = landingOffset(id);
      expect(Math.abs(offset)).toBeLessThanOrEqual(0.4);
      expect(landingOffset(id)).toBe(offset);
    }
  });
});
