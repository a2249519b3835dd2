import { formatDateTime } from '../../format.ts';
import type { WebhookEndpointWithSecret } from './webhook-api.ts';
import { OneTimeSecretNotice } from '../../components/OneTimeSecretNotice.tsx';

/** An endpoint's signing secret, shown exactly once: after creation or rotation. The server never returns it again. */
export function WebhookSecretNotice({ endpoint, onDismiss }: { endpoint: WebhookEndpointWithSecret; onDismiss(): void }) {
  const previous = endpoint.previousSecretExpiresAt;
  return (
    <OneTimeSecretNotice
      title="Webhook signing secret — copy it now"
      why="Your receiver verifies the signature of every delivery with it."
      secret={endpoint.secret}
      before={[{ label: 'Endpoint', value: endpoint.url, mono: true }]}
      after={previous ? [{ label: 'Old secret stops signing', value: formatDateTime(previous) }] : []}
      onDismiss={onDismiss}
    />
  );
}
