import type { ConnectStrings } from '../strings';

export type Child = Node | string | false | null | undefined;
export type Props = Record<string, string | boolean | undefined | ((event: Event) => void)>;

/** An element with attributes (`true` sets an empty one), `onX` listeners and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === 'function') node.addEventListener(key.slice(2).toLowerCase(), value);
    else if (value === true) node.setAttribute(key, '');
    else if (typeof value === 'string') node.setAttribute(key, value);
  }
  for (const child of children)
    if (child !== false && child !== null && child !== undefined) node.append(child);
  return node;
}

const ICONS = {
  close: 'M18 6 6 18M6 6l12 12',
  back: 'm15 18-6-6 6-6',
  next: 'm9 18 6-6-6-6',
  check: 'M20 6 9 17l-5-5',
  lock: 'M7 11V7a5 5 0 0 1 10 0v4M5 11h14v10H5z',
  alert: 'M12 8v5m0 3v.5M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z',
  bank: 'M3 10h18M5 10v8m4-8v8m6-8v8m4-8v8M3 21h18M12 3l9 5H3l9-5Z',
};
type IconName = keyof typeof ICONS;

export function icon(name: IconName, size = 20): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const attributes: Record<string, string> = {
    viewBox: '0 0 24 24',
    width: String(size),
    height: String(size),
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': 'true',
    focusable: 'false',
  };
  for (const [key, value] of Object.entries(attributes)) svg.setAttribute(key, value);
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

export const heading = (text: string): HTMLHeadingElement => h('h1', { tabindex: '-1' }, text);
export const lead = (text: string): HTMLParagraphElement => h('p', { class: 'lead' }, text);
export const status = (kind: 'success' | 'error' | 'info', name: IconName): HTMLDivElement =>
  h('div', { class: `status status-${kind}` }, icon(name, 28));
export const button = (
  label: string,
  variant: 'primary' | 'secondary',
  props: Props = {},
): HTMLButtonElement => h('button', { type: 'button', class: `button button-${variant}`, ...props }, label);

export function setBusy(
  strings: ConnectStrings,
  form: HTMLFormElement,
  submit: HTMLButtonElement,
  label: string,
  busy: boolean,
): void {
  form.setAttribute('aria-busy', String(busy));
  submit.disabled = busy;
  submit.replaceChildren(
    ...(busy ? [h('span', { class: 'spinner', 'aria-hidden': 'true' }), strings.working] : [label]),
  );
}

export function field(input: HTMLInputElement, label: string): HTMLDivElement {
  const error = h('p', { class: 'field-error', id: `${input.id}-error`, hidden: true });
  input.setAttribute('aria-describedby', error.id);
  return h('div', { class: 'field' }, h('label', { for: input.id }, label), input, error);
}

/** Marks empty fields with a message; returns whether all are filled. Focuses the first empty one. */
export function validate(strings: ConnectStrings, inputs: readonly HTMLInputElement[]): boolean {
  let firstEmpty: HTMLInputElement | undefined;
  for (const input of inputs) {
    const empty = input.value.trim() === '';
    input.setAttribute('aria-invalid', String(empty));
    const error = document.getElementById(`${input.id}-error`);
    if (error !== null) {
      error.textContent = empty ? strings.required : '';
      error.hidden = !empty;
    }
    if (empty && firstEmpty === undefined) firstEmpty = input;
  }
  firstEmpty?.focus();
  return firstEmpty === undefined;
}
