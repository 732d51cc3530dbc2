// @ts-check
// The play clock both hosts run: whole steps per animation frame, with the fraction carried to
// the next frame so slow speeds stay exact, and the motion of one step as a 0..1 progress.

/** The longest gap one frame may account for (a background tab, a debugger pause). */
const LONGEST_FRAME_MS = 250;
/** How long one step's motion takes at slow speeds. */
export const STEP_MOTION_MS = 320;

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
    const elapsed = Math.min(now - this.last, LONGEST_FRAME_MS);
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
    const progress = Math.min(1, (now - this.start) / this.duration);
    if (progress >= 1) this.duration = 0;
    return progress;
  }
}
