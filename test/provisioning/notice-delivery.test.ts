import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ALL_ADMINS } from "../../src/emulators/directadmin/index.js";
import { deliverNotices } from "../../src/provisioning/tasks/notice-delivery.js";
import type { Notice } from "../../src/store/notification-store.js";
import { ServiceRequestStore } from "../../src/store/service-request-store.js";
import { startCpanelHarness } from "../support/cpanel-harness.js";
import { startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";
import { tempDir } from "../support/temp-dir.js";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** Three notices of one support request: for its customer, its reseller and every admin. */
function notifyAll(h: Pick<ProvisioningHarness, "services" | "clock">): number[] {
  const { notices } = h.services.tasks;
  const request = new ServiceRequestStore(h.services.db).open(
    {
      kind: "support",
      domain: "alice.test",
      service: "zone",
      state: "answered",
      username: "alice",
      reseller: "res1",
      expiresAt: null,
    },
    "user alice",
    h.clock.now(),
  );
  const about = { kind: "support-answered", domain: "alice.test", requestId: request.id };
  return [
    notices.notify({ level: "user", recipient: "alice", ...about }, h.clock.now()),
    notices.notify({ level: "reseller", recipient: "res1", ...about }, h.clock.now()),
    notices.notify({ level: "admin", recipient: null, ...about }, h.clock.now()),
  ];
}

const noticeRow = (h: Pick<ProvisioningHarness, "services">, id: number) =>
  h.services.db
    .prepare<[number], { delivered_at: number | null; delivery: string | null; read_at: number | null }>(
      "SELECT delivered_at, delivery, read_at FROM notifications WHERE id = ?",
    )
    .get(id);

describe("delivering notices through DirectAdmin's Message System", () => {
  it("puts each notice in its recipient's messages once, and records that it was sent", async () => {
    const h = await startProvisioningHarness();
    close = () => h.close();
    const before = h.commands().length;
    const ids = notifyAll(h);
    h.services.queue.enqueue(deliverNotices, {});
    await h.settle();
    expect(h.da.messages.runTaskQueue()).toBe(3);
    for (const who of ["alice", "res1", ALL_ADMINS]) {
      const messages = h.da.messages.messagesOf(who);
      expect(messages).toHaveLength(1);
      expect(messages[0]?.subject).toBe("WEDOS: support answered (request 1 for alice.test)");
      expect(messages[0]?.message).toContain("choose Notices to read it");
    }
    for (const id of ids)
      expect(noticeRow(h, id)).toEqual({
        delivered_at: h.clock.now(),
        delivery: "sent to DirectAdmin's Message System",
        read_at: null,
      });
    // Once: a second run hands nothing over again; and no WAPI request was sent for any of it.
    h.services.queue.enqueue(deliverNotices, {});
    await h.settle();
    expect(h.da.messages.runTaskQueue()).toBe(0);
    expect(h.commands().length).toBe(before);
  });

  it("never writes through a link planted where the task queue belongs, and records why it did not send", async () => {
    const h = await startProvisioningHarness();
    close = () => h.close();
    const elsewhere = join(tempDir(), "elsewhere");
    writeFileSync(elsewhere, "untouched\n");
    symlinkSync(elsewhere, h.layout.taskQueue);
    const [id] = notifyAll(h);
    h.services.queue.enqueue(deliverNotices, {});
    await h.settle();
    expect(readFileSync(elsewhere, "utf8")).toBe("untouched\n");
    const row = noticeRow(h, id as number);
    expect(row?.delivered_at).toBe(h.clock.now());
    expect(row?.delivery).toMatch(/^not sent: .*task\.queue could not be written \(ELOOP/);
    // The notice is still the recipient's to read in the plugin's inbox.
    expect(h.services.tasks.notices.unread({ level: "user", recipient: "alice" }, 10).map((n: Notice) => n.id)).toEqual(
      [id],
    );
  });

  it("is queued by the reconciler when notices wait undelivered", async () => {
    const h = await startProvisioningHarness();
    close = () => h.close();
    notifyAll(h);
    await h.reconcile();
    await h.settle();
    expect(h.da.messages.runTaskQueue()).toBe(3);
  });
});

describe("delivering notices on cPanel", () => {
  it("says cPanel has no message system and leaves the notices in the plugin's inbox", async () => {
    const h = await startCpanelHarness();
    close = () => h.close();
    const ids = notifyAll(h);
    h.services.queue.enqueue(deliverNotices, {});
    await h.settle();
    for (const id of ids) {
      const row = noticeRow(h, id);
      expect(row?.delivered_at).toBe(h.clock.now());
      expect(row?.delivery).toBe("no message system: cPanel & WHM have no message inbox the plugin can write to");
    }
    expect(h.services.tasks.notices.unreadCount({ level: "admin", recipient: "root" })).toBe(1);
  });
});
