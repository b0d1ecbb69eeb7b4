import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../../config/load.js";
import { AppError } from "../../errors.js";
import { parseConf } from "../../panel/directadmin/reader.js";

/**
 * Where DirectAdmin answers API requests: `directadmin.apiUrl` when configured, else what directadmin.conf says
 * (`servername`, `port` default 2222, `ssl=1` for https). The host name matters: https://127.0.0.1:2222 fails
 * certificate verification, because the panel's certificate is issued for its host name (directadmin.md §A3.6).
 * Read lazily, at the first page view, so the daemon starts on hosts where the file is unreadable or missing.
 */
export function panelApiUrl(directadmin: Config["directadmin"]): string {
  if (directadmin.apiUrl !== undefined) return directadmin.apiUrl.replace(/\/+$/, "");
  const file = join(directadmin.root, "conf", "directadmin.conf");
  let conf: Map<string, string>;
  try {
    conf = parseConf(readFileSync(file, "utf8"), file);
  } catch (error) {
    throw new AppError("config_invalid", `cannot learn DirectAdmin's address from ${file} (${(error as Error).message}); set directadmin.apiUrl, e.g. "https://panel.example.net:2222"`, { cause: error });
  }
  const host = conf.get("servername")?.trim();
  if (host === undefined || !/^[a-z0-9.-]+$/i.test(host)) {
    throw new AppError("config_invalid", `${file} names no servername; set directadmin.apiUrl, e.g. "https://panel.example.net:2222"`);
  }
  const port = /^\d{1,5}$/.test(conf.get("port") ?? "") ? conf.get("port") : "2222";
  const scheme = conf.get("ssl") === "1" ? "https" : "http";
  return `${scheme}://${host}:${port}`;
}
