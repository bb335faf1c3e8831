import { afterEach, describe, expect, it } from "vitest";
import { getSession, getUser, requireUser } from "~/auth/guard.server";
import {
  blankSessionCookie,
  createSession,
  generateSessionToken,
  readSessionToken,
  SECURE_SESSION_COOKIE,
  sessionCookie,
  sessionCookieName,
  sessionIdFromToken,
  SESSION_COOKIE,
  validateSessionToken,
} from "~/auth/session.server";
import { db } from "~/db.server";
import { action as keepAliveAction } from "~/routes/session-keep-alive";
import { action as signInAction, loader as signInLoader } from "~/routes/sign-in";
import { action as signOutAction } from "~/routes/sign-out";
import { formRequest, getRequest, settle, useTestDatabase } from "./setup-db";

useTestDatabase();

const DEMO_PASSWORD = "lcpf-demo-2017";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function userId(email: string) {
  return (await db().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

async function storedExpiry(token: string): Promise<string | undefined> {
  const row = await db()
    .selectFrom("sessions")
    .select("expires_at")
    .where("id", "=", sessionIdFromToken(token))
    .executeTakeFirst();
  return row?.expires_at;
}

const at = (start: Date, ms: number) => new Date(start.getTime() + ms);

const savedEnv = { APP_URL: process.env.APP_URL, SESSION_IDLE_MINUTES: process.env.SESSION_IDLE_MINUTES };
afterEach(() => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("idle timeout", () => {
  it("ends a session 30 minutes after its last use, and each use moves that on", async () => {
    const token = generateSessionToken();
    const start = new Date("2026-11-02T09:00:00Z");
    const { expiresAt } = await createSession(db(), token, await userId("officer@newham.test"), start);
    expect(expiresAt.toISOString()).toBe("2026-11-02T09:30:00.000Z");

    const used = await validateSessionToken(db(), token, at(start, 20 * MINUTE));
    expect(used?.user.email).toBe("officer@newham.test");
    expect(await storedExpiry(token)).toBe("2026-11-02T09:50:00.000Z");

    // 29 minutes after the last use: still valid. 30: gone, row and all.
    expect(await validateSessionToken(db(), token, at(start, 49 * MINUTE))).not.toBeNull();
    expect(await storedExpiry(token)).toBe("2026-11-02T10:19:00.000Z");
    expect(await validateSessionToken(db(), token, at(start, 79 * MINUTE))).toBeNull();
    expect(await storedExpiry(token)).toBeUndefined();
  });

  it("writes the moved expiry at most about once a minute", async () => {
    const token = generateSessionToken();
    const start = new Date("2026-11-02T11:00:00Z");
    await createSession(db(), token, await userId("officer@newham.test"), start);
    await validateSessionToken(db(), token, at(start, 30_000));
    expect(await storedExpiry(token)).toBe("2026-11-02T11:30:00.000Z");
    const later = await validateSessionToken(db(), token, at(start, 61_000));
    expect(await storedExpiry(token)).toBe("2026-11-02T11:31:01.000Z");
    expect(later?.session.expiresAt.toISOString()).toBe("2026-11-02T11:31:01.000Z");
  });

  it("follows SESSION_IDLE_MINUTES, but never allows more than 30 minutes", async () => {
    const start = new Date("2026-11-02T12:00:00Z");
    process.env.SESSION_IDLE_MINUTES = "5";
    const short = await createSession(db(), generateSessionToken(), await userId("officer@newham.test"), start);
    expect(short.expiresAt.toISOString()).toBe("2026-11-02T12:05:00.000Z");
    process.env.SESSION_IDLE_MINUTES = "600";
    const capped = await createSession(db(), generateSessionToken(), await userId("officer@newham.test"), start);
    expect(capped.expiresAt.toISOString()).toBe("2026-11-02T12:30:00.000Z");
  });
});

describe("absolute lifetime", () => {
  it("ends a session 12 hours after sign-in however busy the person has been", async () => {
    const token = generateSessionToken();
    const start = new Date("2026-11-03T08:00:00Z");
    await createSession(db(), token, await userId("csp@barking-dagenham.test"), start);
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      expect(
        await validateSessionToken(db(), token, at(start, minutes * MINUTE)),
        `after ${minutes} minutes`,
      ).not.toBeNull();
    }
    // Near the end the idle expiry stops at the absolute end instead of sliding past it.
    const lastUse = await validateSessionToken(db(), token, at(start, 11 * HOUR + 50 * MINUTE));
    expect(lastUse?.session.expiresAt.toISOString()).toBe("2026-11-03T20:00:00.000Z");
    expect(await validateSessionToken(db(), token, at(start, 12 * HOUR))).toBeNull();
    expect(await storedExpiry(token)).toBeUndefined();
  });

  it("refuses and deletes a session from long ago even if its stored expiry is still ahead", async () => {
    const token = generateSessionToken();
    const now = new Date("2026-11-03T10:00:00Z");
    await db()
      .insertInto("sessions")
      .values({
        id: sessionIdFromToken(token),
        user_id: await userId("admin@mopac.test"),
        created_at: "2020-01-06T09:00:00.000Z",
        expires_at: at(now, 10 * MINUTE).toISOString(),
      })
      .execute();
    expect(await validateSessionToken(db(), token, now)).toBeNull();
    expect(await storedExpiry(token)).toBeUndefined();
  });
});

describe("the session cookie", () => {
  it("is lcpf_session without Secure when the portal is served over http", () => {
    process.env.APP_URL = "http://localhost:3000";
    expect(sessionCookieName()).toBe(SESSION_COOKIE);
    expect(sessionCookie("abc")).toBe("lcpf_session=abc; HttpOnly; SameSite=Lax; Path=/");
    expect(blankSessionCookie()).toBe("lcpf_session=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0");
  });

  it("is __Host-lcpf_session, Secure, host-only and for the whole site over https", () => {
    process.env.APP_URL = "https://lcpf.example.org";
    expect(sessionCookieName()).toBe(SECURE_SESSION_COOKIE);
    const cookie = sessionCookie("abc");
    expect(cookie).toBe("__Host-lcpf_session=abc; HttpOnly; SameSite=Lax; Path=/; Secure");
    expect(cookie).not.toMatch(/Domain=/i);
    expect(blankSessionCookie()).toContain("Secure");
  });

  it("is read only under the name in use", () => {
    const token = generateSessionToken();
    const both = `${SESSION_COOKIE}=plainplain; ${SECURE_SESSION_COOKIE}=${token}`;
    process.env.APP_URL = "https://lcpf.example.org";
    expect(readSessionToken(getRequest("/", `${SESSION_COOKIE}=${token}`))).toBeNull();
    expect(readSessionToken(getRequest("/", both))).toBe(token);
    process.env.APP_URL = "http://localhost:3000";
    expect(readSessionToken(getRequest("/", `${SECURE_SESSION_COOKIE}=${token}`))).toBeNull();
    expect(readSessionToken(getRequest("/", `${SESSION_COOKIE}=${token}`))).toBe(token);
  });

  it("is set as __Host- by the sign-in page when the portal is on https", async () => {
    process.env.APP_URL = "https://lcpf.example.org";
    const response = (await signInAction({
      request: formRequest("/sign-in", { email: "officer@newham.test", password: DEMO_PASSWORD }),
      params: {},
      context: { clientAddress: "192.0.2.10" },
    } as never)) as Response;
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie.startsWith(`${SECURE_SESSION_COOKIE}=`)).toBe(true);
    expect(setCookie).toContain("Secure");
    const user = await getUser(getRequest("/borough", setCookie.split(";")[0]));
    expect(user?.email).toBe("officer@newham.test");
  });
});

async function signInThroughPage(email: string, cookie?: string): Promise<string> {
  const response = (await signInAction({
    request: formRequest("/sign-in", { email, password: DEMO_PASSWORD }, cookie),
    params: {},
    context: { clientAddress: "192.0.2.20" },
  } as never)) as Response;
  expect(response.status).toBe(302);
  return response.headers.get("Set-Cookie")!.split(";")[0]!;
}

describe("signing in again", () => {
  it("replaces the browser's old session, even one that belonged to someone else", async () => {
    const first = await signInThroughPage("officer@barking-dagenham.test");
    expect(await getUser(getRequest("/borough", first))).not.toBeNull();
    const second = await signInThroughPage("reviewer@mopac.test", first);
    expect(second).not.toBe(first);
    expect(await getUser(getRequest("/borough", first))).toBeNull();
    expect((await getUser(getRequest("/review", second)))?.email).toBe("reviewer@mopac.test");
    const oldToken = first.split("=")[1]!;
    expect(await storedExpiry(oldToken)).toBeUndefined();
  });
});

describe("one session lookup per request", () => {
  it("answers every getUser for one Request from the same lookup", async () => {
    const cookie = await signInThroughPage("officer@newham.test");
    const request = getRequest("/borough", cookie);
    const first = await getUser(request);
    // Ending the session now shows whether a second call on the same Request looks it up again.
    await db()
      .deleteFrom("sessions")
      .where("id", "=", sessionIdFromToken(cookie.split("=")[1]!))
      .execute();
    expect(await getUser(request)).toEqual(first);
    expect(await requireUser(request)).toEqual(first);
    expect(await getUser(getRequest("/borough", cookie))).toBeNull();
  });
});

describe("the keep-alive used by Stay signed in", () => {
  it("answers 204 and gives the session a full idle period again", async () => {
    const cookie = await signInThroughPage("officer@newham.test");
    const token = cookie.split("=")[1]!;
    const soon = new Date(Date.now() + 5 * MINUTE).toISOString();
    await db().updateTable("sessions").set({ expires_at: soon }).where("id", "=", sessionIdFromToken(token)).execute();
    const response = (await keepAliveAction({
      request: formRequest("/session/keep-alive", {}, cookie),
      params: {},
      context: {},
    } as never)) as Response;
    expect(response.status).toBe(204);
    const expiry = Date.parse((await storedExpiry(token))!);
    expect(expiry).toBeGreaterThan(Date.now() + 29 * MINUTE);
    expect(expiry).toBeLessThanOrEqual(Date.now() + 30 * MINUTE);
  });

  it("sends someone whose session has ended to sign in", async () => {
    const outcome = await settle(() =>
      keepAliveAction({ request: formRequest("/session/keep-alive", {}), params: {}, context: {} } as never),
    );
    expect(outcome.thrown).toBe(true);
    expect((outcome.value as Response).headers.get("Location")).toMatch(/^\/sign-in/);
  });
});

describe("signed out after the timeout", () => {
  it("says so on the sign-in page with a fixed sentence, whatever else the address says", async () => {
    const timedOut = await signInLoader({
      request: getRequest("/sign-in?timeout=1"),
      params: {},
      context: {},
    } as never);
    expect(timedOut).toMatchObject({ timedOutAfterMinutes: 30 });
    const other = await signInLoader({
      request: getRequest("/sign-in?timeout=%3Cb%3Ehi"),
      params: {},
      context: {},
    } as never);
    expect(other).toMatchObject({ timedOutAfterMinutes: null });
  });

  it("the warning's sign-out ends the session and goes to that page", async () => {
    const cookie = await signInThroughPage("officer@newham.test");
    const response = (await signOutAction({
      request: formRequest("/sign-out", { reason: "timeout" }, cookie),
      params: {},
      context: {},
    } as never)) as Response;
    expect(response.headers.get("Location")).toBe("/sign-in?timeout=1");
    expect(await getUser(getRequest("/borough", cookie))).toBeNull();
    const plain = (await signOutAction({
      request: formRequest("/sign-out", { reason: "anything" }),
      params: {},
      context: {},
    } as never)) as Response;
    expect(plain.headers.get("Location")).toBe("/sign-in?signedOut=1");
    // A post with no form at all (no body, no content type) still signs out.
    const bare = await signInThroughPage("officer@newham.test");
    const noForm = (await signOutAction({
      request: new Request("http://localhost/sign-out", { method: "POST", headers: { Cookie: bare } }),
      params: {},
      context: {},
    } as never)) as Response;
    expect(noForm.headers.get("Location")).toBe("/sign-in?signedOut=1");
    expect(await getUser(getRequest("/borough", bare))).toBeNull();
  });
});

describe("getSession", () => {
  it("gives the session's creation time and idle expiry with the user", async () => {
    const cookie = await signInThroughPage("admin@mopac.test");
    const lookup = await getSession(getRequest("/admin", cookie));
    expect(lookup?.user.email).toBe("admin@mopac.test");
    expect(lookup!.session.expiresAt.getTime() - lookup!.session.createdAt.getTime()).toBeLessThanOrEqual(30 * MINUTE);
  });
});
