/**
 * DirectAdmin's account types (user.conf `usertype`), lowest first, and the URL prefix under which each level's
 * plugin pages are served. The emulator keeps its own copy of these panel facts (docs/reference/directadmin.md#urls)
 * rather than the plugin's: a fake that shares code with what it fakes cannot catch the plugin getting them wrong.
 */
export const USERTYPES = ["user", "reseller", "admin"] as const;
export type Usertype = (typeof USERTYPES)[number];

/** The user level is CMD_PLUGINS, not CMD_PLUGINS_USER. */
export const PLUGINS_PREFIX: Readonly<Record<Usertype, string>> = {
  user: "/CMD_PLUGINS",
  reseller: "/CMD_PLUGINS_RESELLER",
  admin: "/CMD_PLUGINS_ADMIN",
};

export function isUsertype(value: string | undefined): value is Usertype {
  return (USERTYPES as readonly string[]).includes(value ?? "");
}

/** DirectAdmin nests its levels: an admin also has the reseller and user levels, a reseller the user level. */
export function reaches(usertype: Usertype, level: Usertype): boolean {
  return USERTYPES.indexOf(usertype) >= USERTYPES.indexOf(level);
}
