// An ESLint rule: a relative import stays inside its own package (the nearest folder with a
// package.json). Another workspace package is imported by its name, through its exports, as its
// users import it; tests share helpers through @flinks-embed/test-support.
import { existsSync } from 'node:fs';
import path from 'node:path';

const roots = new Map();

/** The folder of the nearest package.json at or above `dir`. */
function packageRoot(dir) {
  if (!roots.has(dir)) {
    const parent = path.dirname(dir);
    roots.set(dir, existsSync(path.join(dir, 'package.json')) || parent === dir ? dir : packageRoot(parent));
  }
  return roots.get(dir);
}

/** @type {import('eslint').Rule.RuleModule} */
export const noRelativeImportAcrossPackages = {
  meta: {
    type: 'problem',
    docs: { description: 'Relative imports stay inside their package; other packages are imported by name.' },
    messages: {
      crossing:
        '"{{specifier}}" reaches into another package ({{target}}). Import it by its name and public ' +
        'exports (e.g. @flinks-embed/core, @flinks-embed/simulator/sandbox); helpers that several ' +
        "packages' tests share belong in @flinks-embed/test-support.",
    },
    schema: [],
  },
  create(context) {
    const dir = path.dirname(context.filename);
    const own = packageRoot(dir);
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = path.resolve(dir, specifier);
      const targetRoot = packageRoot(path.dirname(target));
      if (targetRoot === own) return;
      context.report({
        node: node.source,
        messageId: 'crossing',
        data: { specifier, target: path.relative(context.cwd, targetRoot) || 'the workspace root' },
      });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
