// @ts-check
// Writes the npm package's metadata into `dist/` (called by `cargo xtask dist`): package.json
// with its exports map, the element's TypeScript declarations (embed.d.ts, plus the JSX entries
// for React, Preact and Solid), the Custom Elements Manifest (custom-elements.json) and the
// package README with its attribute table — all from the one declaration of the element's
// surface, www/player/element-api.js.
//
//   node xtask/npm-package.mjs <dist directory> <version> <example algorithm id> <its example input>
//
// (The example is the registry's first algorithm, passed in by xtask: no algorithm is named
// here.)

import { writeFileSync } from 'node:fs';
import process from 'node:process';
import { join } from 'node:path';
import { ATTRIBUTES, CHILDREN, CLASS_NAME, CSS_PROPERTIES, EVENTS, PROPERTIES, TAG } from '../www/player/element-api.js';

const [directory, version, exampleId, exampleInput] = process.argv.slice(2);
if (!directory || !version || !exampleId || exampleInput === undefined) {
  throw new Error('usage: node xtask/npm-package.mjs <dist directory> <version> <example algorithm id> <its example input>');
}

/** `text` safe inside a double-quoted HTML attribute. @param {string} text */
const attribute = (text) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
/** The example element's attributes. */
const example = `algorithm="${attribute(exampleId)}" input="${attribute(exampleInput)}"`;

/** @param {string} name @param {string} text */
const write = (name, text) => writeFileSync(join(directory, name), text);

/** @param {string} name */
const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());

const DESCRIPTION = 'Algorithms animated step by step in Rust and WebAssembly: the <stepwise-player> web component, its kernel library and the Player behind both.';

write('package.json', `${JSON.stringify({
  name: 'stepwise-player',
  version,
  description: DESCRIPTION,
  keywords: ['algorithms', 'visualization', 'web-component', 'custom-element', 'webassembly', 'teaching'],
  license: 'MIT',
  type: 'module',
  // The element module registers <stepwise-player> when imported: that is its side effect.
  sideEffects: ['./embed.js'],
  exports: {
    '.': { types: './embed.d.ts', default: './embed.js' },
    './kernels': { types: './pkg-kernels/stepwise_kernels.d.ts', default: './pkg-kernels/stepwise_kernels.js' },
    // One wasm module per algorithm (`stepwise-player/player/<id>`), and the catalogue of them.
    './player/*': { types: './pkg/*/stepwise.d.ts', default: './pkg/*/stepwise.js' },
    './catalogue': { default: './pkg/catalogue.js' },
    './react': { types: './jsx-react.d.ts' },
    './preact': { types: './jsx-preact.d.ts' },
    './solid': { types: './jsx-solid.d.ts' },
    './custom-elements.json': './custom-elements.json',
    './package.json': './package.json',
  },
  main: './embed.js',
  types: './embed.d.ts',
  customElements: 'custom-elements.json',
  files: ['*.js', '*.d.ts', '*.css', '*.html', '*.webmanifest', 'custom-elements.json', 'LICENSE', 'player/', 'page/', 'algorithms/', 'pkg/', 'pkg-gif/', 'pkg-kernels/'],
}, null, 2)}\n`);

/** A doc comment, indented. @param {string} text @param {string} indent */
const doc = (text, indent = '  ') => `${indent}/** ${text.replaceAll('*/', '*\\/')} */\n`;

const attributeMembers = ATTRIBUTES.map((attribute) =>
  `${doc(`${attribute.description} Attribute \`${attribute.name}\`; default ${attribute.default || '""'}.`)}  ${camel(attribute.name)}: ${attribute.type};\n`).join('');
const propertyMembers = PROPERTIES.map((property) =>
  `${doc(property.description)}  ${property.readonly ? 'readonly ' : ''}${property.name}: ${property.type};\n`).join('');
const eventMap = EVENTS.map((event) => `${doc(event.description)}  '${event.name}': CustomEvent<${event.type}>;\n`).join('');
/** JSX takes attributes as written in markup: strings, or the property's own type. */
const jsxAttributes = ATTRIBUTES.map((attribute) => {
  const type = attribute.type === 'boolean' ? 'boolean' : attribute.type.includes('number') ? 'number | string' : attribute.type;
  return `${doc(attribute.description)}  ${attribute.name}?: ${type};\n`;
}).join('');
const children = CHILDREN.map((child) => `    '${child.name}': { ${child.type.replace(/^at: number/, 'at: number | string')}; children?: unknown };\n`).join('');

write('embed.d.ts', `// The <${TAG}> element (generated from player/element-api.js by \`cargo xtask dist\`).
import type { Player } from './pkg/module.js';

