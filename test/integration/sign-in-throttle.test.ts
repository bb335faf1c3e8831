import { describe, expect, it } from "vitest";
import { attemptSignIn } from "~/auth/sign-in.server";
import { db } from "~/db.server";
import { PER_ADDRESS, PER_EMAIL_AND_ADDRESS } from "~/domain/sign-in-throttle";
import { action as signInAction } from "~/routes/sign-in";
import { formRequest, useTestDatabase } from "./setup-db";

useTestDatabase();

const DEMO_PASSWORD = "lcpf-demo-2017";
const MINUTE = 60_000;
const at = (start: Date, ms: number) => new Date(start.getTime() + ms);

async function failuresStored(clientAddress?: string): Promise<number> {
  let query = db()
    .selectFrom("sign_in_failures")
    .select((eb) => eb.fn.countAll().as("n"));
  if (clientAddress) query = query.where("client_address", "=", clientAddress);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

describe("per email and address", () => {
  it("makes one address wait after five wrong passwords for one email, while others get in", async () => {
    const email = "officer@newham.test";
    const start = new Date("2026-11-22T10:00:00Z");
    for (let attempt = 1; attempt < PER_EMAIL_AND_ADDRESS.maxFailures; attempt++) {
      expect(await attemptSignIn(db(), email, "wrong", "198.51.100.1", at(start, attempt * 1000))).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(await attemptSignIn(db(), email, "wrong", "198.51.100.1", at(start, 5000))).toEqual({
      ok: false,
      reason: "throttled",
      minutesLeft: 15,
    });
    // Even the right password waits from that address, until the first failure (at 1 s) is 15 minutes old...
    expect(await attemptSignIn(db(), email, DEMO_PASSWORD, "198.51.100.1", at(start, 5 * MINUTE))).toMatchObject({
      ok: false,
      reason: "throttled",
      minutesLeft: 11,
    });
    // ...but not from another, and another email from the first address is not held back.
    expect(await attemptSignIn(db(), email, DEMO_PASSWORD, "203.0.113.7", at(start, 5 * MINUTE))).toMatchObject({
      ok: true,
    });
    expect(
      await attemptSignIn(db(), "csp@barking-dagenham.test", DEMO_PASSWORD, "198.51.100.1", at(start, 5 * MINUTE)),
    ).toMatchObject({
      ok: true,
    });
    // Once the first failures have aged out of the window, the right password works again.
    expect(
      await attemptSignIn(db(), email, DEMO_PASSWORD, "198.51.100.1", at(start, 15 * MINUTE + 2000)),
    ).toMatchObject({ ok: true });
  });

  it("lets old failures decay: four long ago and one typo today do not hold anyone back", async () => {
    const email = "reviewer@mopac.test";
    const longAgo = new Date("2025-11-22T10:00:00Z");
    for (let attempt = 0; attempt < 4; attempt++) {
      await attemptSignIn(db(), email, "wrong", "198.51.100.2", at(longAgo, attempt * 1000));
    }
    const today = new Date("2026-11-22T12:00:00Z");
    expect(await attemptSignIn(db(), email, "typo", "198.51.100.2", today)).toEqual({ ok: false, reason: "invalid" });
    expect(await attemptSignIn(db(), email, DEMO_PASSWORD, "198.51.100.2", at(today, 1000))).toMatchObject({
      ok: true,
    });
  });

  it("counts failures in a sliding window, not in fixed blocks", async () => {
    const email = "reviewer2@mopac.test";
    const start = new Date("2026-11-22T13:00:00Z");
    // Four at the start and one at 14 minutes: five within 15 minutes, so the address waits...
    for (let attempt = 0; attempt < 4; attempt++)
      await attemptSignIn(db(), email, "wrong", "198.51.100.3", at(start, attempt * 1000));
    expect(await attemptSignIn(db(), email, "wrong", "198.51.100.3", at(start, 14 * MINUTE))).toMatchObject({
      reason: "throttled",
      minutesLeft: 1,
    });
    // ...until the first four age out, when one more attempt is allowed (one failure is still recent).
    expect(await attemptSignIn(db(), email, "wrong", "198.51.100.3", at(start, 15 * MINUTE + 4000))).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("treats unknown emails the same, so a wait reveals nothing about who has an account", async () => {
    const start = new Date("2026-11-22T14:00:00Z");
    let last;
    for (let attempt = 0; attempt < PER_EMAIL_AND_ADDRESS.maxFailures; attempt++) {
      last = await attemptSignIn(db(), "ghost@nowhere.test", "x", "198.51.100.4", at(start, attempt));
    }
    expect(last).toEqual({ ok: false, reason: "throttled", minutesLeft: 15 });
  });
});

describe("per address", () => {
  it("makes an address that guesses across many accounts wait, and only that address", async () => {
    const attacker = "198.51.100.66";
    const start = new Date("2026-11-22T15:00:00Z");
    for (let attempt = 1; attempt < PER_ADDRESS.maxFailures; attempt++) {
      expect(
        await attemptSignIn(db(), `guess${attempt}@nowhere.test`, "x", attacker, at(start, attempt * 1000)),
      ).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(await attemptSignIn(db(), "guess20@nowhere.test", "x", attacker, at(start, 20_000))).toMatchObject({
      reason: "throttled",
    });
    expect(await attemptSignIn(db(), "admin@mopac.test", DEMO_PASSWORD, attacker, at(start, MINUTE))).toMatchObject({
      reason: "throttled",
    });
    // The real person, from their own address, is not affected.
    expect(
      await attemptSignIn(db(), "admin@mopac.test", DEMO_PASSWORD, "203.0.113.50", at(start, MINUTE)),
    ).toMatchObject({ ok: true });
  });

  it("never lets someone else's guesses keep the real person out", async () => {
    const victim = "csp@barking-dagenham.test";
    const start = new Date("2026-11-22T16:00:00Z");
    // A persistent attacker at one address keeps guessing long after it has been told to wait.
    for (let attempt = 0; attempt < 40; attempt++) {
      await attemptSignIn(db(), victim, `guess ${attempt}`, "198.51.100.99", at(start, attempt * 1000));
    }
    // Refused attempts are not counted, so the stored trail stays at the limit.
    expect(await failuresStored("198.51.100.99")).toBe(PER_EMAIL_AND_ADDRESS.maxFailures);
    expect(await attemptSignIn(db(), victim, DEMO_PASSWORD, "203.0.113.51", at(start, 41_000))).toMatchObject({
      ok: true,
    });
  });
});

describe("the sign-in page when limited", () => {
  it("shows a clear message with the wait in minutes", async () => {
    const context = { clientAddress: "198.51.100.120" };
    let reply: unknown;
    for (let attempt = 0; attempt < PER_EMAIL_AND_ADDRESS.maxFailures; attempt++) {
      reply = await signInAction({
        request: formRequest("/sign-in", { email: "officer@barking-dagenham.test", password: "wrong" }),
        params: {},
        context,
      } as never);
    }
    expect(reply).toMatchObject({
      init: { status: 429, headers: { "Retry-After": "900" } },
      data: { status: "error", error: { "": ["Too many attempts to sign in. Try again in 15 minutes."] } },
    });
  });

  it("refuses an over-long email or password with a field error and stores nothing", async () => {
    const before = await failuresStored();
    const longEmail = `${"a".repeat(250)}@x.test`;
    const reply = await signInAction({
      request: formRequest("/sign-in", { email: longEmail, password: "x" }),
      params: {},
      context: { clientAddress: "198.51.100.121" },
    } as never);
    // Refused input is a 422, with conform's reply for the page.
    expect(reply).toMatchObject({
      init: { status: 422 },
      data: { status: "error", error: { email: ["Email address must be 254 characters or fewer"] } },
    });
    const longPassword = await signInAction({
      request: formRequest("/sign-in", { email: "officer@newham.test", password: "p".repeat(257) }),
      params: {},
      context: { clientAddress: "198.51.100.121" },
    } as never);
    expect(longPassword).toMatchObject({
      init: { status: 422 },
      data: { status: "error", error: { password: ["Password must be 256 characters or fewer"] } },
    });
    expect(await attemptSignIn(db(), longEmail, "x", "198.51.100.121")).toEqual({ ok: false, reason: "too-long" });
    expect(await failuresStored()).toBe(before);
  });

  it("counts clients the server could not identify together, under one address", async () => {
    const start = new Date("2026-11-22T17:00:00Z");
    for (let attempt = 0; attempt < PER_EMAIL_AND_ADDRESS.maxFailures; attempt++) {
      await attemptSignIn(db(), "nobody@nowhere.test", "x", undefined, at(start, attempt));
    }
    const stored = await db()
      .selectFrom("sign_in_failures")
      .select("client_address")
      // Only this test's moments: other tests store failures at the real time, which may fall after `start`.
      .where("failed_at", ">=", start.toISOString())
      .where("failed_at", "<", at(start, PER_EMAIL_AND_ADDRESS.maxFailures).toISOString())
      .execute();
    expect(stored.map((r) => r.client_address)).toEqual(Array(5).fill("unknown"));
  });
});

describe("guesses sent all at once", () => {
  it("cannot slip more than the limit past the check together", async () => {
    const start = new Date("2026-11-22T18:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        attemptSignIn(db(), "officer@newham.test", `parallel ${n}`, "198.51.100.77", at(start, n)),
      ),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid").length).toBeLessThan(
      PER_EMAIL_AND_ADDRESS.maxFailures,
    );
    expect(results.filter((r) => !r.ok && r.reason === "throttled").length).toBeGreaterThanOrEqual(
      12 - PER_EMAIL_AND_ADDRESS.maxFailures,
    );
    expect(await failuresStored("198.51.100.77")).toBe(PER_EMAIL_AND_ADDRESS.maxFailures);
  });
});
