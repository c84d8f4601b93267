import type { ComponentProps } from 'react';
import { createTokenFetcher } from '../token-fetcher';
import { useTokenPrefetch } from '../use-token-prefetch';
import { BankConnection } from './BankConnection';
import { Icon } from './icons';

const START_LABEL = 'Link your bank account';

/**
 * The bank step: a "Link your bank account" button, then `<FlinksConnect>`. The first token is
 * prefetched when the user shows intent, and aborted if this step unmounts before Connect used it.
 */
export function BankStep({
  opened,
  onOpen,
  ...connection
}: Omit<ComponentProps<typeof BankConnection>, 'initialToken'> & {
  /** Connect is on screen (the button was pressed, or Connect was remounted). */
  opened: boolean;
  onOpen: () => void;
}) {
  const { initialToken, prefetch } = useTokenPrefetch();

  if (opened) return <BankConnection {...connection} initialToken={initialToken} />;

  // Intent, not the page's first render: a real app prefetches when the pointer reaches the
  // button (a few hundred ms before the click, about one token round trip), when keyboard focus
  // lands on it, or when a finger touches it (no hover on a phone). Prefetching as soon as this
  // step shows would mint a token on the server for every visitor who never links a bank, and
  // the token's lifetime would run while they read the page.
  const intent = (what: string) => () =>
    prefetch(createTokenFetcher(connection, `${what} on “${START_LABEL}”`));

  return (
    <div className="connect-state" data-testid="connect-start">
      <span className="connect-state-icon connect-start-icon">
        <Icon name="bank" size={24} />
      </span>
      <p className="connect-state-title">Link your bank with Flinks</p>
      <p className="connect-state-body">
        You sign in to your bank in a secure window from Flinks. It takes about a minute.
      </p>
      <button
        type="button"
        className="button button-primary"
        onPointerEnter={intent('hover')}
        onFocus={intent('focus')}
        onPointerDown={intent('press')}
        onClick={onOpen}
      >
        {START_LABEL}
      </button>
    </div>
  );
}
