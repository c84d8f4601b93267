// What an app pays for an import of the element, measured with the workspace's one method
// (@flinks-embed/test-support/size). Shared by `pnpm bench` and the size test.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measure as measureFrom } from '@flinks-embed/test-support/size';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const dist = (/** @type {string} */ file) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

/**
 * Bundles `contents` (an ES module resolved from this package's directory) and measures it.
 * @param {string} contents
 * @param {{ external?: string[] }} [options]
 */
function measure(contents, options = {}) {
  for (const file of ['index.js', 'define.js']) {
    if (!existsSync(dist(file))) throw new Error(`${dist(file)} is missing: run \`pnpm build\` first.`);
  }
  return measureFrom(contents, packageDir, options);
}

/** `import { mountFlinksConnect } from '@flinks-embed/element'`, from the built files, core bundled in. */
export const measureMount = (external = /** @type {string[]} */ ([])) =>
  measure(`export { mountFlinksConnect } from ${JSON.stringify(dist('index.js'))};`, { external });

/** `import '@flinks-embed/element/define'`: <flinks-connect> registered, core bundled in. */
export const measureElement = (external = /** @type {string[]} */ ([])) =>
  measure(`import ${JSON.stringify(dist('define.js'))};`, { external });
