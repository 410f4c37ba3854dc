import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import { RestClient } from '../../api/rest';

const client = () => new RestClient({ getToken: () => 'token-1', baseUrl: 'http://lsx.test' });

afterEach(() => vi.unstubAllGlobals());

describe('the analytics calls', () => {
  it('fetch the CSV with the bearer token, asking for CSV, and hand back its bytes', async () => {
    const fetch = vi.fn<(request: Request) => Promise<Response>>(() =>
      Promise.resolve(new Response('minute,peak_viewers\n', { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })),
    );
    vi.stubGlobal('fetch', fetch);

    const csv = await client().getStreamAnalyticsCsv('s_1', { from: '2026-12-07T20:00:00Z' });

    expect(await csv.text()).toBe('minute,peak_viewers\n');
    const request = fetch.mock.calls[0]![0];
    expect(request.url).toBe('http://lsx.test/api/streams/s_1/analytics.csv?from=2026-12-07T20%3A00%3A00Z');
    expect(request.headers.get('Authorization')).toBe('Bearer token-1');
    expect(request.headers.get('Accept')).toBe('text/csv, application/problem+json');
  });

  it('turn a refusal into the server’s words, for the JSON and the CSV alike', async () => {
    const problem = { status: 403, title: 'Forbidden', detail: 'Only the creator of the stream or an admin may read its analytics.', code: 'forbidden' };
    vi.stubGlobal('fetch', () =>
      Promise.resolve(new Response(JSON.stringify(problem), { status: 403, headers: { 'Content-Type': 'application/problem+json' } })),
    );

    for (const read of [() => client().getStreamAnalytics('s_1'), () => client().getStreamAnalyticsCsv('s_1')]) {
      const error = await read().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 403, code: 'forbidden', message: problem.detail });
    }
  });
});
