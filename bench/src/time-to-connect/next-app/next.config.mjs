// The bench's Next.js app for "time to Connect": a production build of one page whose server mints
// the first token while it renders. Built by measure.mjs in a copy (see next-variant.mjs).
/** @type {import('next').NextConfig} */
export default {
  reactStrictMode: true,
  poweredByHeader: false,
  // The bench's own `tsc` checks these files; in the copy, the rest of the app is a generated script.
  typescript: { ignoreBuildErrors: true },
};
