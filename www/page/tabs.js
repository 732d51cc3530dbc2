// @ts-check
// The algorithms' tabs and what each brings to the page, all from the registry: its texts and
// limits, one figure per method, its option controls (generated from its declared options),
// presets, its bespoke widget (www/algorithms/<id>/, see widget.js) and its pointer interaction.

import { createControls } from '../controls.js';
import { $, setText } from '../dom.js';
import { catalogue } from '../player/engine.js';
import { showInputError, showOptionError, toast } from './text.js';
import { optionsChanged, rebuild, residentInput, setResident, withEngine } from './input.js';
import { refreshLesson } from './panels.js';
import { practising } from './practice-mode.js';
import { guarded, onFailure, transport, view, widgets } from './view.js';

/** @typedef {import('../widget.js').WidgetHost} WidgetHost */

/** One link per algorithm in the registry. */
export function fillTabs() {
  $('algorithm-tabs').replaceChildren(...view.infos.map((algorithm) => {
    const tab = document.createElement('a');
    tab.href = `#${algorithm.id}`;
    tab.dataset.algorithm = algorithm.id;
    tab.textContent = algorithm.title;
    return tab;
  }));
}

/**
 * What the page offers the widget of the algorithm `info` (made before its tab's texts are
 * shown, so it reads its own algorithm's info, not the page's current one).
 * @returns {WidgetHost}
 */
function widgetHost(info, controls, stage) {
  return {
    controls,
    stage,
    run: (action) => guarded(() => withEngine(action)),
    setInput: (text) => {
      $('input-text').value = text;
      return rebuild();
    },
    setResident,
    isResident: () => residentInput() !== null,
    inputText: () => $('input-text').value,
    reportError: (message) => showInputError({ message }, ''),
    reportOptionError: showOptionError,
    options: () => view.controls.read(),
    setOptions: (options, { seekEnd = false, compare = false } = {}) => {
      view.controls.set(options);
      // A widget about another method than the first shows every method.
      if (compare) /** @type {HTMLInputElement} */ ($('compare')).checked = true;
      return optionsChanged({ seekEnd });
    },
    primary: () => view.primary,
    algorithm: () => info.id,
    limits: () => ({ ...catalogue.limits, ...info.resident?.limits }),
    theme: () => view.theme,
    onFailure,
  };
}

/** Counts tab switches: a switch that resumes after a later one began gives way to it. */
let switches = 0;

/** Shows the controls of `id` and starts on its example, or on a state restored from a link. */
export async function selectAlgorithm(id, restored = null) {
  const turn = ++switches;
  const next = view.infos.find((info) => info.id === id) ?? view.infos[0];
  // The widget first, before the page changes: a quicker later switch must not be undone.
  const loaded = next.widget ? await (await widgets()).widgetFor(next, { host: (controls, stage) => widgetHost(next, controls, stage), toast }) : null;
  if (turn !== switches) return;
  view.info = next;
  transport.pause();
  // A lesson belongs to its algorithm and input: another tab starts without one.
  if (!restored) view.lesson = { notes: [], from: null, to: null };
  refreshLesson();
  const info = view.info;
  const strip = $('algorithm-tabs');
  for (const tab of /** @type {HTMLCollectionOf<HTMLElement>} */ (strip.children)) {
    if (tab.dataset.algorithm !== view.algorithm) {
      tab.removeAttribute('aria-current');
      continue;
    }
    tab.setAttribute('aria-current', 'page');
    // On a phone the strip scrolls sideways: bring the current tab into it (the strip only,
    // never the page, which scrollIntoView would move too).
    if (strip.scrollWidth > strip.clientWidth) {
      // Centred, or from its start when it is wider than the strip.
      const margin = Math.max(0, (strip.clientWidth - tab.offsetWidth) / 2);
      strip.scrollLeft = tab.offsetLeft - strip.offsetLeft - margin;
    }
  }
  setText($('algorithm-title'), info.title);
  document.title = `Stepwise — ${info.title}, step by step`;
  setText($('algorithm-lede'), info.lede);
  $('input-label').textContent = info.inputLabel;
  $('input-text').rows = info.inputRows;
  $('random-size-label').textContent = info.randomLabel;
  $('compare-label').textContent = info.compareLabel;
  $('compare-row').hidden = info.methods.length < 2;
  $('input-help').textContent = info.inputHelp;
  $('algorithm-limits').textContent = info.limits;
  $('option-notes').textContent = info.notes;
  $('option-notes').hidden = !info.notes;
  setText($('primary-title'), info.methods[0].title);
  createOtherFigures(info.methods.slice(1));
  $('primary-hint').textContent = info.hint;
  $('primary-hint').hidden = !info.hint;
  // Dragging points must not scroll the page on touch screens.
  $('primary-canvas').style.touchAction = info.pointer === 'points' ? 'none' : '';
  $('players').dataset.layout = info.layout === 'side' || info.layout === 'side-tall' ? '' : 'stacked';
  $('players').dataset.size = ['compact', 'tall', 'side-tall'].includes(info.layout) ? info.layout : '';
  view.controls = createControls($('option-controls'), info.options, (option) => guarded(() =>
    optionsChanged({ keepPosition: option.onChange === 'keep', seekEnd: option.onChange === 'end' })));
  showOptionError('');
  view.widget = loaded?.widget ?? null;
  for (const container of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-widget]'))) {
    container.hidden = container.dataset.widget !== view.algorithm;
  }
  const preset = $('preset');
  preset.replaceChildren(new Option('Choose…', ''), ...info.presets.map((entry) => new Option(entry.name, entry.text)));
  $('input-text').value = info.example;
  let regenerate = null;
  if (restored) {
    $('input-text').value = restored.input;
    view.controls.set(restored.options);
    if (typeof restored.compare === 'boolean') $('compare').checked = restored.compare;
    view.lesson = restored.lesson ?? { notes: [], from: null, to: null };
    view.widget?.restore?.(restored.widget);
    if (restored.widget.samples === 'generated') regenerate = view.widget?.regenerate;
    if (restored.widget.samples === 'file') {
      $('input-text').value = info.example;
      toast('This link was made from a CSV file, which stays on its owner\'s device: here is the example instead.');
    }
  }
  view.widget?.optionsChanged?.();
  transport.setLesson(view.lesson);
  if (regenerate) await withEngine(regenerate);
  else await rebuild();
  if (turn !== switches) return;
  if (restored?.step) transport.seek(restored.step, { answered: true });
  view.widget?.shown?.();
}

