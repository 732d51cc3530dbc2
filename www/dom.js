// @ts-check
// Building and finding DOM without HTML strings: text only ever arrives through textContent.

/**
 * An element with attributes (`class`, `id`, `for`, `hidden`, `data-*`, `aria-*`, …: strings,
 * or `true` for a bare attribute) and children (elements or text).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | boolean | undefined>} [attributes]
 * @param {...(Node | string)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children);
  return element;
}

/**
 * The page's element with this id; typed loosely, as every caller knows which control it asks
 * for.
 * @type {(id: string) => any}
 */
export const $ = (id) => document.getElementById(id);

/**
 * Sets `element`'s text, leaving it alone when it already reads `text`: the text the build wrote
 * into the page is then not painted again (which would count as the page's largest paint).
 * @param {HTMLElement} element
 * @param {string} text
 */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/** The style sheets `adoptStyles` has adopted, by their text. */
const adopted = new Set();

/**
 * Adopts a style sheet of `css` into the document, once per text (the page's CSP allows no
 * inline styles, so a widget's styles arrive this way).
 * @param {string} css
 */
export function adoptStyles(css) {
  if (adopted.has(css)) return;
  adopted.add(css);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
