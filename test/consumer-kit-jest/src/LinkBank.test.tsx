import { cleanup, render, screen } from '@testing-library/react';
import { createConnectKit, type ConnectKit } from '@flinks-embed/react/testing';
import { LinkBank } from './LinkBank';

let connect: ConnectKit;
beforeEach(() => {
  connect = createConnectKit({ tokenEndpoint: '/api/flinks/authorize-token' });
});
afterEach(() => {
  cleanup();
  connect.dispose();
});

test('saves the login when Connect redirects', async () => {
  render(<LinkBank />);
  await connect.findFrame();
  expect(new URL(connect.src).searchParams.get('consentEnable')).toBe('true');

  connect.completeFlow({ loginId: 'login-42' });

  expect(screen.getByText('Bank linked: login-42')).toBeTruthy();
  connect.verify();
});

test('shows help on INVALID_LOGIN', async () => {
  render(<LinkBank />);
  await connect.findFrame();
  connect.emit('APP_MOUNTED');
  connect.emitError('INVALID_LOGIN');
  expect(screen.getByRole('alert').textContent).toContain('Check the username and password');
});
