// @ts-check
// <stepwise-player>: a Stepwise animation in any page, with two lines of HTML.
//
//   <script type="module" src="https://…/stepwise/embed.js"></script>
//   <stepwise-player algorithm="next-greater" input="2 7 3 5 4 6 8"></stepwise-player>
//
// Attributes: algorithm, input, variant (space-separated option words or key=value pairs, e.g.
// "previous smaller" or "method=scan mode=iou"), step, from / to (lock to a step range),
// controls (full | minimal |
// none), autoplay, loop, speed (steps per second), theme (light | dark).
// The wasm loads relative to this file, once per page for every player; shadow DOM keeps the
// host's CSS out; each player sizes itself to its container and starts work only when visible.

import { catalogue, engineFor } from './player/engine.js';
import { palette, styles } from './player/element-style.js';

export { useFiles } from './player/element-style.js';
import { isPrinting, paint, onPrint, typingInto } from './player/core.js';
import { cleanNotes } from './player/lesson.js';
import { Transport } from './player/transport.js';
import { ATTRIBUTES as ATTRIBUTE_LIST, TAG } from './player/element-api.js';

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
/** @type {Set<StepwisePlayer>} */
const players = new Set();

/** The engines whose panics this file listens to. */
const watched = new WeakSet();

/**
 * Listens to `engine` once: when a panic traps its instance, every player of that algorithm
 * drops its handle into the dead instance and builds again on a fresh one.
 * @param {import('./player/engine.js').Engine<any>} engine
 */
function watch(engine) {
  if (watched.has(engine)) return;
  watched.add(engine);
  engine.addEventListener('panic', () => {
    for (const element of players) {
      if (element.engine !== engine) continue;
      element.player = null; // a handle into the dead instance: dropped, never called
      element.transport.setPlayers([]);
      element.build();
    }
  });
}

// Printing: players that never scrolled into view build too, so that every one prints its frame.
function buildForPrint() {
  for (const element of players) if (!element.player && !element.building) element.build();
}
window.addEventListener('beforeprint', buildForPrint);
window.matchMedia('print').addEventListener('change', (event) => {
  if (event.matches) buildForPrint();
});
// Built players repaint at paper resolution when printing starts (and back when it ends).
onPrint(() => {
  for (const element of players) if (element.player) element.guard(() => paint(element.player, element.canvas));
});

/** "previous smaller method=scan" → { previous: true, smaller: true, method: "scan" }. */
export function parseVariant(text) {
  const options = {};
  for (const word of (text ?? '').split(/\s+/).filter(Boolean)) {
    const [key, value] = word.split('=');
    if (value === undefined) options[key] = true;
    else if (value === 'true' || value === 'false') options[key] = value === 'true';
    else options[key] = value;
  }
  return options;
}

/** The attributes the element reads (declared in player/element-api.js); each is also a property. */
export const ATTRIBUTES = ATTRIBUTE_LIST.map((attribute) => attribute.name);

/** How many items a practice's "New case" asks the generator for. */
const PRACTICE_SIZE = 8;

/**
 * `<stepwise-player>`: one animation, its controls and narration. Events out (bubbling,
 * composed): `stepwise-ready` when a run is built (detail: `{ algorithm, length }`),
 * `stepwise-step` on every move (detail: `{ step, position, length }`, `position` an alias of
 * `step`) and `stepwise-error` when the input or options are refused (detail: `{ message, kind,
 * field }`, as the engine's `Error`). A lesson rides along as children:
 * `<stepwise-note at="4">text</stepwise-note>` shows from step 4 until the next note (text only,
 * never HTML); with `pause`, playback stops there until the reader continues. Notes added,
 * removed or edited later are picked up. Focused, it takes the page's keys: Space, the arrows,
 * PageUp/PageDown, Home/End, and a step number then Enter. Everything over time (position,
 * range, play, loop, lesson pauses, practice, keys) is the transport's (player/transport.js),
 * the same as the page's.
 */
