import type { Metadata } from 'next';
import type { ReactNode } from 'react';

export const metadata: Metadata = {
  title: 'flinks-embed · Next.js',
  description: 'Flinks Connect in a Next.js App Router app, with the authorize-token flow done right.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body
        style={{ margin: 0, fontFamily: 'system-ui, sans-serif', color: '#111827', background: '#f9fafb' }}
      >
        <main style={{ maxWidth: 720, margin: '0 auto', padding: '32px 16px' }}>{children}</main>
      </body>
    </html>
  );
}
