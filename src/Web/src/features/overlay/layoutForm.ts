// The "Customize" editor's form model: the draft the inputs hold, the layout it becomes with the server's checks (so a
// mistake shows before saving), widget list edits (add, remove, reorder), and field-error keys like the server's
// (`widgets[1].text`). Pure.

import {
  OVERLAY_BANNER_MAX,
  OVERLAY_LABEL_MAX,
  OVERLAY_WIDGETS_MAX,
  type OverlayLayout,
  type OverlayWidget,
  type OverlayWidgetKind,
  type ThemePreset,
  type VideoFilter,
} from '../../api/contract';
import { z } from 'zod';
import { canonicalKey, issueKey, type FieldErrors } from '../studio/commandForm';
import { isHexColor, isSafeImageUrl } from './overlayLayout';

export interface WidgetDraft {
  /** A local id for React keys; kept while widgets move. */
  key: number;
  id: string;
  kind: OverlayWidgetKind;
  x: string;
  y: string;
  width: string;
  height: string;
  /** banner */
  text: string;
  /** image */
  src: string;
  /** goal, countdown */
  label: string;
  /** goal */
  current: string;
  target: string;
  /** countdown: a `datetime-local` value, in the viewer's time zone. */
  endsAt: string;
}

export interface LayoutDraft {
  preset: ThemePreset;
  /** '' for the preset's own. */
  accent: string;
  accent2: string;
  videoFilter: VideoFilter;
  /** '' for none. */
  background: string;
  widgets: WidgetDraft[];
}

export const widgetKey = (index: number, field: string) => `widgets[${index}].${field}`;

let nextKey = 1;

const two = (n: number) => String(n).padStart(2, '0');

/** An ISO time as a `datetime-local` value in this browser's time zone (`2026-11-24T20:00:00`); '' if unreadable. */
export function toLocalInput(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) {
    return '';
  }
  const d = new Date(t);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** A `datetime-local` value (local time) as an ISO UTC time; null if unreadable. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value.trim())) {
    return null;
  }
  const t = new Date(value.trim()).getTime(); // no offset in the text: read as local time
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function blankWidget(kind: OverlayWidgetKind, id: string): WidgetDraft {
  return { key: nextKey++, id, kind, x: '0', y: '0', width: '20', height: '10', text: '', src: '', label: '', current: '0', target: '100', endsAt: '' };
}

function widgetDraft(widget: OverlayWidget): WidgetDraft {
  const draft = blankWidget(widget.kind, widget.id);
  const box = { x: String(widget.x), y: String(widget.y), width: String(widget.width), height: String(widget.height) };
  switch (widget.kind) {
    case 'banner':
      return { ...draft, ...box, text: widget.text };
    case 'image':
      return { ...draft, ...box, src: widget.src };
    case 'goal':
      return { ...draft, ...box, label: widget.label, current: String(widget.current), target: String(widget.target) };
    case 'countdown':
      return { ...draft, ...box, label: widget.label, endsAt: toLocalInput(widget.endsAt) };
  }
}

export function draftFromLayout(layout: OverlayLayout): LayoutDraft {
  return {
    preset: layout.theme.preset,
    accent: layout.theme.accent ?? '',
    accent2: layout.theme.accent2 ?? '',
    videoFilter: layout.videoFilter,
    background: layout.background ?? '',
    widgets: layout.widgets.map(widgetDraft),
  };
}

/** `w1`, `w2`, …: the first number no widget uses. */
export function freeWidgetId(widgets: readonly { id: string }[]): string {
  const used = new Set(widgets.map((w) => w.id));
  let n = 1;
  while (used.has(`w${n}`)) {
    n++;
  }
  return `w${n}`;
}

/** A new widget of a kind, placed and filled so that it shows at once. `now` dates a countdown's start. */
export function newWidget(kind: OverlayWidgetKind, widgets: readonly { id: string }[], now = Date.now()): WidgetDraft {
  const draft = blankWidget(kind, freeWidgetId(widgets));
  switch (kind) {
    case 'banner':
      return { ...draft, x: '5', y: '84', width: '90', height: '10', text: 'Welcome to the stream!' };
    case 'image':
      return { ...draft, x: '84', y: '60', width: '12', height: '18', src: '' };
    case 'goal':
      return { ...draft, x: '73', y: '14', width: '24', height: '12', label: 'Goal', current: '0', target: '100' };
    case 'countdown':
      // Below the video's own badges (top left), which a widget at y 0–10 would cover.
      return { ...draft, x: '3', y: '14', width: '22', height: '12', label: 'Starting in', endsAt: toLocalInput(new Date(now + 10 * 60_000).toISOString()) };
  }
}