/** One figure (and pseudocode block) per method after the first, from the template. */
function createOtherFigures(methods) {
  // The players go: the transport lets go of them first.
  transport.setPlayers([]);
  for (const other of view.others) {
    other.player?.free();
    other.figure.remove();
  }
  $('other-code').replaceChildren();
  // The figures the build wrote in for the first frame give way to live ones.
  for (const figure of document.querySelectorAll('.player[data-first-frame]')) figure.remove();
  view.others = methods.map((method) => {
    const figure = $('method-figure').content.firstElementChild.cloneNode(true);
    figure.dataset.method = method.id;
    figure.querySelector('.method-title').textContent = method.title;
    const canvas = figure.querySelector('canvas');
    canvas.setAttribute('aria-label', `Animation: ${method.title}`);
    $('players').append(figure);
    const heading = document.createElement('h3');
    heading.textContent = method.title;
    const code = document.createElement('ol');
    code.className = 'pseudocode';
    code.dataset.method = method.id;
    $('other-code').append(heading, code);
    const other = {
      method: method.id,
      player: null,
      figure,
      canvas,
      counters: figure.querySelector('.counters'),
      message: figure.querySelector('.figure-message'),
      narration: figure.querySelector('.secondary-narration'),
      heading,
      code,
    };
    wireDragging(canvas, () => other.player);
    return other;
  });
}

/**
 * Pointer interaction, as the registry declares it: `cells` picks a rectangle of cells (it
 * becomes the text option the widget names, `query` by default); `seek` moves the clock to
 * the located item's column; `points` drags a point of the input (or adds one).
 */
function wireDragging(canvas, currentPlayer) {
  let anchor = null;
  let target = 'query';
  const pick = (from, to) => {
    const [r0, r1] = [Math.min(from[0], to[0]), Math.max(from[0], to[0])];
    const [c0, c1] = [Math.min(from[1], to[1]), Math.max(from[1], to[1])];
    view.controls.set({ [target]: `${r0},${c0},${r1},${c1}` });
    return optionsChanged({ seekEnd: true });
  };
  const cellAt = (event) => {
    const player = currentPlayer();
    // Practising, a click on the picture answers the question (player/practice.js).
    if (!player || view.info.pointer === 'none' || practising()) return undefined;
    const bounds = canvas.getBoundingClientRect();
    return player.locate(event.clientX - bounds.left, event.clientY - bounds.top, bounds.width, bounds.height);
  };
  // `points`: the located point follows the pointer; the input text is rewritten and the
  // fit shown at its end. One rebuild at a time: moves during one keep only the latest.
  let rebuilding = false;
  /** @type {PointerEvent | null} */
  let latest = null;
  const dragPoint = async (/** @type {number} */ index, /** @type {PointerEvent} */ event) => {
    if (rebuilding) {
      latest = event;
      return;
    }
    rebuilding = true;
    try {
      const bounds = canvas.getBoundingClientRect();
      const text = currentPlayer()?.drag(index, event.clientX - bounds.left, event.clientY - bounds.top, bounds.width, bounds.height);
      if (text !== undefined) {
        /** @type {HTMLTextAreaElement} */ ($('input-text')).value = text;
        await rebuild({ seekEnd: true });
      }
    } finally {
      rebuilding = false;
    }
    const next = latest;
    latest = null;
    if (next && anchor) await dragPoint(anchor[1], next);
  };
  canvas.addEventListener('pointerdown', (event) => guarded(() => {
    const cell = cellAt(event);
    if (!cell) return;
    if (view.info.pointer === 'points') {
      anchor = cell;
      canvas.setPointerCapture(event.pointerId);
      transport.pause();
      return dragPoint(cell[1], event);
    }
    if (view.info.pointer === 'seek') {
      anchor = cell;
      canvas.setPointerCapture(event.pointerId);
      transport.pause();
      transport.seek(cell[1]);
      return undefined;
    }
    anchor = cell;
    target = view.widget?.cellsTarget?.(event) ?? 'query';
    canvas.setPointerCapture(event.pointerId);
    return pick(anchor, cell);
  }));
  canvas.addEventListener('pointermove', (event) => guarded(() => {
    if (!anchor) return;
    if (view.info.pointer === 'points') return dragPoint(anchor[1], event);
    const cell = cellAt(event);
    if (!cell) return;
    if (view.info.pointer === 'seek') {
      transport.seek(cell[1]);
      return undefined;
    }
    return pick(anchor, cell);
  }));
  const release = () => { anchor = null; };
  canvas.addEventListener('pointerup', release);
  canvas.addEventListener('pointercancel', release);
}

/** Dragging on the primary figure, and the tab the user navigates to (a link, the back button). */
export function wireTabs() {
  wireDragging($('primary-canvas'), () => view.primary);
  // The hash the user went to: the URL updater may have rewritten location.hash since.
  window.addEventListener('hashchange', (event) => guarded(() => selectAlgorithm(new URL(event.newURL).hash.slice(1))));
}
