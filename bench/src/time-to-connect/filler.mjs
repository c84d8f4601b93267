// "The rest of the app": code that weighs what a real app's bundle weighs (it is most of the bytes
// a phone downloads before the app can render anything) and costs what such code costs to parse,
// compile and run once. Deterministic: the same bytes on every run.
import { gzipSync } from 'node:zlib';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A script defining `window.appWork` of about `gzipBytes` gzipped. Its start-up calls one function
 * in ten, as an app runs its modules' top-level code but not most of its functions.
 * @param {number} gzipBytes
 */
export function fillerScript(gzipBytes) {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const text = (/** @type {number} */ n) =>
    Array.from({ length: n }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
  /** @type {string[]} */
  const functions = [];
  const script = () =>
    `(()=>{const f=[${functions.join(',')}];window.appWork=()=>{let t=0;for(let i=0;i<f.length;i+=10)t=f[i](t);return t}})();\n`;
  // Grown in steps, measured as it grows: random text gzips to about three quarters.
  while (gzipSync(script(), { level: 9 }).length < gzipBytes) {
    for (let i = 0; i < 200; i++) {
      functions.push(
        `function(a){const s="${text(40)}";let h=a|0;for(let i=0;i<s.length;i++)h=(h*31+s.charCodeAt(i))|0;return h^${Math.floor(random() * 1e6)}}`,
      );
    }
  }
  return script();
}
