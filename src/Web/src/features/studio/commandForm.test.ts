import { describe, expect, it } from 'vitest';
import type { CommandSpec } from '../../api/contract';
import {
  canonicalKey,
  commandsDraftSchema,
  issueErrors,
  issueKey,
  draftFromConfig,
  type CommandsDraft,
  errorAt,
  fieldErrorMap,
  newMapping,
  paramsDraft,
  readCommandSpecs,
  toConfig,
  unplacedErrors,
} from './commandForm';

const specs: CommandSpec[] = readCommandSpecs([
  {
    action: 'confetti',
    params: [
      { name: 'color', type: 'color', required: false },
      { name: 'intensity', type: 'int', required: false, min: 1, max: 5 },
      { name: 'durationMs', type: 'int', required: false, min: 500, max: 10000 },
    ],
  },
  { action: 'spotlight-message', params: [{ name: 'text', type: 'string', required: true, min: 1, max: 120 }] },
  {
    action: 'sound-effect',
    params: [
      { name: 'sound', type: 'enum', required: true, values: ['airhorn', 'applause', 'drumroll', 'tada', 'boing'] },
      { name: 'volume', type: 'number', required: false, min: 0, max: 1 },
    ],
  },
  { action: 'spin-wheel', params: [{ name: 'segments', type: 'string[]', required: true, min: 2, max: 12 }] },
]);

