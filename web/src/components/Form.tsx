import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

export interface FormProps {
  onSubmit(data: FormData): void;
  /** Changes whenever a new set of errors arrives; the first invalid input then takes focus. */
  errorKey?: unknown;
  label?: string;
  className?: string;
  children: ReactNode;
}

/** A form that reads its inputs on submit, validates on our side (not the browser's bubbles), and focuses the first error. */
export function Form({ onSubmit, errorKey, label, className, children }: FormProps) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!errorKey) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errorKey]);
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(new FormData(event.currentTarget));
  };
  return (
    <form ref={ref} noValidate onSubmit={handleSubmit} aria-label={label} className={className ?? 'form'}>
      {children}
    </form>
  );
}

export function SubmitButton({ pending, children, pendingLabel }: { pending: boolean; children: ReactNode; pendingLabel?: string }) {
  return (
    <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending || undefined}>
      {pending ? (pendingLabel ?? 'Working…') : children}
    </button>
  );
}
