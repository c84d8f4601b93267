import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createSandboxBank } from '../src/sandbox-bank';
import type { SandboxBank } from '../src/sandbox-bank';
import { SANDBOX_BANK_DATA as data } from '../src/sandbox-data';

describe('createSandboxBank', () => {
  // The static Connect page runs the function's source text in the browser.
  it('works from its source text alone, in a context that has none of its module', () => {
    let counter = 0;
    const bank = runInNewContext(`(${createSandboxBank.toString()})(data, newId, now)`, {
      data: structuredClone(data),
      newId: () => `id-${(counter += 1)}`,
      now: () => 0,
    }) as SandboxBank;

    const challenge = bank.authorize({
      Username: 'GREATDAY',
      Password: 'Everyday',
      Institution: 'flinkscapital',
    });
    const login = bank.authorize({
      RequestId: challenge.requestId,
      SecurityResponses: { 'What city were you born in?': ['Montreal'] },
    });

    expect(challenge.status).toBe(203);
    expect(login).toMatchObject({
      status: 200,
      requestId: 'id-1',
      body: { Institution: 'FlinksCapital', Login: { Id: 'id-2', Username: 'GREATDAY' } },
    });
  });

  it('gives the same login the same LoginId in every session', () => {
    let counter = 0;
    const bank = createSandboxBank(
      data,
      () => `id-${(counter += 1)}`,
      () => 0,
    );
    const login = { Username: 'greatday_nomfa', Password: 'Everyday', Institution: 'FlinksCapital' };

    const first = bank.authorize(login).body.Login as { Id: string };
    const second = bank.authorize(login).body.Login as { Id: string };

    expect(second.Id).toBe(first.Id);
  });

  it('compares passwords exactly', () => {
    const bank = createSandboxBank(
      data,
      () => 'id',
      () => 0,
    );

    expect(
      bank.authorize({ Username: 'Greatday', Password: 'everyday', Institution: 'FlinksCapital' }),
    ).toMatchObject({
      status: 401,
      body: { FlinksCode: 'INVALID_LOGIN' },
    });
  });
});
