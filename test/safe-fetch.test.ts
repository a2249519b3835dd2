import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboundError, safeFetch } from '../src/platform/outbound/safe-fetch.ts';

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === '/slow') return void setTimeout(() => response.end('late'), 2000);
    if (request.url === '/big') return void response.end('x'.repeat(100_000));
    if (request.url === '/redirect') return void response.writeHead(302, { location: 'http://169.254.169.254/' }).end();
    response.end('hello');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const options = { timeoutMs: 500, maxResponseBytes: 1000, allowPrivate: true };

describe('safeFetch', () => {
  it('refuses loopback unless private targets are allowed', async () => {
    await expect(safeFetch(`${base}/`, { ...options, allowPrivate: false })).rejects.toMatchObject({ code: 'PRIVATE_ADDRESS' });
    await expect(safeFetch(`http://localhost:1/`, { ...options, allowPrivate: false })).rejects.toBeInstanceOf(OutboundError);
    const response = await safeFetch(`${base}/`, options);
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('hello');
  });

  it('times out, caps the response size and does not follow redirects', async () => {
    await expect(safeFetch(`${base}/slow`, options)).rejects.toMatchObject({ code: 'TIMEOUT' });
    const big = await safeFetch(`${base}/big`, options);
    expect(big.body.length).toBe(1000);
    expect(big.truncated).toBe(true);
    const redirect = await safeFetch(`${base}/redirect`, options);
    expect(redirect.status).toBe(302);
  });

  it('stops at once when its signal aborts, and refuses to start with an aborted one', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = safeFetch(`${base}/slow`, { ...options, timeoutMs: 5000, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(safeFetch(`${base}/`, { ...options, signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('rejects non-http schemes and credentials in the URL', async () => {
    await expect(safeFetch('file:///etc/passwd', options)).rejects.toMatchObject({ code: 'INVALID_URL' });
    await expect(safeFetch('http://user:pw@example.com/', options)).rejects.toMatchObject({ code: 'INVALID_URL' });
  });
});
