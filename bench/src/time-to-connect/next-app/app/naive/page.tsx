import { connection } from 'next/server';
import { connectUrl } from '../flinks';
import { NaiveLinkBankAccount } from './naive-link-bank-account';

/** The naive embed in the same build: the page renders, then its effect asks the token route. */
export default async function Page() {
  await connection();
  return (
    <>
      <h1>Link your bank account</h1>
      <NaiveLinkBankAccount connectUrl={connectUrl()} />
    </>
  );
}
