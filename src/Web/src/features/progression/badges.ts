// The badges of docs/PROGRESSION.md (codes from Badges.cs): a name, a description and an icon each. Pure.

export interface BadgeInfo {
  code: string;
  name: string;
  description: string;
  icon: string;
  /** A creator's badge. */
  forCreators: boolean;
}

const KNOWN = [
  { code: 'first-gift', name: 'First Gift', description: 'Sent a first gift.', icon: '🎁', forCreators: false },
  { code: 'generous', name: 'Generous', description: 'Gifted 10,000 tokens.', icon: '💎', forCreators: false },
  { code: 'chatterbox', name: 'Chatterbox', description: 'Sent 100 chat messages.', icon: '💬', forCreators: false },
  { code: 'poll-enthusiast', name: 'Poll Enthusiast', description: 'Voted in 10 polls.', icon: '🗳️', forCreators: false },
  { code: 'curious', name: 'Curious Mind', description: 'Asked 5 questions.', icon: '❓', forCreators: false },
  { code: 'hype-machine', name: 'Hype Machine', description: 'Sent 1,000 reactions.', icon: '🔥', forCreators: false },
  { code: 'regular', name: 'Regular', description: 'Watched for 10 hours.', icon: '📺', forCreators: false },
  { code: 'streak-7', name: '7-Day Streak', description: 'Watched on 7 days in a row.', icon: '📅', forCreators: false },
  { code: 'night-owl', name: 'Night Owl', description: 'Watched an hour between midnight and 5 a.m. (UTC).', icon: '🦉', forCreators: false },
  { code: 'top-gifter', name: 'Top Gifter', description: "Was among a stream's top 3 gifters.", icon: '🏆', forCreators: false },
  { code: 'crowd-puller', name: 'Crowd Puller', description: 'Had 100 viewers at once.', icon: '📣', forCreators: true },
  { code: 'well-loved', name: 'Well Loved', description: 'Received 10,000 tokens.', icon: '💖', forCreators: true },
  { code: 'marathon', name: 'Marathon', description: 'Streamed for 10 hours.', icon: '🏃', forCreators: true },
] as const satisfies readonly BadgeInfo[];

export type BadgeCode = (typeof KNOWN)[number]['code'];

export const BADGES: ReadonlyMap<string, BadgeInfo> = new Map(KNOWN.map((badge) => [badge.code, badge]));

export const BADGE_CODES: readonly BadgeCode[] = KNOWN.map((badge) => badge.code);

const FALLBACK_ICON = '🏅';

/** A badge by code; one the client does not know yet gets a medal and a name from its code (`"new-thing"` → "New thing"). */
export function badgeInfo(code: string, sent?: { name?: string; description?: string }): BadgeInfo {
  const known = BADGES.get(code);
  const words = code.replace(/[-_]+/g, ' ').trim();
  return {
    code,
    name: sent?.name || known?.name || (words ? words[0]!.toUpperCase() + words.slice(1) : 'Badge'),
    description: sent?.description || known?.description || '',
    icon: known?.icon ?? FALLBACK_ICON,
    forCreators: known?.forCreators ?? false,
  };
}

/** The badges to show beside a name in chat: at most three, known or not, each once, in the order sent. */
export function chatBadges(codes: unknown, max = 3): string[] {
  if (!Array.isArray(codes)) {
    return [];
  }
  const seen = new Set<string>();
  for (const code of codes) {
    if (typeof code === 'string' && code && !seen.has(code)) {
      seen.add(code);
      if (seen.size === max) {
        break;
      }
    }
  }
  return [...seen];
}
