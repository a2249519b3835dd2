import { inTransaction, type Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { validationError } from '../../platform/http/validation.ts';
import { findApprovedDomains } from '../merchants/index.ts';
import { readCampaignInput } from './campaign-input.ts';
import { effectiveCampaignStatus, nextCampaignStatus } from './campaign-status.ts';
import { toCampaignView } from './campaign-view.ts';
import { getCampaignOrThrow, updateCampaign as updateCampaignRow, type Tenant } from './campaigns.repository.ts';
import type { CampaignView, UpdateCampaignBody } from './campaigns.schemas.ts';

/** Partially update a campaign; `status: "ARCHIVED"` archives it through the state machine. */
export async function updateCampaign(db: Db, tenant: Tenant, id: string, body: UpdateCampaignBody): Promise<CampaignView> {
  return inTransaction(db, async (tx) => {
    const current = await getCampaignOrThrow(tenant, id, tx, { forUpdate: true });
    const now = new Date();
    const readStatus = effectiveCampaignStatus(current, now);
    if (readStatus === 'ARCHIVED') throw new AppError('INVALID_TRANSITION', 'An archived campaign can no longer be changed');
    const approvedDomains = typeof body.landingUrl === 'string' ? await findApprovedDomains(tenant.merchantId, tx) : [];
    const input = readCampaignInput(body, { currency: current.currency, approvedDomains, current });
    if (!input.ok) throw validationError(input.details);
    const values = { ...input.values };
    if (body.status === 'ARCHIVED') {
      const next = nextCampaignStatus(readStatus, 'archive');
      if (!next) throw new AppError('INVALID_TRANSITION', `A ${readStatus} campaign cannot be archived`);
      values.status = next;
    }
    return toCampaignView(await updateCampaignRow(current.id, values, tx), now);
  });
}
