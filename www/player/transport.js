// @ts-check
// The transport: everything a player does over time, written once for both hosts. It owns the
// position and the range (`from`/`to`), play, pause and `loop`, the clock and one step's
// motion, the lesson's pausing notes, the practice gate and the keys, and it emits events. The
// page (several players on one clock) and `<stepwise-player>` (one) are views over it: they
// hand it players, call its methods from their buttons and draw what its events say.
//
// It knows nothing of wasm or the DOM. A player is anything with `len`, `position`, `seek(n)`
// and `draw(progress)` (the host's adapter around a wasm Player and its canvas), time comes
// from `now()` and frames from `requestFrame()`, so Node can drive it with a fake clock
// (tests/unit/transport.test.mjs).
//
// The rules, where the page and the element used to differ (the choice made, and why):
// - Several players, one clock: the length is the longest player's; each player stops at its
//   own end (the page's rule; with one player it is the element's).
// - Range: the position stays within `from..to` (player/lesson.js `stepRange`). A new range or
//   a new set of players moves the position into it even while practising: that is the
//   teacher or the host moving it, not the learner skipping a question (the element's range
//   clamp was gated by practice and did nothing when `from` passed the position).
// - Lesson pause at the end of a locked range: a pausing note is looked for only within the
//   range (the element's rule; the page also found notes past `to`, outside the lesson). A
//   pausing note at `to` holds playback there even with `loop`: the teacher asked for a stop.
// - `loop` (the element's attribute; the page now has the switch too, off): reaching `to`
//   shows the last step, and the next step due starts again at `from`. The element jumped to
//   `from` as soon as a frame owed a step past `to`, skipping the range's last step at speeds
//   above one step per frame. Wrapping onto a pausing note at `from` pauses there.
// - Play at the end of the range starts again at `from` (both did).
// - Step motion: a step by hand (arrows, the step buttons, a right answer) moves over
//   `STEP_MOTION_MS` whatever the speed; playback moves over the clock's `motionMs()`, none at
//   speeds too fast to follow; jumps (Home/End, the scrubber, a typed step, the step
//   property) do not move. Motion only when some player moves by exactly one step, never with
//   reduced motion. (The page's rule. The element fell back to `STEP_MOTION_MS` for every
//   single step, so at 30 steps/s each step began a 320 ms motion the next one cut short.)
// - A step by hand pauses playback first (the element's rule: the page played on, so the next
//   tick overtook the step that was asked for). Home and End jump without pausing: playing
//   from Home plays on, and End stops or loops at the next step due.
// - Typed step + Enter (the page's, now in both): digits collect (the `typing` event lets the
//   host show them), Enter jumps there (clamped to the range, gated by practice), pausing
//   playback; any other key drops them. Enter with no digits is left alone (it presses the
//   focused button).
// - Escape (the page's, now in both): drops a typed number and emits `escape`, on which the
//   page leaves presenter mode; the element has nothing to leave. The key is reported handled
//   (for the host to prevent its default) only when it dropped digits, so a host page's own
//   use of Escape (closing its dialog) still works.
// - Practice gate (the same in both): while practising nothing plays, and the position moves
//   forward only by `answer()`; going back is allowed.
// - Visibility (the element's): a host marks the transport inactive while it is off screen;
//   playback then waits, and starts again where it was when it is back in view.

import { noteAfter, noteAt, pauseBetween, stepRange } from './lesson.js';

// ------------------------------------------------------------------ the clock and motion

/** The longest gap one frame may account for (a background tab, a debugger pause). */
const LONGEST_FRAME_MS = 250;
/** How long one step's motion takes when it is taken by hand (and at slow speeds). */
export const STEP_MOTION_MS = 320;
/** The most digits a typed step collects. */
const TYPED_DIGITS = 9;

/** @typedef {{ perSecond?: number, perFrame?: number }} Speed */

export class Clock {
  /** @param {Speed} speed */
  constructor(speed) {
    this.speed = speed;
    this.carry = 0;
    this.last = 0;
  }

  /**
   * Starts (or restarts) counting at `now`, with nothing owed.
   * @param {number} now
   */
  start(now) {
    this.carry = 0;
    this.last = now;
  }

  /**
   * Sets a new speed; the fraction owed at the old one is dropped.
   * @param {Speed} speed
   */
  setSpeed(speed) {
    this.speed = speed;
    this.carry = 0;
  }

