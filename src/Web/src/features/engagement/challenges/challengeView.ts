// What the challenge bar shows: the kind, progress against the target, the time left, and the phase. Pure.

import type { Challenge, ChallengeKind } from '../../../api/contract';
import { formatCountdown, msUntil } from '../../../lib/countdown';

export const CHALLENGE_KIND_INFO: Record<ChallengeKind, { label: string; icon: string; unit: string; defaultTarget: number }> = {
  'gift-tokens': { label: 'Gift tokens', icon: '🎁', unit: 'tokens gifted', defaultTarget: 1000 },
  reactions: { label: 'Reactions', icon: '🔥', unit: 'reactions', defaultTarget: 200 },
  'chat-messages': { label: 'Chat messages', icon: '💬', unit: 'chat messages', defaultTarget: 50 },
  'new-viewers': { label: 'New viewers', icon: '👋', unit: 'new viewers', defaultTarget: 10 },
};

export type ChallengePhase =
  /** Counting. */
  | 'running'
  /** The time is up by our clock; the server's final `challenge:update` has not arrived yet. */
  | 'ending'
  | 'completed'
  | 'failed';

export interface ChallengeView {
  challengeId: string;
  label: string;
  icon: string;
  unit: string;
  progress: number;
  target: number;
  /** `progress/target`, as the bar's counter shows it. */
  progressText: string;
  /** 0–1, the bar's fill. */
  fraction: number;
  /** Whole percent, at most 100. */
  percent: number;
  phase: ChallengePhase;
  remainingMs: number;
  countdown: string;
  /** A sentence for the bar's status line. */
  status: string;
}

function statusLine(phase: ChallengePhase, view: { progress: number; target: number; unit: string; countdown: string }): string {
  switch (phase) {
    case 'completed':
      return 'Challenge complete!';
    case 'failed':
      return `Time’s up: ${view.progress} of ${view.target} ${view.unit}.`;
    case 'ending':
      return 'Time’s up: counting the last ones…';
    case 'running': {
      const left = Math.max(0, view.target - view.progress);
      return left === 0 ? 'Target reached!' : `${left} more ${view.unit} to go`;
    }
  }
}

export function challengeView(challenge: Challenge, now: number, offsetMs = 0): ChallengeView {
  const info = CHALLENGE_KIND_INFO[challenge.kind];
  const target = Math.max(1, challenge.target);
  const progress = Math.max(0, challenge.progress);
  const remainingMs = challenge.status === 'running' ? msUntil(challenge.endsAt, now, offsetMs) : 0;
  const phase: ChallengePhase = challenge.status !== 'running' ? challenge.status : remainingMs > 0 ? 'running' : 'ending';
  const fraction = challenge.status === 'completed' ? 1 : Math.min(1, progress / target);
  const countdown = formatCountdown(remainingMs);
  return {
    challengeId: challenge.challengeId,
    label: info.label,
    icon: info.icon,
    unit: info.unit,
    progress,
    target,
    progressText: `${progress}/${target}`,
    fraction,
    percent: Math.floor(fraction * 100),
    phase,
    remainingMs,
    countdown,
    status: statusLine(phase, { progress, target, unit: info.unit, countdown }),
  };
}
