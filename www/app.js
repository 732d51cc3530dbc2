// Stepwise page: wires the controls to one or two Players that share one step clock.
// All heavy work happens in Rust; this file only reads controls, calls the Player, and paints.
// User text is only ever inserted with textContent, never as HTML.

import { PAGES, pickRectangle, edgeCase } from './pages.js';
import { encodeState, decodeState, collectControls, applyControls } from './share.js';
import { pageEngine } from './player/engine.js';
import { Clock, Motion, STEP_MOTION_MS } from './player/clock.js';
import { paint } from './player/canvas.js';
import { keyAction } from './player/keys.js';

const DEFAULT_ALGORITHM = 'next-greater';
const SPEEDS = [
  { label: '1 step/s', perSecond: 1 },
  { label: '2 steps/s', perSecond: 2 },
  { label: '4 steps/s', perSecond: 4 },
  { label: '10 steps/s', perSecond: 10 },
  { label: '30 steps/s', perSecond: 30 },
  { label: '1 step/frame', perFrame: 1 },
  { label: '4 steps/frame', perFrame: 4 },
  { label: '16 steps/frame', perFrame: 16 },
  { label: '64 steps/frame', perFrame: 64 },
  { label: '256 steps/frame', perFrame: 256 },
  { label: '1024 steps/frame', perFrame: 1024 },
];
const DEFAULT_SPEED = 2;
const INPUT_DEBOUNCE_MS = 350;

const $ = (id) => document.getElementById(id);
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

/** The engine (shared with any <stepwise-player> on the page) and its current module. */
const engine = pageEngine();
let stepwise = null;
/** The reload in progress after a panic, shared by every action that needs the engine. */
let reloading = null;

const view = {
  primary: null,     // Player running the algorithm's first (fast) method
  others: [],        // the other methods: { method, player, figure, canvas, counters, message, narration, code }
  position: 0,       // the shared step clock
  playing: false,
  speed: DEFAULT_SPEED,
  clock: new Clock(SPEEDS[DEFAULT_SPEED]),
  motion: new Motion(),
  theme: 'light',
  algorithm: DEFAULT_ALGORITHM,
  hooks: {},         // per-algorithm page helpers returned by PAGES[id].wire
  info: null,        // the registry entry of the current algorithm
  infos: [],         // every registry entry
};

const page = () => PAGES[view.algorithm];

// Quiz, video export and image mode load on first use: they are not part of the first page load.
let quizModule = null;
function quiz() {
  quizModule ??= import('./quiz.js').then(({ createQuiz }) => createQuiz({
    $,
    getPlayer: () => view.primary,
    getPosition: () => view.position,
    advance: () => guarded(() => seekAll(view.position + 1, { animate: true })),
  }));
  return quizModule;
}

let imageModule = null;
function imageMode() {
  imageModule ??= import('./image-mode.js').then(({ createImageMode }) => createImageMode({
    run: (action) => guarded(() => withEngine(action)),
    getTheme: () => view.theme,
    onFailure: (error) => onFailure(error),
  }));
  return imageModule;
}

/** Calls `action` with image mode when the summed-area page shows it. */
function withImageMode(action) {
  if (view.algorithm === 'summed-area') imageMode().then(action).catch(onFailure);
}

/** Runs `action` against the engine, restarting it first if a panic broke it. */
async function withEngine(action) {
  if (engine.broken) {
    reloading ??= (async () => {
      stepwise = await engine.load();
      // Handles into the trapped instance are dead: drop them without calling into it.
      view.primary = null;
      for (const other of view.others) other.player = null;
      imageModule?.then((mode) => mode.reset());
      // The page's own animation comes back at the step it was on.
      await rebuild({ keepPosition: true });
    })().finally(() => { reloading = null; });
    await reloading;
    const result = await action(stepwise);
    withImageMode((mode) => mode.show());
    return result;
  }
  return action(stepwise);
}

