import type { ModuleRegister } from '../../platform/module.ts';
import { resolveSessionUser } from '../../platform/auth/resolve-principal.ts';
import { Paginated, PageQuery } from '../../platform/http/pagination.ts';
import { EmailSettings, EmailSettingsPatch, OutboxEmail } from './email.schemas.ts';
import { getEmailSettings, updateEmailSettings } from './email-settings.ts';
import { listOutbox } from './list-outbox.ts';
import { notifyCommissionApproved } from './notify.ts';
import { onDomainEvent } from '../../platform/events/record-event.ts';
import { SEND_EMAIL_JOB } from './queue-email.ts';
import { createEmailSender } from './send-email.ts';

const anySession = ['merchantSession', 'affiliateSession', 'adminSession'] as const;

export const registerEmail: ModuleRegister = (app, { db, config, secrets, worker, onShutdown }) => {
  const sender = createEmailSender({ db, config, secrets, log: app.log });
  worker.register(SEND_EMAIL_JOB, sender.send);
  onDomainEvent(notifyCommissionApproved);
  onShutdown(async () => sender.close());

  app.get(
    '/api/admin/emails',
    {
      config: { principals: ['adminSession'] },
      schema: {
        tags: ['admin'],
        summary: 'Recent emails, newest first: the dev outbox when no SMTP_URL is set',
        querystring: PageQuery,
        response: { 200: Paginated(OutboxEmail) },
      },
    },
    async (request) => listOutbox(db, secrets, config.publicBaseUrl, request.query),
  );

  app.get(
    '/api/auth/email-settings',
    {
      config: { principals: anySession },
      schema: {
        tags: ['session'],
        summary: 'Whether the email address is verified, and which optional notifications are on',
        response: { 200: EmailSettings },
      },
    },
    async (request) => getEmailSettings(db, resolveSessionUser(request).userId),
  );

  app.patch(
    '/api/auth/email-settings',
    {
      config: { principals: anySession },
      schema: { tags: ['session'], summary: 'Turn optional email notifications on or off', body: EmailSettingsPatch, response: { 200: EmailSettings } },
    },
    async (request) => updateEmailSettings(db, resolveSessionUser(request).userId, request.body.notifications),
  );
};
