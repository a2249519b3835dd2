import QRCode from 'qrcode';

/** A QR code for a short link, as SVG (scales for print) or PNG (`width` pixels wide). */
export function linkQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

export function linkQrPng(url: string, width: number): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width });
}
