import 'server-only';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { FlinksSetupError, readConnectTarget, type ConnectTarget } from './flinks-config';

/** Which Flinks the page talks to, said on the page (the demo does the same). */
function ConnectSource({ target }: { target: ConnectTarget }) {
  let where: ReactNode;
  let sandbox: boolean;
  if ('instance' in target) {
    sandbox = target.instance === 'toolbox';
    where = (
      <>
        the Flinks instance <code>{target.instance}</code>
      </>
    );
  } else {
    const { origin, hostname } = new URL(target.connectUrl);
    sandbox = hostname === '127.0.0.1' || hostname === 'localhost';
    where = (
      <>
        <code>{origin}</code>
        {sandbox ? ', the local Flinks simulator' : ''}
      </>
    );
  }
  return (
    <p data-testid="connect-source">
      Connect is served by {where}.
      {sandbox ? (
        <>
          {' '}
          Test bank: <b>Flinks Capital</b>, username <code>Greatday</code>, password <code>Everyday</code>,
          security answer <code>Montreal</code>.
        </>
      ) : null}
    </p>
  );
}

/**
 * Reads where Connect is served from at request time (`connection()` keeps the page out of the
 * build's static prerendering, so the build needs no FLINKS_* variables), or explains the setup.
 */
export async function withConnectTarget(
  render: (target: ConnectTarget) => ReactNode | Promise<ReactNode>,
): Promise<ReactNode> {
  await connection();
  let target: ConnectTarget;
  try {
    target = readConnectTarget();
  } catch (error) {
    if (!(error instanceof FlinksSetupError)) throw error;
    return (
      <p role="note" data-testid="setup-error">
        {error.message}
      </p>
    );
  }
  return (
    <>
      <ConnectSource target={target} />
      {await render(target)}
    </>
  );
}
