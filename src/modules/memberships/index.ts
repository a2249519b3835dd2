// The memberships module's public face: what other modules may use. Its tables, repositories and every
// file not exported here are private to it; the app registers its routes from its *.routes.ts.
export { inviteAffiliate } from './decide-membership.ts';
export { joinCampaign } from './join-campaign.ts';
export { findJoinedCampaign, type JoinedCampaign } from './joined-campaign.ts';
export { findMembershipStatus } from './membership-status.ts';
