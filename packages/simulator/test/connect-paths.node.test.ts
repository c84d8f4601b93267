import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFlinksSimulator } from '../src/index';
import type { FlinksSimulator } from '../src/index';
import { mintToken } from './support';

let sim: FlinksSimulator;
beforeAll(async () => {
  sim = await startFlinksSimulator({ port: 0 });
});
afterAll(async () => {
  await sim?.close();
});

describe('the paths Flinks serves Connect on', () => {
  it.each(['/', '/v2', '/v2/', '/v2/Credential/National', '/Credential/National/', '/V2/credential/TD'])(
    '%s is the Connect page, and its load spends the token',
    async (path) => {
      const token = await mintToken(sim);
      const response = await fetch(`${sim.instanceUrl}${path}?authorizeToken=${token}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('<title>Flinks Connect (simulator)</title>');
      expect(sim.loadsOf(token)).toBe(1);
    },
  );

  it('keeps its own index at /_simulator, and says where it is in a 404', async () => {
    const index = await fetch(`${sim.instanceUrl}/_simulator`);
    expect(index.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await index.text()).toContain('GET  /v2/Credential/{institution}');
    const missing = await fetch(`${sim.instanceUrl}/v2/Credential/National/extra`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('/_simulator lists its routes');
  });

  it('answers only GET and HEAD on the Connect page paths', async () => {
    const response = await fetch(`${sim.instanceUrl}/`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});
