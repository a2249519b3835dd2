import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { compileTrustedProxy } from '../../platform/http/client-address.ts';
import { readVisit as readWith } from './read-visit.ts';

const trustAll = compileTrustedProxy(true);
const readVisit = (request: IncomingMessage, search: string) => readWith(request, search, trustAll);

const request = (rawHeaders: string[], remoteAddress = '192.0.2.10') =>
  ({ method: 'GET', rawHeaders, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe('readVisit', () => {
  it('reads the agent, referrer and the left-most forwarded address, whatever the case of the names', () => {
    const visit = readVisit(
      request(['HOST', 'x', 'uSeR-AgEnT', 'Agent/1', 'REFERER', 'https://a.example/', 'X-Forwarded-For', ' 203.0.113.5 , 10.0.0.1']),
      'sub1=a',
    );
    expect(visit).toEqual({ method: 'GET', ip: '203.0.113.5', userAgent: 'Agent/1', referrer: 'https://a.example/', search: 'sub1=a' });
  });

  it('takes the first of a repeated agent or referrer and joins repeated X-Forwarded-For headers, as request.headers does', () => {
    const visit = readVisit(
      request([
        'user-agent',
        'First',
        'user-agent',
        'Second',
        'referer',
        'https://1.example/',
        'referer',
        'https://2.example/',
        'x-forwarded-for',
        '198.51.100.1',
        'x-forwarded-for',
        '198.51.100.2',
      ]),
      '',
    );
    expect(visit).toMatchObject({ userAgent: 'First', referrer: 'https://1.example/', ip: '198.51.100.1' });
    const loopbackOnly = compileTrustedProxy('loopback');
    const joined = readWith(request(['x-forwarded-for', '198.51.100.1', 'x-forwarded-for', '198.51.100.2'], '127.0.0.1'), '', loopbackOnly);
    expect(joined.ip).toBe('198.51.100.2');
  });

  it('falls back to the peer address when X-Forwarded-For is missing or blank, and leaves absent headers undefined', () => {
    expect(readVisit(request([]), '')).toEqual({ method: 'GET', ip: '192.0.2.10', userAgent: undefined, referrer: undefined, search: '' });
    expect(readVisit(request(['x-forwarded-for', ' , 10.0.0.1']), '').ip).toBe('10.0.0.1'); // blank entries are skipped
    expect(readVisit(request(['x-forwarded-for', '']), '').ip).toBe('192.0.2.10');
    // Same length as the names we read, different names.
    expect(readVisit(request(['user-agenX', 'no', 'refereX', 'no', 'x-forwarded-foX', '1.1.1.1']), '')).toMatchObject({
      userAgent: undefined,
      referrer: undefined,
      ip: '192.0.2.10',
    });
  });

  it('believes X-Forwarded-For only from a trusted peer', () => {
    const spoofed = request(['x-forwarded-for', '203.0.113.5'], '192.0.2.10');
    expect(readWith(spoofed, '', compileTrustedProxy('loopback')).ip).toBe('192.0.2.10');
    expect(readWith(spoofed, '', compileTrustedProxy(false)).ip).toBe('192.0.2.10');
    expect(readWith(spoofed, '', compileTrustedProxy('192.0.2.0/24')).ip).toBe('203.0.113.5');
  });
});
