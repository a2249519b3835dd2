/**
 * What the dashboard reads from the session API. Money is a decimal string in major units
 * (`"2999.00"`); times are ISO 8601 strings. See docs/dashboard.md for the endpoints.
 */

export type CommissionType = 'PERCENTAGE' | 'FIXED';

export interface MerchantAccount {
  id: string;
  businessName: string;
  website: string | null;
  email: string;
  contactName: string | null;
  contactPhone: string | null;
  status: 'PENDING_REVIEW' | 'APPROVED' | 'REJECTED' | 'SUSPENDED';
  rejectionReason: string | null;
  suspensionReason: string | null;
  createdAt: string;
  reviewedAt: string | null;
  domains: Array<{ id: string; domain: string; status: string; rejectionReason: string | null }>;
}

/** A campaign as affiliates and the public listing see it. */
export interface ListedCampaign {
  id: string;
  title: string;
  description?: string | null;
  category?: string | null;
  merchantName?: string | null;
  defaultCommissionType?: CommissionType | null;
  defaultCommissionValue?: string | null;
  currency?: string;
  cookieDurationDays?: number;
  termsAndConditions?: string | null;
  approvalRequired?: boolean;
  endDate?: string | null;
  /** The signed-in affiliate's standing with this campaign, when there is one. */
  membership?: MembershipStatus | null;
}

export type MembershipStatus = 'JOINED' | 'APPROVED' | 'PENDING' | 'INVITED' | 'REJECTED';

export interface JoinResult {
  campaignId?: string;
  status: MembershipStatus;
}

export interface AffiliateLink {
  id: string;
  code: string;
  url: string;
  campaignId: string;
  campaignTitle?: string | null;
  productId?: string | null;
  productName?: string | null;
  clicks?: number;
  createdAt?: string;
}

export interface WalletBalance {
  currency: string;
  pending: string;
  payable: string;
  processing: string;
  paid: string;
}

export interface WalletEntry {
  id: string;
  kind: string;
  amount: string;
  currency: string;
  commissionId: string | null;
  payoutId: string | null;
  createdAt: string;
  orderId?: string | null;
}

export interface Wallet {
  minimumPayout: string;
  balances: WalletBalance[];
  adjustments: WalletEntry[];
}

export type PayoutMethodType = 'BANK_ACCOUNT' | 'ESEWA' | 'KHALTI' | 'IME_PAY' | 'CONNECT_IPS';

export interface PayoutMethod {
  id: string;
  type: PayoutMethodType;
  /** A masked description such as "Nabil Bank ••••4321". */
  summary?: string | null;
  isDefault?: boolean;
  createdAt?: string;
}

export interface Payout {
  id: string;
  amount: string;
  currency: string;
  status: string;
  withheldAmount: string;
  netAmount: string;
  payoutMethodId: string;
  method: PayoutMethodType;
  commissionCount: number;
  reason: string | null;
  reference: string | null;
  requestedAt: string;
  settledAt: string | null;
}

/** A campaign in the merchant's own dashboard. */
export interface MerchantCampaign {
  id: string;
  campaignCode: string;
  title: string;
  status: string;
  category?: string | null;
  approvalRequired?: boolean;
  approvedAt?: string | null;
  publicListing: boolean;
  livemode?: boolean;
  description?: string | null;
  landingUrl?: string | null;
  defaultCommissionType?: CommissionType | null;
  defaultCommissionValue?: string | null;
  cookieDurationDays?: number;
}

/** An affiliate's standing with one of the merchant's campaigns (by default: asking to join). */
export interface JoinRequest {
  campaignId: string;
  campaignTitle: string;
  status: MembershipStatus;
  affiliate: { id: string; displayName: string; channels: string[]; website: string | null; socialHandles: Record<string, string> };
  requestedAt: string | null;
  invitedAt: string | null;
  decidedAt: string | null;
}

export type Mode = 'test' | 'live';

export interface ApiKey {
  id: string;
  mode: Mode;
  publishableKey: string;
  /** The last characters of the signing secret, to recognise it. */
  secretHint?: string | null;
  createdAt: string;
  lastUsedAt?: string | null;
  expiresAt?: string | null;
  revokedAt?: string | null;
}

/** Answered once, on rotation: the new pair, with its secret in full. */
export interface RotatedKey {
  id?: string;
  mode?: Mode;
  publishableKey: string;
  signingSecret: string;
  /** The replaced pairs, each working until its expiresAt. */
  retired?: { id: string; publishableKey: string; expiresAt: string }[];
}

export interface RequestLogEntry {
  id: string;
  method: string;
  path: string;
  status: number;
  latencyMs: number;
  mode: Mode;
  requestId: string;
  errorCode: string | null;
  createdAt: string;
}

export interface PendingMerchant {
  id: string;
  businessName: string;
  email?: string;
  website?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  status: string;
  createdAt: string;
  domains?: Array<{ domain: string; status: string }>;
}

