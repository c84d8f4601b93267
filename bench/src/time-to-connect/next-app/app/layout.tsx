import type { ReactNode } from 'react';

export const metadata = { title: 'Link your bank account' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
