// @ts-check
// The page's state in its address: rewritten (debounced) as the page changes, so reloading or
// sharing lands on the same frame; read back by `decode` when the page opens on a link. The
// codec itself (share.js) loads after the first frame, or before it for a link with a state.

/**
 * What a link holds (share.js `encodeState`).
 * @typedef {object} LinkState
 * @property {string} algorithm
 * @property {string} input
 * @property {Record<string, unknown>} options
 * @property {boolean} compare
 * @property {Record<string, unknown>} widget
 * @property {{ notes: import('../player/lesson.js').Note[], from: number | null, to: number | null }} lesson
 * @property {number} step
 * @property {number} speed
 * @property {string} theme
 */

/** How long the address waits for the page to settle before it is rewritten. */
const URL_DEBOUNCE_MS = 250;

/** The link codec (share.js). */
export const links = () => import('../share.js');

/**
 * @param {object} host
 * @param {() => LinkState} host.state the page's state now
 * @param {(id: string) => boolean} host.known whether `id` is an algorithm's (a tab)
 * @param {(message: string) => void} host.toast
 */
export function createUrlState({ state, known, toast }) {
  let timer = 0;

  /** The query and hash of the page's state. */
  async function address() {
    const { encodeState } = await links();
    const current = state();
    return `?${await encodeState(current)}#${current.algorithm}`;
  }

  /** Keeps the URL in step with the page (debounced). */
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        const next = await address();
        // A tab the user has just opened, that the page has not caught up with, keeps its hash.
        const opened = location.hash.slice(1);
        if (opened !== state().algorithm && known(opened)) return;
        history.replaceState(null, '', next);
      } catch (error) {
        console.warn('could not write the state into the URL', error);
      }
    }, URL_DEBOUNCE_MS);
  }

  /** Writes the link into the address bar and copies it. */
  async function share() {
    clearTimeout(timer);
    const url = `${location.origin}${location.pathname}${await address()}`;
    history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
      toast('Link copied: it opens this exact step.');
    } catch {
      toast('The link is in the address bar: copy it from there.');
    }
  }

  return { schedule, share };
}
