// @ts-check
// The interface between the page and an algorithm's bespoke widget, as JSDoc types only (no
// code: nothing loads this file at run time). An algorithm whose registry entry says
// `widget: true` has `www/algorithms/<id>/widget.js`, which exports `createWidget(host) →
// Widget`; its other files live beside it in that folder.
// The page makes it when the algorithm's tab first opens.

/**
 * What the page offers a bespoke widget (`www/algorithms/<id>/widget.js` exports
 * `createWidget(host) → Widget`).
 * @typedef {object} WidgetHost
 * @property {HTMLElement} controls a container in the variant card, under the option controls
 * @property {HTMLElement} stage a container in the stage, under the transport
 * @property {(action: (stepwise: any) => any) => void} run runs `action` with the engine, errors and panics reported
 * @property {(text: string) => Promise<boolean>} setInput replaces the input text and rebuilds
 * @property {(samples: { label: string, source: string, make: Function, dependsOn?: string[] }) => Promise<boolean>} setResident
 *   animates input held in wasm memory: `make(stepwise, options)` returns its handle, made again
 *   when an option named in `dependsOn` changes (see resident.js)
 * @property {() => boolean} isResident
 * @property {() => string} inputText
 * @property {(message: string) => void} reportError shows a message under the input
 * @property {(message: string) => void} reportOptionError shows a message under the options
 * @property {() => Record<string, boolean | string>} options the current option map
 * @property {(options: Record<string, boolean | string>, how?: { seekEnd?: boolean, compare?: boolean }) => Promise<boolean>} setOptions
 *   sets options and rebuilds; `seekEnd` shows the last step, `compare` turns on every method
 * @property {() => any} primary the first method's Player
 * @property {() => string} algorithm the id of the widget's algorithm
 * @property {() => Record<string, number>} limits the engine's limits (`textBytes`, `steps`) and
 *   the algorithm's resident-input limits from the catalogue
 * @property {() => string} theme
 * @property {(error: unknown) => void} onFailure
 */

/**
 * A widget's hooks; every one is optional.
 * @typedef {object} Widget
 * @property {() => void} [optionsChanged] after an option control changes
 * @property {(event: PointerEvent) => string} [cellsTarget] the text option a cell drag sets
 * @property {() => Record<string, string>} [state] what a link keeps of the widget
 * @property {(state: Record<string, unknown>) => void} [restore] puts a link's widget state back
 * @property {(stepwise: any) => Promise<unknown>} [regenerate] remakes generated input a link asks for
 * @property {(player: any) => void} [afterRebuild] after every rebuild
 * @property {() => void} [shown] when its algorithm's tab opens
 * @property {() => void} [draw] on a theme change
 * @property {() => void} [reset] after an engine restart
 */

export {};
