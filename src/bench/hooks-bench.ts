import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { PACKAGE_ROOT } from "../package-info.js";
import { hookSpool, noteConsumed, type HookSpool } from "../provisioning/spool.js";

/** A zone write as DirectAdmin passes it to dns_write_post (and a password the hook must not record). */
const DNS_WRITE_ENV = {
  username: "alice",
  domain: "alice.test",
  A: "alice.test.=192.0.2.10&www=192.0.2.10&mail=192.0.2.10&ftp=192.0.2.10",
  A_TIME: "alice.test.=3600&www=3600&mail=3600&ftp=3600",
  MX: "alice.test.=10",
  MX_FULL: "alice.test.=10 mail.alice.test.",
  NS: "alice.test.=ns1.example.test.&alice.test.=ns2.example.test.",
  TXT: 'alice.test.="v=spf1 a mx ip4:192.0.2.10 ~all"&_dmarc="v=DMARC1; p=none"',
  passwd: "not-recorded",
  PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
};

interface Case {
  name: string;
  hook: string;
  env: Record<string, string>;
  spool: HookSpool;
}

/**
 * What a DirectAdmin hook adds to an empty `#!/bin/sh` hook: hooks/dns_write_post.sh with a zone write's variables,
 * run `runs` times interleaved with the empty hook (hook, empty, hook, …) so both see the same load on a shared
 * machine. After each run the bench notes the new file as consumed, as the running daemon does, so the hooks' own
 * removal of consumed files (one rm in about every 256 events) is measured as on a server. Rows: this checkout's hooks
 * (a development data directory), and, when run as root, an installed copy (install.conf, and the root-owned spool,
 * group `nobody` standing in for the service account) run as root, as DirectAdmin runs them. Target: p99 ≤ 2 ms added.
 */
export function benchHooks(runs = 1000): string[][] {
  const dir = mkdtempSync(join(tmpdir(), "wedos-panel-bench-hooks-"));
  try {
    const empty = join(dir, "empty.sh");
    writeFileSync(empty, "#!/bin/sh\n", { mode: 0o755 });
    const data = join(dir, "data");
    const cases: Case[] = [
      {
        name: "hooks/dns_write_post.sh",
        hook: join(PACKAGE_ROOT, "hooks", "dns_write_post.sh"),
        env: { ...DNS_WRITE_ENV, WEDOS_PANEL_DATA_DIR: data },
        spool: hookSpool(data),
      },
    ];
    if (process.getuid?.() === 0) cases.push(installedCase(dir));
    const rows: string[][] = [];
    for (const item of cases) {
      for (const sub of [item.spool.events, item.spool.consumed]) mkdirSync(sub, { recursive: true });
      const hook: number[] = [];
      const baseline: number[] = [];
      for (let run = 0; run < runs; run++) {
        hook.push(timed(item.hook, item.env));
        baseline.push(timed(empty, item.env));
        for (const file of readdirSync(item.spool.events)) noteConsumed(item.spool, file);
      }
      const [hook50, hook99, base50, base99] = [
        quantile(hook, 0.5),
        quantile(hook, 0.99),
        quantile(baseline, 0.5),
        quantile(baseline, 0.99),
      ];
      rows.push([
        item.name,
        `${hook50.toFixed(2)} / ${hook99.toFixed(2)}`,
        `${base50.toFixed(2)} / ${base99.toFixed(2)}`,
        `+${(hook50 - base50).toFixed(2)}`,
        `+${(hook99 - base99).toFixed(2)}`,
        "≤ 2",
      ]);
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timed(file: string, env: Record<string, string>): number {
  const started = performance.now();
  spawnSync(file, [], { env, stdio: "ignore" });
  return performance.now() - started;
}

function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}

/** The hooks as installed: a plugin directory with install.conf, the data directory, and root's spool (group nobody). */
function installedCase(dir: string): Case {
  const nobody = 65534;
  const plugin = join(dir, "plugin");
  mkdirSync(plugin);
  cpSync(join(PACKAGE_ROOT, "hooks"), join(plugin, "hooks"), { recursive: true });
  cpSync(join(PACKAGE_ROOT, "plugin.conf"), join(plugin, "plugin.conf"));
  const data = join(dir, "installed-data");
  const events = join(dir, "spool");
  mkdirSync(events);
  chownSync(events, 0, nobody);
  chmodSync(events, 0o2750);
  chmodSync(dir, 0o755);
  writeFileSync(
    join(plugin, "install.conf"),
    `service_user=${nobody}\ndata_dir=${data}\nconfig_file=${join(dir, "config.json")}\nspool_dir=${events}\n`,
    { mode: 0o644 },
  );
  return {
    name: "the same, installed, run as root",
    hook: join(plugin, "hooks", "dns_write_post.sh"),
    env: DNS_WRITE_ENV,
    spool: hookSpool(data, { spoolDir: events }),
  };
}
