// @ts-check
// Stepwise page: the entry the HTML loads. The page's modules are under page/: the controller
// wires them (controls and players, all on one transport: player/transport.js) around the
// shared state (view.js); the input and the engine (input.js), the tabs (tabs.js), the panels
// (panels.js), practice mode (practice-mode.js), the state in the address (url-state.js) and
// the DOM text (text.js) each have one. Everything about an algorithm comes from the catalogue
// (player/engine.js); an algorithm with a bespoke widget has `www/algorithms/<id>/` (see
// widget.js). User text only ever arrives through textContent.

import { main } from './page/controller.js';
import { onFailure } from './page/view.js';

// What was hidden shows once a frame has been laid out with its final content: shown in the
// same frame it changed, it would count as moving from where it was laid out while hidden.
main().catch(onFailure).finally(() => requestAnimationFrame(() => requestAnimationFrame(() =>
  document.documentElement.classList.remove('loading'))));
