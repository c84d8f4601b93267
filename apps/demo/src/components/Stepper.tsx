import { Icon } from './icons';

const STEPS = ['Your details', 'Bank account', 'Review'] as const;

/** Where the user is in the (pretend) onboarding: the bank step is current until an account is linked. */
export function Stepper({ linked }: { linked: boolean }) {
  const current = linked ? 2 : 1;
  return (
    <nav aria-label="Account setup">
      <ol className="stepper">
        {STEPS.map((label, index) => {
          const state = index < current ? 'done' : index === current ? 'current' : 'upcoming';
          return (
            <li
              key={label}
              className={`step step-${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="step-marker" aria-hidden="true">
                {state === 'done' ? <Icon name="check" size={14} /> : index + 1}
              </span>
              <span className="step-label">
                {label}
                {state === 'done' && <span className="visually-hidden"> (done)</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
