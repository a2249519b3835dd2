import { describe, expect, it } from 'vitest';
import { assertRouteDeclaresPrincipals, sessionRolesOf } from './route-principals.ts';

describe('route principals', () => {
  it.each(['/api/v1/things', '/api/merchant/things', '/api/affiliate/things', '/api/admin/things'])(
    'refuses a route under %s that names no principal',
    (url) => {
      expect(() => assertRouteDeclaresPrincipals({ method: 'GET', url })).toThrow(/must declare config.principals/);
      expect(() => assertRouteDeclaresPrincipals({ method: 'GET', url, config: { principals: [] } })).toThrow(/must declare config.principals/);
    },
  );

  it('accepts a route that names its principals, a deliberately public one, and routes outside the API prefixes', () => {
    expect(() => assertRouteDeclaresPrincipals({ method: 'GET', url: '/api/v1/things', config: { principals: ['merchantKey'] } })).not.toThrow();
    expect(() => assertRouteDeclaresPrincipals({ method: 'GET', url: '/api/v1/openapi.json', config: { public: true } })).not.toThrow();
    expect(() => assertRouteDeclaresPrincipals({ method: 'GET', url: '/api/public/campaigns' })).not.toThrow();
    expect(() => assertRouteDeclaresPrincipals({ method: 'GET', url: '/r/:code' })).not.toThrow();
  });

  it('maps session principals to dashboard roles', () => {
    expect(sessionRolesOf(['merchantKey'])).toEqual([]);
    expect(sessionRolesOf(['merchantKey', 'merchantSession'])).toEqual(['merchant']);
    expect(sessionRolesOf(['merchantSession', 'affiliateSession', 'adminSession'])).toEqual(['merchant', 'affiliate', 'admin']);
  });
});
