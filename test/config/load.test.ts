import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/load.js";
import { tempDir } from "../support/temp-dir.js";

function writeConfig(content: unknown, mode = 0o600): string {
  const file = join(tempDir(), "config.json");
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  chmodSync(file, mode);
  return file;
}

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("applies defaults when only the environment is given and the default file is absent", () => {
    const config = loadConfig({
      WEDOS_PANEL_CONFIG: undefined,
      WEDOS_WAPI_LOGIN: "me@example.test",
      WEDOS_WAPI_PASSWORD: "secret-pass",
    });
    expect(config.wapi.url).toBe("https://api.wedos.com/wapi/json");
    expect(config.wapi.hourlyLimit).toBe(1000);
    expect(config.wapi.login).toBe("me@example.test");
    expect(config.wapi.password?.reveal()).toBe("secret-pass");
    expect(config.wapi.passwordSource).toBe("WEDOS_WAPI_PASSWORD");
    expect(config.dataDir).toBe("/var/lib/wedos-panel");
  });

  it("lets environment variables override the file", () => {
    const file = writeConfig({
      dataDir: "/srv/a",
      wapi: { url: "https://a.example/wapi/json", login: "file@example.test" },
    });
    const config = loadConfig({
      WEDOS_PANEL_CONFIG: file,
      WEDOS_WAPI_URL: "http://127.0.0.1:8090/wapi/json",
      WEDOS_PANEL_DATA_DIR: "/srv/b",
    });
    expect(config.wapi.url).toBe("http://127.0.0.1:8090/wapi/json");
    expect(config.wapi.login).toBe("file@example.test");
    expect(config.dataDir).toBe("/srv/b");
    expect(config.configFile).toBe(file);
  });

  it("reports every bad field at once", () => {
    const file = writeConfig({ wapi: { url: "ftp://x", hourlyLimit: 5000, interactiveReserve: -1, ipFamily: "ipv6" } });
    expect(problemsOf(() => loadConfig({ WEDOS_PANEL_CONFIG: file }))).toEqual([
      "wapi.url: must be an http:// or https:// URL",
      "wapi.hourlyLimit: Too big: expected number to be <=1000",
      "wapi.interactiveReserve: Too small: expected number to be >=0",
      'wapi.ipFamily: Invalid option: expected one of "auto"|"ipv4"',
    ]);
  });

  it("names the file and the JSON error", () => {
    const file = writeConfig("{ not json");
    const [problem] = problemsOf(() => loadConfig({ WEDOS_PANEL_CONFIG: file }));
    expect(problem).toMatch(new RegExp(`^${file}: not valid JSON \\(.+\\); fix the syntax$`));
  });

  it("requires an explicitly named config file to exist", () => {
    expect(problemsOf(() => loadConfig({ WEDOS_PANEL_CONFIG: "/nonexistent/config.json" }))).toEqual([
      "/nonexistent/config.json: file not found; create it or point WEDOS_PANEL_CONFIG at the right file",
    ]);
  });

  it("reads the password from a 0600 file", () => {
    const dir = tempDir();
    const secretFile = join(dir, "wapi-password");
    writeFileSync(secretFile, "from-file-pass\n", { mode: 0o600 });
    const config = loadConfig({
      WEDOS_PANEL_CONFIG: writeConfig({ wapi: { login: "a@b.test", passwordFile: secretFile } }),
    });
    expect(config.wapi.password?.reveal()).toBe("from-file-pass");
    expect(config.wapi.passwordSource).toBe(secretFile);
  });

  it("refuses a password file others can read, and says how to fix it", () => {
    const secretFile = join(tempDir(), "wapi-password");
    writeFileSync(secretFile, "pass-word", { mode: 0o644 });
    chmodSync(secretFile, 0o644);
    expect(problemsOf(() => loadConfig({ WEDOS_WAPI_PASSWORD_FILE: secretFile }))).toEqual([
      `${secretFile}: the WAPI password file must be readable by its owner only, but its mode is 0644; run: chmod 600 ${secretFile}`,
    ]);
  });

  it("refuses a world-readable config file that holds the password", () => {
    const file = writeConfig({ wapi: { login: "a@b.test", password: "in-the-file" } }, 0o640);
    expect(problemsOf(() => loadConfig({ WEDOS_PANEL_CONFIG: file }))).toEqual([
      `${file}: the configuration file holds the WAPI password, so it must be readable by its owner only, but its mode is 0640; run: chmod 600 ${file}`,
    ]);
  });

  it("never shows the password when the configuration is printed", () => {
    const config = loadConfig({ WEDOS_WAPI_LOGIN: "a@b.test", WEDOS_WAPI_PASSWORD: "very-secret-value" });
    expect(JSON.stringify(config)).not.toContain("very-secret-value");
    expect(inspect(config, { depth: 5 })).not.toContain("very-secret-value");
    expect(`${config.wapi.password}`).toBe("[redacted]");
  });

  it("checks delegation through the system's resolver unless one is named, and validates the name", () => {
    const defaults = loadConfig({ WEDOS_PANEL_CONFIG: writeConfig({}) });
    expect([defaults.dns.delegationCheck, defaults.dns.delegationResolver]).toEqual([true, undefined]);
    expect(
      loadConfig({ WEDOS_PANEL_CONFIG: writeConfig({ dns: { delegationResolver: "127.0.0.1:5353" } }) }).dns
        .delegationResolver,
    ).toBe("127.0.0.1:5353");
    expect(
      problemsOf(() =>
        loadConfig({ WEDOS_PANEL_CONFIG: writeConfig({ dns: { delegationResolver: "not a resolver" } }) }),
      ),
    ).toEqual(["dns.delegationResolver: must be a host name or IP address, optionally with :port"]);
  });

  it("says which WAPI settings the environment fixes and where the configuration is written", () => {
    const file = writeConfig({ wapi: { url: "https://a.example/wapi/json" } });
    const config = loadConfig({
      WEDOS_PANEL_CONFIG: file,
      WEDOS_WAPI_LOGIN: "env@example.test",
      WEDOS_WAPI_PASSWORD: "env-pass-1",
    });
    expect(config.wapi.setByEnvironment).toEqual(["login", "password"]);
    expect(config.configPath).toBe(file);
  });
});
