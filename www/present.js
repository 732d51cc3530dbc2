// @ts-check
// Presenter mode: full screen, large type, the input panel hidden; the page's keys (Space,
// arrows, PageUp/PageDown from a clicker, a number then Enter) keep driving the clock. Its state
// is the body's `presenting` class and the document's full-screen element.

/**
 * Turns presenter mode on or off (`on` omitted: the other way round).
 * @param {boolean} [on]
 */
export function togglePresenter(on = !document.body.classList.contains('presenting')) {
  document.body.classList.toggle('presenting', on);
  if (on && document.documentElement.requestFullscreen && !document.fullscreenElement) {
    document.documentElement.requestFullscreen().catch(() => {});
  } else if (!on && document.fullscreenElement) {
    document.exitFullscreen().catch(() => {});
  }
}
