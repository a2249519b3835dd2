import type { Config } from '../../platform/config.ts';
import { loadPlatformDefaults } from '../commissions/index.ts';
import { applyOrderStatuses } from './apply-order-statuses.ts';
import { applyOrders } from './apply-orders.ts';
import { applyProducts } from './apply-products.ts';
import type { ApplyBatch } from './import-batch.ts';
import type { ImportType } from './imports.tables.ts';

/** What applies each type's rows: the API's own services. */
export function importAppliers(config: Config): Record<ImportType, ApplyBatch> {
  const defaults = loadPlatformDefaults(config);
  return { products: applyProducts, orders: applyOrders(defaults), 'order-status': applyOrderStatuses(defaults.holdDays) };
}
