import { describe, expect, it } from 'vitest';
import { readRedirectResult } from '../lib/connect-redirect';

const LOGIN_ID = '8b35e3a6-5ac4-4e1b-bd0f-3b5e9a6c7d10';

describe('the result on the redirect landing page', () => {
  it('reads what Connect appended to redirectUrl, loginId first or not', () => {
    expect(
      readRedirectResult(
        `https://app.example/connected?loginId=${LOGIN_ID}&institution=FlinksCapital&accountId=acc-1&requestId=req-9`,
      ),
    ).toEqual({ loginId: LOGIN_ID, institution: 'FlinksCapital', accountId: 'acc-1', requestId: 'req-9' });
    expect(
      readRedirectResult(
        `https://app.example/connected?from=email&institution=RBC&loginId=${LOGIN_ID}&tag=u42`,
      ),
    ).toEqual({ loginId: LOGIN_ID, institution: 'RBC', tag: 'u42' });
  });

  it('has no result for an address without a loginId, such as the page opened by hand', () => {
    expect(readRedirectResult('https://app.example/connected')).toBeNull();
    expect(readRedirectResult('https://app.example/connected?loginId=&institution=RBC')).toBeNull();
  });
});
