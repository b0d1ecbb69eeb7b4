import { Router, type Request, type Response } from "express";
import type { PanelAccount } from "../../../../model/account.js";
import { act, field, FormRefusal, type FrontDeps } from "../deps.js";
import { html, type SafeHtml } from "../html.js";
import { panelPage, sendPage } from "../skin.js";
import { checkCsrf, requireVisitor, takeFlash, visitorIn, type Visitor } from "../visitor.js";
import { HOME } from "./login.js";

/** The interface languages the plugin's pages speak (user.conf `language=`). */
const LANGUAGES = ["en", "cs"] as const;

/** DirectAdmin's rule for new user names: a lower-case letter, then letters or digits, at most 16 in all. */
const NEW_USERNAME = /^[a-z][a-z0-9]{2,15}$/;

/** The customer accounts the visitor manages: all for an admin, the reseller's own for a reseller. */
function customersOf(deps: FrontDeps, visitor: Visitor): Array<PanelAccount & { conf: Map<string, string> }> {
  const accounts = deps.files.accounts();
  return accounts
    .map((account) => ({ ...account, conf: deps.files.userConf(account.username) ?? new Map<string, string>() }))
    .filter(
      (account) =>
        account.conf.get("usertype") === "user" &&
        (visitor.usertype === "admin" || account.creator === visitor.username),
    );
}

/** The customer `username` if the visitor manages it; refused otherwise, as for an account that does not exist. */
async function requireCustomer(deps: FrontDeps, visitor: Visitor, username: string): Promise<string> {
  if (customersOf(deps, visitor).some((account) => account.username === username)) return username;
  throw new FormRefusal(`there is no user ${username} among your accounts`);
}

function actionButton(
  visitor: Visitor,
  action: string,
  username: string,
  label: string,
  style = "secondary",
): SafeHtml {
  return html`<form method="post" action="/CMD_SELECT_USERS"><input type="hidden" name="csrf" value="${visitor.csrf}"><input type="hidden" name="username" value="${username}"><input type="hidden" name="action" value="${action}"><button type="submit" class="${style}">${label}</button></form>`;
}

function userRow(visitor: Visitor, account: PanelAccount & { conf: Map<string, string> }): SafeHtml {
  const language = account.conf.get("language") ?? "en";
  return html`<tr data-user="${account.username}">
  <td><strong>${account.username}</strong><br><span class="muted">${account.conf.get("email") ?? ""}</span></td>
  <td data-label="Package">${account.package ?? ""}</td>
  <td data-label="Domains">${account.domains.map((entry) => html`<div>${entry.domain}${entry.kind === "pointer" && html` <span class="muted">→ ${entry.target}</span>`}</div>`)}</td>
  <td data-label="State">${account.suspended ? html`<span class="badge badge-suspended">suspended</span>` : html`<span class="badge">active</span>`}${visitor.usertype === "admin" && html`<br><span class="muted">by ${account.creator}</span>`}</td>
  <td data-label="Language">
    <form method="post" action="/CMD_MODIFY_USER"><input type="hidden" name="csrf" value="${visitor.csrf}"><input type="hidden" name="username" value="${account.username}">
      <select name="language" aria-label="Language of ${account.username}">${LANGUAGES.map((each) => html`<option value="${each}"${each === language && html` selected`}>${each}</option>`)}</select>
      <button type="submit" class="secondary">Set</button></form>
  </td>
  <td>
    <form method="post" action="/CMD_LOGIN_AS"><input type="hidden" name="csrf" value="${visitor.csrf}"><input type="hidden" name="username" value="${account.username}"><button type="submit">Login as</button></form>
    ${account.suspended ? actionButton(visitor, "unsuspend", account.username, "Unsuspend") : actionButton(visitor, "suspend", account.username, "Suspend")}
    ${actionButton(visitor, "delete", account.username, "Delete", "danger")}
  </td>
</tr>`;
}

function createForm(visitor: Visitor, packages: readonly string[]): SafeHtml {
  return html`<form class="card form-grid" method="post" action="/CMD_ACCOUNT_USER">
  <input type="hidden" name="csrf" value="${visitor.csrf}">
  <label for="username">Username</label><input id="username" name="username" required pattern="[a-z][a-z0-9]{2,15}" title="3 to 16 lower-case letters or digits, starting with a letter">
  <label for="email">E-mail</label><input id="email" name="email" type="email" required>
  <label for="password">Password</label><input id="password" name="password" type="password" required minlength="8" autocomplete="new-password">
  <label for="domain">Domain</label><input id="domain" name="domain" required placeholder="example.test">
  <label for="package">Package</label><select id="package" name="package">${packages.map((each) => html`<option value="${each}">${each}</option>`)}</select>
  <span></span><button type="submit">Create</button>
</form>`;
}