  /**
   * The whole steps due at `now` since the last tick.
   * @param {number} now
   */
  tick(now) {
    const elapsed = Math.max(0, Math.min(now - this.last, LONGEST_FRAME_MS));
    this.last = now;
    if (this.speed.perFrame) return this.speed.perFrame;
    this.carry += (elapsed / 1000) * (this.speed.perSecond ?? 1);
    const steps = Math.floor(this.carry);
    this.carry -= steps;
    return steps;
  }

  /** How long each step's motion lasts at this speed; 0 when steps are too fast to follow. */
  motionMs() {
    const perSecond = this.speed.perSecond;
    return perSecond && perSecond <= 10 ? Math.min(STEP_MOTION_MS, 700 / perSecond) : 0;
  }
}

/** One step's motion: started at a time, lasting some milliseconds, read as 0..1. */
export class Motion {
  constructor() {
    this.start = 0;
    this.duration = 0;
  }

  /**
   * @param {number} now
   * @param {number} duration 0 for no motion
   */
  begin(now, duration) {
    this.start = now;
    this.duration = duration;
  }

  /**
   * 0..1 through the motion at `now`; 1 when there is none.
   * @param {number} now
   */
  progress(now) {
    if (this.duration <= 0) return 1;
    const progress = Math.max(0, Math.min(1, (now - this.start) / this.duration));
    if (progress >= 1) this.duration = 0;
    return progress;
  }
}

// ------------------------------------------------------------------ keys
// Space plays or pauses, arrows and PageUp/PageDown (a clicker) step, Home/End jump; digits
// then Enter jump to a step, Escape drops them (see `Transport.key`).

/** @typedef {'toggle' | 'forward' | 'back' | 'start' | 'end'} KeyAction */
/** @typedef {{ key: string, altKey?: boolean, ctrlKey?: boolean, metaKey?: boolean }} KeyPress */

/** @type {Record<string, KeyAction>} */
const ACTIONS = {
  ' ': 'toggle',
  ArrowRight: 'forward',
  ArrowLeft: 'back',
  PageDown: 'forward',
  PageUp: 'back',
  Home: 'start',
  End: 'end',
};

/**
 * The player action of a key press, or null for keys the player leaves alone (and for presses
 * with a modifier, which belong to the browser).
 * @param {KeyPress} event
 * @returns {KeyAction | null}
 */
export function keyAction(event) {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  return ACTIONS[event.key] ?? null;
}

// ------------------------------------------------------------------ the transport

/**
 * A player as the transport sees it: the host's adapter around a wasm Player and its canvas.
 * @typedef {object} TransportPlayer
 * @property {number} len the number of steps of its run
 * @property {number} position the step it shows
 * @property {(step: number) => void} seek shows `step` (0..len)
 * @property {(progress: number) => void} draw paints the step shown, `progress` (0..1) into the motion from the one before
 */

/**
 * How a move came about, which decides its motion: `step` by hand (a fixed motion), `play`
 * (the clock's motion) or `jump` (none).
 * @typedef {'step' | 'play' | 'jump'} MoveKind
 */

/**
 * Why playback stopped: the reader (`user`), a step by hand (`step`), the end of the range
 * (`end`), a pausing note (`note`), practice starting (`practice`), no players left
 * (`players`).
 * @typedef {'user' | 'step' | 'end' | 'note' | 'practice' | 'players'} PauseReason
 */

/**
 * @typedef {object} TransportEvents
 * @property {{ position: number, from: number, to: number, length: number, kind: MoveKind }} step after every move (and every seek, moved or not)
 * @property {{ playing: boolean, reason: PauseReason }} playing playback started or stopped, and why
 * @property {{ digits: string }} typing the digits of a typed step so far ('' when dropped or used)
 * @property {{}} escape Escape was pressed (the page leaves presenter mode)
 * @property {{ progress: number }} draw after every frame's paint
 */

/**
 * @typedef {object} TransportOptions
 * @property {Speed} [speed] steps per second or per frame (default 2 per second)
 * @property {boolean} [loop] start again at `from` after `to` (default false)
 * @property {() => number} [now] the time in milliseconds (default `performance.now()`)
 * @property {(callback: (now: number) => void) => void} [requestFrame] runs `callback` before the next paint (default `requestAnimationFrame`)
 * @property {() => boolean} [reducedMotion] true when the reader asked for less motion
 * @property {(action: () => void) => void} [guard] runs the work the transport starts itself (each frame): the host's panic handling
 */

/** @typedef {import('./lesson.js').Note} Note */

