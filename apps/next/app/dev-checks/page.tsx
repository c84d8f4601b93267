import { DevChecks } from './dev-checks';

// What the library says when it is misused, as a developer would meet it: open this page in
// `next dev` and every check names its fix; in the production build (`next build` + `next start`)
// the development checks are gone and the one error left names its code and docs/errors.md.
// test/next-app.e2e.test.ts reads it in both modes.
export default function DevChecksPage() {
  return (
    <>
      <h1>Development checks</h1>
      <p>Two deliberate mistakes, and what flinks-embed says about each in this build.</p>
      <DevChecks />
    </>
  );
}
