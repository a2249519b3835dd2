import type { EmailKind } from './email-kinds.ts';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** One email's content: paragraphs, and an optional call to action (a link). */
interface EmailContent {
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string } | undefined;
}

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Every value a template reads; a missing one renders as an empty string rather than "undefined". */
type Params = Record<string, string | undefined>;

const link = (base: string | undefined, path: string) => (base ? { url: `${base.replace(/\/+$/, '')}${path}` } : undefined);

function action(label: string, base: string | undefined, path: string) {
  const target = link(base, path);
  return target ? { label, url: target.url } : undefined;
}

const TEMPLATES: Record<EmailKind, (p: Params) => EmailContent> = {
  password_reset: (p) => ({
    subject: 'Reset your Influencemart password',
    paragraphs: [
      'Someone (hopefully you) asked to reset the password of your Influencemart account.',
      `The link works once, for ${p.ttlMinutes} minutes. If you did not ask for this, ignore this email: your password stays as it is.`,
    ],
    action: { label: 'Choose a new password', url: p.url ?? '' },
  }),
  email_verification: (p) => ({
    subject: 'Confirm your email address',
    paragraphs: ['Welcome to Influencemart. Please confirm that this is your email address.', `The link works once, for ${p.ttlHours} hours.`],
    action: { label: 'Confirm my email address', url: p.url ?? '' },
  }),
  merchant_approved: (p) => ({
    subject: `${p.businessName} is approved`,
    paragraphs: [`Your store ${p.businessName} is approved. Your API keys are ready in the dashboard.`],
    action: action('Open the dashboard', p.baseUrl, '/merchant'),
  }),
  merchant_rejected: (p) => ({
    subject: `${p.businessName} was not approved`,
    paragraphs: [`Your store ${p.businessName} was not approved.`, `Reason: ${p.reason}`],
    action: action('Open the dashboard', p.baseUrl, '/merchant'),
  }),
  join_request_received: (p) => ({
    subject: `${p.affiliateName} asks to join ${p.campaignName}`,
    paragraphs: [`${p.affiliateName} asked to promote your campaign ${p.campaignName}. Approve or decline the request in the dashboard.`],
    action: action('Review join requests', p.baseUrl, '/merchant/campaigns'),
  }),
  join_request_decided: (p) => ({
    subject: `Your request to join ${p.campaignName} was ${p.decision}`,
    paragraphs: [`${p.merchantName} ${p.decision} your request to promote ${p.campaignName}.`],
    action: action('Open the marketplace', p.baseUrl, '/affiliate/marketplace'),
  }),
  commission_approved: (p) => ({
    subject: `Commission approved: ${p.amount} ${p.currency}`,
    paragraphs: [`Your commission of ${p.amount} ${p.currency} from ${p.merchantName} is approved. It becomes payable when the merchant settles it.`],
    action: action('Open your wallet', p.baseUrl, '/affiliate/wallet'),
  }),
  payout_paid: (p) => ({
    subject: `Payout paid: ${p.amount} ${p.currency}`,
    paragraphs: [`Your payout of ${p.amount} ${p.currency} was paid (reference ${p.reference}).`],
    action: action('Open your payouts', p.baseUrl, '/affiliate/payouts'),
  }),
  payout_failed: (p) => ({
    subject: `Payout failed: ${p.amount} ${p.currency}`,
    paragraphs: [
      `Your payout of ${p.amount} ${p.currency} could not be paid: ${p.reason}`,
      'The money is back in your payable balance; check your payout method and request it again.',
    ],
    action: action('Open your payouts', p.baseUrl, '/affiliate/payouts'),
  }),
  webhook_endpoint_disabled: (p) => ({
    subject: 'A webhook endpoint was disabled',
    paragraphs: [`Your webhook endpoint ${p.url} was disabled (${p.reason}). Its pending deliveries are cancelled; enable it again once it answers.`],
    action: action('Open developer settings', p.baseUrl, '/merchant/developers'),
  }),
};

/** The plain-text and HTML versions of one email, from the same content. */
export function renderEmail(kind: EmailKind, params: Params): RenderedEmail {
  const content = TEMPLATES[kind](params);
  const text = [...content.paragraphs, ...(content.action ? [`${content.action.label}: ${content.action.url}`] : []), '— Influencemart'].join('\n\n');
  const body = content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`);
  if (content.action) {
    body.push(
      `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:10px 16px;background:#4338ca;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>`,
    );
    body.push(`<p style="color:#555;font-size:13px">Or paste this address into your browser: ${escapeHtml(content.action.url)}</p>`);
  }
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111">${body.join('')}<p style="color:#555">— Influencemart</p></body></html>`;
  return { subject: content.subject, text, html };
}
