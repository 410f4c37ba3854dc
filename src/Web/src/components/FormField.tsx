import type { ReactNode } from 'react';
import { FieldError } from './FieldError';

interface FormFieldProps {
  /** The control's id: the label points at it, and the error is `${id}-error`. */
  id: string;
  label: ReactNode;
  error?: string | undefined;
  errorTestId?: string;
  /** Classes besides `field`. */
  className?: string;
  children: ReactNode;
}

/** A labelled form field: the label, the control (children), and the message under it when there is one. */
export function FormField({ id, label, error, errorTestId, className, children }: FormFieldProps) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      <FieldError id={`${id}-error`} message={error} testId={errorTestId} />
    </div>
  );
}