/** The banner for a panic (the engine restarts on the next action) or a JS-side failure. */
function showPanic(message) {
  view.playing = false;
  $('panic-message').textContent = message;
  $('panic-banner').hidden = false;
  updatePlayButton();
}

// ---------------------------------------------------------------- options and input

/** Converts a byte offset in the UTF-8 text (as Rust reports it) to a JS string index. */
function byteToIndex(text, byteOffset) {
  let bytes = 0;
  let index = 0;
  for (const character of text) {
    if (bytes >= byteOffset) break;
    bytes += new TextEncoder().encode(character).length;
    index += character.length;
  }
  return index;
}

function showInputError(error, text) {
  const box = $('input-error');
  box.textContent = error.message;
  box.hidden = false;
  const area = $('input-text');
  area.setAttribute('aria-invalid', 'true');
  if (typeof error.start === 'number' && document.activeElement !== area) {
    area.setSelectionRange(byteToIndex(text, error.start), byteToIndex(text, error.end));
  }
}

function showRectError(message) {
  const box = $('rect-error');
  box.textContent = message;
  box.hidden = !message;
}

function clearInputError() {
  $('input-error').hidden = true;
  $('input-text').removeAttribute('aria-invalid');
}

/** The most input text the engine reads (its own limit, checked here before any copying). */
const MAX_INPUT_CHARACTERS = 1 << 20;

/**
 * ROC samples kept in wasm memory in place of the text box: how the page animates up to
 * 2,000,000 samples (a big CSV file or the generator) without a megabyte-long textarea or a
 * text round trip. `{ label, source: 'generated' | 'file', controls, make(stepwise, options) →
 * Samples }` (`controls`: what a link needs to make them again), plus the handle made from it
 * (made again after an engine restart, or for a file when the positive class changes). In use
 * while the text box is empty; typing text there replaces it.
 */
let resident = null;

/** Frees the handle of `samples` (resident samples), unless it died with a restarted engine. */
function freeHandle(samples) {
  if (samples?.handle && samples.generation === engine.generation && !engine.broken) samples.handle.free();
  if (samples) samples.handle = null;
}

/** Forgets the resident samples: the text box is the input again. */
function dropResident() {
  if (!resident) return;
  freeHandle(resident);
  resident = null;
  $('input-text').placeholder = '';
}

