// The command-gifts editor's form model: drafts (what the inputs hold) to and from the wire config, checks that
// follow each action's parameter schema from `GET /api/commands`, and the placing of field errors keyed like
// the server's (`mappings[0].params.color`). Pure. If the schema's shape changes, `readCommandSpecs` and
// `toValue` are the places to adjust.

import {
  COOLDOWN_MAX_SECONDS,
  type CommandGiftsConfig,
  type CommandGiftsView,
  type CommandMapping,
  type CommandParamSpec,
  type CommandParamType,
  type CommandParamValue,
  type CommandSpec,
} from '../../api/contract';
import type { FieldValues, FieldErrors as FormErrors, Resolver } from 'react-hook-form';
import { z } from 'zod';
import { isRecord } from '../../lib/read';

/** What a parameter's input holds: text, or a list of texts for `string[]`. */
export type ParamDraft = string | string[];

export interface MappingDraft {
  /** A local id for React keys; rows keep it while others are added and removed. */
  key: number;
  giftCode: string;
  action: string;
  params: Record<string, ParamDraft>;
}

export interface CommandsDraft {
  mappings: MappingDraft[];
  /** Seconds as typed, by action. */
  cooldowns: Record<string, string>;
}

const PARAM_TYPES: readonly CommandParamType[] = ['color', 'int', 'number', 'string', 'enum', 'string[]'];
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function readParam(name: string, raw: unknown): CommandParamSpec | null {
  if (typeof raw !== 'object' || raw === null || !name) {
    return null;
  }
  const r = raw as Record<string, unknown>;
  const type = PARAM_TYPES.includes(r.type as CommandParamType) ? (r.type as CommandParamType) : 'string';
  const values = Array.isArray(r.values) ? r.values.filter((v): v is string => typeof v === 'string') : undefined;
  return { name, type, required: r.required === true, min: finite(r.min), max: finite(r.max), values };
}

/**
 * Reads `GET /api/commands` into specs. Takes the documented shape (`params` as a list of `{ name, … }`) and also
 * `params` as an object keyed by name; drops entries it cannot read.
 */
export function readCommandSpecs(raw: unknown): CommandSpec[] {
  if (!Array.isArray(raw)) {
    return [];
  }
  const specs: CommandSpec[] = [];
  for (const item of raw) {
    if (typeof item !== 'object' || item === null || typeof (item as { action?: unknown }).action !== 'string') {
      continue;
    }
    const { action, params, description, defaults } = item as {
      action: string;
      params?: unknown;
      description?: unknown;
      defaults?: unknown;
    };
    const list = Array.isArray(params)
      ? params.map((p) => readParam(typeof (p as { name?: unknown })?.name === 'string' ? (p as { name: string }).name : '', p))
      : typeof params === 'object' && params !== null
        ? Object.entries(params).map(([name, p]) => readParam(name, p))
        : [];
    specs.push({
      action,
      params: list.filter((p): p is CommandParamSpec => p !== null),
      description: typeof description === 'string' ? description : undefined,
      defaults:
        typeof defaults === 'object' && defaults !== null && !Array.isArray(defaults) ? (defaults as Record<string, unknown>) : undefined,
    });
  }
  return specs;
}

/**
 * What a new row's input holds for a parameter: the server's suggested value for a required one, else a start
 * (optional ones stay empty, so the action's own default applies; the suggestion shows as a placeholder).
 */
export function defaultDraft(param: CommandParamSpec, suggested?: unknown): ParamDraft {
  if (param.required && suggested !== undefined && suggested !== null) {
    return draftOf(param, suggested);
  }
  switch (param.type) {
    case 'string[]':
      return Array.from({ length: Math.max(param.required ? 1 : 0, param.min ?? 0) }, () => '');
    case 'enum':
      return param.required ? (param.values?.[0] ?? '') : '';
    case 'color':
      return param.required ? '#7c5cff' : '';
    case 'int':
    case 'number':
      return param.required && param.min !== undefined && param.min !== null ? String(param.min) : '';
    default:
      return '';
  }
}

/** The inputs of an action's parameters, keeping what `previous` held for parameters of the same name. */
export function paramsDraft(spec: CommandSpec | undefined, previous: Record<string, ParamDraft> = {}): Record<string, ParamDraft> {
  const params: Record<string, ParamDraft> = {};
  for (const param of spec?.params ?? []) {
    const kept = previous[param.name];
    const fits = kept !== undefined && Array.isArray(kept) === (param.type === 'string[]');
    params[param.name] = fits ? kept : defaultDraft(param, spec?.defaults?.[param.name]);
  }
  return params;
}

