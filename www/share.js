// The page's state in its URL: algorithm, input (compressed when long), the variant controls,
// the step, the speed and the theme — so a link reopens the exact frame.

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

/** The query string for a state. Long inputs are deflated and base64url-encoded (`z=`). */
export async function encodeState({ algorithm, input, controls, step, speed, theme }) {
  const params = new URLSearchParams({ algorithm });
  if (input.length > COMPRESS_ABOVE) {
    const packed = await pipe(new TextEncoder().encode(input), new CompressionStream('deflate-raw'));
    params.set('z', toBase64Url(packed));
  } else {
    params.set('input', input);
  }
  if (Object.keys(controls).length > 0) params.set('controls', JSON.stringify(controls));
  params.set('step', String(step));
  params.set('speed', String(speed));
  params.set('theme', theme);
  return params.toString();
}

/** The state in a query string, or null when there is none; throws an Error saying what is wrong. */
export async function decodeState(search) {
  const params = new URLSearchParams(search);
  if (!params.has('algorithm')) return null;
  const state = { algorithm: params.get('algorithm'), input: params.get('input') ?? '', controls: {} };
  if (params.has('z')) {
    try {
      const bytes = await pipe(fromBase64Url(params.get('z')), new DecompressionStream('deflate-raw'));
      state.input = new TextDecoder().decode(bytes);
    } catch {
      throw new Error('the compressed input in this link is damaged');
    }
  }
  if (params.has('controls')) {
    try {
      const controls = JSON.parse(params.get('controls'));
      if (controls === null || typeof controls !== 'object' || Array.isArray(controls)) throw new Error();
      state.controls = controls;
    } catch {
      throw new Error('the "controls" part of this link is not valid');
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

/** The variant controls of one algorithm's panel as plain data (radios by name). */
export function collectControls(root) {
  const controls = {};
  for (const input of root.querySelectorAll('input, select')) {
    if (input.type === 'file' || input.type === 'button') continue;
    if (input.type === 'radio') {
      if (input.checked) controls[input.name] = input.value;
    } else if (input.type === 'checkbox') {
      controls[input.id] = input.checked;
    } else if (input.id) {
      controls[input.id] = input.value;
    }
  }
  return controls;
}

/** Sets the controls under `root` from `controls`; unknown keys are ignored. */
export function applyControls(root, controls) {
  for (const [key, value] of Object.entries(controls)) {
    const radio = root.querySelector(`input[type="radio"][name="${CSS.escape(key)}"][value="${CSS.escape(String(value))}"]`);
    if (radio) {
      radio.checked = true;
      continue;
    }
    const input = root.querySelector(`#${CSS.escape(key)}`);
    if (!input) continue;
    if (input.type === 'checkbox') input.checked = value === true;
    else if (typeof value === 'string' || typeof value === 'number') input.value = String(value);
  }
}
