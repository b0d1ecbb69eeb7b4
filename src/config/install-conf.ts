import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { AppError } from "../errors.js";
import { PACKAGE_ROOT } from "../package-info.js";

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The installation record: `<package root>/install.conf`, `key=value` lines the installers write as root (0644, in
 * the root-owned package directory) — where root's tools and the daemon learn the installation's facts, never from a
 * file the service account can change. Absent in a development checkout, the demo and most tests: not installed.
 * `WEDOS_PANEL_INSTALL_CONF` names another file (tests).
 */
export function readInstallConf(env: Env): { file: string; values: ReadonlyMap<string, string> } | undefined {
  const file = env.WEDOS_PANEL_INSTALL_CONF?.trim() || join(PACKAGE_ROOT, "install.conf");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new AppError("config_invalid", `${file} cannot be read (${(error as Error).message}); run the installer again`);
  }
  const values = new Map<string, string>();
  for (const line of text.split("\n")) {
    const equals = line.indexOf("=");
    if (equals > 0) values.set(line.slice(0, equals).trim(), line.slice(equals + 1).trim());
  }
  return { file, values };
}

/** install.conf's `reader_socket`: where the panel reader answers; undefined when not installed (read the panel directly). */
export function readerSocketOf(installConf: ReturnType<typeof readInstallConf>): string | undefined {
  const socket = installConf?.values.get("reader_socket");
  if (socket === undefined || socket === "") return undefined;
  if (!isAbsolute(socket)) throw new AppError("config_invalid", `${installConf?.file ?? "install.conf"}: reader_socket must be an absolute path, not "${socket}"; run the installer again`);
  return socket;
}