/** Lets the browser paint (a status line) before a long task; at once in a background tab. */
function paintFirst() {
  if (document.hidden) return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Animates `next` resident samples (see `resident`), saying so first: 10^6 take a moment. If
 * they are refused (a bad line, too many samples) the message shows and the input stays as it
 * was. Resolves to whether they were taken.
 */
async function setResident(next) {
  toast(`Preparing ${next.label}…`);
  await paintFirst();
  const previous = { resident, text: $('input-text').value, placeholder: $('input-text').placeholder };
  const restore = () => {
    resident = previous.resident;
    $('input-text').value = previous.text;
    $('input-text').placeholder = previous.placeholder;
  };
  resident = { ...next, handle: null, key: null, generation: -1 };
  $('input-text').value = '';
  $('input-text').placeholder = `${next.label} are held in wasm memory, not in this box. Type or paste CSV here to use your own instead.`;
  let built;
  try {
    built = await rebuild();
  } catch (error) {
    restore(); // a trap: the handles died with the engine, which restarts
    throw error;
  } finally {
    $('toast').hidden = true;
  }
  if (built) {
    freeHandle(previous.resident);
  } else {
    freeHandle(resident);
    restore();
  }
  return built;
}

/** The resident samples' handle in the current engine, made on first use. */
function residentSamples(stepwise, options) {
  const key = `${engine.generation}|${resident.source === 'file' ? options.positive ?? '' : ''}`;
  if (resident.key !== key) {
    freeHandle(resident);
    resident.handle = resident.make(stepwise, options);
    resident.key = key;
    resident.generation = engine.generation;
  }
  return resident.handle;
}

/**
 * Builds new players from the input; on bad input keeps the old ones and says why. Resolves to
 * whether the new players were built.
 */
async function rebuild({ keepPosition = false, seekEnd = false } = {}) {
  const text = $('input-text').value;
  if (text !== '' || view.algorithm !== 'roc') dropResident();
  if (text.length > MAX_INPUT_CHARACTERS) {
    const count = (value) => value.toLocaleString('en-US');
    showInputError({ message: `The input is ${count(text.length)} characters long; the limit is ${count(MAX_INPUT_CHARACTERS)}.` }, '');
    return false;
  }
  const options = page().options();
  const primaryMethod = view.info.methods[0].id;
  return withEngine((stepwise) => {
    let primary;
    try {
      primary = resident
        ? stepwise.Player.fromSamples(residentSamples(stepwise, options), { ...options, method: primaryMethod })
        : new stepwise.Player(view.algorithm, text, { ...options, method: primaryMethod });
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) throw error;
      if (error.field?.startsWith('rectangle')) {
        showRectError(error.message);
      } else {
        showInputError(error, text);
      }
      return false;
    }
    clearInputError();
    showRectError('');
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
    let target = keepPosition ? Math.min(view.position, totalSteps()) : 0;
    if (seekEnd) target = view.primary.len;
    seekAll(target, { animate: false });
    view.hooks[view.algorithm]?.afterRebuild?.(view.primary);
    if (!$('quiz').hidden) quiz().then((questions) => questions.ask());
    return true;
  });
}

function fillCode(list, lines) {
  list.replaceChildren(...lines.map((line) => {
    const item = document.createElement('li');
    item.textContent = line;
    return item;
  }));
}

// ---------------------------------------------------------------- the shared clock

function players() {
  return [view.primary, ...view.others.map((other) => other.player)].filter(Boolean);
}

function totalSteps() {
  return Math.max(0, ...players().map((player) => player.len));
}

/** Moves every player to the clock position (each stops at its own end). */
function seekAll(position, { animate }) {
  view.position = Math.max(0, Math.min(position, totalSteps()));
  const single = players().some((player) => Math.abs(player.position - Math.min(view.position, player.len)) === 1);
  for (const player of players()) player.seek(Math.min(view.position, player.len));
  const motion = animate === true ? STEP_MOTION_MS : animate || 0;
  view.motion.begin(performance.now(), single && !reducedMotion.matches ? motion : 0);
  updateText();
  requestDraw();
  scheduleUrlUpdate();
  if (!$('embed-panel').hidden) updateEmbedSnippets();
}

/** The controls that shape the current algorithm's run (its variant panel and the compare switch). */
function controlRoot() {
  return document.querySelector(`.panel [data-for="${view.algorithm}"]`) ?? document.createElement('div');
}

function currentControls() {
  const controls = { ...collectControls(controlRoot()), compare: $('compare').checked };
  // Generated samples come back from the settings they were made with; a file's cannot travel
  // in a link.
  if (resident) Object.assign(controls, resident.controls, { samples: resident.source });
  return controls;
}

let urlTimer = 0;

/** What a link holds: the algorithm, its input and controls, the step, the speed, the theme. */
function linkState() {
  return {
    algorithm: view.algorithm,
    input: $('input-text').value,
    controls: currentControls(),
    step: view.position,
    speed: view.speed,
    theme: view.theme,
  };
}

/** Keeps the URL in step with the page, so reloading or sharing lands on the same frame. */
function scheduleUrlUpdate() {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(async () => {
    try {
      const query = await encodeState(linkState());
      history.replaceState(null, '', `?${query}#${view.algorithm}`);
    } catch (error) {
      console.warn('could not write the state into the URL', error);
    }
  }, 250);
}

