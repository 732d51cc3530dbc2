// @ts-check
// embed.html?algorithm=…&input=…: one <stepwise-player> filling an iframe, for platforms that
// allow only iframes. Every query parameter becomes the attribute of the same name.
import { ATTRIBUTES } from './embed.js';

const params = new URLSearchParams(location.search);
const player = document.createElement('stepwise-player');
for (const name of ATTRIBUTES) {
  if (params.has(name)) player.setAttribute(name, params.get(name));
}
document.getElementById('frame').append(player);