export class Transport {
  /** @param {TransportOptions} [options] */
  constructor(options = {}) {
    this.clock = new Clock(options.speed ?? { perSecond: 2 });
    this.motion = new Motion();
    /** Start again at `from` after `to`. */
    this.loop = options.loop ?? false;
    this.now = options.now ?? (() => performance.now());
    this.requestFrame = options.requestFrame ?? ((callback) => { requestAnimationFrame(callback); });
    this.reducedMotion = options.reducedMotion ?? (() => false);
    this.guard = options.guard ?? ((action) => action());
    /** @type {TransportPlayer[]} */
    this.players = [];
    /** The step the clock is on. */
    this.position = 0;
    this.playing = false;
    /** False while the host is off screen: playback waits. */
    this.active = true;
    /** While true, only `answer()` moves forward and nothing plays. */
    this.practising = false;
    /** The lesson's notes, sorted by step. @type {Note[]} */
    this.notes = [];
    /** The locked range as given (null: the start or the end of the run). @type {{ from: number | null, to: number | null }} */
    this.bounds = { from: null, to: null };
    /** The digits of a step being typed. */
    this.typed = '';
    this.frameRequested = false;
    /** @type {Map<string, Set<(detail: any) => void>>} */
    this.listeners = new Map();
  }

  // -------------------------------------------------------------- events

  /**
   * Calls `listener` with the detail of every `type` event; returns how to stop.
   * @template {keyof TransportEvents} K
   * @param {K} type
   * @param {(detail: TransportEvents[K]) => void} listener
   * @returns {() => void}
   */
  on(type, listener) {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
    return () => { set.delete(listener); };
  }

  /**
   * @template {keyof TransportEvents} K
   * @param {K} type
   * @param {TransportEvents[K]} detail
   */
  emit(type, detail) {
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener(detail);
  }

  // -------------------------------------------------------------- what it plays

  /** The number of steps: the longest player's. */
  get length() {
    return Math.max(0, ...this.players.map((player) => player.len));
  }

  /** The steps the clock may show, `[from, to]`: the whole run or the lesson's range. */
  range() {
    return stepRange(this.bounds.from, this.bounds.to, this.length);
  }

  /** The note in force at the position (the last one at or before it). */
  note() {
    return noteAt(this.notes, this.position);
  }

  /** The first note after the position (the presenter's "next"). */
  nextNote() {
    return noteAfter(this.notes, this.position);
  }

  /**
   * New players (a rebuild) at `position` (default: the start of the range), clamped into the
   * range; an empty list stops playback.
   * @param {TransportPlayer[]} players
   * @param {{ position?: number }} [at]
   */
  setPlayers(players, { position } = {}) {
    this.players = players;
    if (players.length === 0) {
      this.pause('players');
      return;
    }
    this.seek(position ?? this.range()[0], { answered: true });
  }

  /**
   * A new locked range (null: the start or the end of the run); the position moves into it.
   * @param {number | null} from
   * @param {number | null} to
   */
  setRange(from, to) {
    this.bounds = { from, to };
    if (this.players.length > 0) this.seek(this.position, { answered: true });
  }

  /**
   * New notes (checked and sorted: player/lesson.js `cleanNotes`).
   * @param {Note[]} notes
   */
  setNotes(notes) {
    this.notes = notes;
  }

  /**
   * A whole lesson: notes and range.
   * @param {{ notes: Note[], from: number | null, to: number | null }} lesson
   */
  setLesson({ notes, from, to }) {
    this.setNotes(notes);
    this.setRange(from, to);
  }

  /** @param {Speed} speed */
  setSpeed(speed) {
    this.clock.setSpeed(speed);
  }

  /**
   * Practice on or off: on, playback stops and only `answer()` moves forward.
   * @param {boolean} on
   */
  setPractising(on) {
    this.practising = on;
    if (on) this.pause('practice');
  }

  /**
   * On screen or not: off screen, playback waits (and resumes from where it was).
   * @param {boolean} active
   */
  setActive(active) {
    if (this.active === active) return;
    this.active = active;
    if (active && this.playing) {
      this.clock.start(this.now());
      this.requestDraw();
    }
  }

  // -------------------------------------------------------------- moving

  /**
   * Moves every player to `target` (clamped into the range; each stops at its own end).
   * Practising, only an answer moves forward. Returns whether it moved (or stayed) there.
   * @param {number} target
   * @param {{ answered?: boolean, kind?: MoveKind }} [how]
   */
  seek(target, { answered = false, kind = 'jump' } = {}) {
    if (this.players.length === 0) return false;
    if (this.practising && !answered && target > this.position) return false;
    const [from, to] = this.range();
    const whole = Number.isNaN(target) ? this.position : Math.floor(target);
    const position = Math.max(from, Math.min(to, whole));
    const single = this.players.some((player) => Math.abs(player.position - Math.min(position, player.len)) === 1);
    this.position = position;
    for (const player of this.players) player.seek(Math.min(position, player.len));
    const duration = kind === 'step' ? STEP_MOTION_MS : kind === 'play' ? this.clock.motionMs() : 0;
    this.motion.begin(this.now(), single && !this.reducedMotion() ? duration : 0);
    this.emit('step', { position, from, to, length: this.length, kind });
    this.requestDraw();
    return true;
  }

