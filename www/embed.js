// <stepwise-player>: a Stepwise animation in any page, with two lines of HTML.
//
//   <script type="module" src="https://…/stepwise/embed.js"></script>
//   <stepwise-player algorithm="next-greater" input="2 7 3 5 4 6 8"></stepwise-player>
//
// Attributes: algorithm, input, variant (space-separated option words or key=value pairs, e.g.
// "previous smaller" or "method=scan mode=iou"), step, from / to (lock to a step range),
// controls (full | minimal |
// none), autoplay, loop, speed (steps per second), theme (light | dark).
// The wasm loads relative to this file, once per page for every player; shadow DOM keeps the
// host's CSS out; each player sizes itself to its container and starts work only when visible.

const MODULE_URL = new URL('./pkg/stepwise.js', import.meta.url).href;
let engine = null;
let generation = 0;
const players = new Set();

/** One wasm instance for every player on the page (a fresh one after a panic). */
function loadEngine() {
  const url = generation === 0 ? MODULE_URL : `${MODULE_URL}?generation=${generation}`;
  engine ??= import(url).then(async (module) => {
    await module.default();
    return module;
  });
  return engine;
}

/**
 * A panic trapped instance `broken`: start a fresh one and rebuild every player on it. The panic
 * hook's event and the trapped call both report one panic; the second report finds the
 * generation already moved on and does nothing.
 */
function recover(broken) {
  if (broken !== generation) return;
  generation += 1;
  engine = null;
  for (const element of players) {
    element.player = null; // a handle into the dead instance: dropped, never called
    element.build();
  }
}

// The engine's panic hook announces a panic before the trapped call returns.
window.addEventListener('stepwise-panic', () => recover(generation));

/** Runs `action`; a trapped wasm call recovers every player instead of breaking the page. */
function guarded(action) {
  const current = generation;
  try {
    return action();
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) recover(current);
    else throw error;
    return undefined;
  }
}

const STYLE = `
:host { display: block; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f2933; background: #fff; border: 1px solid #dde2e8; border-radius: 10px; overflow: hidden; }
:host([theme="dark"]) { color: #e6edf3; background: #161b22; border-color: #2d3540; }
canvas { display: block; width: 100%; height: var(--stepwise-height, 300px); touch-action: manipulation; }
.bar { display: flex; align-items: center; gap: 8px; padding: 8px 12px; border-top: 1px solid #dde2e8; }
:host([theme="dark"]) .bar { border-color: #2d3540; }
button { min-width: 40px; min-height: 40px; border: 1px solid #dde2e8; border-radius: 8px; background: transparent;
  color: inherit; font: inherit; cursor: pointer; }
button:focus-visible, input:focus-visible { outline: 3px solid #e69f00; outline-offset: 2px; }
input[type=range] { flex: 1; min-width: 80px; accent-color: #0072b2; }
.count { font-variant-numeric: tabular-nums; color: #5f6b7a; min-width: 7ch; text-align: right; font-size: 12px; }
.narration { padding: 8px 12px 10px; min-height: 2.9em; border-top: 1px solid #dde2e8; }
:host([theme="dark"]) .narration { border-color: #2d3540; }
.error { padding: 12px; color: #b3261e; }
[hidden] { display: none !important; }
`;

let sheet = null;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
}

/** "previous smaller method=scan" → { previous: true, smaller: true, method: "scan" }. */
export function parseVariant(text) {
  const options = {};
  for (const word of (text ?? '').split(/\s+/).filter(Boolean)) {
    const [key, value] = word.split('=');
    if (value === undefined) options[key] = true;
    else if (value === 'true' || value === 'false') options[key] = value === 'true';
    else options[key] = value;
  }
  return options;
}

