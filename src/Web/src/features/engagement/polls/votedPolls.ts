// Which polls this browser's user voted in, kept in localStorage (`lsx.polls.voted.<userId>`) so that a reload shows
// the results instead of the buttons. Only a hint: the server is the authority (a second vote is a `conflict`).

/** One poll voted in; `option` is null when the vote is known only from the server's `conflict`. */
export interface VotedPoll {
  pollId: string;
  option: number | null;
}

/** Polls remembered per user; the oldest are forgotten first. */
export const MAX_REMEMBERED_POLLS = 50;

const PREFIX = 'lsx.polls.voted.';

export function votedKey(userId: string): string {
  return PREFIX + userId;
}

/** Reads the stored list (`[[pollId, option], …]`, oldest first); anything unreadable is skipped. */
export function parseVoted(raw: string | null): VotedPoll[] {
  if (!raw) {
    return [];
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) {
    return [];
  }
  return value.flatMap((entry): VotedPoll[] => {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') {
      return [];
    }
    const option: unknown = entry[1];
    return [{ pollId: entry[0], option: Number.isInteger(option) && (option as number) >= 0 ? (option as number) : null }];
  });
}

export function serializeVoted(list: readonly VotedPoll[]): string {
  return JSON.stringify(list.map((v) => [v.pollId, v.option]));
}

/** The list with this vote as the newest; a known option is never replaced by an unknown one. */
export function rememberVote(
  list: readonly VotedPoll[],
  pollId: string,
  option: number | null,
  max = MAX_REMEMBERED_POLLS,
): VotedPoll[] {
  const previous = list.find((v) => v.pollId === pollId);
  const entry: VotedPoll = { pollId, option: option ?? previous?.option ?? null };
  const next = [...list.filter((v) => v.pollId !== pollId), entry];
  return next.length > max ? next.slice(next.length - max) : next;
}

/** undefined: not voted (as far as this browser knows); null: voted, option unknown; else the option's index. */
export function votedOption(list: readonly VotedPoll[], pollId: string): number | null | undefined {
  return list.find((v) => v.pollId === pollId)?.option;
}

export function loadVoted(userId: string): VotedPoll[] {
  try {
    return parseVoted(localStorage.getItem(votedKey(userId)));
  } catch {
    return []; // storage blocked: the server still refuses a second vote
  }
}

export function saveVoted(userId: string, list: readonly VotedPoll[]): void {
  try {
    localStorage.setItem(votedKey(userId), serializeVoted(list));
  } catch {
    // Storage blocked or full: remembered for this page only.
  }
}
