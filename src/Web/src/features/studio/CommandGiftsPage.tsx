import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { ApiError } from '../../api/errors';
import {
  COOLDOWN_MAX_SECONDS,
  SOUND_NAMES,
  type CommandGiftsView,
  type CommandSpec,
  type Gift,
  type SoundName,
  type Stream,
} from '../../api/contract';
import { queryKeys } from '../../api/queries';
import { FormField } from '../../components/FormField';
import { LoadError } from '../../components/LoadError';
import { useSession } from '../auth/sessionContext';
import { StudioStreamPage, type StudioEditorProps } from './StudioStreamPage';
import { giftEmoji } from '../gifts/giftArt';
import { useGiftCatalog } from '../gifts/useGiftCatalog';
import { sounds } from '../overlay/sounds';
import { StatusBadge } from '../streams/StatusBadge';
import {
  cooldownKey,
  draftFromConfig,
  errorAt,
  mappingKey,
  newMapping,
  paramKey,
  paramsDraft,
  commandsDraftSchema,
  unplacedErrors,
  type FieldErrors,
  type MappingDraft,
  type ParamDraft,
} from './commandForm';
import { ACTION_HELP, actionLabel } from './actionLabels';
import { ParamField } from './ParamField';
import { useCommandSpecs } from './useCommandSpecs';
import { useDraftForm } from '../../lib/useDraftForm';

interface Loaded {
  stream: Stream;
  specs: CommandSpec[];
}

/** `/studio/streams/:streamId/commands`: which gifts run which overlay actions on this stream, and cooldowns. */
export function CommandGiftsPage() {
  return (
    <StudioStreamPage
      title="Command gifts"
      gateText="Only the creator of a stream sets which gifts run which effects on it."
      className="page page--narrow"
      testId="command-gifts-editor"
      Editor={Editor}
    />
  );
}

function Editor({ streamId, userId, isAdmin }: StudioEditorProps) {
  const { api } = useSession();
  const client = useQueryClient();
  const streamQuery = useQuery({ queryKey: queryKeys.stream(streamId), queryFn: ({ signal }) => api.getStream(streamId, signal) });
  const { specs: loadedSpecs, error: specsError } = useCommandSpecs();
  const configQuery = useQuery({
    queryKey: queryKeys.commandGifts(streamId),
    queryFn: ({ signal }) =>
      api.getCommandGifts(streamId, signal).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) {
          return null; // nothing configured yet
        }
        throw error;
      }),
  });
  const loaded: Loaded | null = useMemo(
    () => (streamQuery.data && loadedSpecs ? { stream: streamQuery.data, specs: loadedSpecs } : null),
    [streamQuery.data, loadedSpecs],
  );
  const failed = streamQuery.error?.message ?? specsError ?? configQuery.error?.message ?? null;

  // A failed read after the form has started leaves it be: what is being edited stays.
  if (failed && (!loaded || configQuery.data === undefined)) {
    return (
      <LoadError
        message={failed}
        onRetry={() => {
          void streamQuery.refetch();
          void configQuery.refetch();
          void client.refetchQueries({ queryKey: queryKeys.commands() });
        }}
      />
    );
  }
  if (!loaded || configQuery.data === undefined) {
    return (
      <>
        <div className="skeleton skeleton--title" role="status" aria-label="Loading" />
        <div className="skeleton skeleton--row" />
      </>
    );
  }

  const { stream } = loaded;
  if (stream.creatorId !== userId && !isAdmin) {
    return (
      <section className="card gate">
        <h2>Not your stream</h2>
        <p>Only {stream.creatorHandle}, who created &ldquo;{stream.title}&rdquo;, sets its command gifts.</p>
      </section>
    );
  }

  return <CommandsForm stream={stream} specs={loaded.specs} config={configQuery.data} />;
}

interface CommandsFormProps {
  stream: Stream;
  specs: readonly CommandSpec[];
  /** The stored configuration, or null when none is: the inputs start from it once (a later read does not overwrite them). */
  config: CommandGiftsView | null;
}

