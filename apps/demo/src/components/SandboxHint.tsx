import type { SandboxHint as Hint } from '../../shared/demo-api';
import { Icon } from './icons';

/** The test bank's login, for whoever runs the demo. */
export function SandboxHint({ hint }: { hint: Hint }) {
  return (
    <aside className="sandbox-hint" aria-label="Test credentials">
      <Icon name="key" />
      <p>
        Testing? Choose <strong>{hint.institution}</strong>, sign in with <kbd>{hint.username}</kbd> /{' '}
        <kbd>{hint.password}</kbd> and answer <kbd>{hint.securityAnswer}</kbd> to “{hint.securityQuestion}”
      </p>
    </aside>
  );
}
