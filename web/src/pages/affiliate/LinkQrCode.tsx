import { useState } from 'react';
import { withSubIds, type SubIds } from './link-url.ts';

/** The link's QR code (with its sub-ids, when given) as an SVG the server draws; says so plainly when the server cannot. */
export function LinkQrCode({ linkId, url, subIds = {} }: { linkId: string; url: string; subIds?: SubIds }) {
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const src = withSubIds(`/api/affiliate/links/${encodeURIComponent(linkId)}/qr.svg`, subIds);
  if (!open) {
    return (
      <button type="button" className="button button--small" onClick={() => setOpen(true)} aria-label={`Show QR code for ${url}`}>
        QR code
      </button>
    );
  }
  if (failed) return <span className="cell-note">QR codes are not available on this server.</span>;
  return (
    <figure className="qr">
      <img src={src} width={120} height={120} alt={`QR code for ${url}`} onError={() => setFailed(true)} />
      <figcaption>
        <a href={src} download={`link-${linkId}.svg`}>
          Download SVG
        </a>
      </figcaption>
    </figure>
  );
}