function CommandsForm({ stream, specs, config }: CommandsFormProps) {
  const { api } = useSession();
  const id = useId();
  const client = useQueryClient();
  const catalog = useGiftCatalog();
  const schema = useMemo(() => commandsDraftSchema(specs), [specs]);
  const [initial] = useState(() => draftFromConfig(config, specs));
  const { draft, edit, errors, generalError, saving, savedAt, dirty, save: saveDraft } = useDraftForm(schema, initial);

  const gifts = useMemo(() => catalog.gifts ?? [], [catalog.gifts]);
  const actions = specs.map((s) => s.action);

  const updateRow = (index: number, change: (row: MappingDraft) => MappingDraft) =>
    edit((d) => ({ ...d, mappings: d.mappings.map((row, i) => (i === index ? change(row) : row)) }));

  function addRow() {
    const used = new Set(draft.mappings.map((m) => m.giftCode));
    const gift = gifts.find((g) => !used.has(g.code)) ?? gifts[0];
    edit((d) => ({ ...d, mappings: [...d.mappings, newMapping(specs, gift?.code ?? '', gift?.commandAction ?? undefined)] }), true);
  }

  const save = () =>
    saveDraft(async (request) => {
      const stored = await api.putCommandGifts(stream.id, request);
      client.setQueryData(queryKeys.commandGifts(stream.id), stored);
      return stored && Array.isArray(stored.mappings) ? draftFromConfig(stored, specs) : null;
    });

  const misplaced = unplacedErrors(errors, draft, specs, actions);
  const generals = [...(generalError ? [generalError] : []), ...misplaced.general];
  const defaults = gifts.filter((g) => g.commandAction);

  return (
    <>
      <header className="page-head">
        <div>
          <h1 className="page-head__title">Command gifts</h1>
          <p className="page-head__lead">
            <span className="command-stream">
              <StatusBadge status={stream.status} /> {stream.title}
            </span>
          </p>
          <p className="page-head__lead">
            Map gifts to effects. When a viewer sends a mapped gift, the effect plays over the video for everyone watching.
          </p>
        </div>
      </header>

      {generals.length > 0 && (
        <div className="notice notice--error" role="alert" data-testid="command-error">
          <span>{generals.join(' ')}</span>
        </div>
      )}
      {catalog.error && <LoadError message={catalog.error} onRetry={catalog.reload} />}

      <section className="card">
        <header className="command-card__head">
          <h2 className="card__title">Mappings</h2>
          <button className="button" type="button" onClick={addRow} disabled={specs.length === 0 || gifts.length === 0}>
            + Add mapping
          </button>
        </header>
        {draft.mappings.length === 0 ? (
          <div className="empty empty--small">
            <h3>No command gifts yet</h3>
            <p>Add a mapping to let a gift run an effect on your stream.</p>
          </div>
        ) : (
          <ol className="command-rows">
            {draft.mappings.map((row, index) => (
              <CommandRow
                key={row.key}
                index={index}
                row={row}
                specs={specs}
                gifts={gifts}
                errors={errors}
                rowErrors={misplaced.rows.get(index) ?? []}
                onGift={(giftCode) => updateRow(index, (r) => ({ ...r, giftCode }))}
                onAction={(action) =>
                  updateRow(index, (r) => ({ ...r, action, params: paramsDraft(specs.find((s) => s.action === action), r.params) }))
                }
                onParam={(name, value) => updateRow(index, (r) => ({ ...r, params: { ...r.params, [name]: value } }))}
                onRemove={() => edit((d) => ({ ...d, mappings: d.mappings.filter((_, i) => i !== index) }), true)}
              />
            ))}
          </ol>
        )}
        {defaults.length > 0 && (
          <p className="command-defaults muted">
            Built in, unless you map them:{' '}
            {defaults.map((g, i) => (
              <span key={g.code}>
                {i > 0 && ', '}
                {giftEmoji(g)} {g.name} → {actionLabel(g.commandAction!)}
              </span>
            ))}
            .
          </p>
        )}
      </section>

      <section className="card">
        <h2 className="card__title">Cooldowns</h2>
        <p className="card__lead muted">
          Seconds between two runs of an action. Gifts sent meanwhile wait their turn (up to 50) and play in order.
        </p>
        <div className="cooldowns">
          {actions.map((action) => {
            const error = errorAt(errors, cooldownKey(action));
            return (
              <FormField key={action} id={`${id}-cd-${action}`} label={actionLabel(action)} className="cooldown" error={error} errorTestId="command-error">
                <div className="cooldown__input">
                  <input
                    id={`${id}-cd-${action}`}
                    className="input"
                    data-testid={`cooldown-${action}`}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={COOLDOWN_MAX_SECONDS}
                    step={1}
                    placeholder="0"
                    value={draft.cooldowns[action] ?? ''}
                    aria-invalid={error ? true : undefined}
                    onChange={(e) => edit((d) => ({ ...d, cooldowns: { ...d.cooldowns, [action]: e.target.value } }))}
                  />
                  <span className="cooldown__unit">s</span>
                </div>
              </FormField>
            );
          })}
        </div>
      </section>

      <div className="command-save">
        <span className="command-save__state" role="status">
          {saving ? 'Saving…' : savedAt ? '✓ Saved' : dirty ? 'Unsaved changes' : ''}
        </span>
        <button className="button button--primary" type="button" data-testid="command-save" disabled={saving} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </>
  );
}

