import type { Db } from '../../platform/db/client.ts';
import type { Tenant } from './campaigns.repository.ts';
import { transitionCampaign } from './transition-campaign.ts';

/** ACTIVE → PAUSED: links stop converting until the campaign is activated again. */
export const pauseCampaign = (db: Db, tenant: Tenant, id: string) => transitionCampaign(db, tenant, id, 'pause');