async function shareLink() {
  clearTimeout(urlTimer);
  const query = await encodeState(linkState());
  const url = `${location.origin}${location.pathname}?${query}#${view.algorithm}`;
  history.replaceState(null, '', url);
  try {
    await navigator.clipboard.writeText(url);
    toast('Link copied: it opens this exact step.');
  } catch {
    toast('The link is in the address bar: copy it from there.');
  }
}

function toast(message) {
  const element = $('toast');
  element.textContent = message;
  element.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { element.hidden = true; }, 3000);
}

/** Downloads `blob` as `name` (made in the browser: nothing goes to a server). */
function download(blob, name) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function exportName(extension) {
  return `stepwise-${view.algorithm}-step-${view.position}.${extension}`;
}

function exportSvg() {
  const canvas = $('primary-canvas');
  const svg = view.primary.svg(canvas.clientWidth, canvas.clientHeight);
  download(new Blob([svg], { type: 'image/svg+xml' }), exportName('svg'));
}

function exportPng() {
  const canvas = $('primary-canvas');
  paint(view.primary, canvas, 1);
  canvas.toBlob((blob) => blob && download(blob, exportName('png')), 'image/png');
}

/** The player's options as the words of an embed's `variant` attribute. */
function variantWords() {
  return Object.entries(page().options())
    .filter(([, value]) => value !== false && value !== '')
    .map(([key, value]) => (value === true ? key : `${key}=${String(value).trim().replace(/[\s,]+/g, ',')}`))
    .join(' ');
}

function escapeAttribute(text) {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('\n', '&#10;');
}

function updateEmbedSnippets() {
  if (resident) {
    const why = `${resident.label} live in this page's memory; an embed carries its input as text. Generate 20,000 samples or fewer (or paste CSV) to embed this animation.`;
    $('embed-snippet').value = why;
    $('iframe-snippet').value = why;
    return;
  }
  const base = new URL('./', location.href).href;
  const input = $('input-text').value;
  const variant = variantWords();
  const attributes = [`algorithm="${view.algorithm}"`, `input="${escapeAttribute(input)}"`];
  if (variant) attributes.push(`variant="${escapeAttribute(variant)}"`);
  if (view.position > 0) attributes.push(`step="${view.position}"`);
  $('embed-snippet').value = `<script type="module" src="${base}embed.js"></script>\n<stepwise-player ${attributes.join(' ')}></stepwise-player>`;
  const query = new URLSearchParams({ algorithm: view.algorithm, input, step: String(view.position) });
  if (variant) query.set('variant', variant);
  $('iframe-snippet').value = `<iframe src="${base}embed.html?${query}" width="720" height="480" style="border:0" loading="lazy" title="Stepwise animation"></iframe>`;
}

function toggleEmbed() {
  const panel = $('embed-panel');
  panel.hidden = !panel.hidden;
  $('embed-toggle').setAttribute('aria-expanded', String(!panel.hidden));
  if (!panel.hidden) updateEmbedSnippets();
}

/** Presenter mode: full screen, large type, controls by keyboard or a clicker. */
function togglePresenter(on = !document.body.classList.contains('presenting')) {
  document.body.classList.toggle('presenting', on);
  if (on && document.documentElement.requestFullscreen && !document.fullscreenElement) {
    document.documentElement.requestFullscreen().catch(() => {});
  } else if (!on && document.fullscreenElement) {
    document.exitFullscreen().catch(() => {});
  }
  requestDraw();
}

let recordingModule = null;
function recording() {
  recordingModule ??= import('./record.js').then(({ createRecording }) => createRecording({
    screenSize: () => [$('primary-canvas').clientWidth, $('primary-canvas').clientHeight],
    total: totalSteps,
    draw: (position, context, width, height) => {
      seekAll(position, { animate: false });
      view.primary.draw(context, width, height);
    },
    position: {
      get: () => view.position,
      set: (position) => seekAll(position, { animate: false }),
    },
    download,
    name: exportName,
    onFailure: (error) => console.warn(error),
  }));
  return recordingModule;
}

