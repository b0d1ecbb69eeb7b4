import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { sessionCheckSchema } from "../../src/config/schema.js";
import {
  EmulatedDirectAdmin,
  fixtureTree,
  type DirectAdminSession,
  type RunningDirectAdminApi,
} from "../../src/emulators/directadmin/index.js";
import type { DirectAdminLayout } from "../../src/panel/directadmin/layout.js";
import { Secret } from "../../src/util/secret.js";
import { SessionEndpoint } from "../../src/panel/directadmin/api-endpoint.js";
import { SessionVerifier } from "../../src/web/identity/session-verifier.js";
import { issuedBy, selfSigned, type Certificate } from "../support/certificates.js";
import { tempDir } from "../support/temp-dir.js";

/**
 * The optional session check's connection to DirectAdmin, against the emulated DirectAdmin API over real TLS on
 * 127.0.0.1: each way of trusting the certificate, each address, and what each refuses. There is no setting that
 * accepts any certificate, so every refusal here is the check doing its work.
 */
const clock = new ManualClock("2026-03-10T09:00:00Z");
let layout: DirectAdminLayout;
let da: EmulatedDirectAdmin;
let session: DirectAdminSession;
const running: RunningDirectAdminApi[] = [];
const verifiers: SessionVerifier[] = [];

beforeEach(async () => {
  layout = fixtureTree(join(tempDir("wedos-panel-tls-"), "da"));
  da = new EmulatedDirectAdmin({ layout, hookEnv: { WEDOS_PANEL_DATA_DIR: join(layout.root, "data") }, clock });
  da.createStaffAccount("bob", "reseller", { creator: "admin" });
  session = da.login("bob");
});
afterEach(async () => {
  for (const verifier of verifiers.splice(0)) await verifier.close();
  for (const api of running.splice(0)) await api.close();
});

async function serve(certificate: Certificate): Promise<RunningDirectAdminApi> {
  const api = await da.startApi({ key: certificate.key, cert: certificate.cert });
  running.push(api);
  return api;
}

/** A verifier with these settings; `bundles` stands for the system's CA bundle locations. */
function verifier(apiUrl: string, check: Record<string, unknown>, bundles: string[] = []): SessionVerifier {
  const endpoint = new SessionEndpoint(
    { root: layout.root, apiUrl, sessionCheck: sessionCheckSchema.parse(check) },
    5_000,
    bundles,
  );
  const made = new SessionVerifier({
    endpoint: () => endpoint.current(),
    clock,
    timeoutMs: 5_000,
    onClose: () => endpoint.close(),
  });
  verifiers.push(made);
  return made;
}

const ask = (check: SessionVerifier) =>
  check.verify({ id: new Secret(session.SESSION_ID), key: new Secret(session.SESSION_KEY) });
const refused = (pattern: RegExp) =>
  expect.objectContaining({
    status: 503,
    messageKey: "error.sessionUnverifiable",
    message: expect.stringMatching(pattern) as unknown,
  });

