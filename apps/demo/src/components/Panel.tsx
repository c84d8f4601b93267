import type { ReactNode } from 'react';
import { Icon, type IconName } from './icons';

/** A card of the developer column, labelled by its heading. */
export function Panel({
  id,
  title,
  icon,
  actions,
  children,
  className = '',
}: {
  id: string;
  title: string;
  icon: IconName;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={`panel ${className}`} aria-labelledby={`${id}-title`} data-testid={id}>
      <header className="panel-header">
        <h2 id={`${id}-title`} className="panel-title">
          <Icon name={icon} size={16} />
          {title}
        </h2>
        {actions}
      </header>
      {children}
    </section>
  );
}
