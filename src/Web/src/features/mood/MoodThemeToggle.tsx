/** The host's switch for the mood theme: the page's colours follow the audience's mood for every viewer. */
export function MoodThemeToggle({
  enabled,
  busy,
  error,
  onChange,
}: {
  enabled: boolean;
  busy: boolean;
  error: string | null;
  onChange(enabled: boolean): void;
}) {
  return (
    <div className="mood-theme-toggle">
      <button
        type="button"
        role="switch"
        aria-checked={enabled}
        className={`switch${enabled ? ' switch--on' : ''}`}
        data-testid="mood-theme-toggle"
        disabled={busy}
        onClick={() => onChange(!enabled)}
        title="Let the page's colours follow the audience's mood, for every viewer"
      >
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        Mood theme
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
