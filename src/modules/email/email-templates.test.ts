import { describe, expect, it } from 'vitest';
import { renderEmail } from './email-templates.ts';

describe('email templates', () => {
  it('render a plain-text and an HTML version carrying the same link', () => {
    const email = renderEmail('password_reset', { url: 'https://im.example.com/reset-password?token=abc', ttlMinutes: '60' });
    expect(email.subject).toBe('Reset your Influencemart password');
    expect(email.text).toContain('Choose a new password: https://im.example.com/reset-password?token=abc');
    expect(email.text).toContain('for 60 minutes');
    expect(email.html).toContain('href="https://im.example.com/reset-password?token=abc"');
  });

  it('escape what users wrote in the HTML version only', () => {
    const email = renderEmail('merchant_rejected', { businessName: 'Tom & <Jerry>', reason: '"no" domain' });
    expect(email.text).toContain('Your store Tom & <Jerry> was not approved.');
    expect(email.html).toContain('Tom &amp; &lt;Jerry&gt;');
    expect(email.html).not.toContain('<Jerry>');
    expect(email.html).toContain('&quot;no&quot; domain');
  });

  it('leave the dashboard link out when no public address is known', () => {
    expect(renderEmail('payout_paid', { amount: '12.50', currency: 'USD', reference: 'R1' }).text).not.toContain('http');
    expect(renderEmail('payout_paid', { amount: '12.50', currency: 'USD', reference: 'R1', baseUrl: 'https://im.example.com/' }).text).toContain(
      'https://im.example.com/affiliate/payouts',
    );
  });
});
