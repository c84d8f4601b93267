'use client';

import { Component, useSyncExternalStore, type ReactNode } from 'react';
import { FlinksConnect, useAuthorizeToken, type FlinksConnectProps } from '@flinks-embed/react';

const neverFetched = () => new Promise<never>(() => {});
// Neither instance nor connectUrl, which the types forbid: as plain JavaScript could pass it.
const untargeted = { fetchAuthorizeToken: neverFetched } as unknown as FlinksConnectProps;

/** Shows what its child threw while rendering, or `accepted` when it rendered. */
class Outcome extends Component<{ name: string; children: ReactNode }, { message: string | null }> {
  override state: { message: string | null } = { message: null };

  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    const { name, children } = this.props;
    return (
      <>
        <dt>{name}</dt>
        <dd data-testid={`check-${name}`}>{this.state.message ?? 'accepted'}</dd>
        {this.state.message === null ? children : null}
      </>
    );
  }
}

/** A negative timeout: a development check (production trusts the types here). Fetches nothing. */
function NegativeTimeout() {
  useAuthorizeToken(neverFetched, { fetchTimeoutMs: -1, enabled: false });
  return null;
}

const subscribeToNothing = () => () => {};

export function DevChecks() {
  // In the browser only: the server render would throw the same errors with no boundary to catch them.
  const inBrowser = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  if (!inBrowser) return null;
  return (
    <dl>
      <Outcome name="fetchTimeoutMs">
        <NegativeTimeout />
      </Outcome>
      <Outcome name="target">
        {/* An error in every build. */}
        <FlinksConnect {...untargeted} />
      </Outcome>
    </dl>
  );
}
