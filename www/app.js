// @ts-check
// Stepwise page: the entry the HTML loads. The page is three modules under page/: the
// controller (controls, players, tabs, panels, all on one transport: player/transport.js),
// the state in the address (url-state.js) and the DOM text (text.js). Everything about an
// algorithm comes from the catalogue (player/engine.js); an algorithm with a bespoke widget
// has `www/algorithms/<id>/` (see widget.js). User text only ever arrives through textContent.

import { main, onFailure } from './page/controller.js';

// What was hidden shows once a frame has been laid out with its final content: shown in the
// same frame it changed, it would count as moving from where it was laid out while hidden.
main().catch(onFailure).finally(() => requestAnimationFrame(() => requestAnimationFrame(() =>
  document.documentElement.classList.remove('loading'))));
