/**
 * Headers of every raw-mode page (embedded pages cannot set headers: DirectAdmin's skin page carries its own).
 *
 * - CSP: nothing loads from anywhere but DirectAdmin's own origin, and the only scripts that run are those with
 *   this response's nonce — so an injected `<script>` stays inert even if escaping ever failed.
 * - `frame-ancestors 'self'` (and the older X-Frame-Options: SAMEORIGIN): the page may only be framed by a page of
 *   its own origin. The browser fetches plugin pages from DirectAdmin (https://panel:2222/CMD_PLUGINS…) and the
 *   Evolution skin frames them from that same origin (/evo/plugin?src=…), so DirectAdmin's origin *is* the page's
 *   origin: 'self' allows exactly DirectAdmin and refuses every other site (clickjacking).
 * - `Referrer-Policy: same-origin`: query strings (domain names) never leave the panel, while DirectAdmin itself
 *   still sees a Referer (whether it checks one on plugin POSTs is unknown,
 *   docs/reference/directadmin.md#csrf-and-referer-checks).
 * - `Cache-Control: no-store`: pages show account data; no browser or proxy may keep them.
 */
export function securityHeaders(nonce: string): Array<[string, string]> {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
    "base-uri 'none'",
  ].join("; ");
  return [
    ["Content-Security-Policy", csp],
    ["X-Frame-Options", "SAMEORIGIN"],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "same-origin"],
    ["Cache-Control", "no-store"],
    ["Pragma", "no-cache"],
  ];
}
