import type { ReactNode } from 'react';
import { CopyButton } from './CopyButton.tsx';

export interface SecretFact {
  label: string;
  value: ReactNode;
  mono?: boolean;
}

/**
 * A secret the server shows exactly once (it keeps it sealed and never returns it again): the facts
 * around it, the secret with a copy button, and a dismiss button once it is stored.
 */
export function OneTimeSecretNotice({
  title,
  why,
  secret,
  before = [],
  after = [],
  onDismiss,
}: {
  title: string;
  why: string;
  secret: string;
  before?: SecretFact[];
  after?: SecretFact[];
  onDismiss(): void;
}) {
  const fact = ({ label, value, mono }: SecretFact) => (
    <div key={label}>
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined}>{value}</dd>
    </div>
  );
  return (
    <div className="notice notice--warn" role="status">
      <h3>{title}</h3>
      <p>You will not see this secret again. {why}</p>
      <dl className="facts facts--wide">
        {before.map(fact)}
        <div>
          <dt>Signing secret</dt>
          <dd className="mono secret">
            <span>{secret}</span> <CopyButton text={secret} label="Copy secret" />
          </dd>
        </div>
        {after.map(fact)}
      </dl>
      <button type="button" className="button" onClick={onDismiss}>
        I have stored it
      </button>
    </div>
  );
}
