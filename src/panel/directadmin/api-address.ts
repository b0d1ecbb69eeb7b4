import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../../config/load.js";
import { AppError } from "../../errors.js";
import { parseConf } from "./reader.js";

/** Where DirectAdmin answers API requests, and the file of the certificate it presents there. */
export interface PanelAddress {
  /** e.g. https://panel.example.net:2222 (no trailing slash). */
  url: string;
  /** `directadmin.sessionCheck.certificateFile`, else directadmin.conf's `cacert=`, else `<root>/conf/cacert.pem`. */
  certificateFile: string;
}

/**
 * Where DirectAdmin answers API requests: `directadmin.apiUrl` when configured, else what directadmin.conf says
 * (`servername`, `port` default 2222, `ssl=1` for https). The host name matters: the panel's certificate is issued
 * for it, not for 127.0.0.1 (`sessionCheck.address: "loopback"` connects to 127.0.0.1 and still checks the name).
 * Read when the session check first runs, so the daemon starts on hosts where the file is unreadable or missing.
 */
export function panelAddress(
  directadmin: Pick<Config["directadmin"], "root" | "apiUrl" | "sessionCheck">,
): PanelAddress {
  const file = join(directadmin.root, "conf", "directadmin.conf");
  let conf: Map<string, string> | undefined;
  let problem: string | undefined;
  try {
    conf = parseConf(readFileSync(file, "utf8"), file);
  } catch (error) {
    problem = (error as Error).message;
  }
  const certificateFile =
    directadmin.sessionCheck.certificateFile ??
    conf?.get("cacert")?.trim() ??
    join(directadmin.root, "conf", "cacert.pem");
  if (directadmin.apiUrl !== undefined) return { url: directadmin.apiUrl.replace(/\/+$/, ""), certificateFile };
  if (conf === undefined) {
    throw new AppError(
      "config_invalid",
      `cannot learn DirectAdmin's address from ${file} (${problem ?? "unreadable"}); set directadmin.apiUrl, e.g. "https://panel.example.net:2222"`,
    );
  }
  const host = conf.get("servername")?.trim();
  if (host === undefined || !/^[a-z0-9.-]+$/i.test(host)) {
    throw new AppError(
      "config_invalid",
      `${file} names no servername; set directadmin.apiUrl, e.g. "https://panel.example.net:2222"`,
    );
  }
  const port = /^\d{1,5}$/.test(conf.get("port") ?? "") ? conf.get("port") : "2222";
  const scheme = conf.get("ssl") === "1" ? "https" : "http";
  return { url: `${scheme}://${host}:${port}`, certificateFile };
}
