import { useId, useState } from 'react';
import { SelectField } from '../../components/SelectField.tsx';
import type { MarketplaceCampaign } from './affiliate-queries.ts';

const matches = (campaign: MarketplaceCampaign, search: string) => {
  const needle = search.trim().toLocaleLowerCase();
  return needle === '' || `${campaign.title} ${campaign.merchant.name} ${campaign.campaignCode}`.toLocaleLowerCase().includes(needle);
};

/** One of the campaigns the affiliate joined, narrowed by part of its title, store or code. */
export function CampaignPicker({
  campaigns,
  value,
  onChange,
  error,
}: {
  campaigns: readonly MarketplaceCampaign[];
  value: string;
  onChange(campaignId: string): void;
  error?: string | undefined;
}) {
  const searchId = useId();
  const [search, setSearch] = useState('');
  // The chosen campaign stays an option while the search hides the others.
  const shown = campaigns.filter((c) => c.id === value || matches(c, search));
  return (
    <div className="field-row">
      <div className="field">
        <label htmlFor={searchId}>Find a campaign</label>
        <input id={searchId} type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="Title, store or code" />
      </div>
      <SelectField label="Campaign" name="campaignId" required value={value} onChange={(event) => onChange(event.target.value)} error={error}>
        <option value="">{shown.length === 0 ? 'No joined campaign matches' : `Choose a campaign… (${shown.length})`}</option>
        {shown.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title} · {c.merchant.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
