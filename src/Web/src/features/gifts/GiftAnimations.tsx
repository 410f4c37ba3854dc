import { Avatar } from '../../components/Avatar';
import { cssVars } from '../../lib/cssVars';
import { hueOf } from '../../lib/format';
import type { GiftOnScreen } from './combos';
import { giftEmoji, RARITY_LABELS, rarityOf } from './giftArt';

/**
 * The gifts over the video, one element per combo, animated by rarity with CSS alone: common floats up, rare
 * glows, epic sweeps a banner across, legendary bursts over the whole screen. A combo's ×N bumps on each gift.
 */
export function GiftAnimations({ items }: { items: readonly GiftOnScreen[] }) {
  const toasts = items.filter((i) => rarityOf(i.gift.rarity) === 'common' || rarityOf(i.gift.rarity) === 'rare');
  const banners = items.filter((i) => rarityOf(i.gift.rarity) === 'epic');
  const bursts = items.filter((i) => rarityOf(i.gift.rarity) === 'legendary');
  return (
    <div className="gift-layer" aria-live="polite" aria-relevant="additions">
      <ol className="gift-layer__toasts">
        {toasts.map((item) => (
          <li key={item.comboId}>
            <GiftToast item={item} />
          </li>
        ))}
      </ol>
      {banners.map((item, i) => (
        <GiftBanner key={item.comboId} item={item} lane={i % 3} />
      ))}
      {bursts.map((item) => (
        <GiftBurst key={item.comboId} item={item} />
      ))}
    </div>
  );
}

function Combo({ item }: { item: GiftOnScreen }) {
  // A new key on every update replays the bump.
  return (
    <span className="gift-combo" data-testid="gift-combo" key={item.bumps} aria-label={`combo ${item.combo}`}>
      ×{item.combo}
    </span>
  );
}

function Sender({ item }: { item: GiftOnScreen }) {
  return (
    <span className="gift-sender">
      <span className="gift-sender__handle" style={{ color: `hsl(${hueOf(item.from.handle.toLowerCase())} 80% 74%)` }}>
        {item.from.handle}
      </span>{' '}
      <span className="gift-sender__verb">sent</span> <span className="gift-sender__gift">{item.gift.name}</span>
    </span>
  );
}

function hooks(item: GiftOnScreen, kind: string) {
  const rarity = rarityOf(item.gift.rarity);
  return {
    className: `gift-anim gift-anim--${kind} gift-anim--${rarity}${item.leaving ? ' gift-anim--leaving' : ''}`,
    'data-testid': 'gift-animation',
    'data-combo-id': item.comboId,
    'data-rarity': rarity,
  };
}

function GiftToast({ item }: { item: GiftOnScreen }) {
  return (
    <div {...hooks(item, 'toast')}>
      <Avatar handle={item.from.handle} size={30} />
      <Sender item={item} />
      <span className="gift-anim__art" aria-hidden="true">
        {giftEmoji(item.gift)}
      </span>
      <Combo item={item} />
    </div>
  );
}

function GiftBanner({ item, lane }: { item: GiftOnScreen; lane: number }) {
  return (
    <div {...hooks(item, 'banner')} style={cssVars({ '--lane': lane })}>
      <span className="gift-anim__shine" aria-hidden="true" />
      <span className="gift-anim__art" aria-hidden="true">
        {giftEmoji(item.gift)}
      </span>
      <span className="gift-anim__text">
        <span className="gift-anim__rarity">{RARITY_LABELS.epic}</span>
        <Sender item={item} />
      </span>
      <Combo item={item} />
    </div>
  );
}

function GiftBurst({ item }: { item: GiftOnScreen }) {
  return (
    <div {...hooks(item, 'burst')}>
      <span className="gift-anim__rays" aria-hidden="true" />
      <span className="gift-anim__ring" aria-hidden="true" />
      <span className="gift-anim__ring gift-anim__ring--late" aria-hidden="true" />
      <div className="gift-anim__center">
        <span className="gift-anim__art" aria-hidden="true">
          {giftEmoji(item.gift)}
        </span>
        <span className="gift-anim__rarity">{RARITY_LABELS.legendary}</span>
        <Sender item={item} />
        <Combo item={item} />
      </div>
    </div>
  );
}
