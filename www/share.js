// @ts-check
// The page's state in its URL: algorithm, input (compressed when long), the variant controls,
// the lesson, the step, the speed and the theme — so a link reopens the exact frame.
import { cleanNotes } from './player/lesson.js';

const COMPRESS_ABOVE = 160;

function toBase64Url(bytes) {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const padded = text.replaceAll('-', '+').replaceAll('_', '/');
  const binary = atob(padded + '='.repeat((4 - (padded.length % 4)) % 4));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

async function pipe(bytes, stream) {
  const response = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The query string for a state: the algorithm, its input (deflated and base64url-encoded as
 * `z=` when long), its options in the JS API's words (`options=`, the same map an embed's
 * `variant` holds), whether the other methods run beside it, the widget's own state, the
 * step, the speed and the theme.
 */
export async function encodeState({ algorithm, input, options, compare, widget, lesson, step, speed, theme }) {
  const params = new URLSearchParams({ algorithm });
  if (input.length > COMPRESS_ABOVE) {
    const packed = await pipe(new TextEncoder().encode(input), new CompressionStream('deflate-raw'));
    params.set('z', toBase64Url(packed));
  } else {
    params.set('input', input);
  }
  if (Object.keys(options).length > 0) params.set('options', JSON.stringify(options));
  if (!compare) params.set('compare', 'false');
  if (Object.keys(widget).length > 0) params.set('widget', JSON.stringify(widget));
  if (lesson && (lesson.notes.length > 0 || lesson.from !== null || lesson.to !== null)) params.set('lesson', JSON.stringify(lesson));
  params.set('step', String(step));
  params.set('speed', String(speed));
  params.set('theme', theme);
  return params.toString();
}

/**
 * A JSON object parameter of a link, or `{}` when absent.
 * @param {URLSearchParams} params
 * @param {string} name
 */
function objectParameter(params, name) {
  if (!params.has(name)) return {};
  try {
    const value = JSON.parse(params.get(name));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error();
    return value;
  } catch {
    throw new Error(`the "${name}" part of this link is not valid`);
  }
}

/**
 * A link's lesson: its notes checked (player/lesson.js) and its range as whole steps or null.
 * @param {Record<string, unknown>} lesson
 */
function readLesson(lesson) {
  const step = (/** @type {unknown} */ value) => (Number.isInteger(value) && Number(value) >= 0 ? Number(value) : null);
  return { notes: cleanNotes(lesson.notes), from: step(lesson.from), to: step(lesson.to) };
}

/** The state in a query string, or null when there is none; throws an Error saying what is wrong. */
export async function decodeState(search) {
  const params = new URLSearchParams(search);
  if (!params.has('algorithm')) return null;
  const state = {
    algorithm: params.get('algorithm'),
    input: params.get('input') ?? '',
    options: objectParameter(params, 'options'),
    compare: params.has('compare') ? params.get('compare') !== 'false' : undefined,
    widget: objectParameter(params, 'widget'),
    lesson: readLesson(objectParameter(params, 'lesson')),
  };
  if (params.has('controls')) {
    // Links from before options were declared in Rust: read by a module of their own.
    const { fromLegacyControls } = await import('./legacy-links.js');
    const legacy = fromLegacyControls(objectParameter(params, 'controls'));
    state.options = { ...legacy.options, ...state.options };
    state.widget = { ...legacy.widget, ...state.widget };
    state.compare ??= legacy.compare;
  }
  state.compare ??= true;
  if (params.has('z')) {
    try {
      const bytes = await pipe(fromBase64Url(params.get('z')), new DecompressionStream('deflate-raw'));
      state.input = new TextDecoder().decode(bytes);
    } catch {
      throw new Error('the compressed input in this link is damaged');
    }
  }
  const whole = (name) => {
    if (!params.has(name)) return undefined;
    const value = Number(params.get(name));
    if (!Number.isInteger(value) || value < 0) throw new Error(`"${name}" in this link must be a whole number, not '${params.get(name).slice(0, 20)}'`);
    return value;
  };
  state.step = whole('step') ?? 0;
  state.speed = whole('speed');
  const theme = params.get('theme');
  state.theme = theme === 'dark' || theme === 'light' ? theme : undefined;
  return state;
}
