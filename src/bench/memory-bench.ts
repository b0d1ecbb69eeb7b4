import { seedAccounts } from "../emulators/directadmin/index.js";
import { reconcile } from "../provisioning/tasks/reconcile.js";
import { startSimulator } from "../simulator/index.js";
import { RSS_TARGET_MB } from "./bigzone-bench.js";
import { startBenchPanel, visitFields, visitPage } from "./page-daemon.js";
import { startServeProcess } from "./serve-process.js";

const ACCOUNTS = 10;
const DOMAINS_PER_ACCOUNT = 1_000;

/**
 * The resident memory of `wedos-panel serve` (the compiled build, a process of its own) at 10,000 domains: 10
 * accounts of 1,000 domains, each with its zone file, all in the inventory, WEDOS the simulator (real clock, real
 * hourly limit). Measured a few seconds after start, after a list view of 1,000 domains, and after the worker's pass:
 * a reconcile job that compares the panel with WEDOS and queues the provisioning of every domain, then the jobs the
 * hour's budget allows.
 */
export async function benchDaemonMemoryAtScale(settleMs = 3_000, passLimitMs = 180_000): Promise<string[][]> {
  const sim = await startSimulator({ login: "bench@example.test", password: "bench-pass-123" });
  const panel = await startBenchPanel((layout, now) =>
    seedAccounts(layout, ACCOUNTS, { domainsPerAccount: DOMAINS_PER_ACCOUNT, now }),
  );
  const settle = () => new Promise((resolve) => setTimeout(resolve, settleMs));
  try {
    const daemon = await startServeProcess({ ...panel, env: { ...panel.env, WEDOS_WAPI_URL: sim.url } });
    try {
      await settle();
      const split = () => {
        const { anon, file } = daemon.rssSplitMb();
        return `anon ${anon.toFixed(1)}, file ${file.toFixed(1)}`;
      };
      const idle = daemon.rssMb();
      const idleSplit = split();
      const list = await visitPage(panel.socketPath, visitFields(panel, "user00001", ""));
      if (!list.includes(`acct00001-${DOMAINS_PER_ACCOUNT}.test`)) throw new Error("the domain list did not render");
      await settle();
      const listed = daemon.rssMb();
      const listedSplit = split();
      const services = panel.openServices();
      let note: string;
      try {
        const id = services.queue.enqueue(reconcile, {});
        const started = Date.now();
        while (
          ["queued", "running"].includes(services.queue.get(id)?.state ?? "") &&
          Date.now() - started < passLimitMs
        )
          await new Promise((resolve) => setTimeout(resolve, 500));
        await settle();
        const counts = services.queue.countsByState();
        note = `reconcile ${services.queue.get(id)?.state ?? "?"}; jobs ${counts.done} done, ${counts.queued} queued`;
      } finally {
        await services.close();
      }
      const passed = daemon.rssMb();
      const passedSplit = split();
      const row = (what: string, mb: number, extra = "") => [
        what,
        mb.toFixed(1),
        `≤ ${RSS_TARGET_MB}`,
        `${mb <= RSS_TARGET_MB ? "met" : `${(mb - RSS_TARGET_MB).toFixed(1)} over`}${extra === "" ? "" : `; ${extra}`}`,
      ];
      return [
        row("10,000 domains: 3 s after start", idle, `${idleSplit}; Node.js ${process.version}`),
        row("10,000 domains: after a list of 1,000", listed, listedSplit),
        row("10,000 domains: after the worker's pass", passed, `${passedSplit}; ${note}`),
      ];
    } finally {
      await daemon.stop();
    }
  } finally {
    await panel.close();
    await sim.close();
  }
}
