// The creator's layout as the watch page wears it: theme preset and accents as CSS custom properties (which the mood
// theme tints on top of), the video filter as CSS filters, the background image as a safely quoted CSS url(), and
// widgets placed by percentages over the video. Pure; layouts from the wire are read defensively, and nothing
// from them reaches the page as markup.

import type { CSSProperties } from 'react';
import {
  OVERLAY_WIDGET_KINDS,
  OVERLAY_WIDGETS_MAX,
  THEME_PRESETS,
  VIDEO_FILTERS,
  type OverlayLayout,
  type OverlayWidget,
  type ThemePreset,
  type ThemeSettings,
  type VideoFilter,
} from '../../api/contract';
import { isRecord, num, oneOf, str } from '../../lib/read';

export const DEFAULT_LAYOUT: OverlayLayout = {
  theme: { preset: 'default', accent: null, accent2: null },
  videoFilter: 'none',
  background: null,
  widgets: [],
};

export interface PresetInfo {
  label: string;
  /** The preset's accents, used unless the creator picked their own. */
  accent: string;
  accent2: string;
  description: string;
}

export const THEME_PRESET_INFO: Record<ThemePreset, PresetInfo> = {
  default: { label: 'Default', accent: '#7c5cff', accent2: '#ff3b5c', description: 'LiveStreamX violet' },
  neon: { label: 'Neon', accent: '#ff3d71', accent2: '#00d4ff', description: 'Hot pink and electric blue, glowing' },
  sunset: { label: 'Sunset', accent: '#ff7a45', accent2: '#ffc247', description: 'Warm orange into gold' },
  forest: { label: 'Forest', accent: '#2fb67c', accent2: '#a3d65c', description: 'Deep greens' },
  mono: { label: 'Mono', accent: '#8d96aa', accent2: '#e8ebf3', description: 'Greys, no colour' },
};

export const VIDEO_FILTER_INFO: Record<VideoFilter, { label: string; css: string }> = {
  none: { label: 'None', css: 'none' },
  vivid: { label: 'Vivid', css: 'saturate(1.6) contrast(1.1)' },
  warm: { label: 'Warm', css: 'sepia(0.3) saturate(1.4) hue-rotate(-10deg)' },
  cool: { label: 'Cool', css: 'sepia(0.25) hue-rotate(170deg) saturate(1.3) brightness(1.02)' },
  noir: { label: 'Noir', css: 'grayscale(1) contrast(1.35) brightness(0.9)' },
  vintage: { label: 'Vintage', css: 'sepia(0.55) contrast(0.9) brightness(1.05) saturate(0.85)' },
};

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOR.test(value);
}

// ---- reading ----

function readTheme(raw: unknown): ThemeSettings {
  const theme = isRecord(raw) ? raw : {};
  return {
    preset: oneOf(THEME_PRESETS, theme.preset) ?? 'default',
    accent: isHexColor(theme.accent) ? theme.accent.toLowerCase() : null,
    accent2: isHexColor(theme.accent2) ? theme.accent2.toLowerCase() : null,
  };
}

function percent(value: unknown, fallback: number): number {
  const n = num(value);
  return n === undefined ? fallback : Math.min(100, Math.max(0, n));
}

function whole(value: unknown, fallback: number): number {
  const n = num(value);
  return n === undefined ? fallback : Math.max(0, Math.floor(n));
}

/** A widget from the wire, or null when it is not one this client can draw. */
export function readWidget(raw: unknown, index: number): OverlayWidget | null {
  if (!isRecord(raw)) {
    return null;
  }
  const kind = oneOf(OVERLAY_WIDGET_KINDS, raw.kind);
  if (!kind) {
    return null;
  }
  const box = {
    id: str(raw.id) || `w${index + 1}`,
    x: percent(raw.x, 0),
    y: percent(raw.y, 0),
    width: percent(raw.width, 0),
    height: percent(raw.height, 0),
  };
  switch (kind) {
    case 'banner':
      return { ...box, kind, text: str(raw.text) ?? '' };
    case 'image':
      return { ...box, kind, src: str(raw.src) ?? '' };
    case 'goal':
      return { ...box, kind, label: str(raw.label) ?? '', current: whole(raw.current, 0), target: Math.max(1, whole(raw.target, 1)) };
    case 'countdown':
      return { ...box, kind, label: str(raw.label) ?? '', endsAt: str(raw.endsAt) ?? '' };
  }
}