/**
 * The admin's and reseller's account pages: the customers (package, domains, suspended or not) with login-as,
 * suspend/unsuspend, delete and language, and the form that creates an account with its first domain. Every
 * change goes through the emulator, so the plugin's real hooks run as on a real server.
 */
export function accountRoutes(deps: FrontDeps): Router {
  const router = Router();
  const staff = [requireVisitor(deps, "reseller")];
  const form = [...staff, checkCsrf(deps)];

  router.get("/CMD_USER_LIST", staff, async (_req: Request, res: Response) => {
    const visitor = visitorIn(res);
    const customers = customersOf(deps, visitor);
    const body = html`<table class="list">
  <thead><tr><th>User</th><th>Package</th><th>Domains</th><th>State</th><th>Language</th><th>Actions</th></tr></thead>
  <tbody>${customers.length === 0 ? html`<tr><td colspan="6" class="muted">No users yet: <a href="/CMD_ACCOUNT_USER">create one</a>.</td></tr>` : customers.map((account) => userRow(visitor, account))}</tbody>
</table>`;
    sendPage(
      res,
      panelPage({ pluginDir: deps.pluginDir, visitor, title: "Users", body, flash: takeFlash(deps, visitor) }),
    );
  });

  router.get("/CMD_ACCOUNT_USER", staff, (_req: Request, res: Response) => {
    const visitor = visitorIn(res);
    sendPage(
      res,
      panelPage({
        pluginDir: deps.pluginDir,
        visitor,
        title: "Create user",
        body: createForm(visitor, deps.da.packages(visitor.username)),
        flash: takeFlash(deps, visitor),
      }),
    );
  });

  router.post("/CMD_ACCOUNT_USER", form, async (req: Request, res: Response) => {
    const visitor = visitorIn(res);
    const username = field(req.body, "username");
    const password = field(req.body, "password", { trim: false });
    const pkg = field(req.body, "package");
    const domain = field(req.body, "domain");
    await act(res, deps, HOME.reseller, `created user ${username} with ${domain}`, async () => {
      if (!NEW_USERNAME.test(username))
        throw new FormRefusal(
          `"${username}" cannot be a user name: use 3 to 16 lower-case letters or digits, starting with a letter`,
        );
      if (password.length < 8) throw new FormRefusal("the password must have at least 8 characters");
      if (!deps.da.packages(visitor.username).includes(pkg)) throw new FormRefusal(`there is no package "${pkg}"`);
      const email = field(req.body, "email");
      if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new FormRefusal(`"${email}" is not an e-mail address`);
      const ip = visitor.conf.get("ip") ?? "";
      const runs = await deps.da.createUser({
        username,
        domain,
        package: pkg,
        ip,
        email,
        creator: visitor.username,
        password,
      });
      deps.passwords.set(username, password);
      return runs;
    });
  });

  router.post("/CMD_SELECT_USERS", form, async (req: Request, res: Response) => {
    const visitor = visitorIn(res);
    const action = field(req.body, "action");
    const username = field(req.body, "username");
    const done = { suspend: "suspended", unsuspend: "unsuspended", delete: "deleted" }[action] ?? action;
    await act(res, deps, HOME.reseller, `${done} ${username}`, async () => {
      await requireCustomer(deps, visitor, username);
      if (action === "suspend") return deps.da.suspendUser(username);
      if (action === "unsuspend") return deps.da.unsuspendUser(username);
      if (action !== "delete") throw new FormRefusal(`unknown action "${action}"`);
      const runs = await deps.da.destroyUser(username);
      deps.passwords.remove(username);
      return runs;
    });
  });

  router.post("/CMD_MODIFY_USER", form, async (req: Request, res: Response) => {
    const visitor = visitorIn(res);
    const username = field(req.body, "username");
    const language = field(req.body, "language");
    await act(res, deps, HOME.reseller, `set the language of ${username} to ${language}`, async () => {
      await requireCustomer(deps, visitor, username);
      if (!(LANGUAGES as readonly string[]).includes(language))
        throw new FormRefusal(`the language must be one of ${LANGUAGES.join(", ")}`);
      deps.da.setLanguage(username, language);
      return undefined;
    });
  });
  return router;
}
