import type { ResponseOf } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { OneTimeSecretNotice } from '../../components/OneTimeSecretNotice.tsx';

/** Answered once, on rotation: the new pair with its secret in full, and the pairs it retires. */
export type RotatedKey = ResponseOf<'/api/merchant/api-keys/rotate', 'post'>;

/** The new signing secret, shown exactly once: the server keeps it sealed and never returns it again. */
export function RotatedKeyNotice({ rotated, onDismiss }: { rotated: RotatedKey; onDismiss(): void }) {
  return (
    <OneTimeSecretNotice
      title="New key pair issued — copy the signing secret now"
      why="Store it where your server reads its configuration."
      secret={rotated.signingSecret}
      before={[{ label: 'Publishable key', value: rotated.publishableKey, mono: true }]}
      after={rotated.retired.map((old) => ({ label: `Old pair ${old.publishableKey} stops working`, value: formatDateTime(old.expiresAt) }))}
      onDismiss={onDismiss}
    />
  );
}