export function canAddWidget(draft: LayoutDraft): boolean {
  return draft.widgets.length < OVERLAY_WIDGETS_MAX;
}

export function addWidget(draft: LayoutDraft, kind: OverlayWidgetKind, now = Date.now()): LayoutDraft {
  return canAddWidget(draft) ? { ...draft, widgets: [...draft.widgets, newWidget(kind, draft.widgets, now)] } : draft;
}

export function removeWidget(draft: LayoutDraft, index: number): LayoutDraft {
  return { ...draft, widgets: draft.widgets.filter((_, i) => i !== index) };
}

/** Moves the widget at `index` by `delta` places (widgets are drawn in list order: later ones on top). */
export function moveWidget(draft: LayoutDraft, index: number, delta: number): LayoutDraft {
  const to = index + delta;
  if (index < 0 || index >= draft.widgets.length || to < 0 || to >= draft.widgets.length) {
    return draft;
  }
  const widgets = draft.widgets.slice();
  const [moved] = widgets.splice(index, 1);
  widgets.splice(to, 0, moved!);
  return { ...draft, widgets };
}

export function updateWidget(draft: LayoutDraft, index: number, change: Partial<WidgetDraft>): LayoutDraft {
  return { ...draft, widgets: draft.widgets.map((w, i) => (i === index ? { ...w, ...change } : w)) };
}

/** The server's words for each field (OverlayLayoutRules), so that a mistake reads the same before and after saving. */
export const LAYOUT_MESSAGES = {
  color: 'A colour is #rrggbb.',
  url: 'An https:// URL or a path under /assets/.',
  widgets: `At most ${OVERLAY_WIDGETS_MAX} widgets.`,
  id: "A unique id of 1–32 letters, digits, '_' or '-'.",
  percentage: 'A percentage from 0 to 100.',
  text: `Text of 1–${OVERLAY_BANNER_MAX} characters with something visible.`,
  label: `A label of 1–${OVERLAY_LABEL_MAX} characters with something visible.`,
  goal: 'A goal has a current of 0 or more and a target of 1 or more.',
  endsAt: 'When the countdown ends.',
} as const;

type Fail = (path: readonly (string | number)[], message: string) => void;

/**
 * The layout a draft becomes, each failed check reported at its field's path (the server's names). Each widget
 * carries only its kind's fields: the server refuses any other. The layout is built even with errors, for the preview.
 */
