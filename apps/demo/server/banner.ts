import type { DemoServer } from './demo-server';

/**
 * What the terminal shows once the demo is up: where to open it, and whether it talks to the
 * simulator or to real Flinks. It never prints a secret.
 */
export function startupBanner(
  demo: Pick<DemoServer, 'url' | 'mode' | 'config'>,
  { color = false } = {},
): string {
  const style = (code: number, reset: number) => (text: string) =>
    color ? `\x1b[${code}m${text}\x1b[${reset}m` : text;
  const bold = style(1, 22);
  const dim = style(2, 22);
  const cyan = style(36, 39);
  const { config } = demo;
  const lines = [
    '',
    `  ${bold('flinks-embed demo')}  ${dim(demo.mode === 'dev' ? 'dev server (Vite, hot reload)' : 'production build')}`,
    '',
    `  ➜  Open:    ${cyan(demo.url)}`,
  ];
  if (config.backend === 'simulator') {
    const { sandbox } = config;
    lines.push(
      `  ➜  Flinks:  ${bold('local simulator')} at ${new URL(config.connectUrl).origin} ${dim('(offline; set FLINKS_* for real Flinks)')}`,
      `              ${dim(`test bank ${sandbox.institution}: ${sandbox.username} / ${sandbox.password}, security answer ${sandbox.securityAnswer}`)}`,
    );
  } else {
    lines.push(
      `  ➜  Flinks:  ${bold(`real Flinks, instance "${config.instance}"`)} ${dim('(from the FLINKS_* variables)')}`,
    );
  }
  lines.push('', dim('  Press Ctrl+C to stop.'), '');
  return lines.join('\n');
}
