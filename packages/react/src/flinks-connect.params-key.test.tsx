// Re-rendering must not redo the params work: sorting and serializing them on every render was
// most of a re-render's cost in `pnpm bench`. A params object whose values count their reads shows
// whether the key was rebuilt.
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FlinksConnect, type ConnectParams } from './index';
import { flush, frame, INSTANCE, setupTestEnvironment, tokenFetcher, tokenIn } from '../test/jsdom';

setupTestEnvironment();

/** `{ demo: true, language: 'fr' }`, counting every read of a value. */
function countingParams(): { params: ConnectParams; reads: () => number } {
  let reads = 0;
  const params: ConnectParams = {};
  for (const [name, value] of Object.entries({ demo: true, language: 'fr' })) {
    Object.defineProperty(params, name, {
      enumerable: true,
      get: () => {
        reads++;
        return value;
      },
    });
  }
  return { params, reads: () => reads };
}

describe('<FlinksConnect> params key', () => {
  it('does not rebuild the key when re-rendered with the same params object', async () => {
    const fetcher = tokenFetcher();
    const { params, reads } = countingParams();
    const view = render(<FlinksConnect instance={INSTANCE} fetchAuthorizeToken={fetcher} params={params} />);
    await flush();
    const src = frame().src;
    expect(new URL(src).searchParams.get('language')).toBe('fr');
    const afterMount = reads();
    for (let n = 0; n < 50; n++) {
      view.rerender(<FlinksConnect instance={INSTANCE} fetchAuthorizeToken={fetcher} params={params} />);
    }
    await flush();
    expect(reads()).toBe(afterMount);
    expect(frame().src).toBe(src);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('keeps the iframe for a shallow-equal params object, and reloads on a real change', async () => {
    const fetcher = tokenFetcher();
    const view = render(
      <FlinksConnect
        instance={INSTANCE}
        fetchAuthorizeToken={fetcher}
        params={{ demo: true, language: 'fr' }}
      />,
    );
    await flush();
    const first = tokenIn(frame().src);
    const { params } = countingParams();
    view.rerender(<FlinksConnect instance={INSTANCE} fetchAuthorizeToken={fetcher} params={params} />);
    await flush();
    expect(tokenIn(frame().src)).toBe(first);

    view.rerender(
      <FlinksConnect
        instance={INSTANCE}
        fetchAuthorizeToken={fetcher}
        params={{ demo: true, language: 'en' }}
      />,
    );
    await flush();
    expect(new URL(frame().src).searchParams.get('language')).toBe('en');
    expect(tokenIn(frame().src)).not.toBe(first);
    expect(fetcher).toHaveBeenCalledTimes(2);
  });
});