function buildLayout(draft: LayoutDraft, fail: Fail): OverlayLayout {
  const accent = draft.accent.trim();
  const accent2 = draft.accent2.trim();
  if (accent && !isHexColor(accent)) {
    fail(['theme', 'accent'], LAYOUT_MESSAGES.color);
  }
  if (accent2 && !isHexColor(accent2)) {
    fail(['theme', 'accent2'], LAYOUT_MESSAGES.color);
  }
  const background = draft.background.trim();
  if (background && !isSafeImageUrl(background)) {
    fail(['background'], LAYOUT_MESSAGES.url);
  }
  if (draft.widgets.length > OVERLAY_WIDGETS_MAX) {
    fail(['widgets'], LAYOUT_MESSAGES.widgets);
  }

  const ids = new Set<string>();
  const widgets = draft.widgets.map((w, i): OverlayWidget => {
    const at = (field: string) => ['widgets', i, field];
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(w.id) || ids.has(w.id)) {
      fail(at('id'), LAYOUT_MESSAGES.id);
    }
    ids.add(w.id);
    const box = { id: w.id, x: 0, y: 0, width: 0, height: 0 };
    for (const field of ['x', 'y', 'width', 'height'] as const) {
      const text = w[field].trim();
      const n = Number(text);
      if (text === '' || !Number.isFinite(n) || n < 0 || n > 100) {
        fail(at(field), LAYOUT_MESSAGES.percentage);
      } else {
        box[field] = n;
      }
    }
    switch (w.kind) {
      case 'banner': {
        const text = w.text.trim();
        if (text.length < 1 || text.length > OVERLAY_BANNER_MAX) {
          fail(at('text'), LAYOUT_MESSAGES.text);
        }
        return { ...box, kind: 'banner', text };
      }
      case 'image': {
        const src = w.src.trim();
        if (!isSafeImageUrl(src)) {
          fail(at('src'), LAYOUT_MESSAGES.url);
        }
        return { ...box, kind: 'image', src };
      }
      case 'goal': {
        const label = w.label.trim();
        if (label.length < 1 || label.length > OVERLAY_LABEL_MAX) {
          fail(at('label'), LAYOUT_MESSAGES.label);
        }
        const current = Number(w.current.trim());
        const target = Number(w.target.trim());
        if (w.current.trim() === '' || !Number.isInteger(current) || current < 0) {
          fail(at('current'), LAYOUT_MESSAGES.goal);
        }
        if (w.target.trim() === '' || !Number.isInteger(target) || target < 1) {
          fail(at('target'), LAYOUT_MESSAGES.goal);
        }
        return { ...box, kind: 'goal', label, current: Number.isInteger(current) ? current : 0, target: Number.isInteger(target) ? target : 1 };
      }
      case 'countdown': {
        const label = w.label.trim();
        if (label.length < 1 || label.length > OVERLAY_LABEL_MAX) {
          fail(at('label'), LAYOUT_MESSAGES.label);
        }
        const endsAt = fromLocalInput(w.endsAt);
        if (!endsAt) {
          fail(at('endsAt'), LAYOUT_MESSAGES.endsAt);
        }
        return { ...box, kind: 'countdown', label, endsAt: endsAt ?? '' };
      }
    }
  });

  return {
    theme: { preset: draft.preset, accent: accent || null, accent2: accent2 || null },
    videoFilter: draft.videoFilter,
    background: background || null,
    widgets,
  };
}

/**
 * The `PUT …/overlay` request's rules as a zod schema over the draft: its output is the layout (the generated
 * contract's type), its issues' paths the server's field names (`widgets[1].text`) and their messages its words.
 */
export const layoutDraftSchema = z
  .custom<LayoutDraft>((value) => typeof value === 'object' && value !== null && Array.isArray((value as LayoutDraft).widgets))
  .transform((draft, ctx) => buildLayout(draft, (path, message) => ctx.addIssue({ code: 'custom', path: [...path], message }))) satisfies z.ZodType<
  OverlayLayout,
  LayoutDraft
>;

/** The layout to `PUT` (built even with errors, for the editor's preview), and the client's own field errors. */
export function toLayout(draft: LayoutDraft): { layout: OverlayLayout; errors: FieldErrors } {
  const errors = new Map<string, string>();
  const layout = buildLayout(draft, (path, message) => {
    const key = issueKey(path);
    if (!errors.has(key)) {
      errors.set(key, message);
    }
  });
  return { layout, errors };
}

/** The field names the editor shows for a widget of a kind (errors for other names go to the widget's row). */
export function widgetFields(kind: OverlayWidgetKind): string[] {
  const box = ['x', 'y', 'width', 'height'];
  switch (kind) {
    case 'banner':
      return [...box, 'text'];
    case 'image':
      return [...box, 'src'];
    case 'goal':
      return [...box, 'label', 'current', 'target'];
    case 'countdown':
      return [...box, 'label', 'endsAt'];
  }
}

/** Errors no field of the editor shows: to the widget's row (`widgets[1]…`) or to the top of the form. */
export function unplacedLayoutErrors(errors: FieldErrors, draft: LayoutDraft): { rows: Map<number, string[]>; general: string[] } {
  const placed = new Set(['theme.preset', 'theme.accent', 'theme.accent2', 'videoFilter', 'background'].map(canonicalKey));
  draft.widgets.forEach((w, i) => widgetFields(w.kind).forEach((f) => placed.add(canonicalKey(widgetKey(i, f)))));
  const rows = new Map<number, string[]>();
  const general: string[] = [];
  for (const [key, message] of errors) {
    if (placed.has(key)) {
      continue;
    }
    const row = /^widgets\[(\d+)\]/.exec(key);
    const index = row ? Number(row[1]) : -1;
    if (index >= 0 && index < draft.widgets.length) {
      rows.set(index, [...(rows.get(index) ?? []), message]);
    } else {
      general.push(message);
    }
  }
  return { rows, general };
}
