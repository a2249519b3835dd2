import { BODY_LIMIT } from '../../platform/http/body-limits.ts';
import { Type } from '@sinclair/typebox';
import type { ModuleRegister } from '../../platform/module.ts';
import { Paginated } from '../../platform/http/pagination.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { sendCsv, wantsCsv } from '../../platform/http/csv-export.ts';
import { archiveProducts } from './archive-products.ts';
import { PRODUCT_CSV_COLUMNS, productCsvRecords } from './export-products.ts';
import { createProduct } from './create-product.ts';
import { getProduct, listProducts } from './list-products.ts';
import {
  ArchiveProductsBody,
  BulkProductsBody,
  BulkProductsResult,
  Product,
  ProductInput,
  ProductListQuery,
  ProductParams,
  ProductPatch,
} from './products.schemas.ts';
import { updateProduct } from './update-product.ts';
import { writeProducts } from './write-products.ts';
import { resolveTenant } from '../../platform/auth/resolve-principal.ts';

const signed = { tags: ['products'], security: [{ apiKey: [] }] };
const notFound = { NOT_FOUND: 'No product with this id in this mode.' } as const;

/** Products in the signed merchant API (seed: Products API reference). */
export const registerProducts: ModuleRegister = (app, { db, changes }) => {
  app.addSchema(Product);
  // After a write has committed: links cached for redirects forget this merchant's products now.
  const announced = async <T>(request: Parameters<typeof resolveTenant>[0], write: (tenant: ReturnType<typeof resolveTenant>) => Promise<T>): Promise<T> => {
    const tenant = resolveTenant(request);
    const result = await write(tenant);
    changes.announce({ kind: 'products', merchantId: tenant.merchantId, livemode: tenant.livemode });
    return result;
  };

  app.post(
    '/api/v1/products/import',
    {
      config: { principals: ['merchantKey', 'merchantSession'], idempotent: true },
      bodyLimit: BODY_LIMIT.bulk,
      schema: {
        ...signed,
        summary: 'Import products (create only, up to 5000 per call)',
        description:
          'Each item is checked on its own: failures are listed in `errors` (with the item index) and never block the other items. An externalProductId that already exists fails its item with 409 ALREADY_EXISTS.',
        body: BulkProductsBody,
        response: { 202: BulkProductsResult, ...errorResponses(400) },
      },
    },
    async (request, reply) => reply.status(202).send(await writeProducts(db, resolveTenant(request), request.body.products, { mode: 'import' })),
  );

  app.post(
    '/api/v1/products/upsert',
    {
      config: { principals: ['merchantKey', 'merchantSession'], idempotent: true },
      bodyLimit: BODY_LIMIT.bulk,
      schema: {
        ...signed,
        summary: 'Create or update products by externalProductId (up to 5000 per call)',
        description: 'An existing product keeps the optional fields an item omits; null clears one. Failures are listed per item in `errors`.',
        body: BulkProductsBody,
        response: { 202: BulkProductsResult, ...errorResponses(400) },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await announced(request, (tenant) => writeProducts(db, tenant, request.body.products, { mode: 'upsert' }))),
  );

  app.post(
    '/api/v1/products',
    {
      config: { principals: ['merchantKey', 'merchantSession'], idempotent: true },
      schema: {
        ...signed,
        summary: 'Create one product',
        body: ProductInput,
        response: {
          201: Type.Ref(Product),
          ...errorResponses(
            400,
            'PRODUCT_URL_NOT_ALLOWED',
            { ALREADY_EXISTS: 'A product with this externalProductId exists already; upsert updates it.' },
            'UNKNOWN_CAMPAIGN',
          ),
        },
      },
    },
    async (request, reply) => reply.status(201).send(await createProduct(db, resolveTenant(request), request.body)),
  );

  app.get(
    '/api/v1/products',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        ...signed,
        summary:
          'List your products; `format=csv` (or `Accept: text/csv`) downloads them all as CSV with the columns of ProductInput, ready to edit and import again',
        querystring: ProductListQuery,
        response: { 200: Paginated(Type.Ref(Product)), ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const tenant = resolveTenant(request);
      if (wantsCsv(request, request.query.format)) return sendCsv(reply, 'products.csv', PRODUCT_CSV_COLUMNS, productCsvRecords(db, tenant, request.query));
      return listProducts(db, tenant, request.query);
    },
  );

  app.get(
    '/api/v1/products/:id',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        ...signed,
        summary: 'Get a product by its platform id',
        params: ProductParams,
        response: { 200: Type.Ref(Product), ...errorResponses(notFound) },
      },
    },
    async (request) => getProduct(db, resolveTenant(request), request.params.id),
  );

  app.patch(
    '/api/v1/products/:id',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        ...signed,
        summary: 'Update a product (partial; null clears an optional field)',
        params: ProductParams,
        body: ProductPatch,
        response: { 200: Type.Ref(Product), ...errorResponses(400, 'PRODUCT_URL_NOT_ALLOWED', notFound, 'UNKNOWN_CAMPAIGN') },
      },
    },
    async (request) => announced(request, (tenant) => updateProduct(db, tenant, request.params.id, request.body)),
  );

  app.post(
    '/api/v1/products/archive',
    {
      config: { principals: ['merchantKey', 'merchantSession'] },
      schema: {
        ...signed,
        summary: 'Archive products by platform id',
        body: ArchiveProductsBody,
        response: { 200: Type.Object({ archived: Type.Integer({ description: 'Products archived by this call.' }) }), ...errorResponses(400) },
      },
    },
    async (request) => announced(request, (tenant) => archiveProducts(db, tenant, request.body.productIds)),
  );
};
