import type { FastifyRequest } from 'fastify';
import type { ModuleRegister } from '../../platform/module.ts';
import { notFound } from '../../platform/errors.ts';
import { archiveLink } from './archive-link.ts';
import { createLink } from './create-link.ts';
import { linkQrPng, linkQrSvg } from './link-qr.ts';
import { shortUrl } from './link-view.ts';
import { findAffiliateLink } from './links.repository.ts';
import {
  CampaignParams,
  CreateLinkBody,
  Link,
  LinkListQuery,
  LinkPage,
  LinkParams,
  LinkProductPage,
  LinkProductQuery,
  QrQuery,
  QrSvgQuery,
} from './links.schemas.ts';
import { listLinkProducts } from './list-link-products.ts';
import { listLinks } from './list-links.ts';
import { resolveAffiliateId } from '../../platform/auth/resolve-principal.ts';
import { withSubIds, type SubIds } from '../../platform/sub-ids.ts';

const affiliateOnly = { principals: ['affiliateSession'] } as const;

/** Affiliates' short links: make, list with click counts, archive, QR codes. Registered after tracking. */
export const registerLinks: ModuleRegister = (app, { db, config }) => {
  // Short links carry the platform's public address; without one configured, the address this request came to.
  const baseUrl = (request: FastifyRequest) => config.publicBaseUrl ?? `${request.protocol}://${request.host}`;

  app.post(
    '/api/affiliate/links',
    {
      config: affiliateOnly,
      schema: {
        tags: ['affiliate'],
        summary: 'Make a short link for a campaign you joined, or one of its products',
        body: CreateLinkBody,
        response: { 201: Link },
      },
    },
    async (request, reply) => reply.status(201).send(await createLink(db, resolveAffiliateId(request), request.body, baseUrl(request))),
  );

  app.get(
    '/api/affiliate/links',
    {
      config: affiliateOnly,
      schema: { tags: ['affiliate'], summary: 'Your links with their click counts', querystring: LinkListQuery, response: { 200: LinkPage } },
    },
    async (request) => listLinks(db, resolveAffiliateId(request), request.query, baseUrl(request)),
  );

  app.get(
    '/api/affiliate/campaigns/:id/products',
    {
      config: affiliateOnly,
      schema: {
        tags: ['affiliate'],
        summary: 'Active products of a campaign you joined, to link to one (search by name or SKU)',
        params: CampaignParams,
        querystring: LinkProductQuery,
        response: { 200: LinkProductPage },
      },
    },
    async (request) => listLinkProducts(db, resolveAffiliateId(request), request.params.id, request.query),
  );

  app.post(
    '/api/affiliate/links/:id/archive',
    {
      config: affiliateOnly,
      schema: { tags: ['affiliate'], summary: 'Archive a link: it still redirects, but earns nothing', params: LinkParams, response: { 200: Link } },
    },
    async (request) => archiveLink(db, resolveAffiliateId(request), request.params.id, baseUrl(request), (code) => app.tracking.invalidateLink(code)),
  );

  // The address a QR code carries: the short link, with the sub-ids asked for.
  const linkUrl = async (request: FastifyRequest, affiliateId: string, linkId: string, subIds: SubIds) => {
    const row = await findAffiliateLink(affiliateId, linkId, db);
    if (!row) throw notFound('Link');
    return { url: withSubIds(shortUrl(baseUrl(request), row.link.code), subIds), code: row.link.code };
  };

  app.get(
    '/api/affiliate/links/:id/qr.svg',
    { config: affiliateOnly, schema: { tags: ['affiliate'], summary: 'QR code of the link (SVG)', params: LinkParams, querystring: QrSvgQuery } },
    async (request, reply) => {
      const { url, code } = await linkUrl(request, resolveAffiliateId(request), request.params.id, request.query);
      return reply
        .headers({ 'content-type': 'image/svg+xml', 'content-disposition': `inline; filename="${code}.svg"`, 'cache-control': 'private, max-age=3600' })
        .send(await linkQrSvg(url));
    },
  );

  app.get(
    '/api/affiliate/links/:id/qr.png',
    { config: affiliateOnly, schema: { tags: ['affiliate'], summary: 'QR code of the link (PNG)', params: LinkParams, querystring: QrQuery } },
    async (request, reply) => {
      const { url, code } = await linkUrl(request, resolveAffiliateId(request), request.params.id, request.query);
      return reply
        .headers({ 'content-type': 'image/png', 'content-disposition': `inline; filename="${code}.png"`, 'cache-control': 'private, max-age=3600' })
        .send(await linkQrPng(url, request.query.size ?? 512));
    },
  );
};
