// @ts-check
// Canvas sizing for both hosts: the backing store at device resolution, drawing in CSS pixels.

/**
 * Sizes `canvas`'s backing store to its CSS box at the device pixel ratio and returns that box,
 * or null when it has no size (hidden, not laid out yet).
 * @param {HTMLCanvasElement} canvas
 * @returns {{ width: number, height: number } | null}
 */
export function fitCanvas(canvas) {
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  if (width === 0 || height === 0) return null;
  const ratio = window.devicePixelRatio || 1;
  const backingWidth = Math.round(width * ratio);
  const backingHeight = Math.round(height * ratio);
  if (canvas.width !== backingWidth) canvas.width = backingWidth;
  if (canvas.height !== backingHeight) canvas.height = backingHeight;
  return { width, height };
}

/**
 * Paints `player`'s current step on `canvas`, `progress` (0..1) into the motion from the step
 * shown before.
 * @param {{ draw(context: CanvasRenderingContext2D, width: number, height: number, progress?: number): void } | null} player
 * @param {HTMLCanvasElement} canvas
 * @param {number} [progress]
 */
export function paint(player, canvas, progress = 1) {
  if (!player) return;
  const size = fitCanvas(canvas);
  const context = canvas.getContext('2d');
  if (!size || !context) return;
  player.draw(context, size.width, size.height, progress < 1 ? progress : undefined);
}
