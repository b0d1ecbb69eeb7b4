import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import type { EmulatedDirectAdmin } from "../emulators/directadmin/index.js";
import type { PasswordBook } from "../emulators/directadmin/front/index.js";
import { policySchema } from "../model/policy.js";
import type { PolicyStore } from "../store/policy-store.js";
import type { DemoPaths } from "./paths.js";

/** A seeded panel account and its password, as the demo prints it. */
export interface DemoLogin {
  username: string;
  password: string;
  usertype: "admin" | "reseller";
}

/** The package without a policy of its own (the default policy applies) and the one with protection. */
export const DEMO_PACKAGES = { plain: "default", protected: "business" } as const;

/** Writes a file readable by its owner only (secrets, logins). */
export function writePrivate(file: string, text: string): void {
  writeFileSync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** The seeded logins, or undefined before the first start finished seeding. */
export function readDemoLogins(paths: DemoPaths): DemoLogin[] | undefined {
  return existsSync(paths.logins) ? (JSON.parse(readFileSync(paths.logins, "utf8")) as DemoLogin[]) : undefined;
}

/**
 * The first start's panel: an admin and a reseller (created by the admin) with new random passwords, and a
 * "business" package whose policy orders WEDOS Global protection (in cname mode, which the simulator activates
 * without the domain being delegated), so protection is visible next to plain DNS. The logins file is written
 * last: a start that failed half-way seeds again, skipping what is there.
 */
export function seedDemo(
  paths: DemoPaths,
  da: EmulatedDirectAdmin,
  passwords: PasswordBook,
  policies: PolicyStore,
  now: number,
): DemoLogin[] {
  const logins: DemoLogin[] = [
    { username: "admin", usertype: "admin", password: randomBytes(9).toString("base64url") },
    { username: "reseller", usertype: "reseller", password: randomBytes(9).toString("base64url") },
  ];
  for (const login of logins) {
    const exists = existsSync(da.layout.userConf(login.username));
    if (!exists)
      da.createStaffAccount(login.username, login.usertype, login.usertype === "reseller" ? { creator: "admin" } : {});
    passwords.set(login.username, login.password);
  }
  if (!policies.list().some((policy) => policy.package === DEMO_PACKAGES.protected)) {
    policies.save(DEMO_PACKAGES.protected, policySchema.parse({ protection: "start", protectionMode: "cname" }), now);
  }
  writePrivate(paths.logins, `${JSON.stringify(logins, null, 2)}\n`);
  return logins;
}

/**
 * The demo's packages, offered by each seeded admin and reseller (at every start, so a demo seeded before packages
 * were files gets them too): the policies page lists them from the panel, as on a real server.
 */
export function offerDemoPackages(da: EmulatedDirectAdmin, logins: readonly DemoLogin[]): void {
  for (const login of logins)
    for (const pkg of Object.values(DEMO_PACKAGES))
      if (!da.packages(login.username).includes(pkg)) da.createPackage(login.username, pkg);
}