interface CommandRowProps {
  index: number;
  row: MappingDraft;
  specs: readonly CommandSpec[];
  gifts: readonly Gift[];
  errors: FieldErrors;
  rowErrors: readonly string[];
  onGift(giftCode: string): void;
  onAction(action: string): void;
  onParam(name: string, value: ParamDraft): void;
  onRemove(): void;
}

function CommandRow({ index, row, specs, gifts, errors, rowErrors, onGift, onAction, onParam, onRemove }: CommandRowProps) {
  const id = useId();
  const spec = specs.find((s) => s.action === row.action);
  const giftError = errorAt(errors, mappingKey(index, 'giftCode'));
  const actionError = errorAt(errors, mappingKey(index, 'action'));
  const known = gifts.some((g) => g.code === row.giftCode);
  const sound = row.params.sound;
  const previewable = row.action === 'sound-effect' && typeof sound === 'string' && (SOUND_NAMES as readonly string[]).includes(sound);

  return (
    <li className="command-row" data-testid="command-row">
      <div className="command-row__head">
        <FormField id={`${id}-gift`} label="When a viewer sends" error={giftError} errorTestId="command-error">
          <select
            id={`${id}-gift`}
            className="input select"
            data-testid="command-gift"
            value={row.giftCode}
            aria-invalid={giftError ? true : undefined}
            onChange={(e) => onGift(e.target.value)}
          >
            {!row.giftCode && <option value="">Pick a gift</option>}
            {!known && row.giftCode && <option value={row.giftCode}>{row.giftCode} (not in the catalog)</option>}
            {gifts.map((g) => (
              <option key={g.code} value={g.code}>
                {giftEmoji(g)} {g.name} · {g.tokenCost} {g.tokenCost === 1 ? 'token' : 'tokens'}
              </option>
            ))}
          </select>
        </FormField>
        <span className="command-row__arrow" aria-hidden="true">
          →
        </span>
        <FormField id={`${id}-action`} label="Run" error={actionError} errorTestId="command-error">
          <select
            id={`${id}-action`}
            className="input select"
            data-testid="command-action"
            value={row.action}
            aria-invalid={actionError ? true : undefined}
            onChange={(e) => onAction(e.target.value)}
          >
            {!spec && <option value={row.action}>{row.action || 'Pick an action'}</option>}
            {specs.map((s) => (
              <option key={s.action} value={s.action}>
                {actionLabel(s.action)}
              </option>
            ))}
          </select>
        </FormField>
        <button className="button button--ghost command-row__remove" type="button" onClick={onRemove} aria-label={`Remove mapping ${index + 1}`}>
          Remove
        </button>
      </div>

      {(spec?.description ?? ACTION_HELP[row.action]) && (
        <p className="command-row__help muted">{spec?.description ?? ACTION_HELP[row.action]}</p>
      )}

      {spec && spec.params.length > 0 && (
        <div className="command-row__params">
          {spec.params.map((param) => (
            <ParamField
              key={param.name}
              param={param}
              suggested={spec.defaults?.[param.name]}
              value={row.params[param.name] ?? (param.type === 'string[]' ? [] : '')}
              error={errorAt(errors, paramKey(index, param.name))}
              onChange={(value) => onParam(param.name, value)}
            />
          ))}
          {previewable && (
            <div className="field command-row__preview">
              <button
                className="button button--ghost"
                type="button"
                onClick={() => {
                  const volume = Number(row.params.volume);
                  void sounds.preview(sound as SoundName, row.params.volume && Number.isFinite(volume) ? volume : 0.8);
                }}
              >
                ▶ Preview
              </button>
            </div>
          )}
        </div>
      )}

      {rowErrors.length > 0 && (
        <p className="field-error" role="alert" data-testid="command-error">
          {rowErrors.join(' ')}
        </p>
      )}
    </li>
  );
}
