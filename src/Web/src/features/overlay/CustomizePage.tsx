import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  OVERLAY_BANNER_MAX,
  OVERLAY_LABEL_MAX,
  OVERLAY_WIDGET_KINDS,
  OVERLAY_WIDGETS_MAX,
  THEME_PRESETS,
  VIDEO_FILTERS,
  type OverlayWidgetKind,
  type ThemePreset,
  type Stream,
  type VideoFilter,
  type WireOverlayLayout,
} from '../../api/contract';
import { queryKeys } from '../../api/queries';
import { FormField } from '../../components/FormField';
import { LoadError } from '../../components/LoadError';
import { cssVars } from '../../lib/cssVars';
import { useSession } from '../auth/sessionContext';
import { StudioStreamPage, type StudioEditorProps } from '../studio/StudioStreamPage';
import { StatusBadge } from '../streams/StatusBadge';
import { useDraftForm } from '../../lib/useDraftForm';
import { errorAt, type FieldErrors } from '../studio/commandForm';
import {
  addWidget,
  canAddWidget,
  draftFromLayout,
  moveWidget,
  removeWidget,
  layoutDraftSchema,
  toLayout,
  unplacedLayoutErrors,
  updateWidget,
  widgetKey,
  type LayoutDraft,
  type WidgetDraft,
} from './layoutForm';
import { OverlayWidgets } from './OverlayWidgets';
import { backdropStyle, readLayout, THEME_PRESET_INFO, themeVars, VIDEO_FILTER_INFO, videoFilterCss } from './overlayLayout';

const KIND_LABELS: Record<OverlayWidgetKind, { label: string; icon: string }> = {
  banner: { label: 'Banner', icon: '🏷️' },
  image: { label: 'Image', icon: '🖼️' },
  goal: { label: 'Goal bar', icon: '🎯' },
  countdown: { label: 'Countdown', icon: '⏳' },
};

/** `/studio/streams/:streamId/customize`: the creator's look for the stream's watch page, saved with `PUT …/overlay`. */
export function CustomizePage() {
  return (
    <StudioStreamPage
      title="Customize"
      gateText="Only the creator of a stream chooses how its watch page looks."
      className="page customize-page"
      testId="customize-editor"
      Editor={Editor}
    />
  );
}

function Editor({ streamId, userId, isAdmin }: StudioEditorProps) {
  const { api } = useSession();
  const streamQuery = useQuery({ queryKey: queryKeys.stream(streamId), queryFn: ({ signal }) => api.getStream(streamId, signal) });
  const overlayQuery = useQuery({ queryKey: queryKeys.overlay(streamId), queryFn: ({ signal }) => api.getOverlay(streamId, signal) });
  const stream = streamQuery.data ?? null;
  const failed = streamQuery.error ?? overlayQuery.error;

  // A failed read after the form has started leaves it be: what is being edited stays.
  if (failed && (!stream || !overlayQuery.data)) {
    return (
      <LoadError
        message={failed.message}
        onRetry={() => {
          void streamQuery.refetch();
          void overlayQuery.refetch();
        }}
      />
    );
  }
  if (!stream || !overlayQuery.data) {
    return (
      <>
        <div className="skeleton skeleton--title" role="status" aria-label="Loading" />
        <div className="skeleton skeleton--row" />
      </>
    );
  }
  if (stream.creatorId !== userId && !isAdmin) {
    return (
      <section className="card gate">
        <h2>Not your stream</h2>
        <p>Only {stream.creatorHandle}, who created &ldquo;{stream.title}&rdquo;, chooses how it looks.</p>
      </section>
    );
  }

  return <LayoutForm stream={stream} stored={overlayQuery.data} />;
}

