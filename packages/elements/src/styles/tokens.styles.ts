import { css } from 'lit';

const dark = css`
  --_text: var(--intake-color-text, #eceef2);
  --_muted: var(--intake-color-muted, #a9afba);
  --_bg: var(--intake-color-background, #15171c);
  --_surface: var(--intake-color-surface, #1f232b);
  --_border: var(--intake-color-border, #8a91a0);
  --_primary: var(--intake-color-primary, #8fb1ff);
  --_primary-hover: var(--intake-color-primary-hover, #b3cbff);
  --_on-primary: var(--intake-color-on-primary, #0c1224);
  --_error: var(--intake-color-error, #ff8a80);
  --_success: var(--intake-color-success, #6ad99a);
  --_warning: var(--intake-color-warning, #f3c063);
  color-scheme: dark;
`;

/**
 * The design tokens of every Intake element: each `--intake-*` custom property a page may set,
 * with a default for light and for dark colour schemes. Internal `--_*` names are not API.
 * `theme="light"` / `theme="dark"` on an element forces a scheme; by default it follows
 * `prefers-color-scheme`.
 */
export const tokens = css`
  :host {
    --_font: var(--intake-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    --_size: var(--intake-font-size, 1rem);
    --_radius: var(--intake-radius, 6px);
    --_space: var(--intake-spacing, 1rem);
    --_control-height: var(--intake-control-height, 3rem);
    --_border-width: var(--intake-border-width, 2px);
    --_text: var(--intake-color-text, #1a1c20);
    --_muted: var(--intake-color-muted, #555b66);
    --_bg: var(--intake-color-background, #ffffff);
    --_surface: var(--intake-color-surface, #f4f6f9);
    --_border: var(--intake-color-border, #7d8490);
    --_primary: var(--intake-color-primary, #1d4ed8);
    --_primary-hover: var(--intake-color-primary-hover, #1e40af);
    --_on-primary: var(--intake-color-on-primary, #ffffff);
    --_error: var(--intake-color-error, #b42318);
    --_success: var(--intake-color-success, #0f7a3d);
    --_warning: var(--intake-color-warning, #8a5a00);
    --_focus: var(--intake-color-focus, #f0b400);
    --_focus-text: var(--intake-color-focus-text, #1a1c20);
    color-scheme: light;
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.5;
    color: var(--_text);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  :host([theme='dark']) {
    ${dark}
  }
  :host([hidden]) {
    display: none !important;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
`;
