// Its own file: the element must be defined only after the markup and the properties exist.
import { expect, it } from 'vitest';
import { flush, frame, INSTANCE, setupTestEnvironment, tokenIn } from '@flinks-embed/test-support/jsdom';
import { reasons, tokenFetcher } from '@flinks-embed/test-support/token-fetchers';

setupTestEnvironment();

it('takes the properties an app set before the element was defined (a module loaded late)', async () => {
  document.body.innerHTML = `<flinks-connect instance="${INSTANCE}"></flinks-connect>`;
  const element = document.querySelector('flinks-connect')!;
  const fetcher = tokenFetcher();
  const events: string[] = [];
  Object.assign(element, {
    fetchAuthorizeToken: fetcher,
    params: { tag: 'early' },
  });
  expect(customElements.get('flinks-connect')).toBeUndefined();

  await import('./define');
  element.addEventListener('flinks-event', (event) => events.push(event.type));
  await flush();
  expect(reasons(fetcher)).toEqual(['mount']);
  expect(tokenIn(frame().src)).toBe('token-1');
  expect(new URL(frame().src).searchParams.get('tag')).toBe('early');
  // The accessor is back in charge: a change now reloads.
  element.params = { tag: 'late' };
  await flush();
  expect(tokenIn(frame().src)).toBe('token-2');
});
