import { requireFlag, type Command, type CommandContext } from '../../platform/command.ts';
import { approveMerchant } from '../merchants/index.ts';
import { normalizeDomain } from '../merchants/index.ts';
import { createAdmin, signUpAffiliate, signUpMerchant } from './accounts.service.ts';

const optionalFlag = (flags: CommandContext['flags'], name: string) =>
  typeof flags[name] === 'string' && flags[name] !== '' ? (flags[name] as string) : undefined;

export const createAdminCommand: Command = {
  path: ['admin', 'create'],
  usage: 'admin create --email E --password P                 create a platform admin → { userId }',
  options: { email: { type: 'string' }, password: { type: 'string' } },
  async run({ db, flags }) {
    const { userId } = await createAdmin(db, { email: requireFlag(flags, 'email'), password: requireFlag(flags, 'password') });
    return { json: { userId }, human: `Admin created: ${userId}` };
  },
};

export const createMerchantCommand: Command = {
  path: ['merchant', 'create'],
  usage:
    'merchant create --name N --email E --password P --domain D [--approve]\n' +
    '                                                      create a merchant; with --approve also its test and live keys',
  options: { name: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' }, domain: { type: 'string' }, approve: { type: 'boolean' } },
  async run({ db, secrets, flags }) {
    const domain = requireFlag(flags, 'domain');
    const normalized = normalizeDomain(domain);
    if (!normalized) throw new Error(`--domain must be a domain name such as shop.example.com, got "${domain}"`);
    const { merchantId, userId } = await signUpMerchant(db, {
      businessName: requireFlag(flags, 'name'),
      email: requireFlag(flags, 'email'),
      password: requireFlag(flags, 'password'),
      website: `https://${normalized}`,
      domains: [normalized],
    });
    if (flags.approve !== true) {
      return {
        json: { merchantId, userId, status: 'PENDING_REVIEW' },
        human: `Merchant ${merchantId} created; it is pending review (approve it in the admin dashboard).`,
      };
    }
    // The secrets go to whoever ran the command: this output is their one showing.
    const approval = await approveMerchant(db, secrets, merchantId, null, { secretsShown: true });
    const pair = (p: { publishableKey: string; signingSecret: string }) => ({ publishableKey: p.publishableKey, signingSecret: p.signingSecret });
    return {
      json: { merchantId, userId, status: 'APPROVED', test: pair(approval.test), live: pair(approval.live) },
      human: [
        `Merchant ${merchantId} created and approved.`,
        `  Test  ${approval.test.publishableKey}  ${approval.test.signingSecret}`,
        `  Live  ${approval.live.publishableKey}  ${approval.live.signingSecret}`,
        'The signing secrets are shown only now; keep them on your server.',
      ].join('\n'),
    };
  },
};

export const createAffiliateCommand: Command = {
  path: ['affiliate', 'create'],
  usage: 'affiliate create --email E --password P [--name N]  create an affiliate → { affiliateId }',
  options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
  async run({ db, flags }) {
    const { affiliateId, userId } = await signUpAffiliate(db, {
      email: requireFlag(flags, 'email'),
      password: requireFlag(flags, 'password'),
      displayName: optionalFlag(flags, 'name'),
    });
    return { json: { affiliateId, userId }, human: `Affiliate created: ${affiliateId}` };
  },
};

export const accountCommands: Command[] = [createAdminCommand, createMerchantCommand, createAffiliateCommand];
