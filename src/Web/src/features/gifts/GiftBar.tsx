import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Gift, SendGiftRequest, Stream } from '../../api/contract';
import { useLive } from '../../app/liveContext';
import { LoadError } from '../../components/LoadError';
import { TokenAmount } from '../../components/TokenAmount';
import type { Session } from '../auth/sessionStorage';
import { useWalletBalance } from '../wallet/useWalletBalance';
import { giftEmoji, RARITY_LABELS, rarityOf } from './giftArt';
import { giftFailure, type GiftFailure } from './giftErrors';
import { newIdempotencyKey } from './idempotency';
import { useGiftCatalog } from './useGiftCatalog';

/** The counts offered; the server takes 1–100. */
export const GIFT_COUNTS = [1, 5, 10, 100] as const;

const SENT_FLASH_MS = 1_600;

interface GiftBarProps {
  stream: Stream | null;
  session: Session | null;
}

interface FailedSend {
  failure: GiftFailure;
  /** The request to send again, with its key, when that is safe and may help. */
  retry: SendGiftRequest | null;
}

function blockedReason(stream: Stream | null, session: Session | null): string | null {
  if (!session) {
    return 'Sign in to send gifts.';
  }
  if (stream && stream.creatorId === session.user.id) {
    return 'This is your stream: gifts from viewers light up the video here.';
  }
  return null;
}

/**
 * The gift bar under the video: the catalog, the viewer's balance, a count, and Send. Every press of Send is one
 * action with its own idempotency key; a send cut off by the connection is sent again, same key, when it is back.
 */
