import { describe, expect, it } from 'vitest';
import { parseVoted, rememberVote, serializeVoted, votedOption, type VotedPoll } from './votedPolls';

describe('the polls remembered as voted', () => {
  it('round-trip through storage', () => {
    const list = rememberVote(rememberVote([], 'p_1', 1), 'p_2', null);
    expect(parseVoted(serializeVoted(list))).toEqual(list);
  });

  it('tell not voted, voted for an option, and voted for an option unknown apart', () => {
    const list = rememberVote(rememberVote([], 'p_1', 2), 'p_2', null);
    expect(votedOption(list, 'p_1')).toBe(2);
    expect(votedOption(list, 'p_2')).toBeNull();
    expect(votedOption(list, 'p_3')).toBeUndefined();
  });

  it('keep a known option when the server later says conflict', () => {
    const list = rememberVote(rememberVote([], 'p_1', 0), 'p_1', null);
    expect(list).toEqual([{ pollId: 'p_1', option: 0 }]);
  });

  it('forget the oldest beyond the cap', () => {
    let list: VotedPoll[] = [];
    for (let i = 0; i < 8; i++) {
      list = rememberVote(list, `p_${i}`, 0, 5);
    }
    expect(list.map((v) => v.pollId)).toEqual(['p_3', 'p_4', 'p_5', 'p_6', 'p_7']);
  });

  it('skip what they cannot read', () => {
    expect(parseVoted(null)).toEqual([]);
    expect(parseVoted('{not json')).toEqual([]);
    expect(parseVoted('{"p_1":1}')).toEqual([]);
    expect(parseVoted('[["p_1",1],[2,3],"x",["p_2",-1],["p_3","a"]]')).toEqual([
      { pollId: 'p_1', option: 1 },
      { pollId: 'p_2', option: null },
      { pollId: 'p_3', option: null },
    ]);
  });
});
