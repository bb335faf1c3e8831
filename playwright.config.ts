import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumExecutable } from "./scripts/browser";

// Workers load this file again; the environment carries one port and one database to all of them.
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

process.env.E2E_PORT ??= String(await freePort());
process.env.E2E_DATABASE ??= join(mkdtempSync(join(tmpdir(), "lcpf-e2e-")), "lcpf.sqlite");
const port = process.env.E2E_PORT;

export default defineConfig({
  testDir: "test/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
    trace: "retain-on-failure",
  },
  // One server and one database for the run: the drafting tests leave the demo proposal in draft, and
  // the journey then takes it all the way to approval, so the journey runs last.
  projects: [
    { name: "sign-in", testMatch: /sign-in\.spec\.ts/ },
    { name: "catalogue", testMatch: /catalogue\.spec\.ts/ },
    // Reads the demo proposal while it is still a draft; posts nothing.
    { name: "fast", testMatch: /fast\.spec\.ts/ },
    // Works on projects of its own in the demo proposal and removes them. With no dependencies it runs in
    // the first phase, with sign-in, so before the journey takes the demo proposal out of draft.
    { name: "conflict", testMatch: /conflict\.spec\.ts/ },
    { name: "drafting", testMatch: /drafting\.spec\.ts/, dependencies: ["sign-in"] },
    { name: "journey", testMatch: /journey\.spec\.ts/, dependencies: ["drafting"] },
    // The same journey without JavaScript at 320px, on a proposal of its own in Havering made in the database
    // (its own people and lead reviewer), so it needs no other project and changes nothing they read.
    { name: "journey-plain", testMatch: /journey-plain\.spec\.ts/ },
    { name: "session-timeout", testMatch: /session-timeout\.spec\.ts/ },
    // Every page at 320px, with axe and the Nu HTML Checker. Read-only on the demo data, which it reads as seeded
    // (so it runs before the journey); the other states' pages come from proposals of its own in Sutton and Merton.
    { name: "reflow", testMatch: /reflow\.spec\.ts/ },
    // Its own approved programme for period 2; the demo proposal of period 1 is left alone.
    { name: "programmes", testMatch: /programmes\.spec\.ts/ },
    // Reads the demo data only (London view, reviewer queue); no dependencies.
    { name: "london", testMatch: /london\.spec\.ts/ },
    // Starts its own nginx and server (test/e2e/proxy.spec.ts); independent of the shared database.
    { name: "proxy", testMatch: /proxy\.spec\.ts/ },
    // Reads the demo data only (decision table, exports, demo marks); no dependencies.
    { name: "exports", testMatch: /exports\.spec\.ts/ },
    { name: "partnerships", testMatch: /partnerships\.spec\.ts/ },
    // Invites a Newham officer of its own, who sets and then resets a password; no other spec's data changes.
    { name: "people", testMatch: /people\.spec\.ts/ },
    // Reads /admin/reminders with one sent reminder of its own; no dependencies.
    { name: "reminders", testMatch: /reminders\.spec\.ts/ },
    // A funding round of its own and its allocations; the demo round and proposal are left alone.
    { name: "admin-rounds", testMatch: /admin-rounds\.spec\.ts/ },
    // Two servers of its own on one fresh PostgreSQL database behind nginx; only when TEST_DATABASE_URL names a server.
    ...(process.env.TEST_DATABASE_URL
      ? [{ name: "postgres-instances", testMatch: /postgres-instances\.spec\.ts/ }]
      : []),
  ],
  webServer: {
    // The compiled production server, recompiled from the current source each run (under a second).
    command: "node scripts/build.mjs --node-only && node build/node/start.js",
    url: `http://localhost:${port}/sign-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: port,
      DATABASE_URL: `file:${process.env.E2E_DATABASE}`,
      NODE_ENV: "test",
      OUTBOX_DIR: join(process.env.E2E_DATABASE, "..", "outbox"),
      SMTP_URL: "",
      // The demo round's deadlines are long past: a reminder check would tell reviewers their reviews are
      // overdue in the middle of the journey's notification counts. test/integration/reminders.test.ts
      // covers the check; test/e2e/reminders.spec.ts the page.
      REMINDERS: "false",
    },
  },
});