/** The editor, once loaded: the inputs start from `stored` once; a later read does not overwrite them. */
function LayoutForm({ stream, stored }: { stream: Stream; stored: WireOverlayLayout }) {
  const { api } = useSession();
  const client = useQueryClient();
  const [initial] = useState(() => draftFromLayout(readLayout(stored)));
  const { draft, edit, errors, generalError, saving, savedAt, dirty, save: saveDraft } = useDraftForm(layoutDraftSchema, initial);
  const preview = useMemo(() => readLayout(toLayout(draft).layout), [draft]);

  const save = () =>
    saveDraft(async (layout) => {
      const saved = await api.putOverlay(stream.id, layout);
      if (!saved) {
        return null;
      }
      client.setQueryData(queryKeys.overlay(stream.id), saved);
      return draftFromLayout(readLayout(saved));
    });

  const misplaced = unplacedLayoutErrors(errors, draft);
  const generals = [...(generalError ? [generalError] : []), ...misplaced.general];

  return (
    <>
      <header className="page-head">
        <div>
          <h1 className="page-head__title">Customize</h1>
          <p className="page-head__lead">
            <span className="command-stream">
              <StatusBadge status={stream.status} /> {stream.title}
            </span>
          </p>
          <p className="page-head__lead">
            Your theme, a video filter, a background and widgets over the video. Everyone watching sees the change as
            soon as you save.
          </p>
        </div>
        <Link className="button button--ghost" to={`/watch/${encodeURIComponent(stream.id)}`}>
          Open the watch page
        </Link>
      </header>

      {generals.length > 0 && (
        <div className="notice notice--error" role="alert" data-testid="customize-error">
          <span>{generals.join(' ')}</span>
        </div>
      )}

      <div className="customize">
        <div className="customize__form">
          <ThemeSection draft={draft} errors={errors} edit={edit} />
          <VideoSection draft={draft} errors={errors} edit={edit} />
          <WidgetsSection draft={draft} errors={errors} rowErrors={misplaced.rows} edit={edit} />
        </div>
        <aside className="customize__preview" aria-label="Preview">
          <h2 className="card__title">Preview</h2>
          <div
            className="customize-preview watch-theme"
            data-preset={preview.theme.preset}
            data-testid="customize-preview"
            style={cssVars(themeVars(preview.theme))}
          >
            <div className="customize-preview__backdrop" style={backdropStyle(preview.background)} />
            <div className="customize-preview__frame">
              <div className="customize-preview__video" data-filter={preview.videoFilter} style={{ filter: videoFilterCss(preview.videoFilter) }}>
                <span className="customize-preview__caption">{stream.title}</span>
              </div>
              <OverlayWidgets widgets={preview.widgets} />
            </div>
            <div className="customize-preview__chrome">
              <span className="button button--primary customize-preview__button">Send</span>
              <span className="chip customize-preview__chip">{THEME_PRESET_INFO[preview.theme.preset].label}</span>
            </div>
          </div>
          <p className="muted customize__note">The mood theme, when you turn it on, tints your accent while the audience reacts.</p>
        </aside>
      </div>

      <div className="command-save customize__save">
        <span className="command-save__state" role="status">
          {saving ? 'Saving…' : savedAt ? '✓ Saved: viewers see it now' : dirty ? 'Unsaved changes' : ''}
        </span>
        <button className="button button--primary" type="button" data-testid="customize-save" disabled={saving} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </>
  );
}

interface SectionProps {
  draft: LayoutDraft;
  errors: FieldErrors;
  edit(change: (d: LayoutDraft) => LayoutDraft, structural?: boolean): void;
}

