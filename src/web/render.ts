import type { Response } from "express";
import type { PageContext } from "./context.js";
import { sendOutput } from "./output.js";
import { layoutModel } from "./view-models/layout.js";

/** Renders one EJS view of views/ with `locals` (express's view engine, so templates are compiled once). */
function renderView(res: Response, view: string, locals: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    res.app.render(view, locals, (error: Error | null, html?: string) => (error ? reject(error) : resolve(html ?? "")));
  });
}

/**
 * Renders a page: the view with its model, then the layout for the mode — views/layouts/embedded.ejs (a fragment
 * inside DirectAdmin's skin) or views/layouts/document.ejs (a whole document: DirectAdmin's raw mode, cPanel's CGI
 * pages) — and sends it. Templates
 * get the model, the translator `t`, the CSP `nonce` and the layout model; nothing that can reach the database.
 */
export async function renderPage(
  res: Response,
  page: PageContext,
  view: string,
  title: string,
  model: object,
  status = 200,
): Promise<void> {
  const locals = {
    ...model,
    t: page.t,
    nonce: page.nonce,
    layout: layoutModel(page, title, view),
    progress: page.progress,
    actionNotice: page.notice,
  };
  const body = await renderView(res, view, locals);
  const html = await renderView(res, page.request.mode === "html" ? "layouts/embedded" : "layouts/document", {
    ...locals,
    body,
  });
  sendOutput(res, page, status, "text/html; charset=utf-8", html);
}

/** Answers a JSON request (fetch() from a raw page) with a JSON body. */
export function sendJson(res: Response, page: PageContext, status: number, value: unknown): void {
  sendOutput(res, page, status, "application/json; charset=utf-8", JSON.stringify(value));
}
