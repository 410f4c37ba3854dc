import { useId } from 'react';
import type { CommandParamSpec } from '../../api/contract';
import { FieldError } from '../../components/FieldError';
import type { ParamDraft } from './commandForm';

const LABELS: Record<string, string> = {
  durationMs: 'Duration (ms)',
  color: 'Colour',
  seconds: 'Seconds',
};

/** `durationMs` → "Duration (ms)", `maxItems` → "Max items". */
export function paramLabel(name: string): string {
  if (LABELS[name]) {
    return LABELS[name];
  }
  const words = name
    .replace(/Ms$/, ' (ms)')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function hint(param: CommandParamSpec): string | null {
  const { min, max, type } = param;
  const has = (n: number | null | undefined): n is number => n !== undefined && n !== null;
  const unit = type === 'string[]' ? ' items' : type === 'string' ? ' chars' : '';
  if (has(min) && has(max)) {
    return `${min}–${max}${unit}`;
  }
  if (has(min)) {
    return `≥ ${min}${unit}`;
  }
  if (has(max)) {
    return `≤ ${max}${unit}`;
  }
  return type === 'color' ? '#rrggbb' : null;
}

interface ParamFieldProps {
  param: CommandParamSpec;
  /** The server's suggested value, shown as the placeholder of an optional input. */
  suggested?: unknown;
  value: ParamDraft;
  error: string | undefined;
  onChange(value: ParamDraft): void;
  /** The inputs' test hooks are `<prefix>-param-<name>`; `command` in the command-gifts editor. */
  testIdPrefix?: string;
  /** The field error's test hook; `command-error` in the command-gifts editor. */
  errorTestId?: string;
}

/** One parameter's input, chosen by the schema's type. */
export function ParamField({
  param,
  suggested,
  value,
  error,
  onChange,
  testIdPrefix = 'command',
  errorTestId = 'command-error',
}: ParamFieldProps) {
  const id = useId();
  const fallback = typeof suggested === 'string' || typeof suggested === 'number' ? `default: ${suggested}` : 'default';
  const errorId = `${id}-error`;
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    'data-testid': `${testIdPrefix}-param-${param.name}`,
  } as const;
  const text = Array.isArray(value) ? value.join(', ') : value;
  const note = hint(param);

  let input;
  switch (param.type) {
    case 'color': {
      const valid = /^#[0-9a-fA-F]{6}$/.test(text.trim());
      input = (
        <div className="param-color">
          <input
            className="param-color__swatch"
            type="color"
            aria-label={`${paramLabel(param.name)} picker`}
            value={valid ? text.trim().toLowerCase() : '#7c5cff'}
            onChange={(e) => onChange(e.target.value)}
          />
          <input
            {...common}
            className="input param-color__text"
            placeholder={param.required ? '#rrggbb' : fallback}
            spellCheck={false}
            maxLength={7}
            value={text}
            onChange={(e) => onChange(e.target.value)}
          />
        </div>
      );
      break;
    }
    case 'int':
    case 'number':
      input = (
        <input
          {...common}
          className="input"
          type="number"
          inputMode={param.type === 'int' ? 'numeric' : 'decimal'}
          min={param.min ?? undefined}
          max={param.max ?? undefined}
          step={param.type === 'int' ? 1 : 'any'}
          placeholder={param.required ? '' : fallback}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case 'enum':
      input = (
        <select {...common} className="input select" value={text} onChange={(e) => onChange(e.target.value)}>
          {!param.required && <option value="">{typeof suggested === 'string' ? `Default (${suggested})` : 'Default'}</option>}
          {(param.values ?? []).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      );
      break;
    case 'string[]': {
      const items = Array.isArray(value) ? value : value ? [value] : [];
      const max = param.max ?? Number.POSITIVE_INFINITY;
      input = (
        <div className="param-list" role="group" aria-labelledby={`${id}-label`} data-testid={`${testIdPrefix}-param-${param.name}`}>
          {items.map((item, i) => (
            <div className="param-list__item" key={i}>
              <span className="param-list__no" aria-hidden="true">
                {i + 1}
              </span>
              <input
                className="input"
                aria-label={`${paramLabel(param.name)} ${i + 1}`}
                aria-invalid={error ? true : undefined}
                value={item}
                maxLength={120}
                onChange={(e) => onChange(items.map((x, j) => (j === i ? e.target.value : x)))}
              />
              <button
                className="button button--ghost param-list__remove"
                type="button"
                aria-label={`Remove ${paramLabel(param.name).toLowerCase()} ${i + 1}`}
                onClick={() => onChange(items.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </div>
          ))}
          <button className="button button--ghost param-list__add" type="button" disabled={items.length >= max} onClick={() => onChange([...items, ''])}>
            + Add
          </button>
        </div>
      );
      break;
    }
    default:
      input = (
        <input
          {...common}
          className="input"
          maxLength={param.max ?? undefined}
          placeholder={param.required ? '' : fallback}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }

  return (
    <div className={`field param-field param-field--${param.type === 'string[]' ? 'list' : param.type}`}>
      <label className="field__label" id={`${id}-label`} htmlFor={param.type === 'string[]' ? undefined : id}>
        {paramLabel(param.name)}
        {param.required && (
          <span className="param-field__required" title="Required">
            {' '}
            *
          </span>
        )}
        {note && <span className="param-field__hint">{note}</span>}
      </label>
      {input}
      <FieldError id={errorId} message={error} testId={errorTestId} />
    </div>
  );
}
