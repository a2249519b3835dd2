import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { call, type BodyOf, type ResponseOf } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { Form, SubmitButton } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../components/use-form-errors.ts';

type Profile = ResponseOf<'/api/affiliate/profile', 'get'>;
type ProfilePatch = BodyOf<'/api/affiliate/profile', 'patch'>;
type Channel = Profile['channels'][number];
type Network = keyof Profile['socialHandles'];

const CHANNELS: Record<Channel, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  facebook: 'Facebook',
  x: 'X',
  blog: 'Blog',
  website: 'Website',
  newsletter: 'Newsletter',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  podcast: 'Podcast',
  other: 'Other',
};
const NETWORKS: Network[] = ['instagram', 'tiktok', 'youtube', 'facebook', 'x', 'telegram'];
const PROFILE_KEY = ['affiliate', 'profile'];
const INPUTS = ['displayName', 'bio', 'channels', 'website', ...NETWORKS.map((n) => `socialHandles.${n}`)];

/** The form as an update: an emptied handle is removed (null), an emptied bio or website cleared. */
function profilePatch(data: FormData): ProfilePatch {
  const text = (name: string) => String(data.get(name) ?? '').trim();
  return {
    displayName: text('displayName'),
    bio: text('bio') || null,
    website: text('website') || null,
    channels: data.getAll('channels').map(String) as Channel[],
    socialHandles: Object.fromEntries(NETWORKS.map((network) => [network, text(`socialHandles.${network}`) || null])),
  };
}

/** How a creator presents themselves to stores: name, bio, where they promote, and their handles. */
export function AffiliateProfilePage() {
  const api = useApi();
  const profile = useQuery({ queryKey: PROFILE_KEY, queryFn: () => call(api.GET('/api/affiliate/profile')) });
  return (
    <div>
      <PageHeader title="Profile">
        <p>Stores see this when you ask to join their campaigns.</p>
      </PageHeader>
      <QueryState query={profile} what="your profile" feature="Profile">
        {(current) => <ProfileForm current={current} />}
      </QueryState>
    </div>
  );
}

function ProfileForm({ current }: { current: Profile }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const bioId = useId();
  const save = useMutation({
    mutationFn: (body: ProfilePatch) => call(api.PATCH('/api/affiliate/profile', { body })),
    onSuccess: (saved) => queryClient.setQueryData(PROFILE_KEY, saved),
  });
  const errors = useFormErrors(save, INPUTS);
  const submit = (data: FormData) => {
    if (!errors.validate(data, ['displayName'])) return;
    save.mutate(profilePatch(data));
  };
  return (
    <Form onSubmit={submit} errorKey={errors.errorKey} label="Your profile" className="form card">
      <FormAlert message={errors.message} />
      {save.isSuccess && <FormAlert tone="success" message="Profile saved." />}
      <TextField label="Display name" name="displayName" required defaultValue={current.displayName} error={errors.fields.displayName} />
      <div className={`field${errors.fields.bio ? ' field--invalid' : ''}`}>
        <label htmlFor={bioId}>
          Bio<span className="field-optional"> (optional)</span>
        </label>
        <textarea id={bioId} name="bio" rows={3} maxLength={500} defaultValue={current.bio ?? ''} />
        {errors.fields.bio && <p className="field-error">Bio {errors.fields.bio}</p>}
      </div>
      <fieldset className="field">
        <legend>Where you promote</legend>
        <div className="checkbox-grid">
          {Object.entries(CHANNELS).map(([value, label]) => (
            <label key={value} className="checkbox">
              <input type="checkbox" name="channels" value={value} defaultChecked={current.channels.includes(value as Channel)} /> {label}
            </label>
          ))}
        </div>
      </fieldset>
      <TextField label="Website" name="website" type="url" defaultValue={current.website ?? ''} error={errors.fields.website} />
      <fieldset className="field">
        <legend>Social handles</legend>
        {NETWORKS.map((network) => (
          <TextField
            key={network}
            label={CHANNELS[network]}
            name={`socialHandles.${network}`}
            placeholder="@handle or profile link"
            defaultValue={current.socialHandles[network] ?? ''}
            error={errors.fields[`socialHandles.${network}`]}
          />
        ))}
      </fieldset>
      <div className="form-actions">
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Save profile
        </SubmitButton>
      </div>
    </Form>
  );
}
