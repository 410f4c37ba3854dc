import { useEffect } from 'react';
import type { ProgressToast } from './progressState';

/** How long a progression toast stays. */
export const PROGRESS_TOAST_MS = 6_000;

interface ProgressToastsProps {
  toasts: readonly ProgressToast[];
  onDismiss(key: string): void;
}

/** "Level 5!" and badge toasts, whatever page is open. */
export function ProgressToasts({ toasts, onDismiss }: ProgressToastsProps) {
  if (toasts.length === 0) {
    return null;
  }
  return (
    <ol className="progress-toasts" aria-label="Progress" aria-live="polite">
      {toasts.map((toast) => (
        <ProgressToastItem key={toast.key} toast={toast} onDismiss={onDismiss} />
      ))}
    </ol>
  );
}

function ProgressToastItem({ toast, onDismiss }: { toast: ProgressToast; onDismiss(key: string): void }) {
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(toast.key), PROGRESS_TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast.key, onDismiss]);

  const levelUp = toast.kind === 'level-up';
  return (
    <li
      className={`progress-toast progress-toast--${toast.kind}`}
      data-testid={levelUp ? 'toast-level-up' : 'toast-badge'}
      data-badge={levelUp ? undefined : toast.badge.code}
      data-level={levelUp ? toast.level : undefined}
    >
      <span className="progress-toast__icon" aria-hidden="true">
        {levelUp ? '⭐' : toast.badge.icon}
      </span>
      <div className="progress-toast__body">
        {levelUp ? (
          <p className="progress-toast__title">Level {toast.level}!</p>
        ) : (
          <>
            <p className="progress-toast__kicker">Badge earned</p>
            <p className="progress-toast__title">{toast.badge.name}</p>
            {toast.badge.description && <p className="progress-toast__text">{toast.badge.description}</p>}
          </>
        )}
      </div>
      <button className="progress-toast__close" type="button" aria-label="Dismiss" onClick={() => onDismiss(toast.key)}>
        ×
      </button>
    </li>
  );
}
