// The overlay's sound effects, synthesized with the Web Audio API (no audio files). Browsers let a page make
// sound only after a user gesture, so sound starts off and the viewer turns it on (a click is the gesture).

import type { SoundName } from '../../api/contract';

export type SoundState = 'off' | 'on' | 'unsupported';

const PREFERENCE_KEY = 'lsx.sound';
/** Played sounds remembered, so that a trigger re-rendered (or re-mounted) never plays twice. */
const MAX_REMEMBERED = 200;

type Synth = (ctx: AudioContext, out: AudioNode, t: number, noise: AudioBuffer) => number;

function audioContextClass(): typeof AudioContext | null {
  if (typeof window === 'undefined') {
    return null;
  }
  const w = window as unknown as { AudioContext?: typeof AudioContext; webkitAudioContext?: typeof AudioContext };
  return w.AudioContext ?? w.webkitAudioContext ?? null;
}

function readPreference(): boolean {
  try {
    return localStorage.getItem(PREFERENCE_KEY) === 'on';
  } catch {
    return false;
  }
}

function writePreference(on: boolean): void {
  try {
    localStorage.setItem(PREFERENCE_KEY, on ? 'on' : 'off');
  } catch {
    // Storage blocked: the choice lasts as long as the page.
  }
}

/** One sound engine per page: it owns the AudioContext, which must be created or resumed inside a gesture. */
class SoundEngine {
  private ctx: AudioContext | null = null;
  private noise: AudioBuffer | null = null;
  private current: SoundState = audioContextClass() ? 'off' : 'unsupported';
  private readonly listeners = new Set<() => void>();
  private readonly played = new Set<string>();
  private armed = false;

  get state(): SoundState {
    return this.current;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getState = (): SoundState => this.current;

  /** Turns sound on. Call it from a click or key handler: that is the gesture browsers wait for. */
  async enable(): Promise<void> {
    const Ctx = audioContextClass();
    if (!Ctx) {
      return;
    }
    if (!this.ctx) {
      this.ctx = new Ctx();
    }
    writePreference(true);
    this.setState('on');
    try {
      await this.ctx.resume();
    } catch {
      this.setState('off');
    }
  }

  disable(): void {
    writePreference(false);
    this.setState(this.current === 'unsupported' ? 'unsupported' : 'off');
    void this.ctx?.suspend();
  }

  /**
   * If the viewer turned sound on in an earlier visit, turn it on again at their first click or key press on
   * this page (the browser still needs that gesture).
   */
  armFromPreference(): void {
    if (this.armed || this.current !== 'off' || !readPreference()) {
      return;
    }
    this.armed = true;
    const onGesture = () => {
      window.removeEventListener('pointerdown', onGesture, true);
      window.removeEventListener('keydown', onGesture, true);
      this.armed = false;
      if (this.current === 'off' && readPreference()) {
        void this.enable();
      }
    };
    window.addEventListener('pointerdown', onGesture, true);
    window.addEventListener('keydown', onGesture, true);
  }

  /** Plays `name` once for this `id` (a trigger id), at `volume` 0–1; silent while sound is off. */
  play(id: string, name: SoundName, volume: number): void {
    if (this.played.has(id)) {
      return;
    }
    this.played.add(id);
    if (this.played.size > MAX_REMEMBERED) {
      this.played.delete(this.played.values().next().value!);
    }
    this.render(name, volume);
  }

  /** Plays `name` now (the studio's preview button), turning sound on: the click is the gesture. */
  async preview(name: SoundName, volume = 0.8): Promise<void> {
    await this.enable();
    this.render(name, volume);
  }

  private render(name: SoundName, volume: number): void {
    const ctx = this.ctx;
    if (this.current !== 'on' || !ctx || ctx.state !== 'running') {
      return;
    }
    const master = ctx.createGain();
    master.gain.value = Math.max(0, Math.min(1, volume)) * 0.7;
    master.connect(ctx.destination);
    const length = SYNTHS[name](ctx, master, ctx.currentTime + 0.02, this.noiseBuffer(ctx));
    setTimeout(() => master.disconnect(), (length + 0.5) * 1000);
  }

  private noiseBuffer(ctx: AudioContext): AudioBuffer {
    if (!this.noise) {
      const buffer = ctx.createBuffer(1, ctx.sampleRate * 2, ctx.sampleRate);
      const data = buffer.getChannelData(0);
      for (let i = 0; i < data.length; i++) {
        data[i] = Math.random() * 2 - 1;
      }
      this.noise = buffer;
    }
    return this.noise;
  }

  private setState(state: SoundState): void {
    if (state !== this.current) {
      this.current = state;
      for (const listener of [...this.listeners]) {
        listener();
      }
    }
  }
}

export const sounds = new SoundEngine();

// ---- the synthesizers: each schedules its notes from time `t` and returns its length in seconds ----

/** A gain that rises to `peak` in `attack` s, holds, and falls away by `end`. */
function envelope(ctx: AudioContext, out: AudioNode, start: number, attack: number, peak: number, end: number): GainNode {
  const gain = ctx.createGain();
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(peak, start + attack);
  gain.gain.setValueAtTime(peak, Math.max(start + attack, end - 0.06));
  gain.gain.exponentialRampToValueAtTime(0.0001, end);
  gain.connect(out);
  return gain;
}

function tone(ctx: AudioContext, out: AudioNode, type: OscillatorType, frequency: number, start: number, end: number): OscillatorNode {
  const osc = ctx.createOscillator();
  osc.type = type;
  osc.frequency.setValueAtTime(frequency, start);
  osc.connect(out);
  osc.start(start);
  osc.stop(end + 0.05);
  return osc;
}

function noiseHit(
  ctx: AudioContext,
  out: AudioNode,
  noise: AudioBuffer,
  start: number,
  decay: number,
  peak: number,
  filter: { type: BiquadFilterType; frequency: number; q?: number },
): void {
  const source = ctx.createBufferSource();
  source.buffer = noise;
  const biquad = ctx.createBiquadFilter();
  biquad.type = filter.type;
  biquad.frequency.value = filter.frequency;
  biquad.Q.value = filter.q ?? 0.8;
  const gain = ctx.createGain();
  gain.gain.setValueAtTime(peak, start);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + decay);
  source.connect(biquad).connect(gain).connect(out);
  source.start(start, Math.random() * 1.5);
  source.stop(start + decay + 0.02);
}

