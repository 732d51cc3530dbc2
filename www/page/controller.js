// @ts-check
// The page's controller: wires the controls to one or more Players that share one transport
// (player/transport.js: position, range, play/pause, clock and motion, lesson pauses, the
// practice gate, keys). All heavy work happens in Rust; the page's modules only read controls,
// call the Player, and hand the transport its players. This one wires them and starts the page:
// the shared state and the failure banner are page/view.js, the input and the engine
// page/input.js, the tabs page/tabs.js, the panels page/panels.js, practice mode
// page/practice-mode.js, the DOM text page/text.js and the state in the address
// page/url-state.js; app.js is the entry the HTML loads.
// User text is only ever inserted with textContent, never as HTML.

import { $, setText } from '../dom.js';
import { catalogue, engineFor } from '../player/engine.js';
import { paint, onPrint, typingInto } from '../player/core.js';
import { keyAction } from '../player/transport.js';
import { hideToast, highlight, showCounters, showInputError, showPlaying, showPosition, toast } from './text.js';
import { createUrlState, links } from './url-state.js';
import { residentInput, wireInput } from './input.js';
import { refreshEmbed, showNotes, wirePanels } from './panels.js';
import { practice, practising } from './practice-mode.js';
import { fillTabs, selectAlgorithm, wireTabs } from './tabs.js';
import { DEFAULT_SPEED, SPEEDS, guarded, players, transport, view } from './view.js';

/** What a link keeps of the widget: its own state, and where resident input came from. */
function widgetState() {
  const state = { ...(view.widget?.state?.() ?? {}) };
  // Generated samples come back from the settings they were made with; a file's cannot travel
  // in a link.
  const resident = residentInput();
  if (resident) state.samples = resident.source;
  return state;
}

/** What a link holds: the algorithm, its input and controls, the step, the speed, the theme. */
function linkState() {
  return {
    algorithm: view.algorithm,
    input: $('input-text').value,
    options: view.controls.read(),
    compare: $('compare').checked,
    widget: widgetState(),
    lesson: view.lesson,
    step: transport.position,
    speed: view.speed,
    theme: view.theme,
  };
}

/** The address keeps the page's state, so reloading or sharing lands on the same frame. */
const urlState = createUrlState({ state: linkState, known: (id) => view.infos.some((info) => info.id === id), toast });

/** After every move of the clock: the texts, the address, practice's question, the embed snippets. */
function moved() {
  updateText();
  urlState.schedule();
  if (practising()) practice().then((controller) => controller.ask());
  refreshEmbed();
}

// ---------------------------------------------------------------- drawing

let canvasesDrawn = false;

/**
 * Removes the first frame drawn at build time (`.first-frame` pictures over the canvases) once
 * the canvases have drawn, and marks the moment (`first-canvas-frame`, read by the benchmark).
 */
function dropFirstFrame() {
  if (canvasesDrawn) return;
  canvasesDrawn = true;
  performance.mark('first-canvas-frame');
  for (const picture of document.querySelectorAll('.first-frame')) picture.remove();
}

function updateText() {
  const primary = view.primary;
  if (!primary) return;
  setText($('narration'), primary.narration());
  showNotes();
  highlight($('primary-code'), primary.line());
  showCounters($('primary-counters'), primary.counters());
  for (const other of view.others) {
    other.narration.textContent = other.player ? other.player.narration() : '';
    if (other.player) {
      highlight(other.code, other.player.line());
      showCounters(other.counters, other.player.counters());
    } else {
      other.counters.replaceChildren();
    }
  }
  const [from, to] = transport.range();
  showPosition({ position: transport.position, from, to });
}

// ---------------------------------------------------------------- controls

