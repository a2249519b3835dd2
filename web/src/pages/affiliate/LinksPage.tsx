import { useQuery } from '@tanstack/react-query';
import { asApiError, call, type ItemOf } from '../../api.ts';
import { useApi } from '../../api-context.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState, Unavailable } from '../../components/QueryState.tsx';
import { formatCount, formatDate } from '../../format.ts';
import { useLocation } from '../../router.tsx';
import { CreateLinkForm } from './CreateLinkForm.tsx';
import { LinkQrCode } from './LinkQrCode.tsx';
import { LINKS_KEY, useJoinedCampaigns } from './affiliate-queries.ts';
import { TableWrap } from '../../components/TableWrap.tsx';

export function LinksPage() {
  const api = useApi();
  const { search } = useLocation();
  const links = useQuery({ queryKey: LINKS_KEY, queryFn: () => call(api.GET('/api/affiliate/links', { params: { query: { pageSize: 200 } } })) });
  const joined = useJoinedCampaigns();
  const linksMissing = links.isError && asApiError(links.error).isMissingEndpoint;

  return (
    <div>
      <PageHeader title="Links">
        <p>Each link is short and unguessable. Buyers who click it land on the store; the sale is credited to you.</p>
      </PageHeader>
      {linksMissing ? (
        <Unavailable feature="Links" />
      ) : (
        <>
          <CreateLinkForm campaigns={joined.data?.data ?? []} preselected={search.get('campaign')} />
          <section className="section" aria-labelledby="your-links">
            <h2 id="your-links">Your links</h2>
            <QueryState query={links} what="your links" feature="Links">
              {(page) =>
                page.data.length === 0 ? (
                  <EmptyState title="No links yet">Create your first link above, then share it wherever your audience is.</EmptyState>
                ) : (
                  <LinksTable links={page.data} />
                )
              }
            </QueryState>
          </section>
        </>
      )}
    </div>
  );
}

type AffiliateLink = ItemOf<'/api/affiliate/links', 'get'>;

function LinksTable({ links }: { links: AffiliateLink[] }) {
  return (
    <TableWrap>
      <table>
        <caption className="visually-hidden">Your links with their clicks</caption>
        <thead>
          <tr>
            <th scope="col">Link</th>
            <th scope="col">Campaign</th>
            <th scope="col">Product</th>
            <th scope="col" className="numeric">
              Clicks
            </th>
            <th scope="col">Created</th>
            <th scope="col">QR</th>
          </tr>
        </thead>
        <tbody>
          {links.map((link) => (
            <tr key={link.id}>
              <th scope="row">
                <span className="mono">{link.url}</span> <CopyButton text={link.url} label="Copy link" />
              </th>
              <td>{link.campaignTitle ?? <span className="mono">{link.campaignId}</span>}</td>
              <td>{link.productName ?? link.productId ?? 'Whole campaign'}</td>
              <td className="numeric">{formatCount(link.clicks)}</td>
              <td>{formatDate(link.createdAt)}</td>
              <td>
                <LinkQrCode linkId={link.id} url={link.url} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
