import proxyAddr from '@fastify/proxy-addr';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, clientAddressOf, compileTrustedProxy } from './client-address.ts';

const request = (peer: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it.each([
    // [TRUST_PROXY, peer, X-Forwarded-For, client]
    ['loopback', '203.0.113.9', '198.51.100.1', '203.0.113.9'], // an untrusted peer cannot name anyone
    ['loopback', '127.0.0.1', '198.51.100.1', '198.51.100.1'],
    ['loopback', '127.0.0.1', '6.6.6.6, 198.51.100.1', '198.51.100.1'], // the client's own entry on the left proves nothing
    ['loopback', '::1', '198.51.100.1', '198.51.100.1'],
    ['loopback', '::ffff:127.0.0.1', '198.51.100.1', '198.51.100.1'],
    ['loopback,10.0.0.0/8', '127.0.0.1', '6.6.6.6, 198.51.100.1, 10.1.2.3', '198.51.100.1'], // two trusted hops
    ['10.0.0.0/8', '127.0.0.1', '198.51.100.1', '127.0.0.1'],
    ['loopback', '127.0.0.1', '127.0.0.2, 127.0.0.3', '127.0.0.2'], // every hop trusted: the left-most
    ['loopback', '127.0.0.1', ' , 198.51.100.1 ,', '198.51.100.1'],
    ['loopback', '127.0.0.1', '', '127.0.0.1'],
    ['loopback', '127.0.0.1', 'not-an-address, 198.51.100.1', '198.51.100.1'],
    ['loopback', '127.0.0.1', '198.51.100.1, not-an-address', 'not-an-address'],
    [true, '203.0.113.9', '6.6.6.6, 198.51.100.1', '6.6.6.6'],
    [false, '127.0.0.1', '6.6.6.6', '127.0.0.1'],
  ] as const)('TRUST_PROXY=%s, peer %s, X-Forwarded-For %j → %s, as Fastify computes request.ip', (setting, peer, forwardedFor, expected) => {
    const trusted = compileTrustedProxy(setting);
    expect(clientAddress(peer, forwardedFor, trusted)).toBe(expected);
    expect(clientAddressOf(request(peer, forwardedFor), trusted)).toBe(expected);
    const all = proxyAddr.all(request(peer, forwardedFor), trusted);
    expect(all[all.length - 1]).toBe(expected);
  });
});
