import { Form, SubmitButton } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../components/use-form-errors.ts';
import { navigate } from '../../router.tsx';
import { homeFor, useSignup, type MerchantSignup } from '../../session.ts';
import { signupErrorOptions } from './signup-errors.ts';

const INPUTS = ['email', 'password', 'businessName', 'website', 'contactName', 'contactPhone', 'domains'] as const;
const REQUIRED = ['email', 'password', 'businessName', 'website'] as const;
const errorOptions = signupErrorOptions(INPUTS);

function hostOf(website: string): string | undefined {
  try {
    return new URL(website).hostname || undefined;
  } catch {
    return undefined;
  }
}

function toBody(data: FormData): MerchantSignup {
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const body: MerchantSignup = {
    role: 'merchant',
    email: text('email'),
    password: String(data.get('password') ?? ''),
    businessName: text('businessName'),
    website: text('website'),
  };
  if (text('contactName')) body.contactName = text('contactName');
  if (text('contactPhone')) body.contactPhone = text('contactPhone');
  const extra = text('domains')
    .split(/[\s,]+/)
    .filter(Boolean);
  if (extra.length > 0) {
    // Listing domains replaces the default (the website's own domain), so keep that one too.
    const own = hostOf(body.website);
    body.domains = [...new Set([...(own ? [own] : []), ...extra])];
  }
  return body;
}

export function MerchantSignupForm() {
  const signup = useSignup();
  const errors = useFormErrors(signup, INPUTS, errorOptions);

  const submit = (data: FormData) => {
    if (!errors.validate(data, REQUIRED)) return;
    signup.mutate(toBody(data), { onSuccess: (session) => navigate(homeFor(session.user.role), { replace: true }) });
  };

  return (
    <Form onSubmit={submit} errorKey={errors.errorKey} label="Store sign-up">
      <FormAlert message={errors.message} />
      <TextField label="Store name" name="businessName" autoComplete="organization" required error={errors.fields.businessName} />
      <TextField
        label="Website"
        name="website"
        type="url"
        inputMode="url"
        placeholder="https://shop.example.com"
        hint="Product links must point at this site (or the domains below) once we approve it."
        required
        error={errors.fields.website}
      />
      <TextField label="Other domains you sell on" name="domains" hint="Separate several with commas." error={errors.fields.domains} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors.fields.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        error={errors.fields.password}
      />
      <div className="field-row">
        <TextField label="Contact name" name="contactName" autoComplete="name" error={errors.fields.contactName} />
        <TextField label="Contact phone" name="contactPhone" type="tel" autoComplete="tel" error={errors.fields.contactPhone} />
      </div>
      <p className="form-note">New stores are reviewed by the platform team before they can sync products or get API keys.</p>
      <SubmitButton pending={signup.isPending} pendingLabel="Creating account…">
        Create store account
      </SubmitButton>
    </Form>
  );
}
