import { useEffect, useState } from 'react';
import { cssVars } from '../../../lib/cssVars';
import type { StreamFeed } from '../../streams/streamFeed';
import { useWheelRounds } from './useWheelRounds';
import { WheelVerifyDialog } from './WheelVerifyDialog';
import { landingOffset, landingRotation, polar, segmentArc, slicePath } from './wheelGeometry';
import { commitmentOf, type WheelRound } from './wheelRounds';

/** How long the wheel spins. */
export const SPIN_MS = 4_200;
/** After landing, the wheel moves to the corner so the video is seen again. */
const DOCK_AFTER_MS = 9_000;

const SLICE_COLORS = ['#7c5cff', '#ff3b5c', '#2fd08a', '#ffb547', '#3fa7ff', '#c15cff', '#ff7a45', '#1fc7c1', '#e6c229', '#ff5fa2', '#5c7cff', '#8bd346'];

function shortLabel(label: string): string {
  return label.length > 14 ? `${label.slice(0, 13)}…` : label;
}

/** The SVG wheel, turned so that `index` ends under the pointer. */
function WheelGraphic({ segments, index, spinId, spinning }: { segments: readonly string[]; index: number; spinId: string; spinning: boolean }) {
  const count = segments.length;
  const rotation = landingRotation(index, count, 6, landingOffset(spinId));
  return (
    <div className={`wheel${spinning ? ' wheel--spinning' : ' wheel--landed'}`} data-testid="wheel" data-segment-index={index}>
      <span className="wheel__pointer" aria-hidden="true" />
      <svg
        className="wheel__disc"
        viewBox="0 0 200 200"
        role="img"
        aria-label={`Wheel of ${count}: ${segments.join(', ')}`}
        style={cssVars({ '--wheel-final': `${rotation}deg`, '--wheel-ms': `${SPIN_MS}ms` })}
      >
        {segments.map((label, i) => {
          const { start, end } = segmentArc(i, count);
          const mid = (start + end) / 2;
          const at = polar(100, 100, 60, mid);
          return (
            <g key={i} className={`wheel__slice${!spinning && i === index ? ' wheel__slice--won' : ''}`}>
              <path d={slicePath(100, 100, 96, start, end)} fill={SLICE_COLORS[i % SLICE_COLORS.length]} />
              <text
                x={at.x}
                y={at.y}
                className="wheel__label"
                textAnchor="middle"
                dominantBaseline="middle"
                transform={`rotate(${mid - 90} ${at.x} ${at.y})`}
              >
                {shortLabel(label)}
              </text>
            </g>
          );
        })}
        <circle cx="100" cy="100" r="96" className="wheel__rim" />
        <circle cx="100" cy="100" r="14" className="wheel__hub" />
      </svg>
    </div>
  );
}

/** The round on screen: it spins, lands, shows the result and offers to verify it. */
export function SpinWheel({ feed }: { feed: StreamFeed }) {
  const wheel = useWheelRounds(feed);
  const round = wheel.current;
  if (!round) {
    return null;
  }
  const commitment = commitmentOf(wheel, round);
  return <WheelCard key={`${round.roundId}|${round.spin?.triggerId ?? ''}`} round={round} commitment={commitment} onDismiss={wheel.dismiss} />;
}

function WheelCard({
  round,
  commitment,
  onDismiss,
}: {
  round: WheelRound;
  commitment: ReturnType<typeof commitmentOf>;
  onDismiss(): void;
}) {
  const animate = round.spin?.animate ?? false;
  const [spinning, setSpinning] = useState(animate);
  const [docked, setDocked] = useState(!animate);
  const [verifying, setVerifying] = useState(false);

  useEffect(() => {
    if (!animate) {
      return;
    }
    const land = setTimeout(() => setSpinning(false), SPIN_MS);
    const dock = setTimeout(() => setDocked(true), SPIN_MS + DOCK_AFTER_MS);
    return () => {
      clearTimeout(land);
      clearTimeout(dock);
    };
  }, [animate]);

  const segments = round.spin?.segments ?? round.result?.segments ?? [];
  const index = round.spin?.segmentIndex ?? round.result?.segmentIndex ?? 0;
  const by = round.spin?.by;
  const landedOn = segments[index];

  return (
    <div className={`spin-wheel${docked ? ' spin-wheel--docked' : ''}`} data-testid="overlay-spin-wheel" data-round-id={round.roundId}>
      <header className="spin-wheel__head">
        <span className="spin-wheel__title">🎡 Wheel</span>
        {by && <span className="overlay-by">from {by}</span>}
        <button className="spin-wheel__close" type="button" aria-label="Close the wheel" onClick={onDismiss}>
          ×
        </button>
      </header>
      {segments.length >= 2 && <WheelGraphic segments={segments} index={index} spinId={round.spin?.triggerId ?? round.roundId} spinning={spinning} />}
      <p className="spin-wheel__status" role="status">
        {spinning ? (
          'Spinning…'
        ) : (
          <>
            Landed on <strong>{landedOn ?? '—'}</strong>
          </>
        )}
      </p>
      {round.result ? (
        <button className="button spin-wheel__verify" type="button" data-testid="wheel-verify" onClick={() => setVerifying(true)}>
          <span aria-hidden="true">🔐</span> Verify
        </button>
      ) : (
        <p className="spin-wheel__wait muted">Waiting for the seed to be revealed…</p>
      )}
      {verifying && round.result && (
        <WheelVerifyDialog result={round.result} commitment={commitment} onClose={() => setVerifying(false)} />
      )}
    </div>
  );
}
