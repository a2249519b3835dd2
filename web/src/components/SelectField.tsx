import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import { fieldMessage } from './field-message.ts';

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name'> {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string | undefined;
  /** Filters and pickers are never "required"; leave out the "(optional)" note for them. */
  hideOptional?: boolean;
  children: ReactNode;
}

export function SelectField({ label, name, error, hint, required, hideOptional, children, ...select }: SelectFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {!required && !hideOptional && <span className="field-optional"> (optional)</span>}
      </label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <select id={id} name={name} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
        {children}
      </select>
      {error && (
        <p id={errorId} className="field-error">
          {fieldMessage(label, error)}
        </p>
      )}
    </div>
  );
}
