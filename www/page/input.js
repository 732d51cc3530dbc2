// @ts-check
// The input and the engine: the current tab's module (loaded on its first visit, restarted
// after a panic), the text box, presets and random inputs, input held in wasm memory, and
// building the players from the input and options — on bad input the old players stay and the
// page says why (which input, which option).

import { $ } from '../dom.js';
import { engineFor } from '../player/engine.js';
import { paint } from '../player/core.js';
import { clearInputError, fillCode, hideToast, showInputError, showOptionError, toast } from './text.js';
import { practice, practising } from './practice-mode.js';
import { guarded, players, resetWidgets, showPanic, transport, view } from './view.js';

const INPUT_DEBOUNCE_MS = 350;

/** The current tab's module (the engine's exports), once loaded. */
let stepwise = null;
/** The engines whose panics show the banner. */
const watchedEngines = new WeakSet();
/** The load in progress (a tab's first visit, a restart after a panic), shared by every action that needs the engine. */
let reloading = null;

/**
 * Runs `action` against the current tab's module: loaded first on the tab's first visit, and
 * started afresh (the page's players rebuilt at the step they were on) after a panic broke it.
 */
export async function withEngine(action) {
  const current = engineFor(view.algorithm);
  if (current !== view.engine || current.broken || !stepwise) {
    const restarting = current === view.engine && current.broken;
    reloading ??= (async () => {
      if (!watchedEngines.has(current)) {
        watchedEngines.add(current);
        current.addEventListener('panic', (event) => showPanic(String(/** @type {CustomEvent} */ (event).detail)));
      }
      const module = await current.load();
      view.engine = current;
      stepwise = module;
      if (!restarting) return;
      // Handles into the trapped instance are dead: drop them without calling into it.
      view.primary = null;
      for (const other of view.others) other.player = null;
      transport.setPlayers([]);
      resetWidgets();
      // The page's own animation comes back at the step it was on.
      await rebuild({ keepPosition: true });
      view.widget?.shown?.();
    })().finally(() => { reloading = null; });
    await reloading;
    if (engineFor(view.algorithm) !== view.engine) return withEngine(action);
  }
  return action(stepwise);
}

/**
 * The UTF-8 length of `text` when it is over `limit` bytes, else 0: checked before the text is
 * copied into wasm. A UTF-16 unit is at most 3 UTF-8 bytes, so most texts need no encoding.
 */
function bytesOver(text, limit) {
  if (text.length * 3 <= limit) return 0;
  const bytes = new TextEncoder().encode(text).length;
  return bytes > limit ? bytes : 0;
}

/** Input held in wasm memory (see resident.js), in use while the text box is empty. */
let resident = null;

/** The input held in wasm memory, or null while the text box is the input. */
export const residentInput = () => resident;

/** Forgets the resident input: the text box is the input again. */
function dropResident() {
  if (!resident) return;
  resident.free();
  resident = null;
  $('input-text').placeholder = '';
}

/** Animates input held in wasm memory, which a widget offers (resident.js loads then). */
export async function setResident(next) {
  const { takeResident } = await import('../resident.js');
  return takeResident({
    engine: () => view.engine,
    input: $('input-text'),
    current: () => resident,
    use: (value) => { resident = value; },
    rebuild: () => rebuild(),
    toast,
    hideToast,
  }, next);
}

/**
 * Builds new players from the input; on bad input keeps the old ones and says why. Resolves to
 * whether the new players were built.
 */
