import { panelAdapter } from "../../panel/adapters.js";
import type { Panel } from "../../panel/panel.js";
import { WebError } from "../errors.js";
import type { PageRequest } from "../protocol.js";
import type { ProvenVisitor, VisitorProver } from "./identity.js";
import type { ProofDirectory } from "./proof-file.js";
import { unixUserName } from "./unix-accounts.js";

export interface UidProverOptions {
  proofs: ProofDirectory;
  /** The panel's word on a login: its level and language (DirectAdmin's user.conf; cPanel's users and resellers). */
  panel: Pick<Panel, "kind" | "accountAccess">;
  /** Where uids are named (`pages.passwdFile`). */
  passwdFile: string;
  /** The uid whose proof is the panel's root entry (cPanel's WHM entry) — root (a test names its own, or one nobody has). */
  whmUid?: number;
}

/**
 * Proves who runs a page entry by the unix account the kernel says made its proof file (ProofDirectory), the same
 * way on both panels (docs/decisions/0012-who-is-asking.md). DirectAdmin runs user and reseller pages as the
 * visitor's own unix account and admin pages as the admin's; cPanel runs a Jupiter page as the account. So the
 * uid's name from /etc/passwd is the login, and the panel's own files give its level. Any uid that is no login of
 * the panel is refused.
 *
 * The WHM entry is the exception: cPanel runs it as root for whichever WHM user is logged in, so root's proof stands
 * for the WHM user cPanel names in REMOTE_USER — believed because only root could have made the proof — and that
 * user's ACLs decide (cPanel's guide: a WHM plugin checks the ACLs itself): root and resellers with the `all` ACL
 * are admins; anyone else gets a 403 page saying so, never the admin pages.
 */
export class UidProver implements VisitorProver {
  private readonly whmUid: number;
  /** What a login named by the panel's root entry looks like; undefined: the panel has no such entry. */
  private readonly rootEntryLogin: RegExp | undefined;

  constructor(private readonly options: UidProverOptions) {
    this.whmUid = options.whmUid ?? 0;
    this.rootEntryLogin = panelAdapter(options.panel.kind).pages.rootEntryLogin;
  }

  async prove(request: PageRequest): Promise<ProvenVisitor> {
    const uid = await this.options.proofs.ownerOf(request.proof);
    const rootLogin = uid === this.whmUid ? this.rootEntryLogin : undefined;
    const whm = rootLogin !== undefined;
    const username = whm ? whmUser(request, rootLogin) : await unixUserName(uid, this.options.passwdFile);
    if (username === undefined)
      throw new WebError(403, "error.wrongLevel", `uid ${uid} has no entry in ${this.options.passwdFile}`);
    const access = await this.options.panel.accountAccess(username);
    if (whm && access?.level !== "admin") {
      throw new WebError(
        403,
        "error.whmPrivileges",
        `the WHM user ${username} is ${access === undefined ? "neither root nor a reseller" : `a ${access.level} without the all ACL`}`,
      );
    }
    if (access === undefined)
      throw new WebError(403, "error.wrongLevel", `uid ${uid} (${username}) is not an account of the panel`);
    return { username, usertype: access.level, language: access.language, provenBy: "uid" };
  }

  async close(): Promise<void> {}
}

/** The WHM user cpsrvd authenticated, as it put it in REMOTE_USER; the WHM entry without one opens nothing. */
function whmUser(request: PageRequest, login: RegExp): string {
  const user = request.claimed.username;
  if (user === undefined || !login.test(user))
    throw new WebError(403, "error.whmPrivileges", "the WHM entry named no WHM user (REMOTE_USER)");
  return user;
}
