import type { Policy } from "../../model/policy.js";
import type { TaskContext } from "./context.js";

/**
 * The policy of an account's package. The package is the one the inventory holds; while the account's own creation
 * event has not been read yet, it is the panel's. DirectAdmin may run a new account's zone hooks before
 * user_create_post, and the daemon takes a job as soon as its event is read: without this, the account's first
 * jobs would run under the default policy (a zone for a package without WEDOS DNS, no protection for one with it).
 */
export async function accountPolicy(
  ctx: Pick<TaskContext, "inventory" | "panel" | "policies">,
  username: string | null,
): Promise<Policy & { package: string }> {
  if (username === null) return ctx.policies.forPackage(undefined);
  const known = ctx.inventory.account(username)?.package;
  return ctx.policies.forPackage(known ?? (await ctx.panel.account(username))?.package);
}
