import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BADGE_CODES, BADGES, badgeInfo, chatBadges } from './badges';

const progression = readFileSync(new URL('../../../../../docs/PROGRESSION.md', import.meta.url), 'utf8');
const badgesCs = new URL('../../../../Grains.Abstractions/Progression/Badges.cs', import.meta.url);

/** The names in PROGRESSION.md's badge table (`| Crowd Puller (creators) | … |`). */
function documentedNames(): string[] {
  const section = progression.split(/^## Badges$/m)[1]!.split(/^## /m)[0]!;
  return [...section.matchAll(/^\| ([^|]+?) \|/gm)]
    .map((m) => m[1]!.replace(/\s*\(creators\)$/, '').trim())
    .filter((name) => name !== 'badge' && !/^-+$/.test(name));
}

describe('the badges', () => {
  it('cover every badge PROGRESSION.md lists, by name, each with an icon', () => {
    const names = documentedNames();
    expect(names.length).toBe(13);
    const known = new Map([...BADGES.values()].map((b) => [b.name, b]));
    for (const name of names) {
      expect(known.get(name), `${name} has no entry`).toBeDefined();
      expect(known.get(name)!.icon).not.toBe('');
    }
    expect(BADGE_CODES.length).toBe(names.length);
  });

  it('use the codes the server grants (Badges.cs), with the same names and descriptions', () => {
    if (!existsSync(badgesCs)) {
      return; // the client checked out alone
    }
    const rules = [...readFileSync(badgesCs, 'utf8').matchAll(/new\("([a-z0-9-]+)", "([^"]+)", "([^"]+)", (true|false)/g)];
    expect(rules.map((m) => m[1]).sort()).toEqual([...BADGE_CODES].sort());
    for (const [, code, name, description, forCreators] of rules) {
      expect(badgeInfo(code!)).toMatchObject({ name, description, forCreators: forCreators === 'true' });
    }
  });

  it('have one icon each, all different', () => {
    const icons = [...BADGES.values()].map((b) => b.icon);
    expect(new Set(icons).size).toBe(icons.length);
  });

  it('name an unknown badge from its code, with a medal, and prefer what an event sends', () => {
    expect(badgeInfo('super-fan')).toMatchObject({ name: 'Super fan', icon: '🏅', description: '' });
    expect(badgeInfo('first-gift', { name: 'First!', description: 'x' })).toMatchObject({ name: 'First!', icon: '🎁' });
  });

  it('show at most three beside a name in chat, each once, ignoring junk', () => {
    expect(chatBadges(['a', 'b', 'a', 7, 'c', 'd'])).toEqual(['a', 'b', 'c']);
    expect(chatBadges(undefined)).toEqual([]);
    expect(chatBadges('first-gift')).toEqual([]);
  });
});
