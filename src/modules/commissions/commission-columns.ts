import { QueryBuilder } from 'drizzle-orm/pg-core';
import { commissions } from './commissions.tables.ts';

/**
 * A commission's columns for other modules' queries to join (an order with its commission, the
 * risk review queue), so they stay one query. PostgreSQL inlines the subquery: the plan is that of a
 * join on commissions.
 */
export const commissionColumns = new QueryBuilder().select().from(commissions).as('commission_columns');
