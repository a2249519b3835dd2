import type { ComponentType } from 'react';
import { AdminHomePage } from './pages/admin/AdminHomePage.tsx';
import { AdminPayoutsPage } from './pages/admin/AdminPayoutsPage.tsx';
import { AdminStatementsPage } from './pages/admin/AdminStatementsPage.tsx';
import { AdminAuditLogPage } from './pages/admin/AdminAuditLogPage.tsx';
import { AdminCampaignsPage } from './pages/admin/AdminCampaignsPage.tsx';
import { AdminDomainsPage } from './pages/admin/AdminDomainsPage.tsx';
import { AdminMerchantsPage } from './pages/admin/AdminMerchantsPage.tsx';
import { AdminRiskReviewsPage } from './pages/admin/AdminRiskReviewsPage.tsx';
import { AdminSettingsPage } from './pages/admin/AdminSettingsPage.tsx';
import { OutboxPage } from './pages/admin/OutboxPage.tsx';
import { EmailSettingsPage } from './pages/account/EmailSettingsPage.tsx';
import { AffiliateProfilePage } from './pages/affiliate/AffiliateProfilePage.tsx';
import { AffiliateHomePage } from './pages/affiliate/AffiliateHomePage.tsx';
import { LinksPage } from './pages/affiliate/LinksPage.tsx';
import { MarketplacePage } from './pages/affiliate/MarketplacePage.tsx';
import { PayoutMethodsPage } from './pages/affiliate/PayoutMethodsPage.tsx';
import { PayoutsPage } from './pages/affiliate/PayoutsPage.tsx';
import { WalletPage } from './pages/affiliate/WalletPage.tsx';
import { MerchantAffiliatesPage } from './pages/merchant/affiliates/MerchantAffiliatesPage.tsx';
import { MerchantCampaignsPage } from './pages/merchant/MerchantCampaignsPage.tsx';
import { MerchantDevelopersPage } from './pages/merchant/MerchantDevelopersPage.tsx';
import { MerchantHomePage } from './pages/merchant/MerchantHomePage.tsx';
import { MerchantStatementsPage } from './pages/merchant/MerchantStatementsPage.tsx';
import { MerchantImportsPage } from './pages/merchant/MerchantImportsPage.tsx';
import { MerchantCommissionsPage } from './pages/merchant/commissions/MerchantCommissionsPage.tsx';
import { MerchantProductsPage } from './pages/merchant/products/MerchantProductsPage.tsx';
import { StoreProfilePage } from './pages/merchant/profile/StoreProfilePage.tsx';
import { MerchantOrdersPage } from './pages/merchant/orders/MerchantOrdersPage.tsx';
import { LandingPage } from './pages/public/LandingPage.tsx';
import { ForgotPasswordPage } from './pages/public/ForgotPasswordPage.tsx';
import { LoginPage } from './pages/public/LoginPage.tsx';
import { ResetPasswordPage } from './pages/public/ResetPasswordPage.tsx';
import { VerifyEmailPage } from './pages/public/VerifyEmailPage.tsx';
import { PublicCampaignsPage } from './pages/public/PublicCampaignsPage.tsx';
import { SignupPage } from './pages/public/SignupPage.tsx';
import type { Role } from './session.ts';

/** `public`: anyone. `guest`: only signed out (signed-in users go to their home). A role: only that role. */
export type Access = 'public' | 'guest' | Role;

export interface RouteDef {
  path: string;
  access: Access;
  page: ComponentType;
}

export const ROUTES: RouteDef[] = [
  { path: '/', access: 'guest', page: LandingPage },
  { path: '/login', access: 'guest', page: LoginPage },
  { path: '/signup', access: 'guest', page: SignupPage },
  { path: '/forgot-password', access: 'guest', page: ForgotPasswordPage },
  { path: '/reset-password', access: 'public', page: ResetPasswordPage },
  { path: '/verify-email', access: 'public', page: VerifyEmailPage },
  { path: '/campaigns', access: 'public', page: PublicCampaignsPage },

  { path: '/merchant', access: 'merchant', page: MerchantHomePage },
  { path: '/merchant/campaigns', access: 'merchant', page: MerchantCampaignsPage },
  { path: '/merchant/affiliates', access: 'merchant', page: MerchantAffiliatesPage },
  { path: '/merchant/imports', access: 'merchant', page: MerchantImportsPage },
  { path: '/merchant/profile', access: 'merchant', page: StoreProfilePage },
  { path: '/merchant/products', access: 'merchant', page: MerchantProductsPage },
  { path: '/merchant/orders', access: 'merchant', page: MerchantOrdersPage },
  { path: '/merchant/commissions', access: 'merchant', page: MerchantCommissionsPage },
  { path: '/merchant/developers', access: 'merchant', page: MerchantDevelopersPage },
  { path: '/merchant/statements', access: 'merchant', page: MerchantStatementsPage },
  { path: '/merchant/settings', access: 'merchant', page: EmailSettingsPage },

  { path: '/affiliate', access: 'affiliate', page: AffiliateHomePage },
  { path: '/affiliate/profile', access: 'affiliate', page: AffiliateProfilePage },
  { path: '/affiliate/marketplace', access: 'affiliate', page: MarketplacePage },
  { path: '/affiliate/links', access: 'affiliate', page: LinksPage },
  { path: '/affiliate/wallet', access: 'affiliate', page: WalletPage },
  { path: '/affiliate/payouts', access: 'affiliate', page: PayoutsPage },
  { path: '/affiliate/payout-methods', access: 'affiliate', page: PayoutMethodsPage },
  { path: '/affiliate/settings', access: 'affiliate', page: EmailSettingsPage },

  { path: '/admin', access: 'admin', page: AdminHomePage },
  { path: '/admin/merchants', access: 'admin', page: AdminMerchantsPage },
  { path: '/admin/domains', access: 'admin', page: AdminDomainsPage },
  { path: '/admin/campaigns', access: 'admin', page: AdminCampaignsPage },
  { path: '/admin/risk-reviews', access: 'admin', page: AdminRiskReviewsPage },
  { path: '/admin/settings', access: 'admin', page: AdminSettingsPage },
  { path: '/admin/audit-log', access: 'admin', page: AdminAuditLogPage },
  { path: '/admin/payouts', access: 'admin', page: AdminPayoutsPage },
  { path: '/admin/statements', access: 'admin', page: AdminStatementsPage },
  { path: '/admin/emails', access: 'admin', page: OutboxPage },
];

export function findRoute(pathname: string): RouteDef | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return ROUTES.find((route) => route.path === path);
}
