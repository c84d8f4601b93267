import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_SECRET_KEY } from '@flinks-embed/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, type BuiltClient } from './build-client';

const fromEnv = `env-secret-${randomUUID()}`;
const fromEnvFile = `env-file-secret-${randomUUID()}`;
const apiKeyFromEnv = `env-api-key-${randomUUID()}`;
let client: BuiltClient;
let envDir: string;

beforeAll(async () => {
  // Both ways a secret sits around at build time: the environment, and a .env file Vite reads.
  envDir = await mkdtemp(path.join(tmpdir(), 'flinks-demo-env-'));
  await writeFile(
    path.join(envDir, '.env'),
    `FLINKS_SECRET_KEY=${fromEnvFile}\nFLINKS_INSTANCE=toolbox\nFLINKS_CUSTOMER_ID=${randomUUID()}\n`,
  );
  client = await buildClient({ FLINKS_SECRET_KEY: fromEnv, FLINKS_API_KEY: apiKeyFromEnv }, { envDir });
}, 120_000);

afterAll(async () => {
  await Promise.all([client?.remove(), envDir && rm(envDir, { recursive: true, force: true })]);
});

describe('the built client bundle', () => {
  it('is the real app: an HTML page and the script that embeds Connect', async () => {
    const files = await client.files();
    expect(files.map((file) => file.name)).toContain('index.html');
    const scripts = files.filter((file) => file.name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const code = scripts.map((file) => file.text).join('\n');
    // Strings the component and the page must carry, so the checks below search the right files.
    expect(code).toContain('authorizeToken');
    expect(code).toContain('/api/flinks/authorize-token');
    expect(code).toContain('/api/demo/accounts');
  });

  it('contains neither the simulator secret nor the FLINKS_SECRET_KEY or FLINKS_API_KEY set during the build', async () => {
    for (const file of await client.files()) {
      expect(file.text, file.name).not.toContain(DEFAULT_SECRET_KEY);
      expect(file.text, file.name).not.toContain(fromEnv);
      expect(file.text, file.name).not.toContain(fromEnvFile);
      expect(file.text, file.name).not.toContain(apiKeyFromEnv);
    }
  });
});
