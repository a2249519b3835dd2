import { QueryBuilder } from 'drizzle-orm/pg-core';
import { conversions } from './conversions.tables.ts';

/**
 * A conversion's columns for other modules' queries to join (an order with its attribution), so
 * order lists stay one query. PostgreSQL inlines the subquery: the plan is that of a join on conversions.
 */
export const conversionColumns = new QueryBuilder().select().from(conversions).as('conversion_columns');
