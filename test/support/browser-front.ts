import type { Page } from "playwright-core";
import { PasswordBook, startDirectAdminFront } from "../../src/emulators/directadmin/front/index.js";
import type { DirectAdminSession } from "../../src/emulators/directadmin/index.js";
import type { WebHarness } from "../web/support.js";

/** A browser's way into the harness: the emulated DirectAdmin front over the harness's panel, for one session. */
export interface BrowserFront {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** DirectAdmin's login cookies of the session, for the browser context. */
  cookies: Array<{ name: string; value: string; url: string }>;
  /** Every query a watched page asked the user-level raw entry for, in order. */
  queries: string[];
  /** Records the plugin queries `page` makes into {@link queries}. */
  watch(page: Page): void;
  close(): Promise<void>;
}

/**
 * The emulated DirectAdmin's web front (the demo's and the browser tests') over the harness's DirectAdmin: it runs
 * the real entry scripts with the session's cookies, pointed at the harness's daemon.
 */
export async function startBrowserFront(h: WebHarness, session: DirectAdminSession): Promise<BrowserFront> {
  const front = await startDirectAdminFront({
    da: h.da,
    passwords: new PasswordBook(),
    pageEnv: { WEDOS_PANEL_CONFIG: h.configFile },
  });
  const queries: string[] = [];
  return {
    origin: front.url,
    cookies: [
      { name: "session", value: session.SESSION_ID, url: front.url },
      { name: "key", value: session.SESSION_KEY, url: front.url },
    ],
    queries,
    watch(page) {
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (url.pathname === "/CMD_PLUGINS/wedos/index.raw") queries.push(url.search.replace(/^\?/, ""));
      });
    },
    close: () => front.close(),
  };
}
