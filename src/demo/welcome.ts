import { relative } from "node:path";
import { historyPassword } from "./billing-history.js";
import { LIMITED_CUSTOMER } from "./business-finish.js";
import { DEMO_PACKAGES } from "./seed.js";
import { DEMO_WAPI, type DemoStack } from "./stack.js";

/** What the console says once the demo is up: where to click, the logins, and the path to try. */
export function welcomeText(stack: DemoStack, frontUrl: string, cwd: string): string {
  const shown = (path: string) => (relative(cwd, path).startsWith("..") ? path : `./${relative(cwd, path)}`);
  const width = Math.max(...stack.logins.map((login) => login.username.length));
  return [
    "",
    "wedos-panel demo: WEDOS (simulated), DirectAdmin (emulated) and the plugin, all on this machine",
    "",
    `  DirectAdmin     ${frontUrl}`,
    ...stack.logins.map(
      (login) => `                  ${login.username.padEnd(width)}  password ${login.password}   (${login.usertype})`,
    ),
    `                  (generated on the first start; kept in ${shown(stack.paths.logins)})`,
    `  WEDOS WAPI      ${stack.sim.url}   (${DEMO_WAPI.login} / ${DEMO_WAPI.password})`,
    `  WEDOS DNS       127.0.0.1:${stack.dns.port}   e.g. dig @127.0.0.1 -p ${stack.dns.port} example.test SOA`,
    `  plugin daemon   pages on ${shown(stack.webAddress)}, data in ${shown(stack.paths.dataDir)}`,
    `  configuration   ${shown(stack.paths.config)}   (WEDOS_PANEL_CONFIG=${shown(stack.paths.config)} npx wedos-panel status)`,
    "",
    "Try it:",
    `  1. Open ${frontUrl} and log in as admin.`,
    `  2. Create user: a name, a password, a domain such as example.test, and the package`,
    `     "${DEMO_PACKAGES.plain}" (DNS at WEDOS) or "${DEMO_PACKAGES.protected}" (DNS and WEDOS Global protection).`,
    '  3. Log out and log in as that user (or use "Login as" in the user list).',
    "  4. Plugins → WEDOS DNS: the zone turns active in a few seconds (reload the page).",
    "  Then edit DNS records, add a pointer, suspend or delete the user: each action runs the plugin's real hooks,",
    "  and the page shows which ran.",
    "  5. Billing (in the plugin's menu) shows the demo's reselling business to the admin, the reseller and each",
    `     customer (e.g. ${LIMITED_CUSTOMER}, password ${historyPassword(LIMITED_CUSTOMER)}): offers, bills, margins,`,
    "     limits, the WEDOS credit and reconciliation.",
    "",
    `State is kept in ${shown(stack.paths.root)} across restarts; npm run demo:reset starts over. Ctrl-C stops the demo.`,
    "",
  ].join("\n");
}
