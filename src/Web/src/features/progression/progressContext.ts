import { createContext, useContext } from 'react';
import type { ProgressChange } from '../../api/contract';
import type { MyProgress, ProgressToast } from './progressState';

export interface ProgressContextValue {
  /** The signed-in user's progression; null while loading or signed out. */
  progress: MyProgress | null;
  toasts: readonly ProgressToast[];
  /** A heartbeat's (or any activity's) answer: updates the bar, toasts what it reached. */
  applyChange(change: ProgressChange): void;
  dismiss(key: string): void;
}

export const ProgressContext = createContext<ProgressContextValue | null>(null);

export function useProgress(): ProgressContextValue {
  const value = useContext(ProgressContext);
  if (!value) {
    throw new Error('useProgress must be used inside <ProgressProvider>.');
  }
  return value;
}