let typedStep = '';

function step(delta) {
  guarded(() => seekAll(view.position + delta, { animate: true }));
}

function togglePlay() {
  guarded(() => {
    if (!view.primary) return;
    if (!view.playing && view.position >= totalSteps()) seekAll(0, { animate: false });
    view.playing = !view.playing;
    view.clock.start(performance.now());
    updatePlayButton();
    requestDraw();
  });
}

const PLAY_ICON = 'M7 5v14l12-7z';
const PAUSE_ICON = 'M6 5h4v14H6zM14 5h4v14h-4z';

function updatePlayButton() {
  const button = $('play');
  button.querySelector('path').setAttribute('d', view.playing ? PAUSE_ICON : PLAY_ICON);
  button.setAttribute('aria-label', view.playing ? 'Pause (Space)' : 'Play (Space)');
}

// ---------------------------------------------------------------- drawing

let drawRequested = false;

function requestDraw() {
  if (!drawRequested) {
    drawRequested = true;
    requestAnimationFrame(frame);
  }
}

function frame(now) {
  drawRequested = false;
  guarded(() => {
    if (view.playing) advance(now);
    const progress = view.motion.progress(now);
    paint(view.primary, $('primary-canvas'), progress);
    for (const other of view.others) paint(other.player, other.canvas, progress);
    if (progress < 1 || view.playing) requestDraw();
  });
}

function advance(now) {
  const steps = view.clock.tick(now);
  if (steps === 0) return;
  seekAll(view.position + steps, { animate: view.clock.motionMs() || false });
  if (view.position >= totalSteps()) {
    view.playing = false;
    updatePlayButton();
  }
}

function updateText() {
  const primary = view.primary;
  if (!primary) return;
  $('narration').textContent = primary.narration();
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
  const total = totalSteps();
  const scrubber = $('scrubber');
  scrubber.max = String(total);
  scrubber.value = String(view.position);
  $('step-count').textContent = `${view.position.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`;
}

function highlight(list, line) {
  list.querySelectorAll('li').forEach((item, index) => {
    const active = index === line;
    item.classList.toggle('active', active);
    if (active) item.setAttribute('aria-current', 'step');
    else item.removeAttribute('aria-current');
  });
}

function showCounters(element, counters) {
  element.replaceChildren(...counters.map(({ name, value }) => {
    const counter = document.createElement('span');
    counter.dataset.counter = name;
    const figure = document.createElement('b');
    figure.textContent = value.toLocaleString('en-US');
    counter.append(figure, ` ${name}`);
    return counter;
  }));
}

// ---------------------------------------------------------------- resilience

/** Runs `action`; a panic (a trapped wasm call) shows the banner instead of freezing the page. */
function guarded(action) {
  try {
    const result = action();
    if (result instanceof Promise) result.catch(onFailure);
  } catch (error) {
    onFailure(error);
  }
}

function onFailure(error) {
  if (error instanceof WebAssembly.RuntimeError) {
    engine.trap(error.message);
  } else {
    // A JS-side failure (a canvas that cannot be created, say): report it, keep the engine.
    console.error(error);
    showPanic(String(error?.message ?? error));
  }
}

// ---------------------------------------------------------------- controls

