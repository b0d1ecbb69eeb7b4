import { DNS_WRITE_VARIABLES } from "./dns-write-env.js";

/** The variables eventFromHookEnv reads from a hook's environment (typed there, so it cannot read another). */
export const EVENT_VARIABLES = [
  "username",
  "USERNAME",
  "domain",
  "DOMAIN",
  "newdomain",
  "from",
  "package",
  "ip",
  "ips",
  "creator",
  "skip_template",
  "zone_existed",
  "caller",
] as const;
export type EventVariable = (typeof EVENT_VARIABLES)[number];

/**
 * Everything the plugin reads from a DirectAdmin hook's environment: the events' variables, and dns_write_post's
 * record lists with their *_TIME. hooks/common.sh records these in the spool and nothing else (a test holds its list
 * equal to this one): never passwd (the account's password in plain text on user_create), a session key, a cookie
 * or the rest of user.conf.
 */
export const DIRECTADMIN_HOOK_VARIABLES: readonly string[] = [
  ...new Set<string>([...EVENT_VARIABLES, ...DNS_WRITE_VARIABLES]),
];
