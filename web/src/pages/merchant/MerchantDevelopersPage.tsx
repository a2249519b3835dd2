import { PageHeader } from '../../components/PageHeader.tsx';
import { ApiKeysSection } from './ApiKeysSection.tsx';
import { GoLiveChecklist } from './developers/GoLiveChecklist.tsx';
import { SandboxReplay } from './developers/SandboxReplay.tsx';
import { RequestLogSection } from './RequestLogSection.tsx';
import { WebhooksSection } from './WebhooksSection.tsx';

export function MerchantDevelopersPage() {
  return (
    <div>
      <PageHeader title="Developers">
        <p>
          Every request to <code>/api/v1</code> carries your publishable key and an HMAC signature made with the signing secret. The{' '}
          <a href="/docs">API reference</a> lists every endpoint.
        </p>
      </PageHeader>
      <GoLiveChecklist />
      <ApiKeysSection />
      <SandboxReplay />
      <WebhooksSection />
      <RequestLogSection />
    </div>
  );
}
