import { describe, expect, it } from 'vitest';
import { encodeComponent, shareLinks, shareTitle } from './shareLinks';

const moment = { momentId: 's_9d2c4b1a7e3f.3', sharePath: '/m/s_9d2c4b1a7e3f.3' };

describe('the share links of a moment', () => {
  it('point at the moment page on this origin', () => {
    expect(shareLinks('https://live.example.com', moment, 'Friday build').page).toBe('https://live.example.com/m/s_9d2c4b1a7e3f.3');
    expect(shareLinks('http://127.0.0.1:5099/', moment, 'x').page).toBe('http://127.0.0.1:5099/m/s_9d2c4b1a7e3f.3');
  });

  it('are the same X, Facebook and Reddit links as the server’s page', () => {
    const links = shareLinks('https://live.example.com', moment, 'Friday build');
    const page = 'https%3A%2F%2Flive.example.com%2Fm%2Fs_9d2c4b1a7e3f.3';
    const title = 'Friday%20build%20%E2%80%94%20a%20highlight%20on%20LiveStreamX';
    expect(links.x).toBe(`https://twitter.com/intent/tweet?url=${page}&text=${title}`);
    expect(links.facebook).toBe(`https://www.facebook.com/sharer/sharer.php?u=${page}`);
    expect(links.reddit).toBe(`https://www.reddit.com/submit?url=${page}&title=${title}`);
  });

  it('encode exactly like the server’s UrlEncoder (its share page, for every ASCII sign)', () => {
    // What the running Api's /m/{id} page wrote for a stream with this title.
    const title = 'a!#$%&\'()*+,/:;=?@[]^`{|}~<>"\\ é.-_z';
    expect(encodeComponent(title)).toBe('a!%23$%25%26%27()*%2B,%2F%3A;%3D%3F@%5B%5D%5E%60%7B%7C%7D~%3C%3E%22%5C%20%C3%A9.-_z');
    expect(encodeComponent("Ada's (fun) stream!")).toBe('Ada%27s%20(fun)%20stream!');
    expect(encodeComponent('😀')).toBe('%F0%9F%98%80');
    expect(encodeComponent('\ud800')).toBe('%EF%BF%BD');
  });

  it('title the highlight after the stream', () => {
    expect(shareTitle('Friday build')).toBe('Friday build — a highlight on LiveStreamX');
  });

  it('build the page path from the id when the server’s is not a share path', () => {
    expect(shareLinks('https://x.dev', { momentId: 's_1.2', sharePath: '' }, 't').page).toBe('https://x.dev/m/s_1.2');
  });
});
