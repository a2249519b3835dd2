// Every table, for Drizzle's typed queries and for drizzle-kit, which generates db/migrations from it.
export * from '../jobs/jobs.tables.ts';
export * from '../events/events.tables.ts';
