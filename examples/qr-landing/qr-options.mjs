/**
 * How the printed code is drawn (the options of `qrcode`'s `toString`). Level M restores up to
 * 15 % of damaged modules (a scuffed or partly covered poster) and keeps the code small for a
 * short URL; the margin is the four-module quiet zone the QR standard asks for.
 */
export const qrOptions = { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#0b1f20', light: '#ffffff' } };

/** Where the printed code leads when no --url or QR_URL is given: the page served locally. */
export const defaultUrl = 'http://localhost:8080/?utm_source=qr&utm_medium=print&utm_campaign=expo2026';
