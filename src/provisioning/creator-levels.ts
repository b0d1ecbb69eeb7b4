import type { PanelAccount } from "../model/account.js";
import type { Panel } from "../panel/panel.js";
import type { CreatorLevelStore } from "../store/creator-level-store.js";

/**
 * Asks the panel the level of every account's creator (DirectAdmin: the creator's user.conf `usertype`; cPanel:
 * root, or a WHM user with the `all` ACL, is an admin) and keeps it, so the bills can tell an admin's own customers
 * from a reseller's. One question per distinct creator; one the panel does not know, or cannot read, keeps what it
 * had.
 */
export async function rememberCreatorLevels(
  panel: Pick<Panel, "accountAccess">,
  store: Pick<CreatorLevelStore, "remember">,
  accounts: readonly Pick<PanelAccount, "creator">[],
  now: number,
): Promise<void> {
  const creators = new Set(accounts.flatMap((account) => (account.creator === undefined ? [] : [account.creator])));
  for (const creator of creators) {
    // A creator's unreadable user.conf must not stop the reconciler: its level stays what was last read.
    const access = await panel.accountAccess(creator).catch(() => undefined);
    if (access !== undefined) store.remember(creator, access.level, now);
  }
}
