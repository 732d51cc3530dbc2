// @ts-check
// The public surface of <stepwise-player>, declared once. embed.js observes the attributes
// named here; `cargo xtask dist` writes the npm package's Custom Elements Manifest
// (custom-elements.json), its TypeScript declarations (embed.d.ts) and the attribute table of
// its README from the same lists, so they cannot drift apart.

/**
 * @typedef {object} Member
 * @property {string} name the attribute, property, event or custom property
 * @property {string} type its TypeScript type (for an event: the type of `detail`)
 * @property {string} description one sentence
 * @property {string} [default] the value when it is not set
 * @property {boolean} [readonly] a property that cannot be set
 */

/** The element's tag. */
export const TAG = 'stepwise-player';

/** The element's class name, as the module exports it. */
export const CLASS_NAME = 'StepwisePlayer';

/**
 * The attributes; each is also a property of the same name (`step`, `from`, `to` and `speed`
 * as numbers, `autoplay` and `loop` as booleans).
 * @type {Member[]}
 */
export const ATTRIBUTES = [
  { name: 'algorithm', type: 'string', default: 'the first registered', description: "The registry's id of the algorithm (the page's tabs; the Player module's algorithms() lists them)." },
  { name: 'input', type: 'string', default: "the algorithm's example", description: "The input text, as in the page's input box." },
  { name: 'variant', type: 'string', default: '', description: 'The options as words, e.g. "previous smaller method=scan".' },
  { name: 'step', type: 'number', default: '0', description: 'The step shown; setting it moves there (within from..to).' },
  { name: 'from', type: 'number | null', default: 'null', description: 'The first step of the locked range.' },
  { name: 'to', type: 'number | null', default: 'null', description: 'The last step of the locked range.' },
  { name: 'controls', type: "'full' | 'minimal' | 'none'", default: 'full', description: 'Which controls show: all, play and step only, or none.' },
  { name: 'autoplay', type: 'boolean', default: 'false', description: 'Plays once built.' },
  { name: 'loop', type: 'boolean', default: 'false', description: 'Starts again at the end of the range.' },
  { name: 'speed', type: 'number', default: '2', description: 'Steps per second while playing.' },
  { name: 'theme', type: "'light' | 'dark'", default: 'light', description: 'The palette.' },
  { name: 'mode', type: "'watch' | 'practice'", default: 'watch', description: 'practice: the learner says what each step does before it plays.' },
];

/**
 * The properties that have no attribute.
 * @type {Member[]}
 */
export const PROPERTIES = [
  { name: 'length', type: 'number', readonly: true, description: 'The number of steps of the run (0 until it is built).' },
  { name: 'practising', type: 'boolean', readonly: true, description: 'True in practice mode.' },
  { name: 'result', type: 'unknown', readonly: true, description: "The algorithm's result for the whole run as plain data (the answer array, the curve, the table…); null until it is built." },
];

/**
 * The events (bubbling, composed); `type` is their `detail`.
 * @type {Member[]}
 */
export const EVENTS = [
  { name: 'stepwise-ready', type: '{ algorithm: string; length: number }', description: 'A run is built.' },
  { name: 'stepwise-step', type: '{ step: number; position: number; length: number }', description: 'The step changed (position is an alias of step).' },
  { name: 'stepwise-error', type: '{ message: string; kind: string; field: string }', description: 'The input or the options were refused; message says what and where.' },
];

/**
 * The CSS custom properties the element reads.
 * @type {Member[]}
 */
export const CSS_PROPERTIES = [
  { name: '--stepwise-height', type: 'length', default: '300px', description: 'The height of the animation.' },
];

/**
 * The children the element reads.
 * @type {Member[]}
 */
export const CHILDREN = [
  { name: 'stepwise-note', type: 'at: number; pause?: boolean', description: 'A lesson note, shown from step `at` until the next note (text only); `pause` stops playback there.' },
];