/** The events <${TAG}> dispatches (bubbling, composed), with their \`detail\`. */
export interface StepwisePlayerEventMap extends HTMLElementEventMap {
${eventMap}}

/** <${TAG}>: one animation with its controls and narration; registered on import. */
export declare class ${CLASS_NAME} extends HTMLElement {
${attributeMembers}${propertyMembers}${doc('The engine handle of the current run (null until it is built).')}  readonly player: Player | null;
  addEventListener<K extends keyof StepwisePlayerEventMap>(type: K, listener: (this: ${CLASS_NAME}, event: StepwisePlayerEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof StepwisePlayerEventMap>(type: K, listener: (this: ${CLASS_NAME}, event: StepwisePlayerEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The attribute names the element observes. */
export declare const ATTRIBUTES: string[];

/** "previous smaller method=scan" → { previous: true, smaller: true, method: "scan" }. */
export declare function parseVariant(text: string | null | undefined): Record<string, string | boolean>;

/**
 * Serves the players on the page from files a host hands over instead of the ones beside
 * embed.js (for a host whose script has no URL, such as a notebook widget's blob): per
 * algorithm id the text of pkg/<id>/stepwise.js and its wasm bytes, and the text of
 * palette.css. The first hand-over of each counts.
 */
export declare function useFiles(files: { modules: Record<string, { source: string; wasm: BufferSource }>; paletteCss: string }): void;

/** The element's attributes as JSX props (see the ./react, ./preact and ./solid entries). */
export interface StepwisePlayerAttributes {
${jsxAttributes}  id?: string;
  class?: string;
  className?: string;
  style?: unknown;
  slot?: string;
  ref?: unknown;
  key?: unknown;
  children?: unknown;
}

/** JSX entries for frameworks that read the global JSX namespace. */
export interface StepwiseIntrinsicElements {
  '${TAG}': StepwisePlayerAttributes;
${children}}

declare global {
  interface HTMLElementTagNameMap {
    '${TAG}': ${CLASS_NAME};
  }
  namespace JSX {
    interface IntrinsicElements extends StepwiseIntrinsicElements {}
  }
}
`);

// React 19, Preact and Solid keep JSX in their own module: one opt-in file each.
for (const [file, module] of [['jsx-react.d.ts', 'react'], ['jsx-preact.d.ts', 'preact'], ['jsx-solid.d.ts', 'solid-js']]) {
  write(file, `// <${TAG}> in ${module}'s JSX: \`import type {} from 'stepwise-player/${file.slice(4, -5)}';\`
import type { StepwiseIntrinsicElements } from './embed.js';

declare module '${module}' {
  namespace JSX {
    interface IntrinsicElements extends StepwiseIntrinsicElements {}
  }
}
`);
}

const text = (/** @type {string} */ type) => ({ text: type });
write('custom-elements.json', `${JSON.stringify({
  schemaVersion: '2.1.0',
  readme: 'README.md',
  modules: [{
    kind: 'javascript-module',
    path: 'embed.js',
    declarations: [{
      kind: 'class',
      name: CLASS_NAME,
      tagName: TAG,
      customElement: true,
      description: DESCRIPTION,
      superclass: { name: 'HTMLElement' },
      attributes: ATTRIBUTES.map((attribute) => ({ name: attribute.name, type: text(attribute.type), default: JSON.stringify(attribute.default ?? ''), description: attribute.description, fieldName: camel(attribute.name) })),
      members: [
        ...ATTRIBUTES.map((attribute) => ({ kind: 'field', name: camel(attribute.name), type: text(attribute.type), description: attribute.description, attribute: attribute.name, reflects: true })),
        ...PROPERTIES.map((property) => ({ kind: 'field', name: property.name, type: text(property.type), description: property.description, readonly: Boolean(property.readonly) })),
        { kind: 'field', name: 'player', type: text('Player | null'), description: 'The engine handle of the current run (null until it is built).', readonly: true },
      ],
      events: EVENTS.map((event) => ({ name: event.name, type: text(`CustomEvent<${event.type}>`), description: event.description })),
      cssProperties: CSS_PROPERTIES.map((property) => ({ name: property.name, syntax: `<${property.type}>`, default: property.default, description: property.description })),
      slots: [{ name: '', description: CHILDREN.map((child) => `<${child.name} ${child.type}>: ${child.description}`).join(' ') }],
    }],
    exports: [
      { kind: 'js', name: CLASS_NAME, declaration: { name: CLASS_NAME, module: 'embed.js' } },
      { kind: 'custom-element-definition', name: TAG, declaration: { name: CLASS_NAME, module: 'embed.js' } },
    ],
  }],
}, null, 2)}\n`);

/** A markdown table cell. @param {string} value */
const cell = (value) => value.replaceAll('|', '\\|');
const table = [
  '| attribute | type | default | what it does |',
  '|---|---|---|---|',
  ...ATTRIBUTES.map((attribute) => `| \`${attribute.name}\` | \`${cell(attribute.type)}\` | ${cell(attribute.default || '—')} | ${cell(attribute.description)} |`),
].join('\n');
const events = EVENTS.map((event) => `- \`${event.name}\` — ${event.description} \`detail\`: \`${event.type}\``).join('\n');

write('README.md', `# stepwise-player

${DESCRIPTION}

\`\`\`html
<script type="module" src="node_modules/stepwise-player/embed.js"></script>
<stepwise-player ${example}></stepwise-player>
\`\`\`

Two lines: load the module (above from \`node_modules\`; from a CDN or any folder of a static
site, the same file at its address), and write the element. Each algorithm has a wasm module of
its own, loaded the first time a player of that algorithm is built: a page pays for the
algorithms it shows. The modules are found next to the element's module (\`import.meta.url\`),
so the same files work wherever they are served, with no build step.

## With a bundler

The element finds its modules through literal \`import('./<id>/stepwise.js')\` calls and each
module its wasm through \`new URL('stepwise_bg.wasm', import.meta.url)\`: patterns bundlers
follow, so a build emits one chunk and one \`.wasm\` per algorithm, and a page loads only those
of the players it shows.

- **Vite:** \`import 'stepwise-player';\` in your entry module, nothing to configure.
  \`vite build\` emits the wasm files as assets.
- **webpack 5:** \`import 'stepwise-player';\` in your entry, nothing to configure (no
  \`experiments\` needed: the wasm files are \`asset/resource\` modules). Serve the output
  folder as it is: chunks and wasm are found relative to the script (\`publicPath: 'auto'\`).
- **Any other bundler** (Rollup, esbuild, Parcel): it must handle \`new URL('…',
  import.meta.url)\` as an asset reference (Rollup needs a plugin such as
  \`@web/rollup-plugin-import-meta-assets\`; esbuild has no such loader: copy the package's
  \`pkg/\` folder beside your output instead, or load \`embed.js\` unbundled).
- After a panic (a bug), an unbundled page starts a fresh copy of the algorithm's module; a
  bundled one cannot re-import a chunk, and the player says so instead.

## Attributes

Each is also a property (\`step\`, \`from\`, \`to\` and \`speed\` as numbers, \`autoplay\` and
\`loop\` as booleans).

${table}

Read-only properties: ${PROPERTIES.map((property) => `\`${property.name}\` (${property.description.replace(/\.$/, '')})`).join(', ')}, and \`player\`, the engine handle of the run.

## Events

${events}

## Lessons

${CHILDREN.map((child) => `\`<${child.name}>\` children: ${child.description}`).join('\n')}

