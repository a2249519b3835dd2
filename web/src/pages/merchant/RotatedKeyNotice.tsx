import { formatDateTime } from '../../format.ts';
import type { RotatedKey } from '../../resources.ts';
import { CopyButton } from '../../components/CopyButton.tsx';

/** The new signing secret, shown exactly once: the server keeps it sealed and never returns it again. */
export function RotatedKeyNotice({ rotated, onDismiss }: { rotated: RotatedKey; onDismiss(): void }) {
  return (
    <div className="notice notice--warn" role="status">
      <h3>New key pair issued — copy the signing secret now</h3>
      <p>You will not see this secret again. Store it where your server reads its configuration.</p>
      <dl className="facts facts--wide">
        <div>
          <dt>Publishable key</dt>
          <dd className="mono">{rotated.publishableKey}</dd>
        </div>
        <div>
          <dt>Signing secret</dt>
          <dd className="mono secret">
            {rotated.signingSecret} <CopyButton text={rotated.signingSecret} label="Copy secret" />
          </dd>
        </div>
        {rotated.retired?.map((old) => (
          <div key={old.id}>
            <dt>Old pair {old.publishableKey} stops working</dt>
            <dd>{formatDateTime(old.expiresAt)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button" onClick={onDismiss}>
        I have stored it
      </button>
    </div>
  );
}
