import type { Config } from "../config/load.js";
import { serverPanel } from "../panel/adapters.js";
import type { CheckResult } from "./checks.js";

const CHECK = "panel messages";

/**
 * Whether notices (who must act on a request) also reach the panel's own messages, or stay in the plugin's inbox
 * alone (docs/decisions/0056). Sends no message. A warning, not a failure: the inbox works either way.
 */
export function checkPanelMessages(config: Config): CheckResult {
  const adapter = serverPanel(config.panel);
  const readiness = adapter.messages(config).readiness();
  if (readiness.ready)
    return { check: CHECK, status: "ok", message: `notices are also delivered to ${readiness.detail}` };
  return {
    check: CHECK,
    status: "warn",
    message: `notices reach people only on the plugin's Notices page, not ${adapter.name}'s own messages (${readiness.detail}); ${readiness.fix}`,
  };
}
