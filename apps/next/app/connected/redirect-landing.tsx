'use client';

import Link from 'next/link';
import { useMemo, useSyncExternalStore } from 'react';
import { readConnectRedirect } from '@flinks-embed/react';
import { ConnectResult } from '../link-bank-account';

const noSubscription = () => () => {};

/** Reads the result from this page's URL, in the browser (`null` while server rendering). */
export function RedirectLanding() {
  const href = useSyncExternalStore(
    noSubscription,
    () => window.location.href,
    () => null,
  );
  const result = useMemo(() => (href === null ? null : readConnectRedirect(href)), [href]);

  if (href === null) return <p role="status">Reading the result…</p>;
  if (!result) {
    return (
      <p>
        This page shows the result of a Connect flow, and this address has none.{' '}
        <Link href="/redirect">Link a bank account</Link>.
      </p>
    );
  }
  return <ConnectResult result={result} />;
}