function setTheme(theme) {
  view.theme = theme;
  document.documentElement.dataset.theme = theme;
  const toggle = $('theme-toggle');
  toggle.textContent = theme === 'dark' ? 'Light' : 'Dark';
  toggle.setAttribute('aria-label', theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme');
  for (const player of players()) player.setTheme(theme);
  requestDraw();
  withImageMode((mode) => mode.draw());
}

function fillStaticControls() {
  const speed = $('speed');
  speed.replaceChildren(...SPEEDS.map((entry, index) => new Option(entry.label, String(index))));
  speed.value = String(DEFAULT_SPEED);
  $('algorithm-tabs').replaceChildren(...view.infos.map((algorithm) => {
    const tab = document.createElement('a');
    tab.href = `#${algorithm.id}`;
    tab.dataset.algorithm = algorithm.id;
    tab.textContent = algorithm.title;
    return tab;
  }));
}

/** Shows the controls of `id` and starts on its example, or on a state restored from a link. */
async function selectAlgorithm(id, restored = null) {
  view.algorithm = PAGES[id] && view.infos.some((info) => info.id === id) ? id : DEFAULT_ALGORITHM;
  view.info = view.infos.find((info) => info.id === view.algorithm);
  view.playing = false;
  updatePlayButton();
  const info = view.info;
  const config = page();
  for (const tab of $('algorithm-tabs').children) {
    if (tab.dataset.algorithm === view.algorithm) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  for (const element of document.querySelectorAll('[data-for]')) {
    element.hidden = element.dataset.for !== view.algorithm;
  }
  $('algorithm-title').textContent = info.title;
  document.title = `Stepwise — ${info.title}, step by step`;
  $('algorithm-lede').textContent = config.lede;
  $('input-label').textContent = config.inputLabel;
  $('input-text').rows = config.inputRows;
  $('random-size-label').textContent = config.randomLabel;
  $('compare-label').textContent = config.compareLabel;
  $('compare-row').hidden = info.methods.length < 2;
  $('input-help').textContent = info.inputHelp;
  $('primary-title').textContent = info.methods[0].title;
  createOtherFigures(info.methods.slice(1));
  $('primary-hint').textContent = config.hint ?? '';
  $('primary-hint').hidden = !config.hint;
  $('players').dataset.layout = config.stacked ? 'stacked' : '';
  $('players').dataset.size = config.compact ? 'compact' : config.tall ? 'tall' : '';
  const preset = $('preset');
  preset.replaceChildren(new Option('Choose…', ''), ...info.presets.map((entry) => new Option(entry.name, entry.text)));
  $('input-text').value = info.example;
  $('rect-a').value = '';
  $('rect-b').value = '';
  let regenerate = null;
  if (restored) {
    $('input-text').value = restored.input;
    applyControls(controlRoot(), restored.controls);
    if (typeof restored.controls.compare === 'boolean') $('compare').checked = restored.controls.compare;
    if (restored.controls.samples === 'generated') regenerate = view.hooks[view.algorithm]?.regenerate;
    if (restored.controls.samples === 'file') {
      $('input-text').value = info.example;
      toast('This link was made from a CSV file, which stays on its owner\'s device: here is the example instead.');
    }
  }
  updateIouRows();
  if (regenerate) await withEngine(regenerate);
  else await rebuild();
  if (restored?.step) seekAll(restored.step, { animate: false });
  withImageMode((mode) => mode.show());
}

/** One figure (and pseudocode block) per method after the first, from the template. */
function createOtherFigures(methods) {
  for (const other of view.others) {
    other.player?.free();
    other.figure.remove();
  }
  $('other-code').replaceChildren();
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

function updateIouRows() {
  const iou = document.querySelector('input[name="mode"]:checked').value === 'iou';
  for (const element of document.querySelectorAll('[data-iou]')) element.hidden = !iou;
}

/** Drag on a matrix: rebuild with the rectangle between the press and the pointer. */
function wireDragging(canvas, currentPlayer) {
  let anchor = null;
  let second = false;
  const cellAt = (event) => {
    const player = currentPlayer();
    if (!player || !page().draggable) return undefined;
    const bounds = canvas.getBoundingClientRect();
    return player.locate(event.clientX - bounds.left, event.clientY - bounds.top, bounds.width, bounds.height);
  };
  canvas.addEventListener('pointerdown', (event) => guarded(() => {
    const cell = cellAt(event);
    if (!cell) return;
    if (page().draggable === 'seek') {
      anchor = cell;
      canvas.setPointerCapture(event.pointerId);
      view.playing = false;
      updatePlayButton();
      seekAll(cell[1], { animate: false });
      return undefined;
    }
    anchor = cell;
    const iou = document.querySelector('input[name="mode"]:checked').value === 'iou';
    const dragsB = document.querySelector('input[name="drag-target"]:checked').value === 'b';
    second = iou && (event.shiftKey || dragsB);
    canvas.setPointerCapture(event.pointerId);
    pickRectangle(anchor, cell, second);
    return rebuild({ seekEnd: true });
  }));
  canvas.addEventListener('pointermove', (event) => guarded(() => {
    if (!anchor) return;
    const cell = cellAt(event);
    if (!cell) return;
    if (page().draggable === 'seek') {
      seekAll(cell[1], { animate: false });
      return undefined;
    }
    pickRectangle(anchor, cell, second);
    return rebuild({ seekEnd: true });
  }));
  const release = () => { anchor = null; };
  canvas.addEventListener('pointerup', release);
  canvas.addEventListener('pointercancel', release);
}

function wireControls() {
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
  for (const [id, config] of Object.entries(PAGES)) {
    for (const input of document.querySelectorAll(config.controls)) {
      const keepPosition = config.keepsPosition.includes(input.name);
      input.addEventListener('change', () => guarded(() => {
        if (view.algorithm !== id) return undefined;
        updateIouRows();
        return rebuild({ keepPosition });
      }));
    }
  }
  $('compare').addEventListener('change', () => guarded(() => rebuild()));
  for (const box of [$('rect-a'), $('rect-b')]) {
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') guarded(() => rebuild({ seekEnd: true }));
    });
    box.addEventListener('change', () => guarded(() => rebuild({ seekEnd: true })));
  }
  for (const button of document.querySelectorAll('[data-case]')) {
    button.addEventListener('click', () => guarded(() => {
      const state = view.primary?.state();
      if (!state || state.rows === 0) return undefined;
      const placed = edgeCase(button.dataset.case, state.rows, state.columns, $('rect-a').value);
      if (!placed) {
        showRectError(`No room in the ${state.rows}×${state.columns} matrix for a B that is ${button.textContent} A: make A smaller first.`);
        return undefined;
      }
      $('rect-a').value = placed.a;
      $('rect-b').value = placed.b;
      return rebuild({ seekEnd: true });
    }));
  }
  wireDragging($('primary-canvas'), () => view.primary);
  for (const [id, config] of Object.entries(PAGES)) {
    view.hooks[id] = config.wire?.({
      run: (action) => guarded(() => withEngine(action)),
      setInput: (text) => {
        $('input-text').value = text;
        return rebuild();
      },
      setResident,
      isResident: () => resident !== null,
      reportError: (message) => showInputError({ message }, ''),
    });
  }
  window.addEventListener('hashchange', () => guarded(() => selectAlgorithm(location.hash.slice(1))));
  $('play').addEventListener('click', togglePlay);
  $('step-forward').addEventListener('click', () => step(1));
  $('step-back').addEventListener('click', () => step(-1));
  $('to-start').addEventListener('click', () => guarded(() => seekAll(0, { animate: false })));
  $('to-end').addEventListener('click', () => guarded(() => seekAll(totalSteps(), { animate: false })));
  $('scrubber').addEventListener('input', (event) => guarded(() => seekAll(Number(event.target.value), { animate: false })));
  $('speed').addEventListener('change', (event) => {
    view.speed = Number(event.target.value);
    view.clock.setSpeed(SPEEDS[view.speed]);
    scheduleUrlUpdate();
  });
  $('theme-toggle').addEventListener('click', () => {
    setTheme(view.theme === 'dark' ? 'light' : 'dark');
    scheduleUrlUpdate();
  });
  $('share').addEventListener('click', () => guarded(shareLink));
  $('export-svg').addEventListener('click', () => guarded(exportSvg));
  $('export-png').addEventListener('click', () => guarded(exportPng));
  $('embed-toggle').addEventListener('click', () => guarded(toggleEmbed));
  $('present').addEventListener('click', () => togglePresenter());
  $('quiz-toggle').addEventListener('click', () => quiz().then((questions) => questions.toggle()).catch(onFailure));
  $('record-toggle').addEventListener('click', () => recording().then((panel) => panel.toggle()).catch(onFailure));
  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement) togglePresenter(false);
  });
  $('panic-dismiss').addEventListener('click', () => { $('panic-banner').hidden = true; });
  document.addEventListener('keydown', onKey);
  new ResizeObserver(() => requestDraw()).observe($('players'));
  new ResizeObserver(() => withImageMode((mode) => mode.draw())).observe($('image-canvas'));
  engine.addEventListener('panic', (event) => showPanic(String(event.detail)));
}

