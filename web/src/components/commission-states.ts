import type { ItemOf } from '../api.ts';

/** Commissions as the shared `/api/v1/commissions` route answers for them. */
export type Commission = ItemOf<'/api/v1/commissions', 'get'>;
export type CommissionStatus = Commission['status'];

// A record rather than a list, so a status added on the server is a type error here until it is listed.
const COMMISSION_STATUS: Record<CommissionStatus, true> = {
  pending: true,
  hold: true,
  approved: true,
  payable: true,
  paid: true,
  reversed: true,
  rejected: true,
};

export const COMMISSION_STATUSES = Object.keys(COMMISSION_STATUS) as CommissionStatus[];
export const isCommissionStatus = (value: string): value is CommissionStatus => value in COMMISSION_STATUS;
