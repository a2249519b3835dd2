import proxyAddr from '@fastify/proxy-addr';
import type { IncomingMessage } from 'node:http';

/** Whether the address `hop` steps from this server is a proxy allowed to name the one before it. */
export type TrustedProxy = (address: string, hop: number) => boolean;

/** `TRUST_PROXY` (`true`, `false`, or addresses, CIDRs and names like `loopback`) as a function. */
export function compileTrustedProxy(setting: boolean | string): TrustedProxy {
  if (setting === true) return () => true;
  if (setting === false) return () => false;
  return proxyAddr.compile(
    setting
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  );
}

/**
 * The client's address — the one rule for the whole app, the redirect included. Start from the peer
 * that connected and walk X-Forwarded-For from the right, moving left only while the current
 * address is a trusted proxy: entries left of the first untrusted address were written by the
 * client and prove nothing. (The same walk as Fastify's `request.ip` with the same setting.)
 */
export function clientAddress(peer: string, forwardedFor: string | undefined, trusted: TrustedProxy): string {
  if (!forwardedFor) return peer;
  const hops = forwardedFor.split(',');
  let address = peer;
  let hop = 0;
  for (let i = hops.length - 1; i >= 0; i--) {
    const next = hops[i]!.trim();
    if (next === '') continue;
    if (!trusted(address, hop++)) return address;
    address = next;
  }
  return address;
}

/** The client's address of a request that reached Fastify. */
export function clientAddressOf(request: IncomingMessage, trusted: TrustedProxy): string {
  const header = request.headers['x-forwarded-for'];
  return clientAddress(request.socket.remoteAddress ?? '', Array.isArray(header) ? header.join(',') : header, trusted);
}
