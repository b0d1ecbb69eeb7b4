import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Response } from "express";
import type { HookRun } from "../hooks.js";
import { html, trusted, type SafeHtml } from "./html.js";
import type { Usertype } from "./levels.js";
import type { Flash, Visitor } from "./visitor.js";

/**
 * The emulated panel's look: Evolution's frame reduced to its parts — a top bar (who is logged in, log out; under
 * login-as one line below it names both accounts), a left menu per level with the plugins' menu entries, and the content area. Plain HTML and one
 * stylesheet (/assets/evo.css); the only script is the plugin wrapper's auto-post (routes/plugins.ts).
 */

/** The left menu of each level: DirectAdmin's own commands the front implements. */
const MENU: Readonly<Record<Usertype, ReadonlyArray<readonly [label: string, href: string]>>> = {
  admin: [
    ["Users", "/CMD_USER_LIST"],
    ["Create user", "/CMD_ACCOUNT_USER"],
  ],
  reseller: [
    ["Users", "/CMD_USER_LIST"],
    ["Create user", "/CMD_ACCOUNT_USER"],
  ],
  user: [["Domains", "/CMD_ADDITIONAL_DOMAINS"]],
};

/**
 * Where Evolution opens a plugin page: its wrapper, which shows `src` in an iframe
 * (docs/reference/directadmin.md#urls).
 */
export function evolutionUrl(src: string): string {
  return `/evo/plugin?src=${encodeURIComponent(src)}`;
}

/**
 * The plugin's menu snippet for the level (`hooks/<level>_txt.html`), printed as DirectAdmin prints it, with its
 * links sent through the Evolution wrapper as the skin does.
 */
function pluginMenu(pluginDir: string, level: Usertype): SafeHtml {
  const file = join(pluginDir, "hooks", `${level}_txt.html`);
  if (!existsSync(file)) return html``;
  const snippet = readFileSync(file, "utf8").replace(
    /href="(\/CMD_PLUGINS[^"]*)"/g,
    (_whole, href: string) => `href="${evolutionUrl(href)}"`,
  );
  return trusted(snippet);
}

/** "hooks ran: dns_write_post ✓ …" and, folded, what each printed. */
function hookReport(runs: readonly HookRun[]): SafeHtml {
  if (runs.length === 0) return html`<p class="hooks">no hooks ran</p>`;
  const ok = (run: HookRun) => run.exitCode === 0;
  return html`<details class="hooks"><summary>hooks ran: ${runs.map((run) => html`<span class="${ok(run) ? "hook-ok" : "hook-failed"}">${run.hook} ${ok(run) ? "✓" : `✗ (exit ${String(run.exitCode)})`}</span> `)}</summary>
<ul>${runs.map((run) => html`<li><code>${run.hook}</code>: <samp>${run.output.trim() || "(no output)"}</samp></li>`)}</ul></details>`;
}

function flashBox(flash: Flash | undefined): SafeHtml {
  if (flash === undefined) return html``;
  return html`<div class="flash flash-${flash.kind}" role="status"><p>${flash.text}</p>${flash.runs === undefined ? "" : hookReport(flash.runs)}</div>`;
}

/** A whole panel page for a logged-in visitor. */
export function panelPage(input: {
  pluginDir: string;
  visitor: Visitor;
  title: string;
  body: SafeHtml;
  flash?: Flash | undefined;
}): SafeHtml {
  const { visitor } = input;
  const level = visitor.usertype;
  return document(
    input.title,
    html`<header class="topbar">
  <span class="brand">DirectAdmin <small>emulated</small></span>
  <span class="level">${level} level</span>
  <span class="who">${visitor.username}</span>
  <form method="post" action="/CMD_LOGOUT" class="logout"><input type="hidden" name="csrf" value="${visitor.csrf}"><button type="submit">${visitor.loginAs === undefined ? "Log out" : `Back to ${visitor.loginAs}`}</button></form>
</header>
${visitor.loginAs !== undefined && html`<p class="login-as" role="note">${visitor.loginAs} is logged in as ${visitor.username}.</p>`}
<div class="frame">
<nav class="menu" aria-label="Menu">
  <ul>${MENU[level].map(([label, href]) => html`<li><a href="${href}">${label}</a></li>`)}</ul>
  <h2>Plugins</h2>
  <div class="plugins">${pluginMenu(input.pluginDir, level)}</div>
</nav>
<main class="content">
<h1>${input.title}</h1>
${flashBox(input.flash)}
${input.body}
</main>
</div>`,
  );
}

/** An HTML document with the front's stylesheet. */
export function document(title: string, body: SafeHtml, bodyClass = ""): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · DirectAdmin (emulated)</title>
<link rel="stylesheet" href="/assets/evo.css">
</head>
<body${bodyClass !== "" && html` class="${bodyClass}"`}>
${body}
</body>
</html>
`;
}

/** A nonce for the one inline script a page may carry. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/** Sends one of the front's pages with its security headers (scripts only with the nonce, framed only by itself). */
export function sendPage(res: Response, page: SafeHtml, options: { status?: number; nonce?: string } = {}): void {
  const script = options.nonce === undefined ? "'none'" : `'nonce-${options.nonce}'`;
  res
    .status(options.status ?? 200)
    .set({
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": `default-src 'self'; script-src ${script}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'`,
      "X-Frame-Options": "SAMEORIGIN",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
      "Cache-Control": "no-store",
    })
    .send(page.text);
}
