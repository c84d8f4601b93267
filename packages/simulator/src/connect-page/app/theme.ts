import type { PageBase } from './page';

/** `language`, `theme=dark`, `backgroundColor` and `foregroundColor1` from the page's URL. */
export function applyTheme(page: PageBase): void {
  const root = document.documentElement;
  root.lang = page.language;
  if (page.param('theme')?.toLowerCase() === 'dark') root.dataset.theme = 'dark';

  const hexParam = (name: string): string | undefined => {
    const value = page.param(name);
    return value !== undefined && /^(?:[0-9a-f]{3}){1,2}$/i.test(value) ? `#${value}` : undefined;
  };
  const background = hexParam('backgroundColor');
  if (background !== undefined) root.style.setProperty('--bg', background);
  const accent = hexParam('foregroundColor1');
  if (accent !== undefined) {
    root.style.setProperty('--accent', accent);
    root.style.setProperty('--on-accent', readableOn(accent));
  }
}

/** Text on the accent colour is black or white, whichever contrasts more (WCAG relative luminance). */
function readableOn(hex: string): string {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  const channel = (offset: number): number => {
    const c = parseInt(digits.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? '#111111' : '#ffffff';
}
