// docs/errors.md is where production messages send developers: it must explain every code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const source = readFileSync(new URL('../src/errors.ts', import.meta.url), 'utf8');
const page = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

/** The members of the FlinksConnectErrorCode union, read off the source. */
const codes = [
  ...(/export type FlinksConnectErrorCode =([\s\S]*?);\n/.exec(source)?.[1] ?? '').matchAll(
    /\| '([a-z_]+)'/g,
  ),
].map((match) => match[1]!);

/** `## code` sections of the page, with their text. */
const sections = new Map(
  page
    .split(/^## /m)
    .slice(1)
    .map((section) => [section.slice(0, section.indexOf('\n')).trim(), section] as const),
);

describe('docs/errors.md', () => {
  it('reads the codes off the source', () => {
    expect(codes).toContain('invalid_options');
    expect(codes.length).toBeGreaterThanOrEqual(7);
  });

  it('has a section for every code, and none for a code that does not exist', () => {
    expect([...sections.keys()].sort()).toEqual([...codes].sort());
  });

  it.each(codes)('says the cause and the fix of %s', (code) => {
    const section = sections.get(code) ?? '';
    expect(section).toMatch(/\*\*Cause\.\*\* \S/);
    expect(section).toMatch(/\*\*Fix\.\*\* \S/);
  });

  it('is the page the production messages name, with an anchor per code', () => {
    const address = /const ERRORS_PAGE = '([^']+)'/.exec(source)?.[1];
    expect(address).toMatch(/\/docs\/errors\.md$/);
    expect(source).toContain('`${code}: see ${ERRORS_PAGE}#${code}`');
  });
});
