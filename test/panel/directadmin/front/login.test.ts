import { readFileSync, statSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCustomer, csrfOf, startFrontHarness, type FrontHarness } from "./support.js";

let h: FrontHarness;
beforeEach(async () => {
  h = await startFrontHarness();
});
afterEach(async () => {
  await h.close();
});

describe("the emulated DirectAdmin front: logging in", () => {
  it("shows the login form to a visitor without a session, and sends any panel page there", async () => {
    const browser = h.browser();
    const home = await browser.get("/");
    expect(home.status).toBe(200);
    expect(home.text).toContain('<form class="login" method="post" action="/CMD_LOGIN">');
    const page = await browser.get("/CMD_USER_LIST");
    expect(page.status).toBe(303);
    expect(page.location).toBe("/?referer=%2FCMD_USER_LIST");
  });

  it("refuses a wrong password and an unknown account alike, and sets no cookie", async () => {
    const browser = h.browser();
    for (const [username, password] of [
      ["admin", "not-the-password"],
      ["nobody", h.password("admin")],
    ] as const) {
      const answer = await browser.login(username, password);
      expect(answer.status).toBe(401);
      expect(answer.text).toContain("Invalid username or password.");
    }
    expect(browser.cookies.size).toBe(0);
  });

  it("logs in with DirectAdmin's session cookies, which CMD_API_SHOW_USER_CONFIG on the same server believes", async () => {
    const admin = await h.loggedIn("admin");
    expect([...admin.cookies.keys()].sort()).toEqual(["key", "session"]);
    const api = await admin.get("/CMD_API_SHOW_USER_CONFIG");
    expect(api.status).toBe(200);
    const config = new URLSearchParams(api.text);
    expect(config.get("username")).toBe("admin");
    expect(config.get("usertype")).toBe("admin");
    expect((await h.browser().get("/CMD_API_SHOW_USER_CONFIG")).status).toBe(401);
  });

  it("keeps only salted hashes of the passwords, in a file only the owner can read", async () => {
    const file = h.stack.paths.passwordHashes;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, "utf8");
    expect(text).not.toContain(h.password("admin"));
    expect(JSON.parse(text)).toMatchObject({
      admin: expect.stringMatching(/^scrypt\$16384\$/),
      reseller: expect.stringMatching(/^scrypt\$/),
    });
  });

  it("logs out: the session ends (the API answers 401 for it) and the cookies are cleared", async () => {
    const admin = await h.loggedIn("admin");
    const session = new Map(admin.cookies);
    const out = await admin.request("POST", "/CMD_LOGOUT", { csrf: csrfOf((await admin.get("/CMD_USER_LIST")).text) });
    expect(out.status).toBe(303);
    expect(admin.cookies.size).toBe(0);
    const replay = h.browser();
    for (const [name, value] of session) replay.cookies.set(name, value);
    expect((await replay.get("/CMD_API_SHOW_USER_CONFIG")).status).toBe(401);
  });

  it("refuses a suspended customer's login", async () => {
    const admin = await h.loggedIn("admin");
    await createCustomer(admin, { username: "bob", domain: "bob.test", password: "Bob-pass-123" });
    await admin.submit("/CMD_SELECT_USERS", {
      csrf: csrfOf((await admin.get("/CMD_USER_LIST")).text),
      username: "bob",
      action: "suspend",
    });
    const answer = await h.browser().login("bob", "Bob-pass-123");
    expect(answer.status).toBe(403);
    expect(answer.text).toContain("This account is suspended");
  });

  it("returns to a page of the panel after login, never to another site", async () => {
    const back = await h.browser().request("POST", "/CMD_LOGIN", {
      username: "admin",
      password: h.password("admin"),
      referer: "/CMD_ACCOUNT_USER",
    });
    expect(back.location).toBe("/CMD_ACCOUNT_USER");
    const away = await h
      .browser()
      .request("POST", "/CMD_LOGIN", { username: "admin", password: h.password("admin"), referer: "//evil.example/" });
    expect(away.location).toBe("/CMD_USER_LIST");
  });
});
