import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { WheelResultEvent } from '../../../api/contract';
import type { commitmentOf } from './wheelRounds';
import { verifyWheelRound, webCryptoDigest, type WheelVerification } from './verify';

type Commitment = ReturnType<typeof commitmentOf>;

const SOURCES: Record<NonNullable<Commitment>['source'], string> = {
  commit: 'committed by wheel:commit before the spin',
  spin: 'announced with the spin (this page did not see the wheel:commit)',
  result: 'echoed by the result only (this page saw neither the commit nor the spin)',
};

type Outcome = { state: 'checking' } | { state: 'done'; verification: WheelVerification } | { state: 'failed'; reason: string };

function Mark({ ok }: { ok: boolean }) {
  return (
    <span className={`verify-mark verify-mark--${ok ? 'ok' : 'bad'}`} aria-label={ok ? 'passes' : 'fails'}>
      {ok ? '✓' : '✗'}
    </span>
  );
}

function Value({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="verify-value">
      <dt>{label}</dt>
      <dd>
        <code>{value}</code>
      </dd>
    </div>
  );
}

/** Recomputes a revealed round in this browser (WebCrypto SHA-256) and shows each check with its values. */
export function WheelVerifyDialog({
  result,
  commitment,
  onClose,
}: {
  result: WheelResultEvent;
  commitment: Commitment;
  onClose(): void;
}) {
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const committed = commitment ?? { seedHash: result.seedHash, source: 'result' as const };

  useEffect(() => {
    // Unmounting removes the dialog (and its backdrop) from the page; closing it here would fire a late `close`.
    const element = dialog.current;
    if (element && !element.open) {
      element.showModal();
    }
  }, []);

  // The check is pure and its inputs are the round's: a query, kept while the round is on screen.
  const digest = webCryptoDigest();
  const check = useQuery({
    queryKey: ['wheel-verify', result.roundId, result.seed, committed.seedHash, result.giftEventId, result.segments, result.segmentIndex],
    queryFn: () =>
      verifyWheelRound(
        {
          seed: result.seed,
          committedSeedHash: committed.seedHash,
          giftEventId: result.giftEventId,
          segments: result.segments,
          segmentIndex: result.segmentIndex,
        },
        digest!,
      ),
    enabled: digest !== null,
    retry: false,
    staleTime: Infinity,
  });
  const outcome: Outcome = !digest
    ? { state: 'failed', reason: 'This browser offers no WebCrypto here: it needs a secure page (https or localhost).' }
    : check.data
      ? { state: 'done', verification: check.data }
      : check.error
        ? { state: 'failed', reason: check.error.message }
        : { state: 'checking' };

  const v = outcome.state === 'done' ? outcome.verification : null;
  const echoMismatch = committed.source !== 'result' && committed.seedHash.toLowerCase() !== result.seedHash.toLowerCase();

  return createPortal(
    <dialog
      ref={dialog}
      className="verify-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) {
          onClose(); // a click on the backdrop
        }
      }}
    >
      <div className="verify-dialog__body">
        <header className="verify-dialog__head">
          <h2 id={titleId}>Verify spin · round {String(result.roundId)}</h2>
          <button className="button button--ghost" type="button" onClick={onClose} autoFocus>
            Close
          </button>
        </header>
        <p className="verify-dialog__lead">
          The stream committed to a hidden seed before the spin and revealed it after. This page recomputes both hashes
          itself, so you do not have to trust the server&rsquo;s word for the result.
        </p>

        <p
          className={`verify-result verify-result--${outcome.state === 'done' ? (v!.ok ? 'ok' : 'bad') : outcome.state}`}
          data-testid="wheel-verify-result"
          role="status"
        >
          {outcome.state === 'checking' && 'Checking…'}
          {outcome.state === 'failed' && `Cannot check here. ${outcome.reason}`}
          {v && (v.ok ? '✓ Fair spin: verified' : '✗ Verification failed: the revealed round does not match')}
        </p>

        <section className="verify-check">
          <h3>
            {v && <Mark ok={v.seed.ok} />} (a) The seed is the one committed to
          </h3>
          <p className="muted">SHA-256 of the revealed seed (its ASCII text) must equal the committed hash.</p>
          <dl>
            <Value label="seed (revealed)" value={result.seed} />
            <Value label={`seedHash, ${SOURCES[committed.source]}`} value={committed.seedHash} />
            {v && <Value label="SHA-256(seed), computed here" value={v.seed.computed} />}
          </dl>
          {echoMismatch && <p className="field-error">The result echoes another hash ({result.seedHash}) than the one committed.</p>}
          {v && !v.seed.wellFormed && <p className="field-error">The seed is not 64 hex characters, as the protocol says it is.</p>}
        </section>

        <section className="verify-check">
          <h3>
            {v && <Mark ok={v.segment.ok} />} (b) The segment follows from the seed and the gift
          </h3>
          <p className="muted">
            The first 8 bytes of SHA-256(seed + &quot;:&quot; + giftEventId), read as an unsigned big-endian integer, modulo the
            number of segments.
          </p>
          <dl>
            <Value label="giftEventId" value={result.giftEventId} />
            {v && <Value label="SHA-256(seed:giftEventId)" value={v.segment.hash} />}
            {v && <Value label="first 8 bytes as uint64" value={v.segment.uint64} />}
            {v && <Value label={`mod ${v.segment.segmentCount} (computed here)`} value={`${v.segment.computed} → ${result.segments[v.segment.computed] ?? '—'}`} />}
            <Value label="segmentIndex (announced)" value={`${result.segmentIndex} → ${result.segments[result.segmentIndex] ?? '—'}`} />
          </dl>
        </section>
      </div>
    </dialog>,
    document.body,
  );
}
