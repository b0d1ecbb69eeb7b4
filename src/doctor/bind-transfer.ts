import { readFileSync } from "node:fs";

/** WEDOS pulls secondary zones from this range (docs/reference/wapi.md#secondary-zones). */
export const WEDOS_TRANSFER_RANGE = "46.28.104.64/27";
const NAMED_CONF_CANDIDATES = ["/etc/named.conf", "/etc/bind/named.conf.options", "/etc/bind/named.conf"];

export interface TransferCheck {
  status: "ok" | "warn" | "fail";
  message: string;
}

/**
 * Whether the panel's own BIND lets WEDOS transfer zones (needed for secondary mode): some `allow-transfer`
 * statement must list "any" or an address block that covers 46.28.104.64/27. An ACL name cannot be resolved
 * here, so it is reported as a warning to check by hand.
 */
export function checkBindTransfers(configured: string | undefined): TransferCheck {
  const files = configured === undefined ? NAMED_CONF_CANDIDATES : [configured];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    const statements = [...stripComments(text).matchAll(/allow-transfer\s*\{([^}]*)\}/g)].map((match) =>
      (match[1] ?? "")
        .split(";")
        .map((entry) => entry.trim())
        .filter(Boolean),
    );
    if (statements.length === 0) {
      return {
        status: "fail",
        message: `${file} has no allow-transfer statement, so WEDOS cannot pull secondary zones; add: allow-transfer { ${WEDOS_TRANSFER_RANGE}; }; and reload BIND`,
      };
    }
    const entries = statements.flat();
    if (entries.some((entry) => entry === "any" || coversWedos(entry)))
      return { status: "ok", message: `${file} allows zone transfers to ${WEDOS_TRANSFER_RANGE}` };
    const acls = entries.filter(
      (entry) => !/^!?[\d.:/]+$/.test(entry) && entry !== "none" && entry !== "localhost" && entry !== "localnets",
    );
    if (acls.length > 0)
      return {
        status: "warn",
        message: `${file} allows transfers to ${acls.join(", ")}; make sure that covers ${WEDOS_TRANSFER_RANGE}`,
      };
    return {
      status: "fail",
      message: `${file} does not allow zone transfers to WEDOS; add ${WEDOS_TRANSFER_RANGE} to allow-transfer and reload BIND`,
    };
  }
  return {
    status: "warn",
    message: `no BIND configuration found (looked in ${files.join(", ")}); set dns.namedConf, or make sure BIND allows transfers to ${WEDOS_TRANSFER_RANGE}`,
  };
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(\/\/|#).*$/gm, "");
}

/** Whether an IPv4 CIDR (or address) entry covers the whole WEDOS range. */
function coversWedos(entry: string): boolean {
  const match = /^(\d+\.\d+\.\d+\.\d+)(?:\/(\d+))?$/.exec(entry);
  if (match === null) return false;
  const prefix = Number(match[2] ?? 32);
  if (prefix > 27) return false;
  const toInt = (ip: string) => ip.split(".").reduce((value, octet) => value * 256 + Number(octet), 0);
  const mask = prefix === 0 ? 0 : 2 ** 32 - 2 ** (32 - prefix);
  const and = (value: number) => Number((BigInt(value) & BigInt(mask)) >> 0n);
  return and(toInt(match[1] ?? "")) === and(toInt("46.28.104.64"));
}
