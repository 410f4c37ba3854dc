import { MOODS, type Mood } from '../../api/contract';

export interface MoodArt {
  emoji: string;
  label: string;
  /** The theme colour: the watch page's accent and background follow the dominant mood's. */
  color: `#${string}`;
}

/** How each mood looks. Colours kept apart in hue so that a shift of mood is a visible shift of colour. */
export const MOOD_ART: Readonly<Record<Mood, MoodArt>> = {
  hype: { emoji: '🔥', label: 'Hype', color: '#ff7a1a' },
  love: { emoji: '❤️', label: 'Love', color: '#ff3d8b' },
  laugh: { emoji: '😂', label: 'Laugh', color: '#ffc53d' },
  wow: { emoji: '😮', label: 'Wow', color: '#22d3ee' },
  sad: { emoji: '😢', label: 'Sad', color: '#4f7cff' },
  angry: { emoji: '😡', label: 'Angry', color: '#e5262e' },
};

export function isMood(value: unknown): value is Mood {
  return typeof value === 'string' && (MOODS as readonly string[]).includes(value);
}
