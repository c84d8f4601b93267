'use client';
import '../rest-of-the-app';
import { NaiveEmbed } from '../naive-embed';

// The rest of the app's start-up work, as in the other variants' bundle.
if (typeof window !== 'undefined') (window as { appWork?: () => number }).appWork?.();

const params = { demo: true };
const fetchToken = () =>
  fetch('/api/flinks/authorize-token', { method: 'POST' })
    .then((r) => r.json())
    .then((body: { token: string }) => body.token);

export function NaiveLinkBankAccount({ connectUrl }: { connectUrl: string }) {
  return <NaiveEmbed connectUrl={connectUrl} params={params} fetchToken={fetchToken} />;
}
