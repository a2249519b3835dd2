import { CopyButton } from '../../components/CopyButton.tsx';
import { formatDateTime } from '../../format.ts';
import type { WebhookEndpointWithSecret } from '../../resources.ts';

/** An endpoint's signing secret, shown exactly once: after creation or rotation. The server never returns it again. */
export function WebhookSecretNotice({ endpoint, onDismiss }: { endpoint: WebhookEndpointWithSecret; onDismiss(): void }) {
  return (
    <div className="notice notice--warn" role="status">
      <h3>Webhook signing secret — copy it now</h3>
      <p>You will not see this secret again. Your receiver verifies the signature of every delivery with it.</p>
      <dl className="facts facts--wide">
        <div>
          <dt>Endpoint</dt>
          <dd className="mono">{endpoint.url}</dd>
        </div>
        <div>
          <dt>Signing secret</dt>
          <dd className="mono secret">
            <span>{endpoint.secret}</span> <CopyButton text={endpoint.secret} label="Copy secret" />
          </dd>
        </div>
        {endpoint.previousSecretExpiresAt && (
          <div>
            <dt>Old secret stops signing</dt>
            <dd>{formatDateTime(endpoint.previousSecretExpiresAt)}</dd>
          </div>
        )}
      </dl>
      <button type="button" className="button" onClick={onDismiss}>
        I have stored it
      </button>
    </div>
  );
}
