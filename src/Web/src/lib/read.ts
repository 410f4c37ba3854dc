// Reading JSON from the wire defensively: a field of the wrong type is treated as missing, never trusted. Pure.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A finite number, or undefined. */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A whole number ≥ 0 (a count), 0 for anything else. */
export function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/** A kebab-case enum value (`"gift-tokens"`; also `"GiftTokens"`, or its index when written as a number). */
export function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) {
    return values[value];
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  const kebab = value
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
  return values.find((v) => v === kebab);
}

/** Milliseconds since the epoch of an ISO time, or NaN. */
export function timeOf(iso: string | null | undefined): number {
  return iso ? Date.parse(iso) : Number.NaN;
}