/** A layout from the wire (the snapshot's `overlay`, `overlay:update`, `GET …/overlay`); the default for anything else. */
export function readLayout(raw: unknown): OverlayLayout {
  if (!isRecord(raw)) {
    return DEFAULT_LAYOUT;
  }
  const widgets = (Array.isArray(raw.widgets) ? raw.widgets : [])
    .map(readWidget)
    .filter((w): w is OverlayWidget => w !== null)
    .slice(0, OVERLAY_WIDGETS_MAX);
  const background = str(raw.background);
  return {
    theme: readTheme(raw.theme),
    videoFilter: oneOf(VIDEO_FILTERS, raw.videoFilter) ?? 'none',
    background: background && isSafeImageUrl(background) ? background : null,
    widgets,
  };
}

// ---- safe URLs ----

/** An `https://` URL or a path under `/assets/` (the server's rule), without control characters. */
export function isSafeImageUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u001f\u007f]/.test(url)) {
    return false;
  }
  if (url.startsWith('/assets/')) {
    return !url.includes('..') && !url.includes('\\') && url.length <= 300;
  }
  if (url.length > 500) {
    return false;
  }
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * `url("…")` for a safe image URL, quoted so that nothing in it can end the string or the declaration (`\` and `"`
 * escaped; control characters are refused); null for anything else.
 */
export function cssUrl(url: string | null | undefined): string | null {
  if (!url || !isSafeImageUrl(url)) {
    return null;
  }
  return `url("${url.replace(/["\\]/g, (c) => `\\${c}`)}")`;
}

// ---- theme and filter ----

export type ThemeVars = {
  '--accent-base': string;
  '--accent-hover-base': string;
  '--accent-2': string;
};

/**
 * The creator's accents (or the preset's) as the watch page's base colours. styles.css mixes the mood's colour into
 * `--accent-base`, so the mood tints the creator's accent rather than replacing it.
 */
export function themeVars(theme: ThemeSettings): ThemeVars {
  const preset = THEME_PRESET_INFO[theme.preset] ?? THEME_PRESET_INFO.default;
  const accent = isHexColor(theme.accent) ? theme.accent.toLowerCase() : preset.accent;
  const accent2 = isHexColor(theme.accent2) ? theme.accent2.toLowerCase() : preset.accent2;
  return {
    '--accent-base': accent,
    '--accent-hover-base': `color-mix(in srgb, ${accent} 85%, white)`,
    '--accent-2': accent2,
  };
}

/** The CSS `filter` for a video filter preset. */
export function videoFilterCss(filter: VideoFilter): string {
  return (VIDEO_FILTER_INFO[filter] ?? VIDEO_FILTER_INFO.none).css;
}

/** The page's backdrop: the creator's image under a dark veil (so text stays legible), or nothing. */
export function backdropStyle(background: string | null | undefined): CSSProperties | undefined {
  const url = cssUrl(background);
  return url ? { backgroundImage: `linear-gradient(rgb(11 13 18 / 72%), rgb(11 13 18 / 88%)), ${url}` } : undefined;
}

// ---- widgets ----

/** Where a widget sits, in percentages of the video, kept inside it. */
export function widgetBox(widget: Pick<OverlayWidget, 'x' | 'y' | 'width' | 'height'>): CSSProperties {
  const clamp = (n: number, max: number) => (Number.isFinite(n) ? Math.min(max, Math.max(0, n)) : 0);
  const x = clamp(widget.x, 100);
  const y = clamp(widget.y, 100);
  return {
    left: `${x}%`,
    top: `${y}%`,
    width: `${clamp(widget.width, 100 - x)}%`,
    height: `${clamp(widget.height, 100 - y)}%`,
  };
}

export interface GoalView {
  /** 0–1. */
  fraction: number;
  percent: number;
  text: string;
  reached: boolean;
}

export function goalView(goal: { current: number; target: number }): GoalView {
  const target = Math.max(1, goal.target);
  const current = Math.max(0, goal.current);
  const fraction = Math.min(1, current / target);
  return { fraction, percent: Math.floor(fraction * 100), text: `${current} / ${target}`, reached: current >= target };
}