function draftOf(param: CommandParamSpec, value: unknown): ParamDraft {
  if (param.type === 'string[]') {
    return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

let nextKey = 1;

/** A fresh row: the gift and action given, parameters at their defaults. */
export function newMapping(specs: readonly CommandSpec[], giftCode: string, action?: string): MappingDraft {
  const spec = specs.find((s) => s.action === action) ?? specs[0];
  return { key: nextKey++, giftCode, action: spec?.action ?? '', params: paramsDraft(spec) };
}

/** The inputs for a stored configuration (or none yet). */
export function draftFromConfig(config: CommandGiftsView | null | undefined, specs: readonly CommandSpec[]): CommandsDraft {
  const mappings = (config?.mappings ?? []).map((m): MappingDraft => {
    const spec = specs.find((s) => s.action === m.action);
    // What was saved, exactly: a parameter left out stays empty rather than taking a suggestion.
    const params: Record<string, ParamDraft> = {};
    for (const param of spec?.params ?? []) {
      params[param.name] = isRecord(m.params) && param.name in m.params ? draftOf(param, m.params[param.name]) : param.type === 'string[]' ? [] : '';
    }
    return { key: nextKey++, giftCode: m.giftCode, action: m.action, params };
  });
  const cooldowns: Record<string, string> = {};
  for (const [action, seconds] of Object.entries(config?.cooldowns ?? {})) {
    cooldowns[action] = String(seconds);
  }
  return { mappings, cooldowns };
}

// ---- keys of field errors, as the server writes them ----

export const mappingKey = (index: number, field: 'giftCode' | 'action') => `mappings[${index}].${field}`;
export const paramKey = (index: number, name: string) => `mappings[${index}].params.${name}`;
export const cooldownKey = (action: string) => `cooldowns.${action}`;

/**
 * One spelling for a field-error key, to compare client and server keys: `$.Mappings[0].Params["Color"]` and
 * `mappings[0].params.color` are the same field.
 */
export function canonicalKey(key: string): string {
  return key
    .trim()
    .replace(/^\$\.?/, '')
    .replace(/\[\s*["']?([^\]"']*?)["']?\s*\]/g, (_, inner: string) => (/^\d+$/.test(inner) ? `[${inner}]` : `.${inner}`))
    .replace(/^\./, '')
    .toLowerCase();
}

export type FieldErrors = ReadonlyMap<string, string>;

export const NO_FIELD_ERRORS: FieldErrors = new Map();

/** Field errors keyed canonically, messages joined. */
export function fieldErrorMap(errors: Readonly<Record<string, readonly string[] | string>>): FieldErrors {
  const map = new Map<string, string>();
  for (const [key, messages] of Object.entries(errors)) {
    const text = (Array.isArray(messages) ? messages.join(' ') : String(messages)).trim();
    if (!text) {
      continue;
    }
    const canonical = canonicalKey(key);
    const before = map.get(canonical);
    map.set(canonical, before ? `${before} ${text}` : text);
  }
  return map;
}

/** The message for a field, by its key in any spelling. */
export function errorAt(errors: FieldErrors, key: string): string | undefined {
  return errors.get(canonicalKey(key));
}

/** Errors no field of the form shows: they go to the row (`mappings[1]…`) or to the top of the form. */
export function unplacedErrors(
  errors: FieldErrors,
  draft: CommandsDraft,
  specs: readonly CommandSpec[],
  cooldownActions: readonly string[],
): { rows: Map<number, string[]>; general: string[] } {
  const placed = new Set<string>();
  draft.mappings.forEach((row, i) => {
    placed.add(canonicalKey(mappingKey(i, 'giftCode')));
    placed.add(canonicalKey(mappingKey(i, 'action')));
    for (const param of specs.find((s) => s.action === row.action)?.params ?? []) {
      placed.add(canonicalKey(paramKey(i, param.name)));
    }
  });
  for (const action of cooldownActions) {
    placed.add(canonicalKey(cooldownKey(action)));
  }

  const rows = new Map<number, string[]>();
  const general: string[] = [];
  for (const [key, message] of errors) {
    if (placed.has(key)) {
      continue;
    }
    const row = /^mappings\[(\d+)\]/.exec(key);
    const index = row ? Number(row[1]) : -1;
    if (index >= 0 && index < draft.mappings.length) {
      rows.set(index, [...(rows.get(index) ?? []), message]);
    } else {
      general.push(message);
    }
  }
  return { rows, general };
}

// ---- drafts to the wire, checked against the schema ----

function isBlank(draft: ParamDraft | undefined): boolean {
  return draft === undefined || (Array.isArray(draft) ? draft.every((s) => s.trim() === '') : draft.trim() === '');
}

function inRange(param: CommandParamSpec, n: number): boolean {
  return (param.min === undefined || param.min === null || n >= param.min) && (param.max === undefined || param.max === null || n <= param.max);
}

/** The most characters of one label in a `string[]` parameter (CommandCatalog's TextList). */
export const PARAM_LABEL_MAX = 40;

/** The most mappings one stream keeps (CommandCatalog.MaxMappings). */
export const COMMAND_MAPPINGS_MAX = 50;

/** The server's words for a parameter that does not fit its type (CommandCatalog.CheckValue). */
export function paramMessage(param: CommandParamSpec): string {
  switch (param.type) {
    case 'color':
      return 'A colour is #rrggbb.';
    case 'int':
    case 'number':
      return `A number from ${param.min ?? ''} to ${param.max ?? ''}.`;
    case 'enum':
      return `One of ${(param.values ?? []).join(', ')}.`;
    case 'string[]':
      return `${param.min ?? ''}–${param.max ?? ''} labels of 1–${PARAM_LABEL_MAX} characters.`;
    default:
      return `Text of ${param.min ?? ''}–${param.max ?? ''} characters with something visible.`;
  }
}

/** The server's words for the editor's other fields (CommandCatalog.Validate). */
export const COMMAND_MESSAGES = {
  mappings: `At most ${COMMAND_MAPPINGS_MAX} mappings.`,
  giftCode: 'No active gift has this code.',
  giftTwice: 'This gift is mapped twice.',
  action: (specs: readonly CommandSpec[]) => `The action is one of ${specs.map((s) => s.action).join(', ')}.`,
  cooldown: `A cooldown is 0–${COOLDOWN_MAX_SECONDS} seconds.`,
  required: 'Required.',
} as const;

/** A parameter's input as the value to send, or the reason it cannot be sent (the server's words). */
export function toValue(param: CommandParamSpec, draft: ParamDraft): { value: CommandParamValue } | { error: string } {
  const error = { error: paramMessage(param) };
  switch (param.type) {
    case 'string[]': {
      const items = (Array.isArray(draft) ? draft : [draft]).map((s) => s.trim()).filter((s) => s !== '');
      return inRange(param, items.length) && items.every((s) => s.length <= PARAM_LABEL_MAX) ? { value: items } : error;
    }
    case 'int':
    case 'number': {
      const text = String(draft).trim();
      const n = Number(text);
      const fits = text !== '' && Number.isFinite(n) && (param.type === 'number' || Number.isInteger(n)) && inRange(param, n);
      return fits ? { value: n } : error;
    }
    case 'color': {
      const text = String(draft).trim();
      return HEX_COLOR.test(text) ? { value: text.toLowerCase() } : error;
    }
    case 'enum': {
      const text = String(draft).trim();
      return param.values && !param.values.includes(text) ? error : { value: text };
    }
    default: {
      const text = String(draft).trim();
      return inRange(param, text.length) ? { value: text } : error;
    }
  }
}

/**
 * An action's parameters from their inputs, adding an issue at `path` + the parameter's name for each that does not
 * fit (blank optional ones are left out, so the action's own default applies). Shared with the challenge's reward.
 */
export function checkParams(
  spec: CommandSpec,
  inputs: Readonly<Record<string, ParamDraft>>,
  ctx: z.RefinementCtx,
  path: readonly PropertyKey[],
): Record<string, CommandParamValue> {
  const params: Record<string, CommandParamValue> = {};
  for (const param of spec.params) {
    const input = inputs[param.name];
    if (isBlank(input)) {
      if (param.required) {
        ctx.addIssue({ code: 'custom', path: [...path, param.name], message: COMMAND_MESSAGES.required });
      }
      continue;
    }
    const read = toValue(param, input!);
    if ('error' in read) {
      ctx.addIssue({ code: 'custom', path: [...path, param.name], message: read.error });
    } else {
      params[param.name] = read.value;
    }
  }
  return params;
}

const paramDraft = z.union([z.string(), z.array(z.string())]);

/**
 * The `PUT …/command-gifts` request's rules as a zod schema over the draft: its output is the request (params typed
 * by each action's schema from `GET /api/commands`), checked against the generated contract's type; the issues'
 * paths are the server's field names (`mappings[0].params.color`, `cooldowns.confetti`) and their messages its words.
 */
export function commandsDraftSchema(specs: readonly CommandSpec[]) {
  return z
    .object({
      mappings: z.array(z.object({ key: z.number(), giftCode: z.string(), action: z.string(), params: z.record(z.string(), paramDraft) })),
      cooldowns: z.record(z.string(), z.string()),
    })
    .transform((draft, ctx): CommandGiftsConfig => {
      if (draft.mappings.length > COMMAND_MAPPINGS_MAX) {
        ctx.addIssue({ code: 'custom', path: ['mappings'], message: COMMAND_MESSAGES.mappings });
      }
      const seen = new Set<string>();
      const mappings = draft.mappings.map((row, i): CommandMapping => {
        if (!row.giftCode) {
          ctx.addIssue({ code: 'custom', path: ['mappings', i, 'giftCode'], message: COMMAND_MESSAGES.giftCode });
        } else if (seen.has(row.giftCode)) {
          ctx.addIssue({ code: 'custom', path: ['mappings', i, 'giftCode'], message: COMMAND_MESSAGES.giftTwice });
        }
        seen.add(row.giftCode);
        const spec = specs.find((s) => s.action === row.action);
        if (!spec) {
          ctx.addIssue({ code: 'custom', path: ['mappings', i, 'action'], message: COMMAND_MESSAGES.action(specs) });
        }
        const params = spec ? checkParams(spec, row.params, ctx, ['mappings', i, 'params']) : {};
        return { giftCode: row.giftCode, action: row.action, params };
      });
      const cooldowns: Record<string, number> = {};
      for (const [action, text] of Object.entries(draft.cooldowns)) {
        if (text.trim() === '') {
          continue;
        }
        const seconds = Number(text);
        if (!Number.isInteger(seconds) || seconds < 0 || seconds > COOLDOWN_MAX_SECONDS) {
          ctx.addIssue({ code: 'custom', path: ['cooldowns', action], message: COMMAND_MESSAGES.cooldown });
        } else {
          cooldowns[action] = seconds;
        }
      }
      return { mappings, cooldowns };
    }) satisfies z.ZodType<CommandGiftsConfig, CommandsDraft>;
}

/** A zod issue's path as the server spells a field: `mappings[0].params.color`. */
export function issueKey(path: readonly PropertyKey[]): string {
  return canonicalKey(path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join(''));
}

/** Zod issues as field errors keyed like the server's (`target`, `mappings[0].params.color`); the first per field. */
export function issueErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors = new Map<string, string>();
  for (const issue of issues) {
    const key = issueKey(issue.path);
    if (!errors.has(key)) {
      errors.set(key, issue.message);
    }
  }
  return errors;
}

/**
 * Field errors (keyed like the server's) as react-hook-form keeps them, and back. The form keeps them under one flat
 * name each: the draft's fields are not the request's (row keys, `rewardParams` vs `reward.params`).
 */
export function toFormErrors(errors: FieldErrors): Record<string, { type: string; message: string }> {
  return Object.fromEntries([...errors].map(([key, message]) => [key, { type: 'server', message }]));
}

export function fromFormErrors(errors: Readonly<Record<string, unknown>>): FieldErrors {
  const map = new Map<string, string>();
  for (const [key, value] of Object.entries(errors)) {
    const message = (value as { message?: unknown } | undefined)?.message;
    if (typeof message === 'string') {
      map.set(key, message);
    }
  }
  return map;
}

/**
 * A react-hook-form resolver from a schema whose issues are keyed like the server's fields: the form's errors are
 * flat (`mappings[0].params.color`), so the client's checks and the server's answer show in the same places.
 */
export function fieldErrorResolver<Draft extends FieldValues, Request>(schema: z.ZodType<Request, Draft>): Resolver<Draft, unknown, Request> {
  return async (values) => {
    const result = await schema.safeParseAsync(values);
    return result.success
      ? { values: result.data, errors: {} }
      : { values: {}, errors: toFormErrors(issueErrors(result.error.issues)) as FormErrors<Draft> };
  };
}

/** The request to `PUT …/command-gifts`, and the client's own field errors (keyed like the server's). */
export function toConfig(draft: CommandsDraft, specs: readonly CommandSpec[]): { config: CommandGiftsConfig; errors: FieldErrors } {
  const result = commandsDraftSchema(specs).safeParse(draft);
  return result.success
    ? { config: result.data, errors: new Map() }
    : { config: { mappings: [], cooldowns: {} }, errors: issueErrors(result.error.issues) };
}
