/** The query parameter that carries the click id to the merchant's landing page. */
export const CLICK_ID_PARAM = 'affiliate_click_id';

/**
 * A destination prepared once per link so that each redirect is string concatenation:
 * `withClickPrefix + clickId + withClickSuffix`. The destination's own query and fragment are kept
 * exactly; a click id parameter already on it is dropped so only ours is ever sent.
 */
export interface RedirectTemplate {
  /** Where buyers go when no attributable click is minted (bots, inactive campaign, archived link). */
  plain: string;
  withClickPrefix: string;
  withClickSuffix: string;
}

/** Null when the destination is not an absolute http(s) URL, so the redirect can never send a buyer to `javascript:` and the like. */
export function redirectTemplate(destination: string): RedirectTemplate | null {
  let href: string;
  try {
    const url = new URL(destination);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    href = url.href;
  } catch {
    return null;
  }
  const hashAt = href.indexOf('#');
  const fragment = hashAt === -1 ? '' : href.slice(hashAt);
  const beforeHash = hashAt === -1 ? href : href.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const base = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt === -1 ? '' : beforeHash.slice(queryAt + 1);
  const kept = query
    .split('&')
    .filter((part) => part !== '' && paramName(part) !== CLICK_ID_PARAM)
    .join('&');
  const plain = `${base}${kept ? `?${kept}` : ''}${fragment}`;
  return {
    plain,
    withClickPrefix: `${base}?${kept ? `${kept}&` : ''}${CLICK_ID_PARAM}=`,
    withClickSuffix: fragment,
  };
}

function paramName(part: string): string {
  const name = part.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
