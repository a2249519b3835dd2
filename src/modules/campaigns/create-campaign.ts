import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { validationError } from '../../platform/http/validation.ts';
import { newUuid, randomCode } from '../../platform/ids.ts';
import { findCatalogContext } from '../merchants/index.ts';
import { readCampaignInput } from './campaign-input.ts';
import { toCampaignView } from './campaign-view.ts';
import { insertCampaign, type Tenant } from './campaigns.repository.ts';
import type { CampaignView, CreateCampaignBody } from './campaigns.schemas.ts';

/** `CMP-` and 6 characters from an alphabet without look-alikes (no 0/O, 1/I). */
export const newCampaignCode = () => `CMP-${randomCode(6)}`;

/** 32^6 ≈ 10^9 codes: a collision is rare, several in a row mean something is wrong. */
const CODE_ATTEMPTS = 8;

/** Create a campaign in DRAFT with a fresh, unique campaignCode. */
export async function createCampaign(db: Db, tenant: Tenant, body: CreateCampaignBody, generateCode: () => string = newCampaignCode): Promise<CampaignView> {
  const context = await findCatalogContext(tenant.merchantId, db);
  const input = readCampaignInput(body, context);
  if (!input.ok) throw validationError(input.details);
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const row = await insertCampaign(
      {
        ...input.values,
        id: newUuid(),
        merchantId: tenant.merchantId,
        livemode: tenant.livemode,
        campaignCode: generateCode(),
        title: input.values.title ?? body.title,
        currency: context.currency,
        status: 'DRAFT',
      },
      db,
    );
    if (row) return toCampaignView(row);
  }
  throw new AppError('INTERNAL', 'Could not allocate a unique campaign code');
}