describe("trust: panel-certificate (the default) — the panel's own certificate is the only one trusted", () => {
  it("accepts DirectAdmin's self-signed certificate when it is the configured file, and nothing else", async () => {
    const own = selfSigned("localhost");
    const api = await serve(own);
    const url = `https://localhost:${api.port}`;
    await expect(ask(verifier(url, { certificateFile: own.certFile }))).resolves.toEqual({
      username: "bob",
      usertype: "reseller",
      language: "en",
    });
    // Another self-signed certificate for the same name, even one the system would trust, is not the panel's.
    const other = selfSigned("localhost");
    await expect(ask(verifier(url, { certificateFile: other.certFile }))).rejects.toEqual(
      refused(/self-signed certificate|certificate/),
    );
  });

  it("accepts a certificate an authority issued when the file holds that certificate (no chain needed), but not its sibling", async () => {
    const { leaf } = issuedBy("localhost");
    const api = await serve(leaf);
    await expect(
      ask(verifier(`https://localhost:${api.port}`, { certificateFile: leaf.certFile })),
    ).resolves.toMatchObject({ username: "bob" });
    const sibling = issuedBy("localhost").leaf;
    await expect(ask(verifier(`https://localhost:${api.port}`, { certificateFile: sibling.certFile }))).rejects.toEqual(
      refused(/certificate/),
    );
  });

  it("reads the file again when it changes: a renewed certificate is trusted without a restart", async () => {
    const current = selfSigned("localhost");
    const api = await serve(current);
    const file = join(tempDir(), "cacert.pem");
    writeFileSync(file, selfSigned("localhost").cert);
    const check = verifier(`https://localhost:${api.port}`, { certificateFile: file });
    await expect(ask(check)).rejects.toEqual(refused(/certificate/));
    writeFileSync(file, current.cert);
    await expect(ask(check)).resolves.toMatchObject({ username: "bob" });
  });

  it("takes the certificate's file from directadmin.conf's cacert= when none is configured, and says which setting a missing file needs", async () => {
    const own = selfSigned("localhost");
    const api = await serve(own);
    mkdirSync(join(layout.root, "conf"));
    writeFileSync(
      join(layout.root, "conf", "directadmin.conf"),
      `servername=localhost\nport=${api.port}\nssl=1\ncacert=${own.certFile}\n`,
    );
    await expect(ask(verifier(undefined as unknown as string, {}))).resolves.toMatchObject({ username: "bob" });
    await expect(
      ask(verifier(`https://localhost:${api.port}`, { certificateFile: join(layout.root, "nothing.pem") })),
    ).rejects.toEqual(refused(/nothing\.pem \(directadmin\.sessionCheck\.certificateFile\) cannot be read/));
  });
});

describe("trust: ca-file and system — an authority, with the host name checked", () => {
  it("accepts a certificate the configured authority issued for the host name, and refuses another name or another authority", async () => {
    const { ca, leaf } = issuedBy("localhost");
    const api = await serve(leaf);
    await expect(
      ask(verifier(`https://localhost:${api.port}`, { trust: "ca-file", caFile: ca.certFile })),
    ).resolves.toMatchObject({ username: "bob" });
    const elsewhere = await serve(issuedBy("panel.example.test").leaf);
    await expect(
      ask(verifier(`https://localhost:${elsewhere.port}`, { trust: "ca-file", caFile: ca.certFile })),
    ).rejects.toEqual(refused(/certificate/));
    // The right authority and certificate, reached by another name than the certificate's.
    await expect(
      ask(verifier(`https://127.0.0.1:${api.port}`, { trust: "ca-file", caFile: ca.certFile })),
    ).rejects.toEqual(refused(/IP: 127\.0\.0\.1 is not in the cert's list/));
  });

  it("uses the first system CA bundle that exists, and says what to do when there is none", async () => {
    const { ca, leaf } = issuedBy("localhost");
    const api = await serve(leaf);
    const url = `https://localhost:${api.port}`;
    await expect(
      ask(verifier(url, { trust: "system" }, [join(layout.root, "absent.crt"), ca.certFile])),
    ).resolves.toMatchObject({ username: "bob" });
    await expect(ask(verifier(url, { trust: "system" }, [join(layout.root, "absent.crt")]))).rejects.toEqual(
      refused(/no system CA bundle found .* set directadmin\.sessionCheck\.trust to "ca-file"/),
    );
    // A public authority does not vouch for a private certificate: the real system bundle refuses this one.
    await expect(
      ask(
        verifier(url, { trust: "system" }, ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt"]),
      ),
    ).rejects.toEqual(refused(/certificate|no system CA bundle/));
  });

  it("requires caFile with ca-file", () => {
    expect(
      sessionCheckSchema.safeParse({ trust: "ca-file" }).error?.issues.map((issue) => issue.path.join(".")),
    ).toEqual(["caFile"]);
  });
});

describe("address", () => {
  it("loopback connects to 127.0.0.1 and still checks the certificate for the host name, which need not resolve here", async () => {
    const { ca, leaf } = issuedBy("panel.example.test");
    const api = await serve(leaf);
    const url = `https://panel.example.test:${api.port}`;
    await expect(ask(verifier(url, { trust: "ca-file", caFile: ca.certFile }))).rejects.toEqual(
      refused(/cannot be reached/),
    );
    await expect(
      ask(verifier(url, { trust: "ca-file", caFile: ca.certFile, address: "loopback" })),
    ).resolves.toMatchObject({ username: "bob" });
    await expect(ask(verifier(url, { address: "loopback", certificateFile: leaf.certFile }))).resolves.toMatchObject({
      username: "bob",
    });
  });
});
