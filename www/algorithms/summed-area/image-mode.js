// @ts-check
// Image mode of the summed-area table: a picture (test pattern or a local file, never
// uploaded), its table filling with a sweeping front, then a box blur from the table. The
// picture and its table live in wasm memory behind the kernel module's `IntegralImage` handle;
// that module loads with image mode, so the page's first load does not carry it.

import { $ } from '../../dom.js';
import { fitCanvas } from '../../player/core.js';
import { Engine } from '../../player/engine.js';

const MAX_SIDE = 1024;
const FILL_FRAMES = 60;

/** The kernel module, loaded on first use and started afresh after a panic. @type {Engine<any>} */
const kernels = new Engine(
  () => import('../../pkg-kernels/stepwise_kernels.js'),
  new URL('../../pkg-kernels/stepwise_kernels.js', import.meta.url).href,
);

/**
 * `run` guards an action the page's way (errors and panics reported); image mode's actions get
 * the kernel module.
 */
export function createImageMode({ run: guard, getTheme, onFailure }) {
  const run = (action) => guard(async () => action(await kernels.load()));
  let image = null;
  let filling = false;
  let label = '';
  /** Bumped whenever the image changes, so stale fill loops and file reads stop. */
  let generation = 0;

  function status(text) {
    $('image-status').textContent = text;
  }

  function showError(text) {
    const box = $('image-error');
    box.textContent = text;
    box.hidden = !text;
  }

  function draw() {
    const canvas = $('image-canvas');
    const size = image && fitCanvas(canvas);
    if (!size) return;
    const radius = Number($('blur-radius').value);
    const started = performance.now();
    image.draw(canvas.getContext('2d'), size.width, size.height, radius, getTheme());
    canvas.dataset.drawMs = (performance.now() - started).toFixed(1);
  }

  function sweep() {
    if (!image) return;
    filling = true;
    const mine = ++generation;
    const rowsPerFrame = Math.max(1, Math.ceil(image.height / FILL_FRAMES));
    const tick = () => {
      if (mine !== generation || !image) return;
      try {
        const more = image.fill(rowsPerFrame);
        draw();
        if (more) {
          status(`${label} Filling S: row ${image.filledRows.toLocaleString('en-US')} of ${image.height.toLocaleString('en-US')}…`);
          requestAnimationFrame(tick);
        } else {
          filling = false;
          $('image-canvas').dataset.filled = 'true';
          status(`${label} S is filled: move the blur slider — every pixel is one O(1) rectangle mean.`);
        }
      } catch (error) {
        filling = false;
        onFailure(error);
      }
    };
    requestAnimationFrame(tick);
  }

  function adopt(next, description) {
    image?.free();
    image = next;
    label = description;
    $('image-canvas').dataset.filled = 'false';
    showError('');
    status(label);
    sweep();
  }

  function loadPattern(stepwise) {
    adopt(stepwise.IntegralImage.testPattern(256), 'Test pattern, 256×256.');
  }

  async function loadFile(file) {
    if (!file) return;
    const mine = ++generation;
    let bitmap;
    try {
      bitmap = await createImageBitmap(file);
    } catch {
      showError(`'${file.name}' could not be read as an image (PNG, JPEG, GIF, WebP, …).`);
      return;
    }
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    const pixels = context.getImageData(0, 0, width, height).data;
    if (mine !== generation) return; // a later file or pattern won
    const note = scale < 1 ? ` (scaled down from ${Math.round(width / scale)}×${Math.round(height / scale)} to fit ${MAX_SIDE}×${MAX_SIDE})` : '';
    run((stepwise) => adopt(stepwise.IntegralImage.fromRgba(pixels, width, height), `${file.name}: ${width}×${height}${note}. It stays in your browser.`));
  }

  $('image-pattern').addEventListener('click', () => run(loadPattern));
  $('image-refill').addEventListener('click', () => run(() => {
    if (!image || filling) return;
    image.restart();
    $('image-canvas').dataset.filled = 'false';
    sweep();
  }));
  $('blur-radius').addEventListener('input', (event) => {
    $('blur-value').textContent = event.target.value;
    run(() => draw());
  });

  return {
    /** Shows the test pattern the first time the section is visible. */
    show() {
      if (!image) run(loadPattern);
      else run(() => draw());
    },
    draw,
    /**
     * Loads a local picture (it never leaves the browser).
     * @param {File} file
     */
    open(file) {
      loadFile(file).catch(onFailure);
    },
    /** Forgets the image and the kernel module (after a panic): both load again on next use. */
    reset() {
      kernels.trap('the page engine restarted');
      image = null;
      filling = false;
      generation += 1;
    },
  };
}
