import type { NextConfig } from 'next';

const config: NextConfig = {
  // The App Router's default, said out loud: the tests count one token request under StrictMode.
  reactStrictMode: true,
  // No `X-Powered-By: Next.js`.
  poweredByHeader: false,
};

export default config;
