// The level curve of docs/PROGRESSION.md and the header's XP bar maths. Pure.

/** The total XP that reaches level `n`: `floor(100 · (n − 1)^1.5)`; 0 for level 1 (XpRules.XpForLevel). */
export function xpForLevel(level: number): number {
  return level <= 1 ? 0 : Math.floor(100 * Math.pow(level - 1, 1.5));
}

/** The level `xp` total XP reaches (the server's rule, for when it sends no level). */
export function levelForXp(xp: number): number {
  let level = 1;
  while (xpForLevel(level + 1) <= xp) {
    level++;
  }
  return level;
}

export interface XpBar {
  level: number;
  xp: number;
  /** The total XP at which this level started. */
  from: number;
  /** The total XP that reaches the next level. */
  to: number;
  /** XP earned within this level, and how much more is needed. */
  into: number;
  remaining: number;
  /** 0–1: how far through the level. */
  fraction: number;
}

/**
 * Progress to the next level: from the previous threshold `100·(level−1)^1.5` to the server's `xpForNextLevel`
 * (computed here when it is missing or not above the start). Bad numbers become 0, never NaN.
 */
export function xpBar(progress: { xp: number; level: number; xpForNextLevel?: number | null }): XpBar {
  const level = Number.isInteger(progress.level) && progress.level >= 1 ? progress.level : 1;
  const xp = Number.isFinite(progress.xp) && progress.xp > 0 ? Math.floor(progress.xp) : 0;
  const from = xpForLevel(level);
  const sent = progress.xpForNextLevel;
  const to = typeof sent === 'number' && Number.isFinite(sent) && sent > from ? sent : xpForLevel(level + 1);
  const into = Math.max(0, xp - from);
  const span = to - from;
  const fraction = Math.min(1, Math.max(0, into / span));
  return { level, xp, from, to, into: Math.min(into, span), remaining: Math.max(0, to - xp), fraction };
}
