import { request as httpRequest } from "node:http";
import { ManualClock } from "../../../../src/clock.js";
import { demoPaths } from "../../../../src/demo/paths.js";
import { startDemoStack, type DemoStack } from "../../../../src/demo/stack.js";
import { tempDir } from "../../../support/temp-dir.js";

/** One answer of the emulated panel, as a browser received it (redirects not followed). */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The Location of a redirect, as a path. */
  location: string | undefined;
}

/**
 * A browser without a browser: keeps the panel's cookies (DirectAdmin's `session` and `key`) and sends forms as a
 * browser encodes them, so tests can walk the emulated panel like a person does.
 */
export class PanelClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  async request(
    method: "GET" | "POST",
    path: string,
    body?: Readonly<Record<string, string>> | string,
  ): Promise<Answer> {
    const encoded =
      body === undefined ? undefined : typeof body === "string" ? body : new URLSearchParams(body).toString();
    const headers: Record<string, string> = {
      cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
    };
    if (encoded !== undefined) headers["content-type"] = "application/x-www-form-urlencoded";
    const response = await fetch(new URL(path, this.base), { method, headers, body: encoded, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = cookie.split(";");
      const [name = "", value = ""] = pair.split("=");
      if (attributes.some((attribute) => attribute.trim() === "Max-Age=0")) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.trim());
    }
    const location = response.headers.get("location") ?? undefined;
    return {
      status: response.status,
      headers: response.headers,
      text: await response.text(),
      location:
        location === undefined
          ? undefined
          : new URL(location, this.base).pathname + new URL(location, this.base).search,
    };
  }

  get(path: string): Promise<Answer> {
    return this.request("GET", path);
  }

  /** Posts a form and, as a browser does, follows the redirect that answers it. */
  async submit(path: string, fields: Readonly<Record<string, string>>): Promise<Answer> {
    const answer = await this.request("POST", path, fields);
    return answer.location === undefined ? answer : this.get(answer.location);
  }

  /** Logs in through the login form; returns the answer to the form (303 on success). */
  login(username: string, password: string): Promise<Answer> {
    return this.request("POST", "/CMD_LOGIN", { username, password });
  }
}

/** The token the panel's forms carry. */
export function csrfOf(html: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(html);
  if (match === null) throw new Error("the page has no form with a CSRF token");
  return match[1] as string;
}

/** A GET over a raw socket, with the path sent exactly as written (fetch would normalise `..`). */
export function getVerbatim(base: string, path: string, cookie: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL(base), { path, headers: { cookie } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

export interface FrontHarness {
  stack: DemoStack;
  clock: ManualClock;
  url: string;
  /** The seeded admin's and reseller's passwords. */
  password(username: "admin" | "reseller"): string;
  /** A new browser (no cookies). */
  browser(): PanelClient;
  /** A browser logged in as the account. */
  loggedIn(username: string, password?: string): Promise<PanelClient>;
  /** What the daemon loop would do now: read the hooks' spool and run every due job. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The demo's stack on ephemeral ports in a temp directory, on a manual clock and without the daemon loop: the
 * test settles the queue itself, so nothing depends on timing. Everything else — simulator, emulated panel and its
 * front, the real hooks, the entry scripts, the daemon's page listener — is what `npm start` runs.
 */
export async function startFrontHarness(): Promise<FrontHarness> {
  const clock = new ManualClock("2026-03-10T09:00:00Z");
  const logs: string[] = [];
  const stack = await startDemoStack({
    paths: demoPaths(tempDir("wedos-front-")),
    clock,
    ports: { front: 0, wapi: 0, dns: 0 },
    runDaemon: false,
    log: (line) => logs.push(line),
  });
  const passwordOf = (username: string) => stack.logins.find((login) => login.username === username)?.password ?? "";
  const harness: FrontHarness = {
    stack,
    clock,
    url: stack.front.url,
    password: passwordOf,
    browser: () => new PanelClient(stack.front.url),
    loggedIn: async (username, password) => {
      const client = new PanelClient(stack.front.url);
      const answer = await client.login(username, password ?? passwordOf(username));
      if (answer.status !== 303)
        throw new Error(`cannot log in as ${username}: ${answer.status} ${answer.text.slice(0, 200)}`);
      return client;
    },
    settle: async () => {
      stack.services.ingest();
      await stack.services.worker.runUntilIdle(1000);
    },
    close: () => stack.close(),
  };
  return harness;
}

/** Creates a customer through the admin's form; returns the page shown after it (with the hooks' report). */
export async function createCustomer(
  admin: PanelClient,
  user: { username: string; domain: string; package?: string; password?: string },
): Promise<Answer> {
  const form = await admin.get("/CMD_ACCOUNT_USER");
  return admin.submit("/CMD_ACCOUNT_USER", {
    csrf: csrfOf(form.text),
    username: user.username,
    email: `${user.username}@example.test`,
    password: user.password ?? "Customer-pass-1",
    domain: user.domain,
    package: user.package ?? "default",
  });
}