function setTheme(theme) {
  view.theme = theme;
  document.documentElement.dataset.theme = theme;
  const toggle = $('theme-toggle');
  toggle.textContent = theme === 'dark' ? 'Light' : 'Dark';
  toggle.setAttribute('aria-label', theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme');
  for (const player of players()) player.setTheme(theme);
  transport.requestDraw();
  view.widget?.draw?.();
}

function fillStaticControls() {
  const speed = $('speed');
  speed.replaceChildren(...SPEEDS.map((entry, index) => new Option(entry.label, String(index))));
  speed.value = String(DEFAULT_SPEED);
  fillTabs();
}

function wireControls() {
  wireInput();
  wireTabs();
  transport.on('step', moved);
  transport.on('playing', ({ playing }) => showPlaying(playing));
  // A number then Enter jumps to that step (presenters type it on the keyboard).
  transport.on('typing', ({ digits }) => {
    if (digits) toast(`Go to step ${digits}… (Enter)`);
    else hideToast();
  });
  transport.on('draw', () => {
    if (view.primary) dropFirstFrame();
  });
  $('play').addEventListener('click', () => guarded(() => transport.toggle()));
  $('step-forward').addEventListener('click', () => guarded(() => transport.step(1)));
  $('step-back').addEventListener('click', () => guarded(() => transport.step(-1)));
  $('to-start').addEventListener('click', () => guarded(() => transport.toStart()));
  $('to-end').addEventListener('click', () => guarded(() => transport.toEnd()));
  $('scrubber').addEventListener('input', (event) => guarded(() => transport.seek(Number(event.target.value))));
  $('speed').addEventListener('change', (event) => {
    view.speed = Number(event.target.value);
    transport.setSpeed(SPEEDS[view.speed]);
    urlState.schedule();
  });
  $('theme-toggle').addEventListener('click', () => {
    setTheme(view.theme === 'dark' ? 'light' : 'dark');
    urlState.schedule();
  });
  wirePanels(urlState);
  // Printing repaints the frames at paper resolution (and back after).
  onPrint(() => guarded(() => {
    paint(view.primary, $('primary-canvas'));
    for (const other of view.others) paint(other.player, other.canvas);
  }));
  $('panic-dismiss').addEventListener('click', () => { $('panic-banner').hidden = true; });
  document.addEventListener('keydown', onKey);
  new ResizeObserver(() => transport.requestDraw()).observe($('players'));
}

/** The page's keys go to the transport, except while typing in a field. */
function onKey(event) {
  if (typingInto(event)) return;
  // The scrubber moves itself with the arrows, Home and End; Space and numbers drive the clock.
  const action = keyAction(event);
  if (event.target === $('scrubber') && action && action !== 'toggle') return;
  let used = false;
  guarded(() => { used = transport.key(event); });
  if (used) event.preventDefault();
}

/** Resolves in a task of its own, after the browser has had a turn (input, paint). */
const nextTask = () => new Promise((resolve) => { setTimeout(resolve, 0); });

/** Starts the page: the catalogue, the controls, the first tab (or a link's state). */
export async function main() {
  // A link opens its own frame, not the one the build wrote into the page: the stage waits
  // for it (the style sheet already hides it for links to a tab, before any script runs).
  if (location.search || location.hash) document.documentElement.classList.add('opening-link');
  setTheme(window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  view.infos = catalogue.algorithms;
  view.limits = catalogue.limits;
  // The first tab's module starts loading at once, while the page fills in around it.
  const firstTab = location.hash.slice(1);
  engineFor(catalogue.find(firstTab) ? firstTab : catalogue.first).load().catch(() => {});
  // The start-up work in slices, each a task of its own: the page stays responsive (no long
  // task blocks input) while it fills in.
  await nextTask();
  fillStaticControls();
  wireControls();
  await nextTask();
  let restored = null;
  let linkProblem = '';
  try {
    // Only a link with a state needs the decoder before the first frame.
    restored = new URLSearchParams(location.search).has('algorithm')
      ? await (await links()).decodeState(location.search)
      : null;
  } catch (error) {
    linkProblem = `This link could not be read (${error.message}); here is the example instead.`;
  }
  if (restored) {
    if (restored.theme) setTheme(restored.theme);
    if (restored.speed !== undefined && restored.speed < SPEEDS.length) {
      view.speed = restored.speed;
      $('speed').value = String(restored.speed);
      transport.setSpeed(SPEEDS[view.speed]);
    }
    if (!view.infos.some((info) => info.id === restored.algorithm)) {
      linkProblem = `This link names an unknown algorithm '${restored.algorithm.slice(0, 40)}'; here is the default instead.`;
      restored = null;
    }
  }
  await selectAlgorithm(restored?.algorithm ?? location.hash.slice(1), restored);
  const refused = [$('input-error'), $('option-error')].find((box) => !box.hidden);
  if (restored && refused) {
    linkProblem = `The input in this link was refused (${refused.textContent}); here is the example instead.`;
    await selectAlgorithm(restored.algorithm);
  }
  if (linkProblem) showInputError({ message: linkProblem }, '');
  document.body.dataset.ready = 'true';
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('sw.js').catch((error) => console.warn('offline mode unavailable:', error));
  }
}

