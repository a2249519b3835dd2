import type { Role } from '../session.ts';

export interface NavItem {
  to: string;
  label: string;
}

export const NAVIGATION: Record<Role | 'guest', NavItem[]> = {
  guest: [
    { to: '/campaigns', label: 'Campaigns' },
    { to: '/login', label: 'Log in' },
    { to: '/signup', label: 'Sign up' },
  ],
  merchant: [
    { to: '/merchant', label: 'Overview' },
    { to: '/merchant/campaigns', label: 'Campaigns' },
    { to: '/merchant/affiliates', label: 'Affiliates' },
    { to: '/merchant/profile', label: 'Store' },
    { to: '/merchant/products', label: 'Products' },
    { to: '/merchant/orders', label: 'Orders' },
    { to: '/merchant/commissions', label: 'Commissions' },
    { to: '/merchant/statements', label: 'Statements' },
    { to: '/merchant/imports', label: 'Imports' },
    { to: '/merchant/developers', label: 'Developers' },
    { to: '/merchant/settings', label: 'Settings' },
  ],
  affiliate: [
    { to: '/affiliate', label: 'Overview' },
    { to: '/affiliate/marketplace', label: 'Marketplace' },
    { to: '/affiliate/links', label: 'Links' },
    { to: '/affiliate/wallet', label: 'Wallet' },
    { to: '/affiliate/payouts', label: 'Payouts' },
    { to: '/affiliate/payout-methods', label: 'Payout methods' },
    { to: '/affiliate/profile', label: 'Profile' },
    { to: '/affiliate/settings', label: 'Settings' },
  ],
  admin: [
    { to: '/admin', label: 'Overview' },
    { to: '/admin/merchants', label: 'Merchants' },
    { to: '/admin/domains', label: 'Domains' },
    { to: '/admin/campaigns', label: 'Campaigns' },
    { to: '/admin/risk-reviews', label: 'Risk reviews' },
    { to: '/admin/payouts', label: 'Payouts' },
    { to: '/admin/statements', label: 'Statements' },
    { to: '/admin/settings', label: 'Settings' },
    { to: '/admin/audit-log', label: 'Audit log' },
    { to: '/admin/emails', label: 'Email outbox' },
  ],
};
