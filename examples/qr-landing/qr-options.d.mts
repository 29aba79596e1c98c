/** The options of `qrcode`'s `toString` for the printed code (see qr-options.mjs). */
export declare const qrOptions: {
  readonly type: 'svg';
  readonly errorCorrectionLevel: 'M';
  readonly margin: number;
  readonly color: { readonly dark: string; readonly light: string };
};
/** Where the printed code leads when no --url or QR_URL is given. */
export declare const defaultUrl: string;
