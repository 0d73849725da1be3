import type { ReactNode } from 'react';

interface AlertProps {
  title?: string;
  children: ReactNode;
  onDismiss?: () => void;
}

/** An error message that screen readers announce when it appears. */
export function Alert({ title, children, onDismiss }: AlertProps) {
  return (
    <div className="alert" role="alert">
      <div className="alert-body">
        {title && <p className="alert-title">{title}</p>}
        {children}
      </div>
      {onDismiss && (
        <button type="button" className="button button-quiet alert-dismiss" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
