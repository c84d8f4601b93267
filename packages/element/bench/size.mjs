// Prints what an app pays, minified + gzipped, for the framework-free entry and for the custom
// element, with core and without. Measures the built files: run `pnpm build` first.
import { measureElement, measureMount } from './measure-size.mjs';

const bytes = (/** @type {number} */ n) => `${n.toLocaleString('en-US')} B`;
/** @param {string} label @param {{ gzipped: number, minified: number }} size */
const row = (label, size) =>
  console.log(`${label.padEnd(64)}${bytes(size.gzipped).padStart(9)}${bytes(size.minified).padStart(11)}`);

const core = ['@flinks-embed/core'];
console.log('esbuild bundle, minified, NODE_ENV=production; gzip -9\n');
console.log(`${'import'.padEnd(64)}${'gzipped'.padStart(9)}${'minified'.padStart(11)}`);
row('{ mountFlinksConnect } from @flinks-embed/element (dist + core)', await measureMount());
row('  the element package alone (core external)', await measureMount(core));
row("'@flinks-embed/element/define': <flinks-connect> (dist + core)", await measureElement());
row('  the element package alone (core external)', await measureElement(core));
