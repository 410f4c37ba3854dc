// Time left, as countdowns show it. Pure: the clock comes in.

/** Milliseconds from `now` (plus the server's clock offset) until `iso`; 0 once past or when unreadable. */
export function msUntil(iso: string | null | undefined, now: number, offsetMs = 0): number {
  const end = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(end) ? 0 : Math.max(0, end - (now + offsetMs));
}

/**
 * `m:ss` under an hour, `h:mm:ss` under a day, `2d 03:04:05` beyond. Whole seconds are counted up, so that
 * `0:00` shows only when the time is really up.
 */
export function formatCountdown(ms: number): string {
  const total = Number.isFinite(ms) ? Math.max(0, Math.ceil(ms / 1000)) : 0;
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (days > 0) {
    return `${days}d ${two(hours)}:${two(minutes)}:${two(seconds)}`;
  }
  if (hours > 0) {
    return `${hours}:${two(minutes)}:${two(seconds)}`;
  }
  return `${minutes}:${two(seconds)}`;
}

/** "45 s", "5 min", "1 h 30 min": a duration for people, rounded to what matters. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) {
    return `${s} s`;
  }
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const rest = s % 60;
    return rest ? `${m} min ${rest} s` : `${m} min`;
  }
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}