describe('the command-gifts form', () => {
  it('reads the schema as documented, and as an object keyed by name', () => {
    expect(specs.map((s) => s.action)).toEqual(['confetti', 'spotlight-message', 'sound-effect', 'spin-wheel']);
    expect(specs[0]?.params[1]).toEqual({ name: 'intensity', type: 'int', required: false, min: 1, max: 5, values: undefined });
    expect(readCommandSpecs([{ action: 'theme-flash', params: { color: { type: 'color', required: true } } }])).toEqual([
      { action: 'theme-flash', params: [{ name: 'color', type: 'color', required: true, min: undefined, max: undefined, values: undefined }] },
    ]);
    expect(readCommandSpecs({ not: 'a list' })).toEqual([]);
  });

  it('starts a row with the schema’s defaults', () => {
    const row = newMapping(specs, 'rocket', 'sound-effect');
    expect(row).toMatchObject({ giftCode: 'rocket', action: 'sound-effect', params: { sound: 'airhorn', volume: '' } });
    expect(newMapping(specs, 'wheel', 'spin-wheel').params.segments).toEqual(['', '']);
  });

  it('reads the server’s descriptions and suggested params, and fills required ones from them', () => {
    const [spec] = readCommandSpecs([
      {
        action: 'spin-wheel',
        description: 'A provably fair wheel spin.',
        params: [{ name: 'segments', type: 'string[]', required: true, min: 2, max: 12 }],
        defaults: { segments: ['Shout-out', 'Dance'] },
      },
      { action: 'confetti', params: [{ name: 'intensity', type: 'int', required: false, min: 1, max: 5 }], defaults: { intensity: 3 } },
    ]);
    expect(spec?.description).toBe('A provably fair wheel spin.');
    expect(paramsDraft(spec)).toEqual({ segments: ['Shout-out', 'Dance'] });
    const confetti = readCommandSpecs([
      { action: 'confetti', params: [{ name: 'intensity', type: 'int', required: false, min: 1, max: 5 }], defaults: { intensity: 3 } },
    ])[0];
    expect(paramsDraft(confetti)).toEqual({ intensity: '' }); // optional: the action's default applies
  });

  it('keeps same-named inputs when the action changes', () => {
    expect(paramsDraft(specs[0], { color: '#ff0000', text: 'hi' })).toEqual({ color: '#ff0000', intensity: '', durationMs: '' });
  });

  it('turns inputs into typed params, leaving out empty optional ones', () => {
    const draft = draftFromConfig(
      {
        mappings: [
          { giftCode: 'rocket', action: 'confetti', params: { color: '#FF00AA', intensity: 3 } },
          { giftCode: 'wheel', action: 'spin-wheel', params: { segments: ['x2', 'dance', ''] } },
        ],
        cooldowns: { confetti: 10 },
      },
      specs,
    );
    const { config, errors } = toConfig(draft, specs);
    expect(errors.size).toBe(0);
    expect(config).toEqual({
      mappings: [
        { giftCode: 'rocket', action: 'confetti', params: { color: '#ff00aa', intensity: 3 } },
        { giftCode: 'wheel', action: 'spin-wheel', params: { segments: ['x2', 'dance'] } },
      ],
      cooldowns: { confetti: 10 },
    });
  });

  it('checks inputs against the schema, keyed like the server’s errors', () => {
    const draft: CommandsDraft = {
      mappings: [
        { key: 1, giftCode: 'rocket', action: 'confetti', params: { color: 'pink', intensity: '9', durationMs: '1.5' } },
        { key: 2, giftCode: '', action: 'spotlight-message', params: { text: '' } },
        { key: 3, giftCode: 'wheel', action: 'spin-wheel', params: { segments: ['only one'] } },
      ],
      cooldowns: { confetti: '-1', 'spin-wheel': '' },
    };
    const { errors } = toConfig(draft, specs);
    // The server's words (CommandCatalog), so that a mistake reads the same before and after saving.
    expect(errorAt(errors, 'mappings[0].params.color')).toBe('A colour is #rrggbb.');
    expect(errorAt(errors, 'mappings[0].params.intensity')).toBe('A number from 1 to 5.');
    expect(errorAt(errors, 'mappings[0].params.durationMs')).toBe('A number from 500 to 10000.');
    expect(errorAt(errors, 'mappings[1].giftCode')).toBe('No active gift has this code.');
    expect(errorAt(errors, 'mappings[1].params.text')).toBe('Required.');
    expect(errorAt(errors, 'mappings[2].params.segments')).toBe('2–12 labels of 1–40 characters.');
    expect(errorAt(errors, 'cooldowns.confetti')).toBe('A cooldown is 0–3600 seconds.');
    expect(errors.size).toBe(7);
  });

  it('spells server keys one way', () => {
    expect(canonicalKey('Mappings[0].Params.Color')).toBe('mappings[0].params.color');
    expect(canonicalKey('$.mappings[0].params["color"]')).toBe('mappings[0].params.color');
    expect(canonicalKey('cooldowns[confetti]')).toBe('cooldowns.confetti');
    const errors = fieldErrorMap({ 'mappings[0].params.color': ['Not a colour.'], 'Mappings[0].Params.Color': ['Use #rrggbb.'] });
    expect(errorAt(errors, 'mappings[0].params.color')).toBe('Not a colour. Use #rrggbb.');
  });

  it('sends errors no field shows to their row, or to the top of the form', () => {
    const draft = draftFromConfig({ mappings: [{ giftCode: 'rocket', action: 'confetti', params: {} }], cooldowns: {} }, specs);
    const errors = fieldErrorMap({
      'mappings[0].params.color': ['Bad colour.'],
      'mappings[0].params.sparkle': ['Unknown parameter.'],
      'mappings[0]': ['Gift is mapped twice.'],
      'mappings[5].action': ['Unknown action.'],
      cooldowns: ['Too many.'],
      'cooldowns.confetti': ['Too long.'],
    });
    const { rows, general } = unplacedErrors(errors, draft, specs, ['confetti']);
    expect(rows.get(0)).toEqual(['Unknown parameter.', 'Gift is mapped twice.']);
    expect(general).toEqual(['Unknown action.', 'Too many.']);
  });

  it('is a zod schema whose output is the request and whose issue paths are the server’s field names', () => {
    const schema = commandsDraftSchema(specs);
    const ok = schema.safeParse({
      mappings: [{ key: 1, giftCode: 'bell', action: 'sound-effect', params: { sound: 'tada', volume: ' 0.5 ' } }],
      cooldowns: { 'sound-effect': '5' },
    } satisfies CommandsDraft);
    expect(ok.success && ok.data).toEqual({
      mappings: [{ giftCode: 'bell', action: 'sound-effect', params: { sound: 'tada', volume: 0.5 } }],
      cooldowns: { 'sound-effect': 5 },
    });

    const bad = schema.safeParse({
      mappings: [
        { key: 1, giftCode: 'bell', action: 'sound-effect', params: { sound: 'kazoo', volume: '' } },
        { key: 2, giftCode: 'bell', action: 'fireworks', params: {} },
        { key: 3, giftCode: 'wheel', action: 'spotlight-message', params: { text: 'x'.repeat(121) } },
        { key: 4, giftCode: 'top', action: 'spin-wheel', params: { segments: ['a', 'b'.repeat(41)] } },
      ],
      cooldowns: {},
    } satisfies CommandsDraft);
    expect(bad.success).toBe(false);
    const errors = issueErrors(bad.error!.issues);
    expect([...errors.keys()]).toEqual([
      'mappings[0].params.sound',
      'mappings[1].giftcode',
      'mappings[1].action',
      'mappings[2].params.text',
      'mappings[3].params.segments',
    ]);
    expect(errorAt(errors, 'mappings[0].params.sound')).toBe('One of airhorn, applause, drumroll, tada, boing.');
    expect(errorAt(errors, 'mappings[1].giftCode')).toBe('This gift is mapped twice.');
    expect(errorAt(errors, 'mappings[1].action')).toBe('The action is one of confetti, spotlight-message, sound-effect, spin-wheel.');
    expect(errorAt(errors, 'mappings[2].params.text')).toBe('Text of 1–120 characters with something visible.');
    expect(errorAt(errors, 'mappings[3].params.segments')).toBe('2–12 labels of 1–40 characters.');
  });

  it('allows at most 50 mappings, as the server does', () => {
    const many: CommandsDraft = {
      mappings: Array.from({ length: 51 }, (_, i) => ({ key: i, giftCode: `g${i}`, action: 'confetti', params: {} })),
      cooldowns: {},
    };
    expect(errorAt(toConfig(many, specs).errors, 'mappings')).toBe('At most 50 mappings.');
  });

  it('keys issues like the server, indices in brackets', () => {
    expect(issueKey(['mappings', 0, 'params', 'color'])).toBe('mappings[0].params.color');
    expect(issueKey(['cooldowns', 'spin-wheel'])).toBe('cooldowns.spin-wheel');
    expect(issueKey(['target'])).toBe('target');
  });
});
