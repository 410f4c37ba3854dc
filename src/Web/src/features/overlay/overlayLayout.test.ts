import { describe, expect, it } from 'vitest';
import {
  backdropStyle,
  cssUrl,
  DEFAULT_LAYOUT,
  goalView,
  isSafeImageUrl,
  readLayout,
  themeVars,
  videoFilterCss,
  widgetBox,
} from './overlayLayout';

const example = {
  theme: { preset: 'neon', accent: '#FF3D71', accent2: null },
  videoFilter: 'vivid',
  background: 'https://images.example.com/bg.jpg',
  widgets: [
    { id: 'w1', kind: 'banner', text: 'Giveaway at 500 followers!', x: 5, y: 85, width: 90, height: 10, label: null, src: null },
    { id: 'w2', kind: 'goal', label: 'New camera', current: 320, target: 1000, x: 70, y: 5, width: 25, height: 8 },
    { id: 'w3', kind: 'countdown', label: 'Raffle', endsAt: '2026-11-24T20:00:00Z', x: 5, y: 5, width: 20, height: 8 },
    { id: 'w4', kind: 'image', src: '/assets/brand/logo.png', x: 85, y: 80, width: 10, height: 15 },
  ],
};

describe('reading a layout', () => {
  it('takes the documented layout as it is', () => {
    const layout = readLayout(example);
    expect(layout.theme).toEqual({ preset: 'neon', accent: '#ff3d71', accent2: null });
    expect(layout.videoFilter).toBe('vivid');
    expect(layout.background).toBe('https://images.example.com/bg.jpg');
    expect(layout.widgets.map((w) => w.kind)).toEqual(['banner', 'goal', 'countdown', 'image']);
    expect(layout.widgets[1]).toEqual({ id: 'w2', kind: 'goal', label: 'New camera', current: 320, target: 1000, x: 70, y: 5, width: 25, height: 8 });
  });

  it('falls back to the default for what it cannot read', () => {
    expect(readLayout(null)).toBe(DEFAULT_LAYOUT);
    const layout = readLayout({
      theme: { preset: 'glitter', accent: 'red' },
      videoFilter: 'sepia',
      background: 'javascript:alert(1)',
      widgets: [{ id: 'x', kind: 'iframe' }, 'w', { id: 'w9', kind: 'banner', text: '<b>hi</b>', x: -5, y: 120 }],
    });
    expect(layout.theme).toEqual({ preset: 'default', accent: null, accent2: null });
    expect(layout.videoFilter).toBe('none');
    expect(layout.background).toBeNull();
    expect(layout.widgets).toEqual([{ id: 'w9', kind: 'banner', text: '<b>hi</b>', x: 0, y: 100, width: 0, height: 0 }]);
  });
});

describe('the layout as CSS', () => {
  it('gives the creator’s accent as the base the mood tints, the preset’s where none is set', () => {
    expect(themeVars({ preset: 'neon', accent: '#ff3d71', accent2: null })).toEqual({
      '--accent-base': '#ff3d71',
      '--accent-hover-base': 'color-mix(in srgb, #ff3d71 85%, white)',
      '--accent-2': '#00d4ff',
    });
    expect(themeVars({ preset: 'default' })['--accent-base']).toBe('#7c5cff');
    expect(themeVars({ preset: 'sunset', accent: 'not a colour', accent2: '#123456' })).toMatchObject({
      '--accent-base': '#ff7a45',
      '--accent-2': '#123456',
    });
  });

  it('turns each video filter into CSS filters', () => {
    expect(videoFilterCss('none')).toBe('none');
    expect(videoFilterCss('noir')).toContain('grayscale(1)');
    expect(videoFilterCss('vivid')).toContain('saturate(');
    for (const filter of ['warm', 'cool', 'vintage'] as const) {
      expect(videoFilterCss(filter)).toMatch(/^([a-z-]+\([^)]*\)\s*)+$/);
    }
  });

  it('quotes a background URL so that it cannot end the string or the declaration', () => {
    expect(cssUrl('https://images.example.com/bg.jpg')).toBe('url("https://images.example.com/bg.jpg")');
    expect(cssUrl('https://x.dev/a"); background: red; ("')).toBe('url("https://x.dev/a\\"); background: red; (\\"")');
    expect(cssUrl('https://x.dev/a\\b')).toBe('url("https://x.dev/a\\\\b")');
    expect(cssUrl('/assets/brand/bg.png')).toBe('url("/assets/brand/bg.png")');
  });

  it('accepts only https: URLs and paths under /assets/', () => {
    for (const bad of ['http://x.dev/a.png', 'javascript:alert(1)', 'data:image/png;base64,AAAA', '/assets/../secret', '//evil.dev/x.png', 'https://x.dev/a\nb', '']) {
      expect(isSafeImageUrl(bad), bad).toBe(false);
      expect(cssUrl(bad)).toBeNull();
    }
    expect(isSafeImageUrl('https://images.example.com/bg.jpg?w=1920')).toBe(true);
    expect(backdropStyle(null)).toBeUndefined();
    expect(backdropStyle('https://x.dev/bg.jpg')?.backgroundImage).toMatch(/, url\("https:\/\/x\.dev\/bg\.jpg"\)$/);
  });

  it('places widgets by percentages, inside the video', () => {
    expect(widgetBox({ x: 5, y: 85, width: 90, height: 10 })).toEqual({ left: '5%', top: '85%', width: '90%', height: '10%' });
    expect(widgetBox({ x: 80, y: 95, width: 40, height: 10 })).toEqual({ left: '80%', top: '95%', width: '20%', height: '5%' });
    expect(widgetBox({ x: Number.NaN, y: -3, width: 10, height: 10 })).toEqual({ left: '0%', top: '0%', width: '10%', height: '10%' });
  });

  it('shows a goal’s progress', () => {
    expect(goalView({ current: 320, target: 1000 })).toEqual({ fraction: 0.32, percent: 32, text: '320 / 1000', reached: false });
    expect(goalView({ current: 1200, target: 1000 })).toMatchObject({ fraction: 1, reached: true });
    expect(goalView({ current: 3, target: 0 }).fraction).toBe(1);
  });
});
