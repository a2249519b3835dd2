import type { ResponseOf } from '../../../api.ts';

/** A campaign in the merchant's own dashboard, as the shared `/api/v1/campaigns` routes answer for it. */
export type MerchantCampaign = ResponseOf<'/api/v1/campaigns/{id}', 'get'>;