  /**
   * A step by hand (`delta` steps, usually ±1): pauses playback, then moves with motion.
   * Practising, forward is refused (the answer moves it).
   * @param {number} delta
   */
  step(delta) {
    this.pause('step');
    if (delta > 0 && this.practising) return false;
    return this.seek(this.position + delta, { kind: 'step' });
  }

  /** Practice's right answer: the next step, with its motion. */
  answer() {
    return this.seek(this.position + 1, { answered: true, kind: 'step' });
  }

  /** Jumps to the start of the range. */
  toStart() {
    return this.seek(this.range()[0]);
  }

  /** Jumps to the end of the range. */
  toEnd() {
    return this.seek(this.range()[1]);
  }

  // -------------------------------------------------------------- playing

  /** Plays from the position (from `from` when at the end); refused while practising. */
  play() {
    if (this.playing) return true;
    if (this.players.length === 0 || this.practising) return false;
    const [from, to] = this.range();
    if (this.position >= to) this.seek(from, { answered: true });
    this.playing = true;
    this.clock.start(this.now());
    this.emit('playing', { playing: true, reason: 'user' });
    this.requestDraw();
    return true;
  }

  /** @param {PauseReason} [reason] */
  pause(reason = 'user') {
    if (!this.playing) return;
    this.playing = false;
    this.emit('playing', { playing: false, reason });
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Asks for a frame (paint, and play on), once however often it is asked. */
  requestDraw() {
    if (this.frameRequested) return;
    this.frameRequested = true;
    this.requestFrame((now) => this.frame(now));
  }

  /**
   * One frame: the steps due (when playing and on screen), then every player's paint.
   * @param {number} now
   */
  frame(now) {
    this.frameRequested = false;
    this.guard(() => {
      if (this.playing && this.active) this.advance(now);
      const progress = this.motion.progress(now);
      for (const player of this.players) player.draw(progress);
      this.emit('draw', { progress });
      if (progress < 1 || (this.playing && this.active)) this.requestDraw();
    });
  }

  /**
   * Moves on by the steps due at `now`: to a pausing note within the range (and stops), to the
   * end of the range (and stops, or shows it and wraps to `from` at the next step due), or on.
   * @param {number} now
   */
  advance(now) {
    const steps = this.clock.tick(now);
    if (steps === 0) return;
    const [from, to] = this.range();
    if (this.position >= to) {
      if (!this.loop) {
        this.pause('end');
        return;
      }
      this.seek(from, { answered: true });
      if (this.notes.some((note) => note.pause && note.at === from)) this.pause('note');
      return;
    }
    const target = Math.min(to, this.position + steps);
    const stop = pauseBetween(this.notes, this.position, target);
    this.seek(stop ? stop.at : target, { answered: true, kind: 'play' });
    if (stop) this.pause('note');
    else if (this.position >= to && !this.loop) this.pause('end');
  }

  // -------------------------------------------------------------- keys

  /**
   * A key press, from wherever the host listens (it leaves out presses in text fields).
   * Returns true when the transport used it: the host then prevents its default.
   * @param {KeyPress} event
   */
  key(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return false;
    if (/^[0-9]$/.test(event.key)) {
      if (this.typed.length < TYPED_DIGITS) this.typed += event.key;
      this.emit('typing', { digits: this.typed });
      return true;
    }
    if (event.key === 'Enter' && this.typed) {
      const target = Number(this.typed);
      this.dropTyped();
      this.pause('step');
      this.seek(target);
      return true;
    }
    const hadDigits = this.typed !== '';
    this.dropTyped();
    if (event.key === 'Escape') {
      this.emit('escape', {});
      return hadDigits;
    }
    const action = keyAction(event);
    if (!action) return false;
    if (action === 'toggle') this.toggle();
    else if (action === 'forward') this.step(1);
    else if (action === 'back') this.step(-1);
    else if (action === 'start') this.toStart();
    else this.toEnd();
    return true;
  }

  /** Forgets the digits typed so far. */
  dropTyped() {
    if (!this.typed) return;
    this.typed = '';
    this.emit('typing', { digits: '' });
  }
}
