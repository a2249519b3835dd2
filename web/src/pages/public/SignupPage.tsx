import { PageHeader } from '../../components/PageHeader.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { AffiliateSignupForm } from './AffiliateSignupForm.tsx';
import { MerchantSignupForm } from './MerchantSignupForm.tsx';

type SignupRole = 'merchant' | 'affiliate';

const CHOICES: Array<{ role: SignupRole; title: string; text: string }> = [
  { role: 'affiliate', title: 'Creator', text: 'Share links to products you like and earn a commission on every kept sale. Free.' },
  { role: 'merchant', title: 'Store', text: 'Let creators promote your products. You pay only for orders that are kept.' },
];

/** One page, two forms: the chosen role lives in the address (`?role=merchant`) so it can be linked. */
export function SignupPage() {
  const { search } = useLocation();
  const role: SignupRole = search.get('role') === 'merchant' ? 'merchant' : 'affiliate';

  return (
    <div className="narrow">
      <PageHeader title="Create your account" />
      <fieldset className="role-choice">
        <legend>I am signing up as a</legend>
        {CHOICES.map((choice) => (
          <label key={choice.role} className={`role-option${role === choice.role ? ' role-option--selected' : ''}`}>
            <input
              type="radio"
              name="signup-role"
              value={choice.role}
              checked={role === choice.role}
              onChange={() => navigate(`/signup?role=${choice.role}`, { replace: true })}
            />
            <span className="role-option-title">{choice.title}</span>
            <span className="role-option-text">{choice.text}</span>
          </label>
        ))}
      </fieldset>
      <div className="card">{role === 'merchant' ? <MerchantSignupForm /> : <AffiliateSignupForm />}</div>
      <p className="below-card">
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </div>
  );
}
