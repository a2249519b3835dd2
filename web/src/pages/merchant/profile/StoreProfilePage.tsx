import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type BodyOf, type ResponseOf } from '../../../api.ts';
import { useApi } from '../../../api-context.tsx';
import { Form, SubmitButton } from '../../../components/Form.tsx';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useFormErrors } from '../../../components/use-form-errors.ts';
import { formatDateTime } from '../../../format.ts';

type Store = ResponseOf<'/api/merchant/account', 'get'>;
type ProfilePatch = BodyOf<'/api/merchant/account', 'patch'>;

const ACCOUNT_KEY = ['merchant', 'account'];
const PROFILE_INPUTS = ['businessName', 'website', 'contactName', 'contactPhone'] as const;

/** The store's name, website and contact, and the domains its product links may point at. */
export function StoreProfilePage() {
  const api = useApi();
  const account = useQuery({ queryKey: ACCOUNT_KEY, queryFn: () => call(api.GET('/api/merchant/account')) });
  return (
    <div>
      <PageHeader title="Store profile">
        <p>What creators and the platform team see about your store, and the domains your product links may point at.</p>
      </PageHeader>
      <QueryState query={account} what="your store" feature="Store profile">
        {(store) => (
          <div className="grid grid--two">
            <ProfileForm key={`${store.businessName}|${store.website}|${store.contactName}|${store.contactPhone}`} store={store} />
            <DomainsSection store={store} />
          </div>
        )}
      </QueryState>
    </div>
  );
}

function ProfileForm({ store }: { store: Store }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: ProfilePatch) => call(api.PATCH('/api/merchant/account', { body })),
    onSuccess: (saved) => queryClient.setQueryData(ACCOUNT_KEY, saved),
  });
  const errors = useFormErrors(save, PROFILE_INPUTS);
  const submit = (data: FormData) => {
    if (!errors.validate(data, ['businessName'])) return;
    const text = (name: string) => String(data.get(name) ?? '').trim();
    save.mutate({ businessName: text('businessName'), website: text('website'), contactName: text('contactName'), contactPhone: text('contactPhone') });
  };
  return (
    <Form onSubmit={submit} errorKey={errors.errorKey} label="Store details" className="form card">
      <h2>Details</h2>
      <FormAlert message={errors.message} />
      <TextField label="Store name" name="businessName" required defaultValue={store.businessName} error={errors.fields.businessName} />
      <TextField label="Website" name="website" type="url" defaultValue={store.website ?? ''} hint="https://…" error={errors.fields.website} />
      <TextField label="Contact name" name="contactName" defaultValue={store.contactName ?? ''} error={errors.fields.contactName} />
      <TextField label="Contact phone" name="contactPhone" type="tel" defaultValue={store.contactPhone ?? ''} error={errors.fields.contactPhone} />
      <div className="form-actions">
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Save details
        </SubmitButton>
      </div>
    </Form>
  );
}

function DomainsSection({ store }: { store: Store }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const ask = useMutation({
    mutationFn: (domain: string) => call(api.POST('/api/v1/domains', { body: { domain } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ACCOUNT_KEY }),
  });
  const errors = useFormErrors(ask, ['domain']);
  const submit = (data: FormData) => {
    if (!errors.validate(data, ['domain'])) return;
    ask.mutate(String(data.get('domain')).trim());
  };
  return (
    <section className="card" aria-labelledby="domains-heading">
      <h2 id="domains-heading">Domains</h2>
      <p className="muted">Product and landing pages must be on an approved domain or one of its subdomains. The platform team reviews each new one.</p>
      {store.domains.length === 0 ? (
        <p>No domains yet.</p>
      ) : (
        <ul className="plain-list" aria-label="Your domains">
          {store.domains.map((d) => (
            <li key={d.id}>
              <span className="mono">{d.domain}</span> <StatusBadge status={d.status} />
              {d.rejectionReason && <span className="cell-note">Reason: {d.rejectionReason}</span>}
              <span className="cell-note">{d.reviewedAt ? `Decided ${formatDateTime(d.reviewedAt)}` : `Asked ${formatDateTime(d.createdAt)}`}</span>
            </li>
          ))}
        </ul>
      )}
      <Form onSubmit={submit} errorKey={errors.errorKey} label="Add a domain" className="inline-form">
        <TextField label="New domain" name="domain" required placeholder="shop.example.com" error={errors.fields.domain} />
        <SubmitButton pending={ask.isPending} pendingLabel="Sending…">
          Ask for review
        </SubmitButton>
      </Form>
      {ask.isSuccess && <FormAlert tone="success" message={`${ask.data.domain} waits for review.`} />}
    </section>
  );
}
