import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FlinksConfigError, verifyWebhookSignature } from '../src/index';
import { SECRET, sign } from './webhook-sign';

// node-flinks' sample webhook, JSON.stringify'd: 539 bytes, signed with "secret" in its tests.
const NODE_FLINKS_SAMPLE = JSON.stringify({
  ResponseType: 'GetAccountsDetail',
  HttpStatusCode: 200,
  Accounts: [
    {
      TransitNumber: '77777',
      InstitutionNumber: '777',
      OverdraftLimit: 0,
      Title: 'Chequing CAD',
      AccountNumber: '1111000',
      Category: 'Operations',
      Type: 'Chequing',
      Currency: 'CAD',
      Id: 'ae1dac72-70da-4626-fed8-08d682e1ff4a',
    },
  ],
  Login: {
    Username: 'Greatday',
    IsScheduledRefresh: false,
    LastRefresh: '2019-05-09T13:47:46.5227901',
    Type: 'Personal',
    Id: '5e115eac-1209-4f19-641c-08d6d484e2fe',
  },
  Institution: 'FlinksCapital',
  RequestId: '1243c283-e0ca-4fda-a5e4-343068430190',
});

describe('verifyWebhookSignature', () => {
  it('accepts node-flinks’ published vector (secret "secret")', async () => {
    expect(NODE_FLINKS_SAMPLE).toHaveLength(539);
    await expect(
      verifyWebhookSignature({
        body: NODE_FLINKS_SAMPLE,
        signature: 'nLYJnRna62Xi08IQQfeKjkR1avL8c947yXsBXUDbjTY=',
        secret: 'secret',
      }),
    ).resolves.toBe(true);
  });

  it('hashes the raw UTF-8 bytes, given as a string or a Uint8Array (also a view into a larger buffer)', async () => {
    const body = '{"ResponseType":"KYC","Holders":[{"Name":"Éloïse Tremblay ✓"}]}';
    const bytes = new TextEncoder().encode(body);
    const padded = new Uint8Array(bytes.length + 8);
    padded.set(bytes, 4);
    const view = padded.subarray(4, 4 + bytes.length);
    const signature = sign(body);

    for (const candidate of [body, bytes, view]) {
      await expect(verifyWebhookSignature({ body: candidate, signature, secret: SECRET })).resolves.toBe(
        true,
      );
    }
    // A secret with non-ASCII characters is keyed by its UTF-8 bytes too.
    await expect(
      verifyWebhookSignature({ body, signature: sign(body, 'clé-secrète'), secret: 'clé-secrète' }),
    ).resolves.toBe(true);
  });

  it.each([
    ['missing', null],
    ['undefined', undefined],
    ['empty', ''],
    ['for another secret', sign(NODE_FLINKS_SAMPLE, 'other')],
    ['hex instead of base64', createHmac('sha256', SECRET).update(NODE_FLINKS_SAMPLE).digest('hex')],
    ['without its padding', sign(NODE_FLINKS_SAMPLE).replace(/=$/, '')],
    ['url-safe base64', sign(NODE_FLINKS_SAMPLE).replace(/\+/g, '-').replace(/\//g, '_')],
    ['with a sha256= prefix', `sha256=${sign(NODE_FLINKS_SAMPLE)}`],
    ['doubled', sign(NODE_FLINKS_SAMPLE).repeat(2)],
  ])('rejects a signature that is %s', async (_, signature) => {
    await expect(
      verifyWebhookSignature({ body: NODE_FLINKS_SAMPLE, signature, secret: SECRET }),
    ).resolves.toBe(false);
  });

  it('rejects a body changed by one byte, or re-serialized', async () => {
    const signature = sign(NODE_FLINKS_SAMPLE);
    const pretty = JSON.stringify(JSON.parse(NODE_FLINKS_SAMPLE), null, 2);

    await expect(
      verifyWebhookSignature({ body: NODE_FLINKS_SAMPLE.replace('a', 'e'), signature, secret: SECRET }),
    ).resolves.toBe(false);
    await expect(verifyWebhookSignature({ body: pretty, signature, secret: SECRET })).resolves.toBe(false);
  });

  it('refuses a missing secret or a parsed body with an error naming the fix', async () => {
    await expect(verifyWebhookSignature({ body: '{}', signature: 'x', secret: '' })).rejects.toThrow(
      FlinksConfigError,
    );
    await expect(
      verifyWebhookSignature({ body: {} as unknown as string, signature: 'x', secret: SECRET }),
    ).rejects.toThrow('not a parsed object');
  });
});
