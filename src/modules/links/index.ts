// The links module's public face: what other modules may use. Its tables, repositories and every
// file not exported here are private to it; the app registers its routes from its *.routes.ts.
export { createLink } from './create-link.ts';
export { linkCodes } from './link-codes.ts';
export { findOrCreateLink } from './find-or-create-link.ts';
export type { LinkTarget } from './find-or-create-link.ts';
export { findLinkWithTarget } from './find-link-with-target.ts';
export { affiliateLinkIds } from './affiliate-link-ids.ts';
export { findLinkCodeOfCampaigns } from './link-code-of-campaigns.ts';
