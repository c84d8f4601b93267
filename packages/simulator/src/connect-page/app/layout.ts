import { h, icon } from './dom';
import type { Child } from './dom';
import { post } from './messages';
import type { Page, PageBase } from './page';

/**
 * Renders the card (header with the optional close button, the screen slot, footer) into `#app`;
 * returns the function that fills the screen slot.
 */
export function mountLayout(base: PageBase): Page['show'] {
  const { strings } = base;
  const screen = h('div', { class: 'screen' });
  const card = h(
    'main',
    { class: 'card' },
    h(
      'div',
      { class: 'card-header' },
      h('span', { class: 'brand' }, strings.brand),
      base.flag('closeEnable') &&
        h(
          'button',
          {
            type: 'button',
            class: 'icon-button',
            'aria-label': strings.close,
            onClick: () => post(base, { step: 'COMPONENT_CLOSE_SESSION' }),
          },
          icon('close'),
        ),
    ),
    screen,
    h('footer', { class: 'footer' }, icon('lock', 14), strings.footer),
  );
  const app = document.getElementById('app') ?? document.body;
  app.replaceChildren(
    ...(base.config.mode === 'static'
      ? [h('p', { class: 'notice', role: 'note' }, strings.staticNotice)]
      : []),
    card,
  );

  return (moveFocus: boolean, ...nodes: Child[]): void => {
    screen.replaceChildren(...nodes.filter((node): node is Node | string => Boolean(node)));
    if (!moveFocus) return;
    const target =
      screen.querySelector<HTMLElement>('[data-autofocus]') ?? screen.querySelector<HTMLElement>('h1');
    target?.focus();
  };
}
