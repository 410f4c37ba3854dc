import { describe, expect, it } from 'vitest';
import { parseUpvoted, rememberUpvote } from './upvotedQuestions';

describe('the questions remembered as upvoted', () => {
  it('round-trip through storage', () => {
    const list = rememberUpvote(rememberUpvote([], 'q_1'), 'q_2');
    expect(parseUpvoted(JSON.stringify(list))).toEqual(['q_1', 'q_2']);
  });

  it('keep each question once, newest last, and forget the oldest beyond the cap', () => {
    let list: string[] = [];
    for (const id of ['a', 'b', 'a', 'c', 'd']) {
      list = rememberUpvote(list, id, 3);
    }
    expect(list).toEqual(['a', 'c', 'd']);
  });

  it('skip what they cannot read', () => {
    expect(parseUpvoted('not json')).toEqual([]);
    expect(parseUpvoted('{"a":1}')).toEqual([]);
    expect(parseUpvoted('["q_1", 2, null, ""]')).toEqual(['q_1']);
    expect(parseUpvoted(null)).toEqual([]);
  });
});
