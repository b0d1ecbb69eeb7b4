import { WebError } from "../errors.js";
import type { PageRequest } from "../protocol.js";
import type { ProvenVisitor, VisitorProver } from "./identity.js";
import type { SessionVerifier } from "./session-verifier.js";

/**
 * DirectAdmin's `identity: "uid+session"`: the uid proof first (local and cheap, so a forged request never reaches
 * DirectAdmin), then the session replay; both must name the same account at the same level, or the page is
 * refused as if the session had expired (the details go to the daemon's log). The level and language are the uid
 * proof's (the account's user.conf). The proven account is the session check's source: its limits are per account.
 */
export class AgreeingProvers implements VisitorProver {
  constructor(
    private readonly uid: VisitorProver,
    private readonly session: Pick<SessionVerifier, "proveFrom" | "close">,
  ) {}

  async prove(request: PageRequest): Promise<ProvenVisitor> {
    const byUid = await this.uid.prove(request);
    const bySession = await this.session.proveFrom(request, byUid.username);
    if (byUid.username !== bySession.username || byUid.usertype !== bySession.usertype) {
      throw new WebError(
        401,
        "error.sessionExpired",
        `the page runs as ${byUid.username} (${byUid.usertype}) but DirectAdmin says its session is ${bySession.username}'s (${bySession.usertype})`,
      );
    }
    return { ...byUid, provenBy: "uid+session" };
  }

  async close(): Promise<void> {
    await Promise.all([this.uid.close(), this.session.close()]);
  }
}
