// @ts-check
// Links made before the redesign stored the page's control names; this turns them into
// today's option map, compare switch and widget state. Loaded only for such links.

/**
 * Links made before options were declared in Rust stored the page's control names in
 * `controls=`: this reads them into today's option map, compare switch and widget state, so
 * those links still open the same frame.
 */
const LEGACY_CONTROLS = {
  direction: (value) => ({ options: { previous: value === 'previous' } }),
  order: (value) => ({ options: { smaller: value === 'smaller' } }),
  circular: (value) => ({ options: { circular: value === true } }),
  answer: (value) => ({ options: { answer: value } }),
  mode: (value) => ({ options: { mode: value } }),
  semantics: (value) => ({ options: { mode: value } }),
  'sort-steps': (value) => ({ options: { sort: value === false ? 'collapsed' : 'steps' } }),
  'rect-a': (value) => ({ options: { query: value } }),
  'rect-b': (value) => ({ options: { second: value } }),
  plain: (value) => ({ options: { plain: value === true } }),
  'positive-class': (value) => ({ options: { positive: value } }),
  compare: (value) => ({ compare: value !== false }),
  'drag-target': (value) => ({ widget: { dragTarget: value } }),
  separation: (value) => ({ widget: { separation: value } }),
  'gauss-size': (value) => ({ widget: { 'gauss-size': value } }),
  'gauss-seed': (value) => ({ widget: { 'gauss-seed': value } }),
  samples: (value) => ({ widget: { samples: value } }),
};

/** @param {Record<string, unknown>} controls an old link's `controls` */
export function fromLegacyControls(controls) {
  const state = { options: {}, compare: undefined, widget: {} };
  for (const [key, value] of Object.entries(controls)) {
    const read = Object.hasOwn(LEGACY_CONTROLS, key) ? LEGACY_CONTROLS[key](value) : {};
    Object.assign(state.options, read.options);
    Object.assign(state.widget, read.widget);
    if (read.compare !== undefined) state.compare = read.compare;
  }
  // Blank text meant "the default" then as now.
  for (const [key, value] of Object.entries(state.options)) if (value === '') delete state.options[key];
  return state;
}