function ColorField({
  label,
  value,
  placeholder,
  testId,
  error,
  onChange,
}: {
  label: string;
  value: string;
  placeholder: string;
  testId: string;
  error: string | undefined;
  onChange(value: string): void;
}) {
  const id = useId();
  const valid = /^#[0-9a-fA-F]{6}$/.test(value.trim());
  return (
    <FormField
      id={id}
      label={
        <>
          {label}
          <span className="param-field__hint">#rrggbb, empty for the preset&rsquo;s</span>
        </>
      }
      error={error}
      errorTestId="customize-error"
    >
      <div className="param-color">
        <input
          className="param-color__swatch"
          type="color"
          aria-label={`${label} picker`}
          value={valid ? value.trim().toLowerCase() : placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
        <input
          id={id}
          className="input param-color__text"
          data-testid={testId}
          placeholder={placeholder}
          spellCheck={false}
          maxLength={7}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        {value && (
          <button className="button button--ghost param-color__reset" type="button" onClick={() => onChange('')} aria-label={`Use the preset’s ${label.toLowerCase()}`}>
            Reset
          </button>
        )}
      </div>
    </FormField>
  );
}

function ThemeSection({ draft, errors, edit }: SectionProps) {
  const id = useId();
  const preset = THEME_PRESET_INFO[draft.preset];
  const presetError = errorAt(errors, 'theme.preset');
  return (
    <section className="card customize__section">
      <h2 className="card__title">Theme</h2>
      <div className="customize__grid">
        <FormField id={`${id}-preset`} label="Preset" error={presetError} errorTestId="customize-error">
          <select
            id={`${id}-preset`}
            className="input select"
            data-testid="customize-preset"
            value={draft.preset}
            aria-invalid={presetError ? true : undefined}
            onChange={(e) => edit((d) => ({ ...d, preset: e.target.value as ThemePreset }))}
          >
            {THEME_PRESETS.map((p) => (
              <option key={p} value={p}>
                {THEME_PRESET_INFO[p].label}
              </option>
            ))}
          </select>
          <p className="muted customize__help">{preset.description}</p>
        </FormField>
        <ColorField
          label="Accent"
          value={draft.accent}
          placeholder={preset.accent}
          testId="customize-accent"
          error={errorAt(errors, 'theme.accent')}
          onChange={(accent) => edit((d) => ({ ...d, accent }))}
        />
        <ColorField
          label="Second accent"
          value={draft.accent2}
          placeholder={preset.accent2}
          testId="customize-accent2"
          error={errorAt(errors, 'theme.accent2')}
          onChange={(accent2) => edit((d) => ({ ...d, accent2 }))}
        />
      </div>
    </section>
  );
}

function VideoSection({ draft, errors, edit }: SectionProps) {
  const id = useId();
  const filterError = errorAt(errors, 'videoFilter');
  const backgroundError = errorAt(errors, 'background');
  return (
    <section className="card customize__section">
      <h2 className="card__title">Video and background</h2>
      <div className="customize__grid">
        <FormField id={`${id}-filter`} label="Video filter" error={filterError} errorTestId="customize-error">
          <select
            id={`${id}-filter`}
            className="input select"
            data-testid="customize-filter"
            value={draft.videoFilter}
            aria-invalid={filterError ? true : undefined}
            onChange={(e) => edit((d) => ({ ...d, videoFilter: e.target.value as VideoFilter }))}
          >
            {VIDEO_FILTERS.map((f) => (
              <option key={f} value={f}>
                {VIDEO_FILTER_INFO[f].label}
              </option>
            ))}
          </select>
        </FormField>
        <FormField
          id={`${id}-background`}
          label={
            <>
              Background image
              <span className="param-field__hint">https:// or /assets/…, empty for none</span>
            </>
          }
          className="customize__wide"
          error={backgroundError}
          errorTestId="customize-error"
        >
          <input
            id={`${id}-background`}
            className="input"
            data-testid="customize-background"
            type="url"
            inputMode="url"
            spellCheck={false}
            placeholder="https://images.example.com/bg.jpg"
            value={draft.background}
            aria-invalid={backgroundError ? true : undefined}
            onChange={(e) => edit((d) => ({ ...d, background: e.target.value }))}
          />
        </FormField>
      </div>
    </section>
  );
}

function WidgetsSection({ draft, errors, rowErrors, edit }: SectionProps & { rowErrors: Map<number, string[]> }) {
  return (
    <section className="card customize__section">
      <header className="command-card__head">
        <h2 className="card__title">
          Widgets <span className="muted">{draft.widgets.length}/{OVERLAY_WIDGETS_MAX}</span>
        </h2>
        <div className="customize__add" role="group" aria-label="Add a widget">
          {OVERLAY_WIDGET_KINDS.map((kind) => (
            <button
              key={kind}
              className="button button--ghost"
              type="button"
              data-testid={`customize-add-${kind}`}
              disabled={!canAddWidget(draft)}
              onClick={() => edit((d) => addWidget(d, kind), true)}
            >
              + {KIND_LABELS[kind].label}
            </button>
          ))}
        </div>
      </header>
      <p className="muted customize__help">
        Positions and sizes are percentages of the video. Widgets are drawn in this order: the last one is on top.
      </p>
      {draft.widgets.length === 0 ? (
        <div className="empty empty--small">
          <h3>No widgets yet</h3>
          <p>Add a banner, an image, a goal bar or a countdown.</p>
        </div>
      ) : (
        <ol className="customize__widgets">
          {draft.widgets.map((widget, index) => (
            <WidgetRow
              key={widget.key}
              index={index}
              count={draft.widgets.length}
              widget={widget}
              errors={errors}
              rowErrors={rowErrors.get(index) ?? []}
              onChange={(change) => edit((d) => updateWidget(d, index, change))}
              onMove={(delta) => edit((d) => moveWidget(d, index, delta), true)}
              onRemove={() => edit((d) => removeWidget(d, index), true)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

interface WidgetRowProps {
  index: number;
  count: number;
  widget: WidgetDraft;
  errors: FieldErrors;
  rowErrors: readonly string[];
  onChange(change: Partial<WidgetDraft>): void;
  onMove(delta: number): void;
  onRemove(): void;
}

function WidgetRow({ index, count, widget, errors, rowErrors, onChange, onMove, onRemove }: WidgetRowProps) {
  const id = useId();
  const kind = KIND_LABELS[widget.kind];
  const field = (name: Extract<keyof WidgetDraft, string>, label: string, props: { type?: string; max?: number; placeholder?: string; hint?: string; min?: number; step?: number | string } = {}) => {
    const error = errorAt(errors, widgetKey(index, name));
    const inputId = `${id}-${name}`;
    return (
      <FormField
        id={inputId}
        label={
          <>
            {label}
            {props.hint && <span className="param-field__hint">{props.hint}</span>}
          </>
        }
        className={`customize__field customize__field--${name}`}
        error={error}
        errorTestId="customize-error"
      >
        <input
          id={inputId}
          className="input"
          data-testid={`customize-widget-${name}`}
          type={props.type ?? 'text'}
          min={props.min}
          max={props.type === 'number' ? props.max : undefined}
          maxLength={props.type === 'number' ? undefined : props.max}
          step={props.step}
          placeholder={props.placeholder}
          value={String(widget[name])}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          onChange={(e) => onChange({ [name]: e.target.value })}
        />
      </FormField>
    );
  };

  return (
    <li className="customize-widget" data-testid="customize-widget" data-kind={widget.kind} data-widget-id={widget.id}>
      <div className="customize-widget__head">
        <span className="customize-widget__kind">
          <span aria-hidden="true">{kind.icon}</span> {kind.label}
        </span>
        <code className="customize-widget__id">{widget.id}</code>
        <div className="customize-widget__tools">
          <button className="button button--ghost" type="button" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move ${kind.label} ${widget.id} up`}>
            ↑
          </button>
          <button className="button button--ghost" type="button" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move ${kind.label} ${widget.id} down`}>
            ↓
          </button>
          <button className="button button--ghost" type="button" data-testid="customize-widget-remove" onClick={onRemove} aria-label={`Remove ${kind.label} ${widget.id}`}>
            Remove
          </button>
        </div>
      </div>
      <div className="customize-widget__fields">
        {widget.kind === 'banner' && field('text', 'Text', { max: OVERLAY_BANNER_MAX, hint: `1–${OVERLAY_BANNER_MAX} characters` })}
        {widget.kind === 'image' && field('src', 'Image URL', { type: 'url', placeholder: 'https://… or /assets/…' })}
        {(widget.kind === 'goal' || widget.kind === 'countdown') && field('label', 'Label', { max: OVERLAY_LABEL_MAX })}
        {widget.kind === 'goal' && field('current', 'Current', { type: 'number', min: 0, step: 1 })}
        {widget.kind === 'goal' && field('target', 'Target', { type: 'number', min: 1, step: 1 })}
        {widget.kind === 'countdown' && field('endsAt', 'Ends at', { type: 'datetime-local', step: 1, hint: 'your time' })}
      </div>
      <div className="customize-widget__box">
        {field('x', 'X %', { type: 'number', min: 0, max: 100, step: 'any' })}
        {field('y', 'Y %', { type: 'number', min: 0, max: 100, step: 'any' })}
        {field('width', 'Width %', { type: 'number', min: 0, max: 100, step: 'any' })}
        {field('height', 'Height %', { type: 'number', min: 0, max: 100, step: 'any' })}
      </div>
      {rowErrors.length > 0 && (
        <p className="field-error" role="alert" data-testid="customize-error">
          {rowErrors.join(' ')}
        </p>
      )}
    </li>
  );
}