export async function rebuild({ keepPosition = false, seekEnd = false } = {}) {
  const text = $('input-text').value;
  if (text !== '') dropResident();
  const options = view.controls.read();
  const primaryMethod = view.info.methods[0].id;
  return withEngine((stepwise) => {
    const { textBytes } = view.limits;
    const bytes = bytesOver(text, textBytes);
    if (bytes > 0) {
      const count = (value) => value.toLocaleString('en-US');
      showInputError({ message: `The input is ${count(bytes)} bytes long; the limit is ${count(textBytes)}.` }, '');
      return false;
    }
    let primary;
    try {
      primary = resident
        ? stepwise.Player.fromResident(resident.samples(stepwise, options), { ...options, method: primaryMethod })
        : new stepwise.Player(view.algorithm, text, { ...options, method: primaryMethod });
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) throw error;
      const aboutAnOption = error.kind === 'bad option' || error.kind === 'unknown option'
        || view.info.options.some((option) => option.key === error.field);
      if (aboutAnOption) {
        clearInputError();
        showOptionError(error.message);
      } else {
        showOptionError('');
        showInputError(error, text);
      }
      return false;
    }
    clearInputError();
    showOptionError('');
    view.primary?.free();
    view.primary = primary;
    const comparing = $('compare').checked;
    for (const other of view.others) {
      other.player?.free();
      other.player = null;
      other.message.hidden = true;
      other.figure.hidden = !comparing;
      if (!comparing) continue;
      try {
        other.player = new stepwise.Player(view.algorithm, text, { ...options, method: other.method });
      } catch (error) {
        if (error instanceof WebAssembly.RuntimeError) throw error;
        other.message.textContent = error.message;
        other.message.hidden = false;
      }
    }
    for (const player of players()) player.setTheme(view.theme);
    fillCode($('primary-code'), view.primary.pseudocode());
    for (const other of view.others) {
      other.heading.hidden = !other.player;
      other.code.hidden = !other.player;
      if (other.player) fillCode(other.code, other.player.pseudocode());
    }
    let target = keepPosition ? transport.position : undefined;
    if (seekEnd) target = view.primary.len;
    // A rebuild lands where it must even while practising (new players start at 0).
    transport.setPlayers(transportPlayers(), { position: target });
    view.widget?.afterRebuild?.(view.primary);
    if (practising()) practice().then((controller) => controller.ask());
    return true;
  });
}

/** The page's players as the transport sees them: each Player with its canvas. */
function transportPlayers() {
  const figures = [{ player: view.primary, canvas: $('primary-canvas') }, ...view.others];
  return figures.filter((figure) => figure.player).map(({ player, canvas }) => ({
    get len() { return player.len; },
    get position() { return player.position; },
    seek: (step) => player.seek(step),
    draw: (progress) => paint(player, canvas, progress),
  }));
}

/** After the options change (a control, a drag, a widget): the widget hears it, the run restarts. */
export function optionsChanged(how) {
  view.widget?.optionsChanged?.();
  return rebuild(how);
}

/** The text box (debounced, or at once on Enter), the presets, the random row and the compare box. */
export function wireInput() {
  let debounce = 0;
  $('input-text').addEventListener('input', () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => guarded(() => rebuild()), INPUT_DEBOUNCE_MS);
  });
  $('input-text').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      clearTimeout(debounce);
      guarded(() => rebuild());
    }
  });
  $('preset').addEventListener('change', (event) => {
    if (event.target.selectedIndex === 0) return;
    $('input-text').value = event.target.value;
    event.target.selectedIndex = 0;
    guarded(() => rebuild());
  });
  $('random-go').addEventListener('click', () => guarded(() => withEngine((stepwise) => {
    const size = Number($('random-size').value);
    const seed = Number($('random-seed').value);
    if (!Number.isInteger(size) || size < 0 || size > 10000) {
      showInputError({ message: `random n must be a whole number from 0 to 10,000, not '${$('random-size').value}'` }, '');
      return;
    }
    if (!Number.isInteger(seed) || seed < 0) {
      showInputError({ message: `seed must be a whole number of 0 or more, not '${$('random-seed').value}'` }, '');
      return;
    }
    $('input-text').value = stepwise.randomInput(view.algorithm, size, seed);
    return rebuild();
  })));
  $('compare').addEventListener('change', () => guarded(() => rebuild()));
}
