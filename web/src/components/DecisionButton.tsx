import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { asApiError } from '../api.ts';

export interface DecisionButtonProps {
  /** The button's text; with `subject` it also names the action for assistive technology ("Approve shop.example.com"). */
  label: string;
  subject: string;
  /** Send the decision; `text` is what was typed when `prompt` asks for it. */
  act(text: string): Promise<unknown>;
  /** Queries to refresh once it succeeded. */
  invalidates: QueryKey;
  /** Ask for a text first (a reason or a note); `required: false` lets it be left empty. */
  prompt?: { label: string; required: boolean };
  tone?: 'primary' | 'danger' | 'plain';
}

/**
 * One admin or merchant decision: a button that acts at once, or first opens a small form for the
 * reason it needs. The server's refusal is shown next to it.
 */
export function DecisionButton({ label, subject, act, invalidates, prompt, tone = 'plain' }: DecisionButtonProps) {
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [missing, setMissing] = useState(false);
  const inputId = useId();
  const decide = useMutation({
    mutationFn: act,
    onSuccess: async () => {
      setAsking(false);
      await queryClient.invalidateQueries({ queryKey: invalidates });
    },
  });
  const className = `button${tone === 'primary' ? ' button--primary' : tone === 'danger' ? ' button--danger' : ''}`;
  const failure = decide.isError ? (
    <p role="alert" className="field-error">
      {asApiError(decide.error).message}
    </p>
  ) : null;

  if (prompt && asking) {
    const submit = (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const text = String(new FormData(event.currentTarget).get('text') ?? '').trim();
      if (prompt.required && !text) {
        setMissing(true);
        return;
      }
      setMissing(false);
      decide.mutate(text);
    };
    return (
      <form className="inline-form" noValidate onSubmit={submit} aria-label={`${label} ${subject}`}>
        <div className={`field${missing ? ' field--invalid' : ''}`}>
          <label htmlFor={inputId}>
            {prompt.label}
            {!prompt.required && <span className="field-optional"> (optional)</span>}
          </label>
          <input
            id={inputId}
            name="text"
            maxLength={500}
            autoFocus
            aria-invalid={missing || undefined}
            aria-describedby={missing ? `${inputId}-error` : undefined}
          />
          {missing && (
            <p id={`${inputId}-error`} className="field-error">
              {prompt.label} is required.
            </p>
          )}
        </div>
        <button type="submit" className={className} disabled={decide.isPending}>
          {label}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setAsking(false)}>
          Cancel
        </button>
        {failure}
      </form>
    );
  }
  return (
    <span className="decision">
      <button
        type="button"
        className={className}
        aria-label={`${label} ${subject}`}
        disabled={decide.isPending}
        onClick={() => (prompt ? setAsking(true) : decide.mutate(''))}
      >
        {label}
      </button>
      {failure}
    </span>
  );
}
