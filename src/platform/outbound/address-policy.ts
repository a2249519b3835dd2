import { BlockList, isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * IPv4 addresses an outbound request (feed pull, webhook) must never reach unless private targets
 * are allowed for local development: loopback, private, link-local (cloud metadata), CGNAT,
 * multicast and reserved ranges.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
/**
 * True for an address an outbound request must not reach; anything that is not a plain address is
 * refused rather than guessed at. An IPv6 address that carries an IPv4 address — IPv4-compatible
 * (`::7f00:1`), mapped (`::ffff:127.0.0.1`), translated (`::ffff:0:7f00:1`), NAT64 (`64:ff9b::7f00:1`)
 * or 6to4 (`2002:7f00:1::`) — is judged by that IPv4 address; any other IPv6 address must be
 * ordinary global unicast (not loopback, link-local, unique-local, multicast, Teredo, documentation…).
 */
export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 0) return true;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return blocked.check(address, 'ipv4');
  const embedded = embeddedIPv4(parsed as ipaddr.IPv6);
  if (embedded !== null) return blocked.check(embedded, 'ipv4');
  return parsed.range() !== 'unicast';
}

function embeddedIPv4(address: ipaddr.IPv6): string | null {
  const p = address.parts as number[];
  const last32 = () => `${p[6]! >> 8}.${p[6]! & 255}.${p[7]! >> 8}.${p[7]! & 255}`;
  const zero = (from: number, to: number) => p.slice(from, to).every((part) => part === 0);
  if (zero(0, 5) && (p[5] === 0 || p[5] === 0xffff)) return last32(); // ::a.b.c.d, ::ffff:a.b.c.d (and ::, ::1)
  if (zero(0, 4) && p[4] === 0xffff && p[5] === 0) return last32(); // ::ffff:0:a.b.c.d
  if (p[0] === 0x64 && p[1] === 0xff9b && zero(2, 6)) return last32(); // 64:ff9b::a.b.c.d
  if (p[0] === 0x2002) return `${p[1]! >> 8}.${p[1]! & 255}.${p[2]! >> 8}.${p[2]! & 255}`; // 2002:AABB:CCDD::
  return null;
}