export class StepwisePlayer extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    palette().then((colours) => { root.adoptedStyleSheets = [colours, styles()]; });
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'Stepwise animation (loads when scrolled into view)');
    this.bar = document.createElement('div');
    this.bar.className = 'bar';
    /**
     * @param {string} label
     * @param {string} text
     * @param {() => void} action
     */
    const button = (label, text, action) => {
      const element = document.createElement('button');
      element.type = 'button';
      element.setAttribute('aria-label', label);
      element.textContent = text;
      element.addEventListener('click', action);
      return element;
    };
    /** Position, range, play/pause/loop, clock, motion, lesson pauses, practice gate, keys. */
    this.transport = new Transport({
      speed: { perSecond: 2 },
      reducedMotion: () => reducedMotion.matches,
      guard: (action) => { this.guard(action); },
    });
    // Off screen until the intersection observer says otherwise: playback waits.
    this.transport.setActive(false);
    this.transport.on('step', (where) => this.showStep(where));
    this.transport.on('playing', ({ playing }) => {
      this.playButton.textContent = playing ? '❚❚' : '▶';
      this.playButton.setAttribute('aria-label', playing ? 'Pause' : 'Play');
    });
    // A typed step shows in the count until Enter (or another key) uses or drops it.
    this.transport.on('typing', ({ digits }) => {
      const [, to] = this.transport.range();
      this.count.textContent = digits ? `Go to ${digits}…` : `${this.transport.position} / ${to}`;
    });
    this.backButton = button('Step back', '‹', () => this.stepBy(-1));
    this.playButton = button('Play', '▶', () => this.toggle());
    this.forwardButton = button('Step forward', '›', () => this.stepBy(1));
    this.scrubber = document.createElement('input');
    this.scrubber.type = 'range';
    this.scrubber.setAttribute('aria-label', 'Step');
    this.scrubber.addEventListener('input', () => this.guard(() => this.transport.seek(Number(this.scrubber.value))));
    this.count = document.createElement('span');
    this.count.className = 'count';
    this.bar.append(this.backButton, this.playButton, this.forwardButton, this.scrubber, this.count);
    this.narration = document.createElement('div');
    this.narration.className = 'narration';
    this.narration.setAttribute('aria-live', 'polite');
    // The teacher's note for this step (a `<stepwise-note>` child), read by screen readers.
    this.note = document.createElement('div');
    this.note.className = 'note';
    this.note.setAttribute('aria-live', 'polite');
    this.note.hidden = true;
    /** The lesson: the notes of the `<stepwise-note>` children, by step. */
    this.lesson = /** @type {import('./player/lesson.js').Note[]} */ ([]);
    /** Re-reads the notes when they are added, removed or edited. */
    this.noteObserver = new MutationObserver(() => {
      this.readNotes();
      this.showNote();
    });
    this.message = document.createElement('div');
    this.message.className = 'error';
    this.message.setAttribute('role', 'alert');
    this.message.hidden = true;
    this.practicePanel = document.createElement('div');
    this.practicePanel.className = 'practice';
    this.practicePanel.hidden = true;
    root.append(this.canvas, this.bar, this.note, this.narration, this.practicePanel, this.message);
    /** Practice mode's controller (player/practice.js), made on first use. */
    this.practice = /** @type {Promise<{ ask(): void, stop(): void }> | null} */ (null);
    this.practiceSeed = 1;
    /** @type {import('./pkg/module.js').Player | null} */
    this.player = null;
    /** The engine of the algorithm the player runs (set when it builds). @type {import('./player/engine.js').Engine<any> | null} */
    this.engine = null;
    this.visible = false;
    this.building = false;
    /** @type {ResizeObserver | null} */
    this.resizeObserver = null;
    /** @type {IntersectionObserver | null} */
    this.intersectionObserver = null;
    this.addEventListener('keydown', (event) => this.onKey(event));
  }

  connectedCallback() {
    players.add(this);
    this.readNotes();
    this.noteObserver.observe(this, { childList: true, subtree: true, characterData: true, attributes: true });
    // Focusable for its keys; set here, since a constructor may not add attributes.
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    this.resizeObserver = new ResizeObserver(() => this.draw());
    this.resizeObserver.observe(this);
    // Start work only when scrolled into view.
    this.intersectionObserver = new IntersectionObserver((entries) => {
      this.visible = entries.some((entry) => entry.isIntersecting);
      this.transport.setActive(this.visible);
      if (this.visible && !this.player && !this.building) this.build();
    });
    this.intersectionObserver.observe(this);
    // The module loads while idle even when the player is never scrolled into view, so that
    // printing can build and paint it at once (nothing painted after `beforeprint` prints).
    const idle = window.requestIdleCallback ?? ((callback) => setTimeout(callback, 200));
    idle(() => {
      if (!players.has(this)) return;
      try {
        engineFor(this.algorithmId()).load().catch(() => {});
      } catch {
        // An unknown algorithm: building says so.
      }
    });
  }

  disconnectedCallback() {
    players.delete(this);
    this.noteObserver.disconnect();
    this.resizeObserver?.disconnect();
    this.intersectionObserver?.disconnect();
    this.transport.setPlayers([]);
    if (this.engine && !this.engine.broken) this.player?.free();
    this.player = null;
  }

  /**
   * Runs `action` on this player's engine: a trapped wasm call breaks the instance instead of
   * escaping (see `Engine.guard`).
   * @template T
   * @param {() => T} action
   * @returns {T | undefined}
   */
  guard(action) {
    return this.engine ? this.engine.guard(action) : undefined;
  }

  /** @param {string} name */
  attributeChangedCallback(name) {
    const rerun = ['algorithm', 'input', 'variant', 'mode'].includes(name);
    // Without a player (not built yet, or refused): a new input or variant tries again.
    if (!this.player) {
      if (rerun && this.visible && !this.building) this.build();
      return;
    }
    if (rerun) this.build();
    else if (name === 'theme') {
      this.guard(() => this.player?.setTheme(this.theme));
      this.draw();
    } else if (name === 'controls') this.layout();
    else if (name === 'speed') this.transport.setSpeed({ perSecond: this.speed });
    else if (name === 'loop') this.transport.loop = this.loop;
    else if (name === 'step') this.seek(this.initialStep());
    // A new range keeps the step shown (clamped into it), wherever the learner has moved to.
    else if (name === 'from' || name === 'to') this.guard(() => this.transport.setRange(this.from, this.to));
  }

  /** `practice` (the learner does each step) or `watch` (attribute `mode`, default). */
  get mode() {
    return this.getAttribute('mode') === 'practice' ? 'practice' : 'watch';
  }

  set mode(value) {
    this.setAttribute('mode', value === 'practice' ? 'practice' : 'watch');
  }

  /** True in practice mode. */
  get practising() {
    return this.mode === 'practice';
  }

  /** The registry id of the algorithm (attribute `algorithm`; default: the registry's first). */
  get algorithm() {
    return this.getAttribute('algorithm') ?? '';
  }

  set algorithm(value) {
    this.setAttribute('algorithm', value);
  }

  /** The input text (attribute `input`). */
  get input() {
    return this.getAttribute('input') ?? '';
  }

  /**
   * The text the player runs: the `input` attribute, or without one the algorithm's example
   * (as the page shows it); `input=""` stays an explicit empty input.
   */
  runInput() {
    return this.getAttribute('input') ?? catalogue.find(this.algorithmId())?.example ?? '';
  }

  /** The algorithm the player runs: its attribute, or the catalogue's first. */
  algorithmId() {
    return this.algorithm || catalogue.first;
  }

  set input(value) {
    this.setAttribute('input', value);
  }

  /** The options as words (attribute `variant`, e.g. `"previous smaller method=scan"`). */
  get variant() {
    return this.getAttribute('variant') ?? '';
  }

  set variant(value) {
    this.setAttribute('variant', value);
  }

  /** The step shown; setting it moves there (within `from`..`to`). */
  get step() {
    return this.transport.position;
  }

  set step(value) {
    this.setAttribute('step', String(value));
  }

  /** The number of steps of the run (0 until it is built). */
  get length() {
    return this.player?.len ?? 0;
  }

  /** The algorithm's result for the whole run, as plain data (null until it is built). */
  get result() {
    const player = this.player;
    return player ? this.guard(() => player.result()) ?? null : null;
  }

  /** Steps per second while playing (attribute `speed`, default 2). */
  get speed() {
    return Math.max(0.1, Number(this.getAttribute('speed')) || 2);
  }

  set speed(value) {
    this.setAttribute('speed', String(value));
  }

  /** `light` or `dark` (attribute `theme`). */
  get theme() {
    return this.getAttribute('theme') === 'dark' ? 'dark' : 'light';
  }

  set theme(value) {
    this.setAttribute('theme', value === 'dark' ? 'dark' : 'light');
  }

  /** The first step of the locked range (attribute `from`), or null. */
  get from() {
    return this.hasAttribute('from') ? Number(this.getAttribute('from')) : null;
  }

  set from(value) {
    if (value === null) this.removeAttribute('from');
    else this.setAttribute('from', String(value));
  }

  /** The last step of the locked range (attribute `to`), or null. */
  get to() {
    return this.hasAttribute('to') ? Number(this.getAttribute('to')) : null;
  }

  set to(value) {
    if (value === null) this.removeAttribute('to');
    else this.setAttribute('to', String(value));
  }

  /** Plays once built (attribute `autoplay`). */
  get autoplay() {
    return this.hasAttribute('autoplay');
  }

  set autoplay(value) {
    this.toggleAttribute('autoplay', Boolean(value));
  }

  /** Starts again at the end of the range (attribute `loop`). */
  get loop() {
    return this.hasAttribute('loop');
  }

  set loop(value) {
    this.toggleAttribute('loop', Boolean(value));
  }

  /** `full`, `minimal` or `none` (attribute `controls`). */
  get controls() {
    const controls = this.getAttribute('controls');
    return controls === 'minimal' || controls === 'none' ? controls : 'full';
  }

  set controls(value) {
    this.setAttribute('controls', value);
  }

  /**
   * @param {string} type
   * @param {object} detail
   */
  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** The step shown (the transport's position). */
  get position() {
    return this.transport.position;
  }

  /** Where the `step` attribute asks to be (the transport clamps it into the range). */
  initialStep() {
    const step = Number(this.getAttribute('step'));
    return this.hasAttribute('step') && Number.isFinite(step) ? step : -Infinity;
  }

  async build() {
    this.building = true;
    try {
      const algorithm = this.algorithmId();
      const engine = engineFor(algorithm);
      watch(engine);
      // A started engine builds at once, with no await: printing builds the players never
      // scrolled into view inside `beforeprint`, and only what is painted there is printed.
      const stepwise = engine.ready ?? await engine.load();
      const player = new stepwise.Player(algorithm, this.runInput(), parseVariant(this.getAttribute('variant')));
      if (this.engine && !this.engine.broken) this.player?.free();
      this.engine = engine;
      this.player = player;
      player.setTheme(this.theme);
      this.message.hidden = true;
      this.canvas.setAttribute('aria-label', `Animation of ${player.algorithm}`);
      const transport = this.transport;
      transport.setSpeed({ perSecond: this.speed });
      transport.loop = this.loop;
      transport.setNotes(this.lesson);
      transport.bounds = { from: this.from, to: this.to };
      this.layout();
      this.emit('stepwise-ready', { algorithm: player.algorithm, length: player.len });
      const canvas = this.canvas;
      transport.setPlayers([{
        get len() { return player.len; },
        get position() { return player.position; },
        seek: (step) => player.seek(step),
        draw: (progress) => paint(player, canvas, progress),
      }], { position: this.initialStep() });
      if (this.practising) this.startPractice();
      else if (this.hasAttribute('autoplay')) this.play();
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) {
        this.engine?.trap(error.message);
        return;
      }
      const { message, kind, field } = /** @type {Error & { kind?: string, field?: string }} */ (error);
      this.message.textContent = `Stepwise: ${message ?? error}`;
      this.message.hidden = false;
      this.emit('stepwise-error', { message: message ?? String(error), kind, field });
    } finally {
      this.building = false;
    }
  }

  layout() {
    const controls = this.controls;
    const practising = this.practising;
    this.bar.hidden = controls === 'none';
    this.scrubber.hidden = controls === 'minimal' || practising;
    this.count.hidden = controls === 'minimal';
    this.narration.hidden = controls === 'none';
    // Practising, the learner's answers move the clock: no play, forward or scrubbing.
    this.playButton.hidden = practising;
    this.forwardButton.hidden = practising;
    this.practicePanel.hidden = !practising;
    this.transport.setPractising(practising);
    if (!practising) this.practice?.then((controller) => controller.stop());
  }

  /** Reads the lesson from the `<stepwise-note at="N" [pause]>` children (text only). */
  readNotes() {
    this.lesson = cleanNotes([...this.querySelectorAll('stepwise-note')].map((note) => ({
      at: Math.max(0, Math.floor(Number(note.getAttribute('at')) || 0)),
      pause: note.hasAttribute('pause'),
      text: (note.textContent ?? '').trim(),
    })));
    this.transport.setNotes(this.lesson);
  }

  /** Shows the note in force at this step: the last one at or before it. */
  showNote() {
    const current = this.transport.note();
    // Text only: a note is never parsed as HTML.
    this.note.textContent = current?.text ?? '';
    this.note.hidden = !current?.text;
  }

  /** Shows the practice panel and asks about the next step. */
  startPractice() {
    this.practice ??= import('./player/practice.js').then(({ createPractice }) => createPractice({
      container: this.practicePanel,
      player: () => this.player,
      canvas: this.canvas,
      redraw: () => this.draw(),
      advance: () => this.guard(() => this.transport.answer()),
      newCase: () => this.newCase(),
    }));
    this.practice.then((controller) => controller.ask());
  }

  /** Practice's "New case": a fresh random input from the next seed. */
  async newCase() {
    const algorithm = this.algorithmId();
    const stepwise = await engineFor(algorithm).load();
    this.practiceSeed += 1;
    this.input = stepwise.randomInput(algorithm, PRACTICE_SIZE, this.practiceSeed);
  }

  /**
   * Moves to `position` (clamped into the locked range); practising, only an answer moves
   * forward (player/transport.js).
   * @param {number} position
   */
  seek(position) {
    this.guard(() => this.transport.seek(position));
  }

  /**
   * Shows where the transport is: scrubber, count, narration, note, the `stepwise-step` event.
   * @param {{ position: number, from: number, to: number }} where
   */
  showStep({ position, from, to }) {
    const player = this.player;
    if (!player) return;
    this.scrubber.min = String(from);
    this.scrubber.max = String(to);
    this.scrubber.value = String(position);
    this.count.textContent = `${position} / ${to}`;
    this.narration.textContent = player.narration();
    this.dataset.position = String(position);
    this.emit('stepwise-step', { step: position, position, length: player.len });
    this.showNote();
    // Printing paints at once (a frame later is too late for the printout).
    if (isPrinting()) this.draw();
    if (this.practising) this.practice?.then((controller) => controller.ask());
  }

  /** @param {number} delta */
  stepBy(delta) {
    this.guard(() => this.transport.step(delta));
  }

  toggle() {
    this.guard(() => this.transport.toggle());
  }

  play() {
    this.guard(() => this.transport.play());
  }

  pause() {
    this.transport.pause();
  }

  /** Paints the current step (at once while printing), and keeps painting while a step's motion runs. */
  draw() {
    if (!this.player) return;
    if (isPrinting()) {
      this.guard(() => paint(this.player, this.canvas));
      return;
    }
    this.transport.requestDraw();
  }

  /**
   * The keys, over the element or anything in it but a text field (player/transport.js `key`).
   * @param {KeyboardEvent} event
   */
  onKey(event) {
    if (typingInto(event) || !this.player) return;
    let used = false;
    this.guard(() => { used = this.transport.key(event); });
    if (used) event.preventDefault();
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, StepwisePlayer);