const airhorn: Synth = (ctx, out, t) => {
  const blasts: [number, number][] = [
    [0, 0.16],
    [0.22, 0.16],
    [0.44, 0.75],
  ];
  const filter = ctx.createBiquadFilter();
  filter.type = 'lowpass';
  filter.frequency.value = 2600;
  filter.connect(out);
  for (const [offset, length] of blasts) {
    const start = t + offset;
    const env = envelope(ctx, filter, start, 0.015, 0.22, start + length);
    for (const f of [466, 469, 587, 933]) {
      const osc = tone(ctx, env, 'sawtooth', f * 1.03, start, start + length);
      osc.frequency.exponentialRampToValueAtTime(f, start + 0.06);
    }
  }
  return 1.25;
};

const applause: Synth = (ctx, out, t, noise) => {
  const length = 2.2;
  for (let i = 0; i < 90; i++) {
    const at = Math.random() * length;
    // Louder in the middle, as a crowd joins in and then fades.
    const swell = Math.sin((Math.PI * at) / length) ** 0.7;
    noiseHit(ctx, out, noise, t + at, 0.05 + Math.random() * 0.07, 0.12 + 0.35 * swell * Math.random(), {
      type: 'bandpass',
      frequency: 900 + Math.random() * 1800,
      q: 1.2,
    });
  }
  return length + 0.15;
};

const drumroll: Synth = (ctx, out, t, noise) => {
  const roll = 1.5;
  for (let at = 0; at < roll; at += 0.045) {
    const level = 0.08 + 0.4 * (at / roll);
    noiseHit(ctx, out, noise, t + at, 0.06, level, { type: 'highpass', frequency: 1400 });
    const body = envelope(ctx, out, t + at, 0.003, level * 0.6, t + at + 0.05);
    tone(ctx, body, 'triangle', 190 + Math.random() * 20, t + at, t + at + 0.05);
  }
  const crash = t + roll + 0.05;
  noiseHit(ctx, out, noise, crash, 1.4, 0.5, { type: 'highpass', frequency: 4500 });
  const boom = envelope(ctx, out, crash, 0.005, 0.7, crash + 0.5);
  const kick = tone(ctx, boom, 'sine', 120, crash, crash + 0.5);
  kick.frequency.exponentialRampToValueAtTime(45, crash + 0.4);
  return roll + 1.5;
};

const tada: Synth = (ctx, out, t) => {
  const filter = ctx.createBiquadFilter();
  filter.type = 'lowpass';
  filter.frequency.value = 3200;
  filter.connect(out);
  const chord = (start: number, length: number, notes: number[], vibrato: boolean) => {
    const env = envelope(ctx, filter, start, 0.02, 0.12, start + length);
    const lfo = vibrato ? ctx.createOscillator() : null;
    const depth = ctx.createGain();
    if (lfo) {
      lfo.frequency.value = 5.5;
      depth.gain.setValueAtTime(0, start);
      depth.gain.linearRampToValueAtTime(5, start + 0.35);
      lfo.connect(depth);
      lfo.start(start);
      lfo.stop(start + length + 0.05);
    }
    for (const f of notes) {
      for (const type of ['sawtooth', 'square'] as const) {
        const osc = tone(ctx, env, type, f, start, start + length);
        if (lfo) {
          depth.connect(osc.frequency);
        }
      }
    }
  };
  chord(t, 0.13, [523.25, 659.25, 783.99], false);
  chord(t + 0.17, 1.1, [523.25, 659.25, 783.99, 1046.5], true);
  return 1.35;
};

const boing: Synth = (ctx, out, t) => {
  const length = 0.85;
  const env = envelope(ctx, out, t, 0.01, 0.55, t + length);
  const osc = tone(ctx, env, 'sine', 170, t, t + length);
  osc.frequency.exponentialRampToValueAtTime(560, t + 0.08);
  osc.frequency.exponentialRampToValueAtTime(240, t + length);
  const wobble = ctx.createOscillator();
  wobble.frequency.value = 14;
  const depth = ctx.createGain();
  depth.gain.setValueAtTime(60, t);
  depth.gain.exponentialRampToValueAtTime(1, t + length);
  wobble.connect(depth).connect(osc.frequency);
  wobble.start(t);
  wobble.stop(t + length + 0.05);
  const overtone = envelope(ctx, out, t, 0.01, 0.12, t + length * 0.6);
  const high = tone(ctx, overtone, 'triangle', 340, t, t + length * 0.6);
  high.frequency.exponentialRampToValueAtTime(1120, t + 0.08);
  high.frequency.exponentialRampToValueAtTime(480, t + length * 0.6);
  return length;
};

const SYNTHS: Record<SoundName, Synth> = { airhorn, applause, drumroll, tada, boing };

export const SOUND_LABELS: Record<SoundName, string> = {
  airhorn: 'Air horn',
  applause: 'Applause',
  drumroll: 'Drum roll',
  tada: 'Ta-da!',
  boing: 'Boing',
};
