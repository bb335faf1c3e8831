import { afterEach, describe, expect, it } from "vitest";
import { config } from "~/config.server";

// ASVS 4.0.3 V2.5.4 (docs/security.md): the demo accounts share one published password, so the portal
// creates them only when its public address is this machine, whatever DEMO_ACCOUNTS says.

const saved = { APP_URL: process.env.APP_URL, DEMO_ACCOUNTS: process.env.DEMO_ACCOUNTS };
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("demo accounts", () => {
  it("are created by default on a local address, and can be turned off there", () => {
    delete process.env.APP_URL;
    delete process.env.DEMO_ACCOUNTS;
    expect(config.demoAccounts).toBe(true);
    process.env.DEMO_ACCOUNTS = "false";
    expect(config.demoAccounts).toBe(false);
  });

  it.each(["https://lcpf.example.org", "http://192.0.2.10:3000", "https://localhost.example.org"])(
    "are never created on %s, even when DEMO_ACCOUNTS asks for them",
    (appUrl) => {
      process.env.APP_URL = appUrl;
      process.env.DEMO_ACCOUNTS = "true";
      expect(config.demoAccounts).toBe(false);
    },
  );
});
