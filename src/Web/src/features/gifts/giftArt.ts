import type { GiftRarity } from '../../api/contract';

// The catalog names an `animationKey` (`rose-float`, `rocket-launch`) but ships no artwork: the client draws each
// gift as an emoji picked by the words of its key and code, and animates it by rarity.
const ART: [RegExp, string][] = [
  [/rose|flower|tulip|bouquet/, '🌹'],
  [/heart|love/, '💖'],
  [/rocket|launch/, '🚀'],
  [/crown|king|queen/, '👑'],
  [/diamond|gem|jewel/, '💎'],
  [/star/, '⭐'],
  [/fire|flame/, '🔥'],
  [/cake|birthday/, '🎂'],
  [/coffee/, '☕'],
  [/beer|cheers/, '🍻'],
  [/pizza/, '🍕'],
  [/donut|doughnut/, '🍩'],
  [/ice-?cream/, '🍦'],
  [/car|race/, '🏎️'],
  [/castle/, '🏰'],
  [/dragon/, '🐉'],
  [/unicorn/, '🦄'],
  [/lion/, '🦁'],
  [/panda/, '🐼'],
  [/cat|kitty/, '🐱'],
  [/dog|puppy/, '🐶'],
  [/planet|galaxy|universe|space/, '🪐'],
  [/rainbow/, '🌈'],
  [/trophy|cup|champion/, '🏆'],
  [/gg|clap|applause/, '👏'],
  [/thumb|like/, '👍'],
  [/wheel|spin/, '🎡'],
  [/confetti|party/, '🎉'],
  [/horn|airhorn/, '📯'],
  [/music|note|song/, '🎵'],
  [/money|cash|coin|gold/, '💰'],
  [/balloon/, '🎈'],
  [/firework/, '🎆'],
  [/lightning|bolt|zap/, '⚡'],
  [/ghost/, '👻'],
  [/sun/, '☀️'],
  [/moon/, '🌙'],
];

/** The emoji that stands for a gift. */
export function giftEmoji(gift: { code: string; animationKey?: string | null }): string {
  const words = `${gift.animationKey ?? ''} ${gift.code}`.toLowerCase();
  for (const [pattern, emoji] of ART) {
    if (pattern.test(words)) {
      return emoji;
    }
  }
  return '🎁';
}

export const RARITY_LABELS: Record<GiftRarity, string> = {
  common: 'Common',
  rare: 'Rare',
  epic: 'Epic',
  legendary: 'Legendary',
};

/** A rarity the client knows, for class names; anything else is drawn as common. */
export function rarityOf(value: string): GiftRarity {
  return value === 'rare' || value === 'epic' || value === 'legendary' ? value : 'common';
}
