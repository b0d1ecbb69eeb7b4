import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import type { LookupFunction } from "node:net";
import type { PeerCertificate } from "node:tls";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { Config } from "../../config/load.js";
import { AppError } from "../../errors.js";
import { panelAddress } from "./api-address.js";

/** Where the operating systems keep their CA bundle (Debian/Ubuntu, EL, SUSE), the first that exists is "system". */
export const SYSTEM_CA_BUNDLES = [
  "/etc/ssl/certs/ca-certificates.crt",
  "/etc/pki/tls/certs/ca-bundle.crt",
  "/etc/ssl/ca-bundle.pem",
] as const;

/** How to reach DirectAdmin for the session replay, worked out from the settings. */
export interface EndpointPlan {
  url: string;
  /** For the log and doctor: where it connects and what it trusts. */
  description: string;
  /** The file whose certificates are trusted (https only); the connection is rebuilt when it changes. */
  trustFile: string | undefined;
  /** Options for the TLS (or TCP) connection. */
  connect: Record<string, unknown>;
}

/**
 * Works out the address and the TLS trust of the session replay from `directadmin.apiUrl`/directadmin.conf and
 * `directadmin.sessionCheck` (docs/decisions/0012-who-is-asking.md). There is no "accept anything": over https the
 * certificate is checked against exactly one source —
 *
 * - `panel-certificate`: the panel's own certificate file is the only trust anchor (partial chains allowed, so a
 *   Let's Encrypt leaf works as well as a self-signed one) and the certificate presented must be that file's first
 *   certificate, byte for byte; the host name is not checked, because the pin is stronger and a self-signed
 *   DirectAdmin certificate may not name the host;
 * - `ca-file`: the authorities in caFile, with the host name checked;
 * - `system`: the operating system's CA bundle, with the host name checked.
 *
 * `address: "loopback"` connects to 127.0.0.1 while the URL — and so the name checked and sent — stays the host
 * name. Throws an AppError naming the setting to fix when a file is missing or holds no certificate.
 */
export function planEndpoint(
  directadmin: Pick<Config["directadmin"], "root" | "apiUrl" | "sessionCheck">,
  systemBundles: readonly string[] = SYSTEM_CA_BUNDLES,
): EndpointPlan {
  const check = directadmin.sessionCheck;
  const { url, certificateFile } = panelAddress(directadmin);
  const loopback = check.address === "loopback" ? { lookup: loopbackLookup } : {};
  const where = check.address === "loopback" ? `${url} (connecting to 127.0.0.1)` : url;
  if (!url.startsWith("https:"))
    return { url, description: `${where}, plain http`, trustFile: undefined, connect: loopback };
  if (check.trust === "panel-certificate") {
    const pinned = certificatesIn(certificateFile, "directadmin.sessionCheck.certificateFile")[0] as X509Certificate;
    const checkServerIdentity = (_host: string, cert: PeerCertificate) =>
      cert.fingerprint256 === pinned.fingerprint256
        ? undefined
        : new Error(`DirectAdmin presented another certificate than ${certificateFile} (${cert.fingerprint256})`);
    return {
      url,
      description: `${where}, trusting only the certificate in ${certificateFile}`,
      trustFile: certificateFile,
      connect: { ...loopback, ca: [pinned.toString()], allowPartialTrustChain: true, checkServerIdentity },
    };
  }
  const file =
    check.trust === "ca-file" ? (check.caFile as string) : systemBundles.find((bundle) => existsSync(bundle));
  if (file === undefined)
    throw new AppError(
      "config_invalid",
      `no system CA bundle found (looked for ${systemBundles.join(", ")}); set directadmin.sessionCheck.trust to "ca-file" with caFile`,
    );
  const authorities = certificatesIn(
    file,
    check.trust === "ca-file" ? "directadmin.sessionCheck.caFile" : "the system CA bundle",
  );
  return {
    url,
    description: `${where}, trusting the authorities in ${file}`,
    trustFile: file,
    connect: { ...loopback, ca: authorities.map((certificate) => certificate.toString()) },
  };
}

/**
 * The session replay's connection to DirectAdmin: the plan (read at first use) and an HTTP agent built from it,
 * both made again when the trusted file changes — DirectAdmin renews its certificate while the daemon runs.
 */
export class SessionEndpoint {
  private built: { key: string; plan: EndpointPlan; agent: HttpAgent } | undefined;

  constructor(
    private readonly directadmin: Pick<Config["directadmin"], "root" | "apiUrl" | "sessionCheck">,
    private readonly timeoutMs: number,
    private readonly systemBundles: readonly string[] = SYSTEM_CA_BUNDLES,
  ) {}

  /** The URL, the agent to reach it with and what it trusts; throws an AppError when the settings cannot be used. */
  current(): { url: string; agent: HttpAgent; description: string } {
    const key = this.built === undefined ? undefined : fileVersion(this.built.plan.trustFile);
    if (this.built === undefined || key !== this.built.key) {
      const plan = planEndpoint(this.directadmin, this.systemBundles);
      // An idle kept-alive connection closes after timeoutMs; each request's own deadline is its caller's signal.
      const options = { keepAlive: true, timeout: this.timeoutMs, ...plan.connect };
      const agent = plan.url.startsWith("https:") ? new HttpsAgent(options) : new HttpAgent(options);
      this.built?.agent.destroy();
      this.built = { key: fileVersion(plan.trustFile), plan, agent };
    }
    return { url: this.built.plan.url, agent: this.built.agent, description: this.built.plan.description };
  }

  async close(): Promise<void> {
    this.built?.agent.destroy();
    this.built = undefined;
  }
}

/** The certificates of a PEM file (at least one), or an AppError naming the setting. */
export function certificatesIn(file: string, setting: string): X509Certificate[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new AppError("config_invalid", `${file} (${setting}) cannot be read: ${(error as Error).message}`);
  }
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  try {
    const certificates = blocks.map((block) => new X509Certificate(block));
    if (certificates.length > 0) return certificates;
  } catch (error) {
    throw new AppError(
      "config_invalid",
      `${file} (${setting}) holds a certificate that cannot be read: ${(error as Error).message}`,
    );
  }
  throw new AppError("config_invalid", `${file} (${setting}) holds no PEM certificate`);
}

/** Resolves every name to 127.0.0.1, in both forms net.connect may ask for. */
const loopbackLookup = ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
  if (options.all === true) callback(null, [{ address: "127.0.0.1", family: 4 }]);
  else callback(null, "127.0.0.1", 4);
}) as unknown as LookupFunction;

function fileVersion(file: string | undefined): string {
  if (file === undefined) return "";
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat === undefined ? "missing" : `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
}
