import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call } from '../../../api.ts';
import { useApi } from '../../../api-context.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { GO_LIVE_KEY } from './GoLiveChecklist.tsx';
import { REPLAY_STEPS, runSandboxReplay, type ReplayStep, type StepOutcome } from './sandbox-replay.ts';

const STEP_TITLES: Record<ReplayStep, string> = {
  click: 'Test click minted',
  conversion: 'Conversion reported',
  attribution: 'Attribution',
  commission: 'Commission computed',
  webhook: 'Webhook delivery',
};

/** Per step: not reached (absent), running (null), or its outcome. */
type Progress = Partial<Record<ReplayStep, StepOutcome | null>>;

/** The sandbox: one button replays a sample click and conversion end to end in test mode, showing each step's result as it happens. */
export function SandboxReplay() {
  const api = useApi();
  const test = api.forMode('test');
  const queryClient = useQueryClient();
  const [campaignId, setCampaignId] = useState('');
  const [productId, setProductId] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const campaigns = useQuery({
    queryKey: ['merchant', 'sandbox', 'campaigns'],
    queryFn: () => call(test.GET('/api/v1/campaigns', { params: { query: { pageSize: 100 } } })),
  });
  // The first campaign until the merchant picks another.
  const chosenCampaign = campaignId || campaigns.data?.data[0]?.id || '';
  const products = useQuery({
    queryKey: ['merchant', 'sandbox', 'products', chosenCampaign],
    queryFn: () => call(test.GET('/api/v1/products', { params: { query: { campaignId: chosenCampaign, status: 'ACTIVE', pageSize: 100 } } })),
    enabled: chosenCampaign !== '',
  });
  const run = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosenCampaign || running) return;
    const product = products.data?.data.find((p) => p.id === productId) ?? null;
    setRunning(true);
    setProgress({});
    await runSandboxReplay(
      test,
      { campaignId: chosenCampaign, product: product && { ...product, price: product.discountPrice ?? product.price } },
      { onStep: (step, outcome) => setProgress((before) => ({ ...before, [step]: outcome })) },
    );
    setRunning(false);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: GO_LIVE_KEY }),
      queryClient.invalidateQueries({ queryKey: ['merchant', 'webhook-deliveries'] }),
    ]);
  };

  return (
    <section className="section" aria-labelledby="sandbox">
      <h2 id="sandbox">Sandbox</h2>
      <p className="muted">
        Replays what your integration does, in test mode: a buyer clicks a link of your sandbox affiliate, you report the order with that click id, and the
        platform attributes it, computes the commission and sends your test endpoints the webhook. Nothing of it touches live data.
      </p>
      <QueryState query={campaigns} what="test campaigns" feature="Sandbox">
        {(page) =>
          page.data.length === 0 ? (
            <EmptyState title="No test campaigns yet">
              Create a campaign in test mode (the Test switch on Campaigns, or <code>POST /api/v1/campaigns</code> with your test key) and activate it.
            </EmptyState>
          ) : (
            <form className="toolbar sandbox-form" onSubmit={(event) => void run(event)}>
              <SelectField
                label="Test campaign"
                name="sandbox-campaign"
                value={chosenCampaign}
                onChange={(e) => {
                  setCampaignId(e.target.value);
                  setProductId('');
                }}
                hideOptional
              >
                {page.data.map((campaign) => (
                  <option key={campaign.id} value={campaign.id}>
                    {campaign.title} ({campaign.status.toLowerCase()})
                  </option>
                ))}
              </SelectField>
              <SelectField label="Product" name="sandbox-product" value={productId} onChange={(e) => setProductId(e.target.value)}>
                <option value="">Whole campaign (a 49.90 order)</option>
                {(products.data?.data ?? []).map((product) => (
                  <option key={product.id} value={product.id}>
                    {product.name} ({product.externalProductId})
                  </option>
                ))}
              </SelectField>
              <button type="submit" className="button button--primary" disabled={running}>
                {running ? 'Replaying…' : 'Run sandbox replay'}
              </button>
            </form>
          )
        }
      </QueryState>
      {progress && <ReplayProgress progress={progress} running={running} />}
    </section>
  );
}

function ReplayProgress({ progress, running }: { progress: Progress; running: boolean }) {
  return (
    <ol className="plain-list sandbox-steps" aria-label="Sandbox replay steps" aria-live="polite" aria-busy={running}>
      {REPLAY_STEPS.map((step) => {
        const outcome = progress[step];
        return (
          <li key={step} className="sandbox-step" data-step={step}>
            <StepBadge outcome={outcome} /> <strong>{STEP_TITLES[step]}</strong>
            {outcome && <StepResult outcome={outcome} />}
          </li>
        );
      })}
    </ol>
  );
}

function StepBadge({ outcome }: { outcome: StepOutcome | null | undefined }) {
  if (outcome === undefined) return <span className="badge badge--neutral">Not run</span>;
  if (outcome === null) return <span className="badge badge--warn">Running</span>;
  if (outcome.state === 'passed') return <span className="badge badge--good">Passed</span>;
  if (outcome.state === 'failed') return <span className="badge badge--bad">Failed</span>;
  return <span className="badge badge--neutral">Note</span>;
}

function StepResult({ outcome }: { outcome: StepOutcome }) {
  if (outcome.state === 'failed') {
    return (
      <p className="sandbox-step-detail" role="alert">
        <code>{outcome.code}</code> {outcome.message}
      </p>
    );
  }
  return (
    <div className="sandbox-step-detail">
      <p>
        {outcome.summary}
        {outcome.state === 'noted' && outcome.addEndpoint && (
          <>
            {' '}
            <a href="#webhooks">Add a test endpoint</a> to see this step deliver.
          </>
        )}
      </p>
      {outcome.state === 'passed' && outcome.details && (
        <dl className="sandbox-facts">
          {outcome.details.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>
                <code>{value}</code>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
