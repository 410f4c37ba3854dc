import { describe, expect, it } from 'vitest';
import { clipAt, clipTime, type VodClip } from './vodClips';

const clip = (segmentId: string, offsetMs: number, durationMs: number): VodClip => ({
  segmentId,
  title: segmentId,
  offsetMs,
  durationMs,
  url: `/media/${segmentId}`,
});

describe('a VOD without a recording', () => {
  const clips = [clip('a', 10_000, 5_000), clip('b', 30_000, 2_000)];

  it('plays the clip the stream played at that position, and none in its live parts', () => {
    expect(clipAt(clips, 9_999)).toBeNull();
    expect(clipAt(clips, 10_000)?.segmentId).toBe('a');
    expect(clipAt(clips, 14_999)?.segmentId).toBe('a');
    expect(clipAt(clips, 15_000)).toBeNull();
    expect(clipAt(clips, 31_000)?.segmentId).toBe('b');
  });

  it('starts the clip where the stream was in it', () => {
    expect(clipTime(clips[0]!, 12_500)).toBe(2.5);
    expect(clipTime(clips[0]!, 9_000)).toBe(0);
  });
});
