import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { invalidField } from '../errors.ts';
import { isPrivateAddress } from './address-policy.ts';

export interface OutboundOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** The response body is cut off after this many bytes (and `truncated` set). */
  maxResponseBytes: number;
  allowPrivate: boolean;
  /** Aborting cuts the exchange short with an ABORTED error (e.g. on shutdown). */
  signal?: AbortSignal;
}

export interface OutboundResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  truncated: boolean;
  latencyMs: number;
}

export type OutboundErrorCode = 'INVALID_URL' | 'PRIVATE_ADDRESS' | 'DNS_FAILED' | 'TIMEOUT' | 'CONNECTION_FAILED' | 'ABORTED';

export class OutboundError extends Error {
  constructor(
    readonly code: OutboundErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}

/** Check a URL before storing it (webhook endpoint, feed URL): scheme, and no private host literal. */
export function checkOutboundUrl(raw: string, allowPrivate: boolean): { ok: true; url: URL } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: 'must be an absolute http(s) URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: 'must use http or https' };
  if (url.username || url.password) return { ok: false, message: 'must not contain credentials' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost') || (isIpLiteral(host) && isPrivateAddress(host)))) {
    return { ok: false, message: 'must not point at a private or loopback address (for local development, start the server with OUTBOUND_ALLOW_PRIVATE=1)' };
  }
  return { ok: true, url };
}

/** The same check for a URL in a request body: a refused URL is a 400 naming the `url` field. */
export function requireOutboundUrl(url: string, allowPrivate: boolean): void {
  const checked = checkOutboundUrl(url, allowPrivate);
  if (!checked.ok) throw invalidField('url', checked.message, 'URL_NOT_ALLOWED');
}

const isIpLiteral = (host: string) => /^[\d.]+$/.test(host) || host.includes(':');

/**
 * One HTTP request to a merchant-supplied URL. The address is checked after DNS resolution, at
 * connect time, so a hostname that resolves to a private address (or rebinds to one) is refused.
 * Redirects are never followed: a 3xx is returned as the answer.
 */
export async function safeFetch(rawUrl: string, options: OutboundOptions): Promise<OutboundResponse> {
  const checked = checkOutboundUrl(rawUrl, options.allowPrivate);
  if (!checked.ok) throw new OutboundError(checked.message.includes('private') ? 'PRIVATE_ADDRESS' : 'INVALID_URL', `URL ${checked.message}`);
  const { url } = checked;
  const guardedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    lookup(hostname, { all: true })
      .then((addresses) => {
        const allowed = addresses.filter((a) => options.allowPrivate || !isPrivateAddress(a.address));
        const chosen = allowed[0];
        if (!chosen) {
          const error = Object.assign(new Error(`${hostname} resolves only to private or loopback addresses`), { code: 'PRIVATE_ADDRESS' });
          return callback(error, '', 4);
        }
        if ((lookupOptions as { all?: boolean }).all) return callback(null, allowed as never);
        callback(null, chosen.address, chosen.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, '', 4));
  };

  const started = performance.now();
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<OutboundResponse>((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: { 'user-agent': 'Influencemart/1.0 (+outbound)', ...options.headers },
        lookup: guardedLookup,
        timeout: options.timeoutMs,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        response.on('data', (chunk: Buffer) => {
          if (truncated) return;
          const room = options.maxResponseBytes - size;
          if (chunk.length > room) {
            chunks.push(chunk.subarray(0, room));
            size += room;
            truncated = true;
            response.destroy();
            finish();
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        });
        let finished = false;
        const finish = () => {
          if (finished) return;
          finished = true;
          clearTimeout(deadline);
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
            truncated,
            latencyMs: Math.round(performance.now() - started),
          });
        };
        response.on('end', finish);
        response.on('error', (error) =>
          truncated ? undefined : reject(error instanceof OutboundError ? error : new OutboundError('CONNECTION_FAILED', error.message)),
        );
      },
    );
    // `timeout` above is idle time; this bounds the whole exchange.
    const deadline = setTimeout(() => request.destroy(new OutboundError('TIMEOUT', `no complete answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    request.on('timeout', () => request.destroy(new OutboundError('TIMEOUT', `no answer within ${options.timeoutMs} ms`)));
    const abort = () => request.destroy(new OutboundError('ABORTED', 'the request was cancelled'));
    if (options.signal?.aborted) abort();
    else options.signal?.addEventListener('abort', abort, { once: true });
    request.on('close', () => options.signal?.removeEventListener('abort', abort));
    request.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(deadline);
      if (error instanceof OutboundError) return reject(error);
      if (error.code === 'PRIVATE_ADDRESS') return reject(new OutboundError('PRIVATE_ADDRESS', error.message));
      if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return reject(new OutboundError('DNS_FAILED', `could not resolve ${url.hostname}`));
      reject(new OutboundError('CONNECTION_FAILED', error.message));
    });
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}
