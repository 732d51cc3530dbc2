// @ts-check
// A step range as WebM video (MediaRecorder) or animated GIF (the `gif` crate, in a wasm module
// loaded only when needed), made in the browser at a chosen size and rate.

import { $, el } from './dom.js';

const GIF_MODULE = new URL('./pkg-gif/stepwise_gif.js', import.meta.url).href;

/** A detached canvas of `width` × `height` to draw frames on. */
function frameCanvas(width, height) {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

/** Records steps `from..=to` at `rate` steps per second; `draw(step, context, w, h)` paints one. */
export async function recordWebm({ width, height, from, to, rate, draw }) {
  const canvas = frameCanvas(width, height);
  if (typeof MediaRecorder === 'undefined' || !canvas.captureStream) {
    throw new Error('this browser cannot record video from a canvas');
  }
  const type = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm']
    .find((candidate) => MediaRecorder.isTypeSupported(candidate));
  if (!type) throw new Error('this browser cannot write WebM video');
  const context = canvas.getContext('2d');
  draw(from, context, width, height);
  const stream = canvas.captureStream(Math.max(rate, 5));
  const recorder = new MediaRecorder(stream, { mimeType: type });
  const chunks = [];
  recorder.addEventListener('dataavailable', (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  });
  const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve, { once: true }));
  recorder.start();
  for (let step = from; step <= to; step += 1) {
    draw(step, context, width, height);
    await new Promise((resolve) => setTimeout(resolve, 1000 / rate));
  }
  recorder.stop();
  await stopped;
  stream.getTracks().forEach((track) => track.stop());
  return new Blob(chunks, { type: 'video/webm' });
}

let gifModule = null;

/** Encodes steps `from..=to` as an animated GIF, one frame per step. */
export async function recordGif({ width, height, from, to, rate, draw }) {
  gifModule ??= import(GIF_MODULE).then(async (module) => {
    await module.default();
    return module;
  });
  const { GifWriter } = await gifModule;
  const canvas = frameCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const writer = new GifWriter(width, height, Math.round(1000 / rate));
  for (let step = from; step <= to; step += 1) {
    draw(step, context, width, height);
    writer.addFrame(context.getImageData(0, 0, width, height).data);
    // Let the page breathe between frames: quantizing takes a few milliseconds each.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return new Blob([writer.finish()], { type: 'image/gif' });
}

/** The export panel's controls, built into its (empty) section the first time it opens. */
function fillPanel() {
  const number = (id, value, attributes = {}) => el('input', { type: 'number', id, min: '0', value, inputmode: 'numeric', ...attributes });
  const label = (target, text) => el('label', { class: 'field inline', for: target }, text);
  const panel = $('record-panel');
  panel.setAttribute('aria-labelledby', 'record-heading');
  panel.append(
    el('h2', { id: 'record-heading' }, 'Export a step range as video or GIF'),
    el('div', { class: 'row random' },
      label('record-from', 'from step'), number('record-from', '0'),
      label('record-to', 'to'), number('record-to', '10'),
      label('record-rate', 'steps/s'), number('record-rate', '4', { min: '1', max: '30' })),
    el('div', { class: 'row' },
      label('record-format', 'format'),
      el('select', { id: 'record-format' },
        el('option', { value: 'webm' }, 'WebM video'), el('option', { value: 'gif' }, 'animated GIF')),
      label('record-size', 'size'),
      el('select', { id: 'record-size' },
        el('option', { value: 'canvas' }, 'as on screen'), el('option', { value: '960x540' }, '960×540'),
        el('option', { value: '640x360', selected: true }, '640×360'), el('option', { value: '480x270' }, '480×270')),
      el('button', { type: 'button', class: 'quiet-button', id: 'record-go' }, 'Export')),
    el('p', { class: 'help', id: 'record-status', 'aria-live': 'polite' },
      'Made in your browser (MediaRecorder for WebM, the gif crate in wasm for GIF); nothing is uploaded.'),
  );
}

/** Wires the export panel (validates the range and size, exports, downloads); `toggle` shows it. */
export function createRecording({ screenSize, total, draw, position, download, name, onFailure }) {
  fillPanel();
  $('record-go').addEventListener('click', async () => {
    const from = Number($('record-from').value);
    const to = Number($('record-to').value);
    const rate = Number($('record-rate').value);
    const last = total();
    if (![from, to, rate].every(Number.isInteger) || from < 0 || to < from || to > last || rate < 1 || rate > 30) {
      $('record-status').textContent = `Choose whole steps 0 ≤ from ≤ to ≤ ${last} and 1 to 30 steps per second.`;
      return;
    }
    const format = $('record-format').value;
    const [width, height] = $('record-size').value === 'canvas'
      ? screenSize()
      : $('record-size').value.split('x').map(Number);
    $('record-go').disabled = true;
    $('record-status').textContent = `Exporting steps ${from}–${to} as ${format.toUpperCase()}…`;
    const before = position.get();
    try {
      const record = format === 'gif' ? recordGif : recordWebm;
      const file = await record({ width, height, from, to, rate, draw });
      download(file, name(format));
      $('record-status').textContent = `Saved ${to - from + 1} steps as ${format.toUpperCase()}, ${width}×${height} (${Math.round(file.size / 1024)} KB).`;
    } catch (error) {
      $('record-status').textContent = `Could not export: ${error.message}.`;
      onFailure(error);
    } finally {
      // Back to the step the user was on.
      position.set(before);
      $('record-go').disabled = false;
    }
  });
  return {
    toggle() {
      const panel = $('record-panel');
      panel.hidden = !panel.hidden;
      $('record-toggle').setAttribute('aria-expanded', String(!panel.hidden));
      if (!panel.hidden) $('record-to').value = String(total());
    },
  };
}
