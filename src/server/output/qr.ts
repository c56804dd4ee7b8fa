import QRCode from 'qrcode';

/**
 * A QR code of `text` as an SVG string, made on the server (no script, no third-party service).
 * Medium error correction survives a creased or smudged printed slip; a quiet zone of 4 modules is
 * what scanners expect.
 */
export async function qrSvg(text: string, label: string): Promise<string> {
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
  // An accessible name for the image; the address is printed as text beside it too.
  const escaped = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return svg.replace('<svg ', `<svg role="img" aria-label="${escaped}" `);
}
