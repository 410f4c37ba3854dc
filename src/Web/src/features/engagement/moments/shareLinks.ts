// The links that share a highlight moment: its page (`/m/{momentId}`, rendered by the server with OpenGraph tags)
// and the same X, Facebook and Reddit links as that page. Pure.

import type { Moment } from '../../../api/contract';

/** What the server's UrlEncoder leaves as it is: letters, digits and `- . _ ~ ! $ ( ) * , ; @`. */
const UNESCAPED = /^[A-Za-z0-9\-._~!$()*,;@]$/;

/**
 * Percent-encodes like the server's UrlEncoder (System.Text.Encodings.Web) does for its share page, so that the
 * links are the same: `encodeURIComponent` alone would leave `'` as it is and escape `$ , ; @`. Anything beyond ASCII
 * goes as its UTF-8 bytes.
 */
export function encodeComponent(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (UNESCAPED.test(ch)) {
      out += ch;
    } else if (code < 0x80) {
      out += `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
    } else {
      try {
        out += encodeURIComponent(ch);
      } catch {
        out += '%EF%BF%BD'; // a lone surrogate: the replacement character
      }
    }
  }
  return out;
}

/** The title the share page and its links use. */
export function shareTitle(streamTitle: string): string {
  return `${streamTitle} — a highlight on LiveStreamX`;
}

export interface ShareLinks {
  /** The moment's page, absolute. */
  page: string;
  x: string;
  facebook: string;
  reddit: string;
}

/** `origin` is the page's own (`https://live.example.com`); the links are those of the server's share page. */
export function shareLinks(origin: string, moment: Pick<Moment, 'momentId' | 'sharePath'>, streamTitle: string): ShareLinks {
  const base = origin.replace(/\/+$/, '');
  const path = moment.sharePath?.startsWith('/m/') ? moment.sharePath : `/m/${encodeComponent(moment.momentId)}`;
  const page = `${base}${path}`;
  const url = encodeComponent(page);
  const title = encodeComponent(shareTitle(streamTitle));
  return {
    page,
    x: `https://twitter.com/intent/tweet?url=${url}&text=${title}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${url}`,
    reddit: `https://www.reddit.com/submit?url=${url}&title=${title}`,
  };
}