function onKey(event) {
  const target = event.target;
  const typing = target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
    || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'range', 'button'].includes(target.type));
  if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
  // A number then Enter jumps to that step (presenters type it on the keyboard).
  if (/^[0-9]$/.test(event.key)) {
    typedStep += event.key;
    toast(`Go to step ${typedStep}… (Enter)`);
    return;
  }
  if (event.key === 'Enter' && typedStep) {
    const target = Number(typedStep);
    typedStep = '';
    guarded(() => seekAll(target, { animate: false }));
    return;
  }
  typedStep = '';
  const actions = {
    toggle: togglePlay,
    forward: () => step(1),
    back: () => step(-1),
    start: () => guarded(() => seekAll(0, { animate: false })),
    end: () => guarded(() => seekAll(totalSteps(), { animate: false })),
  };
  const action = event.key === 'Escape' ? () => togglePresenter(false) : actions[keyAction(event)];
  if (!action) return;
  // The scrubber handles arrows itself; everywhere else the keys drive the clock.
  if (target === $('scrubber') && event.key !== ' ') return;
  event.preventDefault();
  action();
}

async function main() {
  setTheme(window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  // The lede before the engine loads, so the first paint does not shift when it arrives
  // (index.html carries the default algorithm's lede for the same reason).
  const linked = location.hash.slice(1);
  $('algorithm-lede').textContent = (Object.hasOwn(PAGES, linked) ? PAGES[linked] : PAGES[DEFAULT_ALGORITHM]).lede;
  stepwise = await engine.load();
  view.infos = stepwise.algorithms();
  fillStaticControls();
  wireControls();
  let restored = null;
  let linkProblem = '';
  try {
    restored = await decodeState(location.search);
  } catch (error) {
    linkProblem = `This link could not be read (${error.message}); here is the example instead.`;
  }
  if (restored) {
    if (restored.theme) setTheme(restored.theme);
    if (restored.speed !== undefined && restored.speed < SPEEDS.length) {
      view.speed = restored.speed;
      $('speed').value = String(restored.speed);
    }
    if (!view.infos.some((info) => info.id === restored.algorithm)) {
      linkProblem = `This link names an unknown algorithm '${restored.algorithm.slice(0, 40)}'; here is the default instead.`;
      restored = null;
    }
  }
  await selectAlgorithm(restored?.algorithm ?? (location.hash.slice(1) || DEFAULT_ALGORITHM), restored);
  if (restored && !$('input-error').hidden) {
    linkProblem = `The input in this link was refused (${$('input-error').textContent}); here is the example instead.`;
    await selectAlgorithm(restored.algorithm);
  }
  if (linkProblem) showInputError({ message: linkProblem }, '');
  document.body.dataset.ready = 'true';
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('sw.js').catch((error) => console.warn('offline mode unavailable:', error));
  }
}

main().catch(onFailure).finally(() => document.documentElement.classList.remove('loading'));
