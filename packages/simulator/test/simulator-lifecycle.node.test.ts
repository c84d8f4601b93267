import { describe, expect, it } from 'vitest';
import { DEFAULT_CUSTOMER_ID, DEFAULT_SECRET_KEY, startFlinksSimulator } from '../src/index';
import { mintToken } from './support';

describe('startFlinksSimulator', () => {
  it('listens on a free loopback port and reports its URLs and credentials', async () => {
    const sim = await startFlinksSimulator({ port: 0 });
    try {
      expect(sim.instanceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(sim.connectUrl).toBe(`${sim.instanceUrl}/v2/`);
      expect(sim.apiBaseUrl).toBe(sim.instanceUrl);
      expect(sim.customerId).toBe(DEFAULT_CUSTOMER_ID);
      expect(sim.secretKey).toBe(DEFAULT_SECRET_KEY);
    } finally {
      await sim.close();
    }
  });

  it('frees its port on close, and close is idempotent', async () => {
    const sim = await startFlinksSimulator();
    const port = Number(new URL(sim.instanceUrl).port);

    await Promise.all([sim.close(), sim.close()]);
    await sim.close();

    const again = await startFlinksSimulator({ port });
    await again.close();
  });

  it('names the fix when the port is taken', async () => {
    const sim = await startFlinksSimulator();
    try {
      const port = Number(new URL(sim.instanceUrl).port);
      await expect(startFlinksSimulator({ port })).rejects.toThrow(
        `port ${port} on 127.0.0.1 is already in use. Pass port: 0`,
      );
    } finally {
      await sim.close();
    }
  });

  it.each([
    [{ port: -1 }, /port must be a whole number from 0 to 65535/],
    [{ customerId: 'acme' }, /customerId must be a GUID/],
    [{ secretKey: ' ' }, /secretKey must not be empty/],
    [{ tokenLifetimeMs: 0 }, /tokenLifetimeMs must be a positive number/],
  ])('rejects %o with a message naming the option', async (options, message) => {
    await expect(startFlinksSimulator(options)).rejects.toThrow(message);
  });

  it('returns stats snapshots that later requests do not change', async () => {
    const sim = await startFlinksSimulator();
    try {
      const before = sim.stats();
      await mintToken(sim);

      expect(before.tokensIssued).toBe(0);
      expect(before.loadsPerToken).toEqual({});
      expect(sim.stats().tokensIssued).toBe(1);
    } finally {
      await sim.close();
    }
  });

  it('logs token events by label, never the token itself', async () => {
    const lines: string[] = [];
    const sim = await startFlinksSimulator({ log: (line) => lines.push(line) });
    try {
      const token = await mintToken(sim);
      await fetch(`${sim.connectUrl}?authorizeToken=${token}`);
      await fetch(`${sim.connectUrl}?authorizeToken=${token}`);

      expect(lines).toEqual([
        'token #1 issued',
        'Connect page loaded with token #1 (load 1)',
        'Connect page refused token #1 (reused)',
      ]);
      expect(lines.join('\n')).not.toContain(token);
    } finally {
      await sim.close();
    }
  });

  it('answers 404 in Flinks’ error shape for paths it does not serve', async () => {
    const sim = await startFlinksSimulator();
    try {
      const response = await fetch(`${sim.instanceUrl}/v3/${sim.customerId}/BankingServices/GetStatements`, {
        method: 'POST',
      });

      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({
        HttpStatusCode: 404,
        Message: expect.stringContaining('/v2/'),
      });
    } finally {
      await sim.close();
    }
  });
});