export function GiftBar({ stream, session }: GiftBarProps) {
  const live = useLive();
  const id = useId();
  const catalog = useGiftCatalog();
  const wallet = useWalletBalance();
  const [selected, setSelected] = useState<string | null>(null);
  const [count, setCount] = useState<number>(1);
  const [pending, setPending] = useState(0);
  const [waiting, setWaiting] = useState(false);
  const [failed, setFailed] = useState<FailedSend | null>(null);
  const [sent, setSent] = useState<{ gift: Gift; count: number; at: number } | null>(null);
  const abort = useRef<AbortController>(new AbortController());
  const concurrency = useRef({ inFlight: 0, peak: 0 });

  const userId = session?.user.id ?? null;
  const blocked = blockedReason(stream, session);
  const gifts = catalog.gifts;
  const gift = gifts?.find((g) => g.code === selected) ?? gifts?.[0] ?? null;
  const cost = gift ? gift.tokenCost * count : 0;
  const short = wallet.balance !== null && gift !== null && cost > wallet.balance;

  // Sends belong to who started them: a sign-out or another stream stops their retries.
  const owner = `${userId ?? ''}/${stream?.id ?? ''}`;
  const [shownFor, setShownFor] = useState(owner);
  if (shownFor !== owner) {
    setShownFor(owner);
    setFailed(null);
    setWaiting(false);
  }
  useEffect(() => {
    const controller = new AbortController();
    abort.current = controller;
    return () => controller.abort();
  }, [owner]);

  useEffect(() => {
    if (!sent) {
      return;
    }
    const timer = setTimeout(() => setSent(null), SENT_FLASH_MS);
    return () => clearTimeout(timer);
  }, [sent]);

  async function send(request: SendGiftRequest, sentGift: Gift) {
    const signal = abort.current.signal;
    const c = concurrency.current;
    c.inFlight++;
    c.peak = Math.max(c.peak, c.inFlight);
    setPending((n) => n + 1);
    setFailed(null);
    try {
      const receipt = await live.sendGift(request, {
        signal,
        onWaiting: () => setWaiting(true),
        onRetrying: () => setWaiting(false),
      });
      if (signal.aborted) {
        return;
      }
      wallet.apply(receipt.balance);
      setSent({ gift: sentGift, count: request.count, at: Date.now() });
    } catch (error) {
      if (signal.aborted) {
        return;
      }
      const failure = giftFailure(error, { cost: sentGift.tokenCost * request.count });
      setFailed({ failure, retry: failure.canRetry ? request : null });
      if (failure.code === 'insufficient_funds') {
        wallet.refresh();
      }
    } finally {
      setWaiting(false);
      setPending((n) => n - 1);
      c.inFlight--;
      if (c.inFlight === 0) {
        // Receipts of sends that overlapped may have come back out of order: ask for the settled balance.
        if (c.peak > 1 && !signal.aborted) {
          wallet.refresh();
        }
        c.peak = 0;
      }
    }
  }

  function sendSelected() {
    if (!gift || !stream || blocked) {
      return;
    }
    // One press, one action, one fresh key.
    void send({ streamId: stream.id, giftCode: gift.code, count, idempotencyKey: newIdempotencyKey() }, gift);
  }

  function retry() {
    const request = failed?.retry;
    const retryGift = request && gifts?.find((g) => g.code === request.giftCode);
    if (request && retryGift) {
      void send(request, retryGift); // the same key: the server returns the first receipt if it got it
    }
  }

  const disabled = blocked !== null || !stream;
  const status = waiting
    ? 'Connection lost: sending when it is back…'
    : pending > 0
      ? 'Sending…'
      : sent
        ? `Sent ${sent.count} × ${sent.gift.name}`
        : null;

  return (
    <section className={`gift-bar${disabled ? ' gift-bar--blocked' : ''}`} data-testid="gift-bar" aria-label="Send a gift">
      <header className="gift-bar__head">
        <h2 className="gift-bar__title">Send a gift</h2>
        {session && (
          <Link className="gift-bar__balance" to="/wallet" title="Your wallet">
            <span className="muted">Balance</span>
            <TokenAmount value={wallet.balance} testId="wallet-balance" />
          </Link>
        )}
      </header>

      {catalog.error && <LoadError message={catalog.error} onRetry={catalog.reload} className="gift-bar__notice" />}

      <div className="gift-bar__body">
        {/* Focusable: the keyboard scrolls the row even while its gifts are disabled (signed out, own stream). */}
        <ul className="gift-bar__catalog" aria-label="Gifts" tabIndex={0}>
          {gifts === null &&
            !catalog.error &&
            Array.from({ length: 6 }, (_, i) => (
              <li key={i}>
                <div className="gift-option gift-option--skeleton skeleton" />
              </li>
            ))}
          {gifts?.length === 0 && <li className="gift-bar__empty">No gifts are on offer right now.</li>}
          {gifts?.map((g) => {
            const rarity = rarityOf(g.rarity);
            const isSelected = g.code === gift?.code;
            return (
              <li key={g.code}>
                <button
                  type="button"
                  className={`gift-option gift-option--${rarity}${isSelected ? ' gift-option--selected' : ''}`}
                  data-testid="gift-option"
                  data-gift-code={g.code}
                  aria-pressed={isSelected}
                  disabled={disabled}
                  title={`${g.name} · ${RARITY_LABELS[rarity]} · ${g.tokenCost} ${g.tokenCost === 1 ? 'token' : 'tokens'}${g.commandAction ? ` · runs ${g.commandAction}` : ''}`}
                  onClick={() => setSelected(g.code)}
                >
                  <span className="gift-option__art" aria-hidden="true">
                    {giftEmoji(g)}
                  </span>
                  <span className="gift-option__name">{g.name}</span>
                  <TokenAmount value={g.tokenCost} className="gift-option__cost" />
                </button>
              </li>
            );
          })}
        </ul>

        <div className="gift-bar__actions">
          <label className="visually-hidden" htmlFor={`${id}-count`}>
            How many
          </label>
          <select
            id={`${id}-count`}
            className="input select gift-bar__count"
            data-testid="gift-count"
            value={count}
            disabled={disabled}
            onChange={(e) => setCount(Number(e.target.value))}
          >
            {GIFT_COUNTS.map((n) => (
              <option key={n} value={n}>
                ×{n}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--primary gift-bar__send"
            data-testid="gift-send"
            disabled={disabled || !gift}
            onClick={sendSelected}
            aria-describedby={`${id}-status`}
          >
            Send
            {gift && <TokenAmount value={cost} className={`gift-bar__cost${short ? ' gift-bar__cost--short' : ''}`} />}
          </button>
        </div>
      </div>

      <div className="gift-bar__foot" id={`${id}-status`} aria-live="polite">
        {blocked ? (
          <p className="gift-bar__hint">
            {blocked}
            {!session && <span className="muted"> Use the sign-in form at the top of the page.</span>}
          </p>
        ) : failed ? (
          <p className="gift-bar__error" data-testid="gift-error" role="alert">
            <span>{failed.failure.message}</span>
            {failed.retry && (
              <button className="button button--ghost gift-bar__retry" type="button" onClick={retry}>
                Try again
              </button>
            )}
          </p>
        ) : status ? (
          <p className={`gift-bar__status${sent && pending === 0 ? ' gift-bar__status--sent' : ''}`}>{status}</p>
        ) : stream && stream.status !== 'live' ? (
          <p className="gift-bar__hint">Gifts can be sent while the stream is live.</p>
        ) : gift ? (
          <p className="gift-bar__hint">
            <span className={`rarity rarity--${rarityOf(gift.rarity)}`}>{RARITY_LABELS[rarityOf(gift.rarity)]}</span> {gift.name}
            {short && <span className="gift-bar__short"> · more than your balance</span>}
          </p>
        ) : null}
      </div>
    </section>
  );
}
