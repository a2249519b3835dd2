import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from './address-policy.ts';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.5.5.5',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'not-an-ip',
    // IPv4 inside IPv6: compatible, mapped (hex), translated, NAT64, 6to4
    '::7f00:1',
    '::127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:0:7f00:1',
    '::ffff:0:a00:1',
    '64:ff9b::7f00:1',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:1::',
    '2002:a9fe:a9fe::1',
    // other IPv6 that is not ordinary global unicast
    '64:ff9b:1::1',
    '2001:0:4136:e378:8000:63bf:80ff:fffe',
    '2001:db8::1',
    'fec0::1',
    'fe80::1%eth0',
    '127.1',
    '0x7f.0.0.1',
  ])('refuses %s', (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '192.169.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '::808:808', '64:ff9b::808:808', '2002:808:808::1'])(
    'allows %s',
    (address) => expect(isPrivateAddress(address)).toBe(false),
  );
});
