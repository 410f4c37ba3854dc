/** A failed load's message with a "Try again" button. */
export function LoadError({ message, onRetry, className }: { message: string; onRetry(): void; className?: string }) {
  return (
    <div className={className ? `notice notice--error ${className}` : 'notice notice--error'} role="alert">
      <span>{message}</span>
      <button className="button button--ghost" type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
