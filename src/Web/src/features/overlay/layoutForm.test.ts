import { describe, expect, it } from 'vitest';
import { errorAt, fieldErrorMap, issueErrors } from '../studio/commandForm';
import {
  addWidget,
  draftFromLayout,
  freeWidgetId,
  LAYOUT_MESSAGES,
  layoutDraftSchema,
  fromLocalInput,
  moveWidget,
  removeWidget,
  toLayout,
  toLocalInput,
  unplacedLayoutErrors,
  updateWidget,
  type LayoutDraft,
} from './layoutForm';
import { DEFAULT_LAYOUT, readLayout } from './overlayLayout';

const now = Date.parse('2026-11-24T12:00:00Z');

function draftWith(...kinds: ('banner' | 'image' | 'goal' | 'countdown')[]): LayoutDraft {
  return kinds.reduce((d, kind) => addWidget(d, kind, now), draftFromLayout(DEFAULT_LAYOUT));
}

describe('the Customize form', () => {
  it('round-trips a layout', () => {
    const layout = readLayout({
      theme: { preset: 'sunset', accent: '#ff3d71', accent2: '#00d4ff' },
      videoFilter: 'warm',
      background: '/assets/bg/stars.jpg',
      widgets: [
        { id: 'w1', kind: 'banner', text: 'Hi!', x: 5, y: 85, width: 90, height: 10 },
        { id: 'w2', kind: 'goal', label: 'Camera', current: 3, target: 10, x: 70, y: 5, width: 25, height: 8 },
        { id: 'w3', kind: 'countdown', label: 'Raffle', endsAt: '2026-11-24T20:00:00.000Z', x: 5, y: 5, width: 20, height: 8 },
        { id: 'w4', kind: 'image', src: 'https://x.dev/logo.png', x: 85, y: 80, width: 10, height: 15 },
      ],
    });
    const { layout: back, errors } = toLayout(draftFromLayout(layout));
    expect(errors.size).toBe(0);
    expect(back).toEqual(layout);
  });

  it('sends each widget with only its kind’s fields', () => {
    const { layout } = toLayout(draftWith('banner', 'goal'));
    expect(Object.keys(layout.widgets[0]!).sort()).toEqual(['height', 'id', 'kind', 'text', 'width', 'x', 'y']);
    expect(Object.keys(layout.widgets[1]!).sort()).toEqual(['current', 'height', 'id', 'kind', 'label', 'target', 'width', 'x', 'y']);
    expect(layout.theme).toEqual({ preset: 'default', accent: null, accent2: null });
  });

  it('keys its errors like the server', () => {
    let draft = draftWith('banner', 'image', 'goal');
    draft = { ...draft, accent: 'pink', background: 'http://x.dev/bg.jpg' };
    draft = updateWidget(draft, 0, { text: '   ', x: '120' });
    draft = updateWidget(draft, 1, { src: 'javascript:alert(1)' });
    draft = updateWidget(draft, 2, { target: '0', current: '1.5' });
    const { errors } = toLayout(draft);
    expect(errorAt(errors, 'theme.accent')).toMatch(/#rrggbb/);
    expect(errorAt(errors, 'background')).toMatch(/https/);
    expect(errorAt(errors, 'widgets[0].text')).toMatch(/1–140/);
    expect(errorAt(errors, 'widgets[0].x')).toMatch(/0 to 100/);
    expect(errorAt(errors, 'widgets[1].src')).toMatch(/assets/);
    expect(errorAt(errors, 'widgets[2].target')).toBeDefined();
    expect(errorAt(errors, 'widgets[2].current')).toBeDefined();
  });

  it('finds the server’s errors a place', () => {
    const draft = draftWith('banner', 'goal');
    const errors = fieldErrorMap({ 'widgets[1].label': ['A label of 1–60 characters.'], 'widgets[0].id': ['Dup.'], 'theme.glow': ['Not a field of the layout.'] });
    expect(errorAt(errors, 'widgets[1].label')).toBe('A label of 1–60 characters.');
    const { rows, general } = unplacedLayoutErrors(errors, draft);
    expect(rows.get(0)).toEqual(['Dup.']);
    expect(general).toEqual(['Not a field of the layout.']);
  });

  it('adds widgets with free ids up to 8, removes and reorders them', () => {
    let draft = draftWith('banner', 'goal', 'countdown');
    expect(draft.widgets.map((w) => w.id)).toEqual(['w1', 'w2', 'w3']);
    draft = removeWidget(draft, 0);
    draft = addWidget(draft, 'image', now);
    expect(draft.widgets.map((w) => w.id)).toEqual(['w2', 'w3', 'w1']);
    draft = moveWidget(draft, 2, -2);
    expect(draft.widgets.map((w) => w.id)).toEqual(['w1', 'w2', 'w3']);
    expect(moveWidget(draft, 0, -1)).toBe(draft);
    for (let i = 0; i < 10; i++) {
      draft = addWidget(draft, 'banner', now);
    }
    expect(draft.widgets).toHaveLength(8);
    expect(freeWidgetId([{ id: 'w1' }, { id: 'w3' }])).toBe('w2');
  });

  it('starts a new countdown ten minutes ahead, in local time for the input', () => {
    const countdown = draftWith('countdown').widgets[0]!;
    expect(fromLocalInput(countdown.endsAt)).toBe('2026-11-24T12:10:00.000Z');
    expect(fromLocalInput(toLocalInput('2026-11-24T20:00:00Z'))).toBe('2026-11-24T20:00:00.000Z');
    expect(fromLocalInput('tomorrow')).toBeNull();
    expect(toLocalInput('nope')).toBe('');
  });

  it('is a zod schema whose output is the layout and whose issues are the server’s words at its field names', () => {
    const ok = layoutDraftSchema.safeParse(draftWith('banner'));
    expect(ok.success && ok.data).toEqual(toLayout(draftWith('banner')).layout);

    let draft = draftWith('banner', 'goal', 'countdown');
    draft = { ...draft, accent2: '#12345' };
    draft = updateWidget(draft, 0, { text: 'x'.repeat(141) });
    draft = updateWidget(draft, 1, { id: draft.widgets[0]!.id, label: ' ', target: '0' });
    draft = updateWidget(draft, 2, { endsAt: '' });
    const bad = layoutDraftSchema.safeParse(draft);
    expect(bad.success).toBe(false);
    const errors = issueErrors(bad.error!.issues);
    expect(Object.fromEntries(errors)).toEqual({
      'theme.accent2': LAYOUT_MESSAGES.color,
      'widgets[0].text': 'Text of 1–140 characters with something visible.',
      'widgets[1].id': "A unique id of 1–32 letters, digits, '_' or '-'.",
      'widgets[1].label': 'A label of 1–60 characters with something visible.',
      'widgets[1].target': 'A goal has a current of 0 or more and a target of 1 or more.',
      'widgets[2].endsat': 'When the countdown ends.',
    });
    expect(LAYOUT_MESSAGES.color).toBe('A colour is #rrggbb.');
  });
});
