import { formatCommissionValue } from '../commissions/index.ts';
import type { CommissionType } from '../commissions/index.ts';
import type { MembershipStatus } from './memberships.tables.ts';

export type MembershipAction = 'JOIN' | 'INVITE' | 'APPROVE' | 'REJECT';

export type Transition = { ok: true; status: MembershipStatus; changed: boolean } | { ok: false; reason: 'NOT_FOUND' | 'INVALID_TRANSITION'; message: string };

const stay = (status: MembershipStatus): Transition => ({ ok: true, status, changed: false });
const move = (status: MembershipStatus): Transition => ({ ok: true, status, changed: true });
const refuse = (message: string): Transition => ({ ok: false, reason: 'INVALID_TRANSITION', message });

/**
 * The membership state machine, in one place. `current` is null when the affiliate has no membership.
 * - JOIN (affiliate): joins at once, or waits for the merchant when the campaign requires approval;
 *   accepting an invitation needs no further approval.
 * - INVITE (merchant): invites; inviting someone who asked to join approves them.
 * - APPROVE / REJECT (merchant): decide a join request; REJECT also withdraws an invitation.
 */
export function nextMembershipStatus(current: MembershipStatus | null, action: MembershipAction, campaign: { approvalRequired: boolean }): Transition {
  switch (action) {
    case 'JOIN':
      if (current === null) return move(campaign.approvalRequired ? 'PENDING' : 'APPROVED');
      if (current === 'INVITED') return move('APPROVED');
      if (current === 'REJECTED') return refuse('The merchant declined your request to join this campaign');
      return stay(current);
    case 'INVITE':
      if (current === null || current === 'REJECTED') return move('INVITED');
      if (current === 'PENDING') return move('APPROVED');
      return stay(current);
    case 'APPROVE':
      if (current === null) return { ok: false, reason: 'NOT_FOUND', message: 'This affiliate has not asked to join this campaign' };
      if (current === 'PENDING' || current === 'REJECTED') return move('APPROVED');
      if (current === 'INVITED') return refuse('The affiliate has not accepted the invitation yet');
      return stay(current);
    case 'REJECT':
      if (current === null) return { ok: false, reason: 'NOT_FOUND', message: 'This affiliate has not asked to join this campaign' };
      if (current === 'PENDING' || current === 'INVITED') return move('REJECTED');
      if (current === 'APPROVED') return refuse('An approved affiliate cannot be rejected');
      return stay(current);
  }
}

/** The commission an affiliate is offered, as shown in the marketplace; null when the campaign sets none. */
export function describeCommission(
  type: CommissionType | null,
  value: number | null,
  currency: string,
): { type: CommissionType; value: string; currency: string } | null {
  if (type === null || value === null) return null;
  return { type, value: formatCommissionValue(type, value, currency), currency };
}
