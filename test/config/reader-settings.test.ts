import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { loadReaderSettings } from "../../src/config/reader.js";
import { tempDir } from "../support/temp-dir.js";

describe("the panel reader's settings (its unit's environment, never config.json)", () => {
  it("defaults to a real server's paths and takes each from its variable", () => {
    expect(loadReaderSettings({}, 42)).toEqual({
      panel: "auto",
      directadmin: { root: "/usr/local/directadmin", virtualDir: "/etc/virtual" },
      cpanel: { varDir: "/var/cpanel", etcDir: "/etc" },
      dns: { zoneDir: undefined },
      activatedFd: undefined,
    });
    const env = {
      WEDOS_PANEL_KIND: "cpanel",
      WEDOS_PANEL_CPANEL_VAR_DIR: "/srv/cpanel",
      WEDOS_PANEL_CPANEL_ETC_DIR: "/srv/etc",
      WEDOS_PANEL_DA_ROOT: "/srv/da",
      WEDOS_PANEL_DA_VIRTUAL_DIR: "/srv/virtual",
      WEDOS_PANEL_ZONE_DIR: "/srv/named",
      WEDOS_PANEL_CONFIG: "/ignored.json",
    };
    expect(loadReaderSettings(env, 42)).toEqual({
      panel: "cpanel",
      directadmin: { root: "/srv/da", virtualDir: "/srv/virtual" },
      cpanel: { varDir: "/srv/cpanel", etcDir: "/srv/etc" },
      dns: { zoneDir: "/srv/named" },
      activatedFd: undefined,
    });
  });

  it("takes the socket systemd hands over only when systemd started this very process", () => {
    expect(loadReaderSettings({ LISTEN_FDS: "1", LISTEN_PID: "42" }, 42).activatedFd).toBe(3);
    expect(loadReaderSettings({ LISTEN_FDS: "1", LISTEN_PID: "41" }, 42).activatedFd).toBeUndefined();
    expect(loadReaderSettings({ LISTEN_FDS: "2", LISTEN_PID: "42" }, 42).activatedFd).toBeUndefined();
  });

  it("names the variable that is wrong", () => {
    expect(() => loadReaderSettings({ WEDOS_PANEL_KIND: "plesk" }, 42)).toThrow(
      /the panel reader's environment[\s\S]*WEDOS_PANEL_KIND: Invalid option: expected one of "auto"\|"directadmin"\|"cpanel"/,
    );
  });
});

describe("install.conf's reader_socket", () => {
  const configWith = (installConf: string | undefined) => {
    const dir = tempDir();
    const record = `service_user=wedos-panel\ndata_dir=${join(dir, "data")}\nconfig_file=${join(dir, "config.json")}\n`;
    if (installConf !== undefined) writeFileSync(join(dir, "install.conf"), record + installConf);
    writeFileSync(join(dir, "config.json"), "{}");
    return loadConfig({
      WEDOS_PANEL_CONFIG: join(dir, "config.json"),
      WEDOS_PANEL_INSTALL_CONF: join(dir, "install.conf"),
    });
  };

  it("sends the daemon to the panel reader when installed, and leaves it reading the panel itself when not", () => {
    expect(configWith("reader_socket=/run/wedos-panel-reader/reader.sock\nsome_future_key=x\n").readerSocket).toBe(
      "/run/wedos-panel-reader/reader.sock",
    );
    expect(configWith(undefined).readerSocket).toBeUndefined();
    expect(configWith("").readerSocket).toBeUndefined();
  });

  it("refuses a socket that is not an absolute path, with the other configuration problems", () => {
    expect(() => configWith("reader_socket=run/reader.sock\n")).toThrow(
      /^configuration is invalid \(.*install\.conf\):\n {2}- .*install\.conf: reader_socket="run\/reader\.sock" is not an absolute path; run the plugin's install script again as root \(it writes this file\)$/,
    );
  });
});
