// Every table, for Drizzle's typed queries and for drizzle-kit, which generates db/migrations from it.
export * from '../jobs/jobs.tables.ts';
export * from '../events/events.tables.ts';
export * from '../../modules/accounts/accounts.tables.ts';
export * from '../../modules/merchants/merchants.tables.ts';
export * from '../../modules/affiliates/affiliates.tables.ts';
export * from '../../modules/api-keys/api-keys.tables.ts';
export * from '../../modules/campaigns/campaigns.tables.ts';
export * from '../../modules/products/products.tables.ts';
export * from '../../modules/links/links.tables.ts';
export * from '../../modules/tracking/clicks.tables.ts';
export * from '../../modules/memberships/memberships.tables.ts';
