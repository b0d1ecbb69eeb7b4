import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/load.js";
import { saveWapiSettings } from "../../src/config/write.js";
import { Secret } from "../../src/util/secret.js";
import { tempDir } from "../support/temp-dir.js";

const BASE_ENV = { WEDOS_WAPI_LOGIN: undefined, WEDOS_WAPI_PASSWORD: undefined } as const;

function setUp(content: unknown, mode = 0o600) {
  const dir = tempDir();
  const file = join(dir, "config.json");
  if (content !== undefined) {
    writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    chmodSync(file, mode);
  }
  return { dir, file };
}

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe("saveWapiSettings", () => {
  it("moves an inline password to a 0600 file beside the configuration and keeps every other key and the mode", () => {
    const { dir, file } = setUp({
      dataDir: "/srv/data",
      wapi: { login: "old@example.test", password: "old-inline-pass", hourlyLimit: 500 },
      daemon: { listen: "127.0.0.1:0" },
    });
    const config = loadConfig({ ...BASE_ENV, WEDOS_PANEL_CONFIG: file });
    const saved = saveWapiSettings(config, {
      url: "https://wapi.example/wapi/json",
      login: "new@example.test",
      password: new Secret("new-file-pass"),
    });

    expect(saved).toEqual({ configFile: file, passwordFile: join(dir, "wapi-password") });
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
      dataDir: "/srv/data",
      wapi: {
        login: "new@example.test",
        hourlyLimit: 500,
        url: "https://wapi.example/wapi/json",
        passwordFile: join(dir, "wapi-password"),
      },
      daemon: { listen: "127.0.0.1:0" },
    });
    expect(modeOf(file)).toBe(0o600);
    expect(readFileSync(join(dir, "wapi-password"), "utf8")).toBe("new-file-pass\n");
    expect(modeOf(join(dir, "wapi-password"))).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(["config.json", "wapi-password"]);
    const reloaded = loadConfig({ ...BASE_ENV, WEDOS_PANEL_CONFIG: file });
    expect([
      reloaded.wapi.url,
      reloaded.wapi.login,
      reloaded.wapi.password?.reveal(),
      reloaded.wapi.hourlyLimit,
    ]).toEqual(["https://wapi.example/wapi/json", "new@example.test", "new-file-pass", 500]);
  });

  it("writes the password into the configured password file, and keeps it when no new one is given", () => {
    const dir = tempDir();
    const secretFile = join(dir, "secret-pass");
    writeFileSync(secretFile, "first-pass\n", { mode: 0o600 });
    const { file } = setUp({ wapi: { login: "a@example.test", passwordFile: secretFile } }, 0o644);
    const config = loadConfig({ ...BASE_ENV, WEDOS_PANEL_CONFIG: file });

    saveWapiSettings(config, { url: "https://a.example/wapi/json", login: "a@example.test", password: undefined });
    expect(readFileSync(secretFile, "utf8")).toBe("first-pass\n");
    expect(modeOf(file)).toBe(0o644);
    saveWapiSettings(config, {
      url: "https://a.example/wapi/json",
      login: "a@example.test",
      password: new Secret("second-pass"),
    });
    expect(readFileSync(secretFile, "utf8")).toBe("second-pass\n");
    expect(JSON.parse(readFileSync(file, "utf8")).wapi.passwordFile).toBe(secretFile);
  });

  it("creates a missing configuration file (mode 0644: it holds no secret, and the page scripts read it)", () => {
    const { dir, file } = setUp(undefined);
    const config = loadConfig({
      WEDOS_PANEL_CONFIG: undefined,
      WEDOS_WAPI_LOGIN: "env@example.test",
      WEDOS_WAPI_PASSWORD: "env-pass-1",
    });
    saveWapiSettings(
      { ...config, configPath: file },
      { url: "https://b.example/wapi/json", login: "ignored@example.test", password: undefined },
    );
    expect(modeOf(file)).toBe(0o644);
    // The login comes from the environment, so the file is not where it would take effect.
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ wapi: { url: "https://b.example/wapi/json" } });
    expect(existsSync(join(dir, "wapi-password"))).toBe(false);
  });

  it("refuses a password the environment sets", () => {
    const { file } = setUp({ wapi: {} });
    const config = loadConfig({
      WEDOS_PANEL_CONFIG: file,
      WEDOS_WAPI_LOGIN: "env@example.test",
      WEDOS_WAPI_PASSWORD: "env-pass-1",
    });
    expect(() =>
      saveWapiSettings(config, {
        url: "https://c.example/wapi/json",
        login: "env@example.test",
        password: new Secret("x-pass-1"),
      }),
    ).toThrow(/set by WEDOS_WAPI_PASSWORD in the daemon's environment; change it there/);
  });

  it("writes into the password file the environment names, without naming it in the configuration", () => {
    const { dir, file } = setUp({ wapi: { login: "a@example.test" } });
    const secretFile = join(dir, "env-pass");
    writeFileSync(secretFile, "first\n", { mode: 0o600 });
    const config = loadConfig({ ...BASE_ENV, WEDOS_PANEL_CONFIG: file, WEDOS_WAPI_PASSWORD_FILE: secretFile });
    saveWapiSettings(config, {
      url: "https://d.example/wapi/json",
      login: "a@example.test",
      password: new Secret("second-pass"),
    });
    expect(readFileSync(secretFile, "utf8")).toBe("second-pass\n");
    expect(JSON.parse(readFileSync(file, "utf8")).wapi).toEqual({
      login: "a@example.test",
      url: "https://d.example/wapi/json",
    });
  });

  it("leaves a file it cannot read as JSON untouched and says why", () => {
    const { dir, file } = setUp({ wapi: { login: "a@example.test", password: "inline-pass" } });
    const config = loadConfig({ ...BASE_ENV, WEDOS_PANEL_CONFIG: file });
    writeFileSync(file, "{ broken");
    let error: unknown;
    try {
      saveWapiSettings(config, {
        url: "https://e.example/wapi/json",
        login: "a@example.test",
        password: new Secret("never-written"),
      });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems[0]).toMatch(/config\.json: not valid JSON \(.+\); fix the syntax$/);
    expect(readFileSync(file, "utf8")).toBe("{ broken");
    expect(readdirSync(dir)).toEqual(["config.json"]);
  });

  it("refuses to write a configuration the loader would refuse", () => {
    const { dir, file } = setUp({ wapi: { login: "a@example.test", password: "inline-pass" } });
    const config = loadConfig({ ...BASE_ENV, WEDOS_PANEL_CONFIG: file });
    writeFileSync(
      file,
      JSON.stringify({ wapi: { login: "a@example.test", password: "inline-pass", hourlyLimit: 5000 } }),
    );
    expect(() =>
      saveWapiSettings(config, { url: "https://f.example/wapi/json", login: "a@example.test", password: undefined }),
    ).toThrow(/wapi\.hourlyLimit: Too big/);
    expect(readdirSync(dir)).toEqual(["config.json"]);
  });
});