class StepwisePlayer extends HTMLElement {
  static get observedAttributes() {
    return ['algorithm', 'input', 'variant', 'step', 'from', 'to', 'controls', 'theme', 'speed'];
  }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'Stepwise animation (loads when scrolled into view)');
    this.bar = document.createElement('div');
    this.bar.className = 'bar';
    const button = (label, text, action) => {
      const element = document.createElement('button');
      element.type = 'button';
      element.setAttribute('aria-label', label);
      element.textContent = text;
      element.addEventListener('click', action);
      return element;
    };
    this.backButton = button('Step back', '‹', () => this.step(-1));
    this.playButton = button('Play', '▶', () => this.toggle());
    this.forwardButton = button('Step forward', '›', () => this.step(1));
    this.scrubber = document.createElement('input');
    this.scrubber.type = 'range';
    this.scrubber.setAttribute('aria-label', 'Step');
    this.scrubber.addEventListener('input', () => this.seek(Number(this.scrubber.value)));
    this.count = document.createElement('span');
    this.count.className = 'count';
    this.bar.append(this.backButton, this.playButton, this.forwardButton, this.scrubber, this.count);
    this.narration = document.createElement('div');
    this.narration.className = 'narration';
    this.narration.setAttribute('aria-live', 'polite');
    this.message = document.createElement('div');
    this.message.className = 'error';
    this.message.setAttribute('role', 'alert');
    this.message.hidden = true;
    root.append(this.canvas, this.bar, this.narration, this.message);
    this.player = null;
    this.playing = false;
    this.visible = false;
    this.position = 0;
    this.addEventListener('keydown', (event) => this.onKey(event));
  }

  connectedCallback() {
    players.add(this);
    // Focusable for its keys; set here, since a constructor may not add attributes.
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    this.resizeObserver = new ResizeObserver(() => this.draw());
    this.resizeObserver.observe(this);
    // Start work only when scrolled into view.
    this.intersectionObserver = new IntersectionObserver((entries) => {
      this.visible = entries.some((entry) => entry.isIntersecting);
      if (this.visible && !this.player && !this.building) this.build();
      if (this.visible && this.playing) this.tick();
    });
    this.intersectionObserver.observe(this);
  }

  disconnectedCallback() {
    players.delete(this);
    this.resizeObserver?.disconnect();
    this.intersectionObserver?.disconnect();
    this.playing = false;
    this.player?.free();
    this.player = null;
  }

  attributeChangedCallback(name) {
    if (!this.player) return;
    if (['algorithm', 'input', 'variant'].includes(name)) this.build();
    else if (name === 'theme') {
      this.player.setTheme(this.theme);
      this.draw();
    } else if (name === 'controls') this.layout();
    else if (name === 'step' || name === 'from' || name === 'to') this.seek(this.initialStep());
  }

  get theme() {
    return this.getAttribute('theme') === 'dark' ? 'dark' : 'light';
  }

  /** The locked range [from, to] within 0..len. */
  range() {
    const length = this.player?.len ?? 0;
    const whole = (name, fallback) => {
      const value = Number(this.getAttribute(name));
      return this.hasAttribute(name) && Number.isFinite(value) ? Math.max(0, Math.min(length, Math.floor(value))) : fallback;
    };
    const from = whole('from', 0);
    return [from, Math.max(from, whole('to', length))];
  }

  initialStep() {
    const [from, to] = this.range();
    const step = Number(this.getAttribute('step'));
    return this.hasAttribute('step') && Number.isFinite(step) ? Math.max(from, Math.min(to, step)) : from;
  }

  async build() {
    this.building = true;
    try {
      const stepwise = await loadEngine();
      const player = new stepwise.Player(
        this.getAttribute('algorithm') ?? 'next-greater',
        this.getAttribute('input') ?? '',
        parseVariant(this.getAttribute('variant')),
      );
      this.player?.free();
      this.player = player;
      player.setTheme(this.theme);
      this.message.hidden = true;
      this.canvas.setAttribute('aria-label', `Animation of ${player.algorithm}`);
      this.layout();
      this.seek(this.initialStep());
      if (this.hasAttribute('autoplay')) this.play();
    } catch (error) {
      this.message.textContent = `Stepwise: ${error.message ?? error}`;
      this.message.hidden = false;
    } finally {
      this.building = false;
    }
  }

  layout() {
    const controls = this.getAttribute('controls') ?? 'full';
    this.bar.hidden = controls === 'none';
    this.scrubber.hidden = controls === 'minimal';
    this.count.hidden = controls === 'minimal';
    this.narration.hidden = controls === 'none';
  }

  seek(position) {
    if (!this.player) return;
    guarded(() => this.seekNow(position));
  }

  seekNow(position) {
    const [from, to] = this.range();
    this.position = Math.max(from, Math.min(to, position));
    this.player.seek(this.position);
    this.scrubber.min = String(from);
    this.scrubber.max = String(to);
    this.scrubber.value = String(this.position);
    this.count.textContent = `${this.position} / ${to}`;
    this.narration.textContent = this.player.narration();
    this.dataset.position = String(this.position);
    this.draw();
  }

  step(delta) {
    this.pause();
    this.seek(this.position + delta);
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  play() {
    if (!this.player) return;
    const [from, to] = this.range();
    if (this.position >= to) this.seek(from);
    this.playing = true;
    this.playButton.textContent = '❚❚';
    this.playButton.setAttribute('aria-label', 'Pause');
    this.last = performance.now();
    this.carry = 0;
    this.tick();
  }

  pause() {
    this.playing = false;
    this.playButton.textContent = '▶';
    this.playButton.setAttribute('aria-label', 'Play');
  }

  tick() {
    if (this.ticking) return;
    this.ticking = true;
    requestAnimationFrame((now) => {
      this.ticking = false;
      if (!this.playing || !this.visible || !this.player) return;
      const speed = Math.max(0.1, Number(this.getAttribute('speed')) || 2);
      this.carry += ((now - this.last) / 1000) * speed;
      this.last = now;
      const steps = Math.floor(this.carry);
      this.carry -= steps;
      const [from, to] = this.range();
      if (steps > 0) {
        if (this.position + steps > to) {
          if (this.hasAttribute('loop')) this.seek(from);
          else {
            this.seek(to);
            this.pause();
            return;
          }
        } else this.seek(this.position + steps);
      }
      this.tick();
    });
  }

  draw() {
    if (!this.player) return;
    guarded(() => this.drawNow());
  }

  drawNow() {
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    if (!width || !height) return;
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    this.player.draw(this.canvas.getContext('2d'), width, height);
  }

  onKey(event) {
    const actions = { ' ': () => this.toggle(), ArrowRight: () => this.step(1), ArrowLeft: () => this.step(-1),
      Home: () => this.seek(this.range()[0]), End: () => this.seek(this.range()[1]) };
    const action = actions[event.key];
    if (!action || event.target !== this) return;
    event.preventDefault();
    action();
  }
}

if (!customElements.get('stepwise-player')) customElements.define('stepwise-player', StepwisePlayer);