\`\`\`html
<stepwise-player ${example} autoplay>
  <stepwise-note at="2">A note shown from step 2 until the next one.</stepwise-note>
  <stepwise-note at="5" pause>Predict the next step, then press play.</stepwise-note>
</stepwise-player>
\`\`\`

## Styling

${CSS_PROPERTIES.map((property) => `- \`${property.name}\` (default \`${property.default}\`): ${property.description}`).join('\n')}

## Entry points

- \`stepwise-player\` — the element (registers \`<${TAG}>\`), typed in \`embed.d.ts\`;
  \`HTMLElementTagNameMap\` knows it. For JSX: \`import type {} from 'stepwise-player/react'\`
  (or \`/preact\`, \`/solid\`); frameworks that read the global \`JSX\` namespace need nothing.
- \`stepwise-player/kernels\` — the kernel library: \`nextGreater\`, \`intersect\`, \`rocCurve\`,
  \`summedAreaTable\`, \`rateLimit\` and resident handles (call its default export, \`init()\`, first).
- \`stepwise-player/player/<id>\` — one algorithm's module with the \`Player\` the element
  drives (step, seek, draw on a canvas); \`stepwise-player/catalogue\` lists the ids
  (\`ALGORITHMS\`) and imports each module (\`MODULES[id]()\`).
- \`custom-elements.json\` — the Custom Elements Manifest, for editors and documentation tools.

The kernels' and the Player's declarations (written by wasm-bindgen) use \`Symbol.dispose\`:
TypeScript needs \`"lib": [..., "esnext.disposable"]\` (or \`esnext\`) for them.

License: MIT.
`);
