import { PageHeader } from '../../components/PageHeader.tsx';
import { Link } from '../../router.tsx';

export function LandingPage() {
  return (
    <div>
      <PageHeader title="Affiliate commerce, on your own terms">
        <p>Creators share tracked links; stores pay commission only on orders that are kept. Checkout stays on the store’s own site.</p>
      </PageHeader>
      <div className="grid grid--two">
        <section className="card" aria-labelledby="for-creators">
          <h2 id="for-creators">For creators</h2>
          <p>Join campaigns, make short links and QR codes, watch clicks and earnings, and withdraw to your bank or wallet.</p>
          <Link to="/signup?role=affiliate" className="button button--primary">
            Join as a creator
          </Link>
        </section>
        <section className="card" aria-labelledby="for-stores">
          <h2 id="for-stores">For stores</h2>
          <p>Sync products and campaigns by signed API or CSV, report orders, and let creators bring you buyers.</p>
          <Link to="/signup?role=merchant" className="button">
            Sign up your store
          </Link>
        </section>
      </div>
      <p className="below-card">
        <Link to="/campaigns">Browse public campaigns</Link> · Already have an account? <Link to="/login">Log in</Link>
      </p>
    </div>
  );
}