/** The event types an endpoint may subscribe to (`test.ping` is sent only on request). */
export const WEBHOOK_EVENT_TYPES = ['conversion.attributed', 'conversion.unattributed', 'commission.status_changed', 'payout.processed', 'import.completed'] as const;

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  /** Subscribed event types, or `"*"` for all of them. */
  events: string[];
  livemode: boolean;
  disabled: boolean;
  /** `manual`, or `gone` when the endpoint answered 410. */
  disabledReason: string | null;
  disabledAt: string | null;
  /** Until then the secret before the last rotation also signs every delivery. */
  previousSecretExpiresAt: string | null;
  circuit: { consecutiveFailures: number; openUntil: string | null };
  createdAt: string;
  updatedAt: string;
}

/** Answered only on creation and rotation: the endpoint with its `whsec_` secret in full. */
export interface WebhookEndpointWithSecret extends WebhookEndpoint {
  secret: string;
}

export interface WebhookAttempt {
  attempt: number;
  startedAt: string;
  outcome: 'succeeded' | 'failed';
  statusCode: number | null;
  error: { code: string; message: string } | null;
  latencyMs: number;
  /** The start of the answer body (at most 1 KB). */
  responseExcerpt: string | null;
}

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled';
  attemptCount: number;
  nextAttemptAt: string | null;
  redeliveryOf: string | null;
  createdAt: string;
  completedAt: string | null;
  attempts: WebhookAttempt[];
}

/** A payout in the admin queue, with the facts for its safety review. */
export interface AdminPayout extends Payout {
  affiliateId: string;
  affiliateName: string;
  batchId: string | null;
  review: { accountAgeDays: number; payoutMethodChangedRecently: boolean; openRiskReviews: number; reversedShare: string };
}

export interface PayoutBatch {
  id: string;
  method: PayoutMethodType;
  count: number;
  total: string;
  currency: string;
  createdAt: string;
}

export interface Statement {
  id: string;
  number: number;
  status: 'issued' | 'paid';
  currency: string;
  periodStart: string;
  periodEnd: string;
  commissionCount: number;
  commissionTotal: string;
  platformFee: string;
  credits: string;
  total: string;
  amountPaid: string;
  issuedAt: string;
  paidAt: string | null;
}

export interface StatementLine {
  lineNo: number;
  kind: 'commission' | 'credit' | 'fee';
  commissionId: string | null;
  orderId: string | null;
  affiliateId: string | null;
  amount: string;
}

export interface StatementDetail extends Statement {
  lines: StatementLine[];
  payments: Array<{ id: string; amount: string; reference: string; paidAt: string }>;
}

export type ImportType = 'products' | 'orders' | 'order-status';

/** A CSV import and its progress (GET /api/v1/imports/{id}). */
export interface CsvImport {
  id: string;
  type: ImportType;
  status: 'queued' | 'running' | 'completed' | 'failed';
  livemode: boolean;
  fileName: string | null;
  bytes: number;
  columns: string[];
  rowsTotal: number | null;
  rowsProcessed: number;
  rowsSucceeded: number;
  rowsFailed: number;
  rowsDeduplicated: number;
  failureMessage: string | null;
  createdAt: string;
  completedAt: string | null;
}

export type CommissionStatus = 'pending' | 'hold' | 'approved' | 'payable' | 'paid' | 'reversed' | 'rejected';
export const COMMISSION_STATUSES: CommissionStatus[] = ['pending', 'hold', 'approved', 'payable', 'paid', 'reversed', 'rejected'];

export interface Commission {
  id: string;
  orderId: string;
  conversionId: string;
  affiliateRef: string;
  campaignId: string;
  livemode: boolean;
  status: CommissionStatus;
  amount: string;
  originalAmount: string;
  currency: string;
  rate: { type: CommissionType; value: string; source: string };
  /** When a held commission can become payable. */
  holdUntil: string | null;
  paidAmount: string | null;
  payoutId: string | null;
  risk: { score: number; reviewStatus: string };
  createdAt: string;
}

export const ORDER_STATUSES = ['pending', 'confirmed', 'shipped', 'delivered', 'cancelled', 'returned', 'refunded', 'partially_refunded'] as const;
/** The statuses a merchant may move an order to. */
export const REQUESTABLE_ORDER_STATUSES = ['pending', 'confirmed', 'shipped', 'delivered', 'cancelled', 'returned', 'refunded'] as const;

export interface Order {
  orderId: string;
  conversionId: string;
  livemode: boolean;
  status: (typeof ORDER_STATUSES)[number];
  amount: string;
  refundedAmount: string;
  currency: string;
  occurredAt: string;
  deliveredAt: string | null;
  attributed: boolean;
  unattributedReason: string | null;
  clickId: string | null;
  affiliateRef: string | null;
  items: Array<{ sku: string; qty: number; price: string }>;
  commission: Commission | null;
  createdAt: string;
}

export interface OrderDetail extends Order {
  history: Array<{ from: string | null; to: string; refundAmount: string | null; occurredAt: string; recordedAt: string }>;
}
