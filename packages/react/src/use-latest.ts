import { useInsertionEffect, useRef } from 'react';

/**
 * A ref to the latest `value`, for callbacks that core calls long after the render that passed
 * them. Written in an insertion effect because a render may be thrown away (never write a ref during
 * render), and insertion effects run before the layout and passive effects that could fire those
 * callbacks; unlike `useLayoutEffect`, it stays silent during React 18 server rendering.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useInsertionEffect(() => {
    ref.current = value;
  });
  return ref;
}
