import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/client.ts';
import { newUuid } from '../../platform/ids.ts';
import type { Tenant } from '../../platform/tenant.ts';
import type { ProductWrite } from './product-input.ts';

/**
 * Set-based writes for import and upsert: one statement per chunk, however many items it holds.
 * Rows travel as one array parameter per column and are turned back into rows with unnest(), so
 * the statement size and parameter count do not grow with the chunk (PostgreSQL caps a statement
 * at 65 535 parameters; a 5 000-item VALUES list would need ~75 000).
 */

export interface WrittenRow extends Record<string, unknown> {
  id: string;
  external_product_id: string;
  inserted: boolean;
}

const param = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;
const orNull = <T>(value: T | null | undefined): T | null => (value === undefined ? null : value);

function rowsSource(items: readonly ProductWrite[]): SQL {
  return sql`unnest(
    ${param(
      items.map(() => newUuid()),
      'uuid',
    )},
    ${param(
      items.map((i) => i.externalProductId),
      'text',
    )},
    ${param(
      items.map((i) => i.name),
      'text',
    )},
    ${param(
      items.map((i) => orNull(i.description)),
      'text',
    )},
    ${param(
      items.map((i) => i.productUrl),
      'text',
    )},
    ${param(
      items.map((i) => orNull(i.imageUrl)),
      'text',
    )},
    ${param(
      items.map((i) => orNull(i.category)),
      'text',
    )},
    ${param(
      items.map((i) => orNull(i.brand)),
      'text',
    )},
    ${param(
      items.map((i) => i.price.toString()),
      'bigint',
    )},
    ${param(
      items.map((i) => (typeof i.discountPrice === 'bigint' ? i.discountPrice.toString() : null)),
      'bigint',
    )},
    ${param(
      items.map((i) => i.currency),
      'text',
    )},
    ${param(
      items.map((i) => orNull(i.stockStatus)),
      'text',
    )},
    ${param(
      items.map((i) => orNull(i.commissionType)),
      'text',
    )},
    ${param(
      items.map((i) => orNull(i.commissionValue)),
      'int4',
    )},
    ${param(
      items.map((i) => orNull(i.campaignId)),
      'uuid',
    )}
  ) as v(id, external_product_id, name, description, product_url, image_url, category, brand, price, discount_price, currency, stock_status, commission_type, commission_value, campaign_id)`;
}

function insertStatement(tenant: Tenant, items: readonly ProductWrite[], sourceFeedId: string | null): SQL {
  return sql`insert into products (id, merchant_id, livemode, external_product_id, name, description, product_url, image_url, category, brand,
      price, discount_price, currency, stock_status, commission_type, commission_value, campaign_id, status, source_feed_id)
    select v.id, ${tenant.merchantId}, ${tenant.livemode}, v.external_product_id, v.name, v.description, v.product_url, v.image_url, v.category, v.brand,
      v.price, v.discount_price, v.currency, v.stock_status, v.commission_type, v.commission_value, v.campaign_id, 'ACTIVE', ${sourceFeedId}
    from ${rowsSource(items)}`;
}

/** Create-only: items whose externalProductId already exists are not returned (the caller fails them). */
export function insertNewProducts(tenant: Tenant, items: readonly ProductWrite[], sourceFeedId: string | null, executor: Executor): Promise<WrittenRow[]> {
  return queryRows<WrittenRow>(
    executor,
    sql`${insertStatement(tenant, items, sourceFeedId)}
      on conflict (merchant_id, livemode, external_product_id) do nothing
      returning id, external_product_id, true as inserted`,
  );
}

/**
 * Create or update by externalProductId. `inserted` comes from xmax = 0 (a row this statement
 * created has no deleting transaction yet). Optional fields an item did not give keep their
 * stored value; explicit nulls are applied afterwards by clearProductFields. An upserted product
 * is active again: the catalog sync says it exists.
 */
export function upsertProducts(tenant: Tenant, items: readonly ProductWrite[], sourceFeedId: string | null, executor: Executor): Promise<WrittenRow[]> {
  return queryRows<WrittenRow>(
    executor,
    sql`${insertStatement(tenant, items, sourceFeedId)}
      on conflict (merchant_id, livemode, external_product_id) do update set
        name = excluded.name,
        product_url = excluded.product_url,
        price = excluded.price,
        currency = excluded.currency,
        description = coalesce(excluded.description, products.description),
        image_url = coalesce(excluded.image_url, products.image_url),
        category = coalesce(excluded.category, products.category),
        brand = coalesce(excluded.brand, products.brand),
        discount_price = coalesce(excluded.discount_price, products.discount_price),
        stock_status = coalesce(excluded.stock_status, products.stock_status),
        commission_type = coalesce(excluded.commission_type, products.commission_type),
        commission_value = case when excluded.commission_type is null then products.commission_value else excluded.commission_value end,
        campaign_id = coalesce(excluded.campaign_id, products.campaign_id),
        status = 'ACTIVE',
        source_feed_id = excluded.source_feed_id,
        updated_at = now()
      returning id, external_product_id, (xmax = 0) as inserted`,
  );
}

const CLEARABLE = ['description', 'imageUrl', 'category', 'brand', 'discountPrice', 'stockStatus', 'commissionType', 'campaignId'] as const;

/** Items that clear at least one optional field with an explicit null. */
export const clearsSomething = (item: ProductWrite) => CLEARABLE.some((field) => item[field] === null);

/**
 * Apply explicit nulls of upserted items. The rows are already locked by this transaction's
 * upsert, so this second statement cannot deadlock with another writer.
 */
export async function clearProductFields(tenant: Tenant, items: readonly ProductWrite[], executor: Executor): Promise<void> {
  if (items.length === 0) return;
  const flag = (field: (typeof CLEARABLE)[number]) =>
    param(
      items.map((i) => i[field] === null),
      'bool',
    );
  await executor.execute(sql`update products p set
      description = case when c.description then null else p.description end,
      image_url = case when c.image_url then null else p.image_url end,
      category = case when c.category then null else p.category end,
      brand = case when c.brand then null else p.brand end,
      discount_price = case when c.discount_price then null else p.discount_price end,
      stock_status = case when c.stock_status then null else p.stock_status end,
      commission_type = case when c.commission then null else p.commission_type end,
      commission_value = case when c.commission then null else p.commission_value end,
      campaign_id = case when c.campaign_id then null else p.campaign_id end
    from unnest(${param(
      items.map((i) => i.externalProductId),
      'text',
    )}, ${flag('description')}, ${flag('imageUrl')}, ${flag('category')}, ${flag('brand')},
      ${flag('discountPrice')}, ${flag('stockStatus')}, ${flag('commissionType')}, ${flag('campaignId')})
      as c(external_product_id, description, image_url, category, brand, discount_price, stock_status, commission, campaign_id)
    where p.merchant_id = ${tenant.merchantId} and p.livemode = ${tenant.livemode} and p.external_product_id = c.external_product_id`);
}
