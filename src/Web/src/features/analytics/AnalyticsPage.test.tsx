// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Stream, StreamAnalytics } from '../../api/contract';
import { ApiError } from '../../api/errors';
import type { RestClient } from '../../api/rest';
import { renderView } from '../../test/render';
import type { Session } from '../auth/sessionStorage';
import { AnalyticsPage } from './AnalyticsPage';
import { LIVE_REFRESH_MS } from './analyticsView';

const session = { accessToken: 't', expiresAt: '2099-01-01T00:00:00Z', user: { id: 'u_1', role: 'creator' } } as Session;
const ended = { id: 's_1', creatorId: 'u_1', creatorHandle: 'ada', title: 'Speedrun', status: 'ended' } as Stream;

const minute = (at: string, viewers: number, chat: number, reactions: Record<string, number>, tokens: number) => ({
  at,
  peakViewers: viewers,
  averageViewers: viewers - 0.5,
  watchers: viewers - 1,
  chatMessages: chat,
  chatDensity: (chat / viewers) * 100,
  reactions,
  gifts: tokens > 0 ? 1 : 0,
  tokens,
  earnings: Math.floor(tokens * 0.7),
  subscriptions: 0,
  newFollowers: 1,
});

const figures: StreamAnalytics = {
  streamId: 's_1',
  from: '2026-12-07T20:00:00+00:00',
  to: '2026-12-07T20:02:00+00:00',
  summary: {
    peakViewers: 1234,
    averageViewers: 17.25,
    uniqueViewers: 40,
    averageWatchSeconds: 245,
    chatMessages: 12,
    chatDensity: 5.5,
    reactions: 9,
    gifts: 2,
    tokens: 150,
    earnings: 105,
    subscriptions: 0,
    newFollowers: 3,
  },
  // Out of order on purpose: the charts sort by time.
  minutes: [
    minute('2026-12-07T20:02:00+00:00', 20, 2, { love: 1 }, 0),
    minute('2026-12-07T20:00:00+00:00', 10, 4, { hype: 3, love: 1 }, 100),
    minute('2026-12-07T20:01:00+00:00', 30, 6, { hype: 2, wow: 2 }, 50),
  ],
  retention: [
    { minute: 0, share: 1 },
    { minute: 1, share: 0.75 },
    { minute: 2, share: 0.5 },
  ],
};

function renderPage(api: Partial<RestClient>) {
  renderView(
    <Routes>
      <Route path="/studio/streams/:streamId/analytics" element={<AnalyticsPage />} />
    </Routes>,
    { session, path: '/studio/streams/s_1/analytics', api },
  );
}

