// The questions this browser's user upvoted, kept in localStorage (`lsx.qa.upvoted.<userId>`) so that the button stays
// disabled after a reload. Only a hint: the server is the authority (a second upvote is a `conflict`).

/** Questions remembered per user; the oldest are forgotten first. */
export const MAX_REMEMBERED_UPVOTES = 300;

const PREFIX = 'lsx.qa.upvoted.';

export function upvotedKey(userId: string): string {
  return PREFIX + userId;
}

/** Reads the stored list (question ids, oldest first); anything unreadable is skipped. */
export function parseUpvoted(raw: string | null): string[] {
  if (!raw) {
    return [];
  }
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : [];
  } catch {
    return [];
  }
}

/** The list with this question as the newest. */
export function rememberUpvote(list: readonly string[], questionId: string, max = MAX_REMEMBERED_UPVOTES): string[] {
  const next = [...list.filter((id) => id !== questionId), questionId];
  return next.length > max ? next.slice(next.length - max) : next;
}

export function loadUpvoted(userId: string): string[] {
  try {
    return parseUpvoted(localStorage.getItem(upvotedKey(userId)));
  } catch {
    return []; // storage blocked: the server still refuses a second upvote
  }
}

export function saveUpvoted(userId: string, list: readonly string[]): void {
  try {
    localStorage.setItem(upvotedKey(userId), JSON.stringify(list));
  } catch {
    // Storage blocked or full: remembered for this page only.
  }
}
