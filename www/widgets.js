// @ts-check
// The algorithms' bespoke widgets (`www/algorithms/<id>/widget.js`, see widget.js): made when
// their tab first opens, each in containers of its own, reset after an engine restart. (The
// service worker caches every tab's module and widget for offline use: sw.js.)

import { el } from './dom.js';
import { WIDGETS } from './pkg/widgets.js';

/** @typedef {import('./widget.js').Widget} Widget */

/** @type {Map<string, Promise<{ widget: Widget, controls: HTMLElement, stage: HTMLElement } | null>>} */
const widgets = new Map();

/**
 * The bespoke widget of `info` (`www/algorithms/<id>/widget.js`), made on first use in containers of
 * its own; null when the registry says it has none. `host(controls, stage)` makes what the
 * page offers it; `toast` tells the user when it cannot load.
 * @returns {Promise<{ widget: Widget, controls: HTMLElement, stage: HTMLElement } | null>}
 */
export function widgetFor(info, { host, toast }) {
  if (!info.widget) return Promise.resolve(null);
  if (!widgets.has(info.id)) {
    // Hidden until its tab shows them: a tab left before its widget loaded keeps them hidden.
    const controls = el('div', { 'data-widget': info.id, hidden: '' });
    const stage = el('div', { 'data-widget': info.id, hidden: '' });
    document.getElementById('widget-controls')?.append(controls);
    document.getElementById('widget-stage')?.append(stage);
    const importWidget = /** @type {Record<string, () => Promise<any>>} */ (WIDGETS)[info.id];
    widgets.set(info.id, importWidget().then((module) => ({
      widget: module.createWidget(host(controls, stage)),
      controls,
      stage,
    })).catch((error) => {
      // Offline on a first visit, say: the tab works without its widget; the next visit retries.
      widgets.delete(info.id);
      controls.remove();
      stage.remove();
      toast(`Some of this tab's tools could not load (${error?.message ?? error}).`);
      return null;
    }));
  }
  return widgets.get(info.id);
}

/** Resets every widget made so far (after an engine restart their handles are dead). */
export function resetWidgets() {
  for (const made of widgets.values()) made.then((entry) => entry?.widget.reset?.());
}
