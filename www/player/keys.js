// @ts-check
// The player keys both hosts answer, in one table: Space plays or pauses, arrows and
// PageUp/PageDown (a presenter's clicker) step, Home/End jump.

/** @typedef {'toggle' | 'forward' | 'back' | 'start' | 'end'} KeyAction */

/** @type {Record<string, KeyAction>} */
const ACTIONS = {
  ' ': 'toggle',
  ArrowRight: 'forward',
  ArrowLeft: 'back',
  PageDown: 'forward',
  PageUp: 'back',
  Home: 'start',
  End: 'end',
};

/**
 * The player action of a key press, or null for keys the player leaves alone (and for presses
 * with a modifier, which belong to the browser).
 * @param {KeyboardEvent} event
 * @returns {KeyAction | null}
 */
export function keyAction(event) {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  return ACTIONS[event.key] ?? null;
}