const chart = (name: string) => screen.getAllByTestId('analytics-chart').find((card) => card.dataset.chart === name)!;

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the analytics page', () => {
  it('shows the summary’s figures and draws the five charts from the minutes', async () => {
    renderPage({ getStream: () => Promise.resolve(ended), getStreamAnalytics: () => Promise.resolve(figures) });

    const summary = await screen.findByTestId('analytics-summary');
    const peak = within(summary).getAllByTestId('analytics-figure').find((card) => card.dataset.figure === 'peakViewers')!;
    expect(peak.dataset.value).toBe('1234');
    expect(within(summary).getByText('4 min 05 s')).toBeTruthy();
    expect(screen.getAllByTestId('analytics-chart').map((card) => card.dataset.chart)).toEqual([
      'viewers',
      'chat',
      'reactions',
      'gifts',
      'retention',
    ]);
    for (const card of screen.getAllByTestId('analytics-chart')) {
      expect(card.querySelector('.recharts-wrapper > svg.recharts-surface')).not.toBeNull();
    }
    // Peak and average viewers, and the signed-in watchers: a line each, through the three minutes.
    await waitFor(() => expect(chart('viewers').querySelectorAll('path.recharts-line-curve')).toHaveLength(3));
    // One stacked series per mood anyone used (hype, love, wow), a bar per minute that had them.
    await waitFor(() => expect(chart('reactions').querySelectorAll('.recharts-bar-rectangle path').length).toBeGreaterThan(0));
    expect(within(chart('reactions')).getByText(/Hype/)).toBeTruthy();
    expect(within(chart('reactions')).queryByText(/Angry/)).toBeNull();
    expect(chart('retention').querySelector('path.recharts-area-area')).not.toBeNull();
    expect(screen.getByTestId('analytics-freshness').textContent).toMatch(/^Final figures/);
  });

  it('draws a stream’s first minute as dots, since a line needs two', async () => {
    const first = { ...figures, minutes: [figures.minutes[1]!], retention: [{ minute: 0, share: 1 }] };
    renderPage({ getStream: () => Promise.resolve({ ...ended, status: 'live' }), getStreamAnalytics: () => Promise.resolve(first) });

    await screen.findByTestId('analytics-summary');
    await waitFor(() => expect(chart('viewers').querySelectorAll('.recharts-line-dots circle')).toHaveLength(3));
    expect(chart('retention').querySelectorAll('.recharts-area-dots circle')).toHaveLength(1);
  });

  it('says there are no figures yet for a stream with no minute counted', async () => {
    const empty = { ...figures, minutes: [], retention: [], summary: { ...figures.summary, peakViewers: 0 } };
    renderPage({ getStream: () => Promise.resolve({ ...ended, status: 'live' }), getStreamAnalytics: () => Promise.resolve(empty) });

    expect((await screen.findByTestId('analytics-empty')).textContent).toMatch(/within a minute/);
    expect(screen.queryAllByTestId('analytics-chart')).toHaveLength(0);
  });

  it('shows the server’s reason when the stream is not the user’s, and does not ask again', async () => {
    const refused = new ApiError(403, 'forbidden', 'Only the stream’s creator or an admin sees its analytics.', {}, null);
    const read = vi.fn(() => Promise.reject(refused));
    renderPage({ getStream: () => Promise.resolve({ ...ended, status: 'live' }), getStreamAnalytics: read });

    const error = await screen.findByTestId('analytics-error');
    expect(error.textContent).toBe('Only the stream’s creator or an admin sees its analytics.');
    expect(within(error).queryByRole('button')).toBeNull();
    expect(screen.queryByTestId('analytics-summary')).toBeNull();
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('offers to try again after a failure that may pass', async () => {
    const read = vi
      .fn<RestClient['getStreamAnalytics']>()
      .mockRejectedValueOnce(new ApiError(503, 'unavailable', 'The service is busy. Try again in a moment.', {}, null))
      .mockResolvedValue(figures);
    renderPage({ getStream: () => Promise.resolve(ended), getStreamAnalytics: read });

    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('analytics-summary')).toBeTruthy();
  });

  it('reads the figures again every few seconds while the stream is live', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const read = vi.fn<RestClient['getStreamAnalytics']>(() => Promise.resolve(figures));
    renderPage({ getStream: () => Promise.resolve({ ...ended, status: 'live' }), getStreamAnalytics: read });
    expect((await screen.findByTestId('analytics-freshness')).dataset.live).toBe('true');
    const before = read.mock.calls.length;

    await act(() => vi.advanceTimersByTimeAsync(LIVE_REFRESH_MS + 100));
    expect(read.mock.calls.length).toBeGreaterThan(before);
  });

  it('does not read the figures again once the stream has ended', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const read = vi.fn<RestClient['getStreamAnalytics']>(() => Promise.resolve(figures));
    renderPage({ getStream: () => Promise.resolve(ended), getStreamAnalytics: read });
    await screen.findByTestId('analytics-summary');
    const before = read.mock.calls.length;

    await act(() => vi.advanceTimersByTimeAsync(LIVE_REFRESH_MS * 3));
    expect(read.mock.calls.length).toBe(before);
  });

  it('downloads the CSV fetched with the session, under the stream’s name', async () => {
    const csv = new Blob(['at,peakViewers\n'], { type: 'text/csv' });
    const fetchCsv = vi.fn<RestClient['getStreamAnalyticsCsv']>(() => Promise.resolve(csv));
    const createObjectURL = vi.fn<(blob: Blob) => string>(() => 'blob:analytics');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    renderPage({ getStream: () => Promise.resolve(ended), getStreamAnalytics: () => Promise.resolve(figures), getStreamAnalyticsCsv: fetchCsv });

    fireEvent.click(await screen.findByTestId('analytics-csv'));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(fetchCsv.mock.calls[0]![0]).toBe('s_1');
    expect(createObjectURL).toHaveBeenCalledWith(csv);
    expect(clicked[0]!.download).toBe('s_1-analytics.csv');
    expect(clicked[0]!.getAttribute('href')).toBe('blob:analytics');
  });

  it('says why the CSV could not be downloaded', async () => {
    const refused = new ApiError(403, 'forbidden', 'Only the stream’s creator or an admin sees its analytics.', {}, null);
    renderPage({
      getStream: () => Promise.resolve(ended),
      getStreamAnalytics: () => Promise.resolve(figures),
      getStreamAnalyticsCsv: () => Promise.reject(refused),
    });

    fireEvent.click(await screen.findByTestId('analytics-csv'));
    expect((await screen.findByTestId('analytics-csv-error')).textContent).toBe(refused.message);
  });
});
