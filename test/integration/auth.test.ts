import { describe, expect, it } from "vitest";
import { getUser, requireUser, safeRedirectTarget } from "~/auth/guard.server";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import {
  createSession,
  generateSessionToken,
  sessionIdFromToken,
  SESSION_COOKIE,
  validateSessionToken,
} from "~/auth/session.server";
import { db } from "~/db.server";
import { action as signInAction } from "~/routes/sign-in";
import { action as signOutAction } from "~/routes/sign-out";
import { cookieFor, formRequest, getRequest, settle, useTestDatabase } from "./setup-db";

useTestDatabase();

const DEMO_PASSWORD = "lcpf-demo-2017";

async function userId(email: string) {
  return (await db().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

describe("passwords", () => {
  it("hashes with Argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "correct horse")).toBe(true);
    expect(await verifyPassword(hash, "correct horsf")).toBe(false);
    expect(await verifyPassword("not a hash", "correct horse")).toBe(false);
  });
});

describe("sessions", () => {
  it("stores only the SHA-256 of the token", async () => {
    const token = generateSessionToken();
    await createSession(db(), token, await userId("officer@newham.test"));
    const stored = await db()
      .selectFrom("sessions")
      .select("id")
      .where("id", "=", sessionIdFromToken(token))
      .executeTakeFirst();
    expect(stored?.id).toMatch(/^[0-9a-f]{64}$/);
    const byToken = await db().selectFrom("sessions").select("id").where("id", "=", token).executeTakeFirst();
    expect(byToken).toBeUndefined();
  });

  it("refuses an unknown token", async () => {
    expect(await validateSessionToken(db(), generateSessionToken())).toBeNull();
  });
});

describe("the permission helper", () => {
  it("sends someone not signed in to the sign-in page, then back where they were going", async () => {
    const outcome = await settle(() => requireUser(getRequest("/borough?x=1")));
    expect(outcome.thrown).toBe(true);
    const response = outcome.value as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/sign-in?redirectTo=%2Fborough%3Fx%3D1");
  });

  it("sends a client-side navigation back to the page, not to React Router's data address", async () => {
    for (const [asked, page] of [
      ["/borough.data?_routes=routes%2Fborough-home", "/sign-in?redirectTo=%2Fborough"],
      ["/london.data?year=2&_routes=routes%2Flondon", "/sign-in?redirectTo=%2Flondon%3Fyear%3D2"],
      ["/proposals/7/projects/new.data?index", "/sign-in?redirectTo=%2Fproposals%2F7%2Fprojects%2Fnew"],
      ["/_root.data", "/sign-in"],
    ] as const) {
      const outcome = await settle(() => requireUser(getRequest(asked)));
      expect((outcome.value as Response).headers.get("Location"), asked).toBe(page);
    }
  });

  it("answers 403 for a signed-in person without the role, and the user for one with it", async () => {
    const cookie = await cookieFor("officer@barking-dagenham.test");
    const refused = await settle(() => requireUser(getRequest("/review", cookie), ["mopac_reviewer"]));
    expect(refused.thrown).toBe(true);
    expect((refused.value as { init?: { status?: number } }).init?.status).toBe(403);

    const allowed = await requireUser(getRequest("/borough", cookie), ["borough_officer"]);
    expect(allowed.organisation_name).toBe("Barking and Dagenham");
    expect(allowed.role).toBe("borough_officer");
  });

  it("only redirects within the portal after sign-in", () => {
    expect(safeRedirectTarget("/borough", "/")).toBe("/borough");
    expect(safeRedirectTarget("//evil.example", "/")).toBe("/");
    expect(safeRedirectTarget("https://evil.example", "/")).toBe("/");
    expect(safeRedirectTarget("/\\evil.example", "/")).toBe("/");
    expect(safeRedirectTarget(null, "/home")).toBe("/home");
  });
});

describe("signing in", () => {
  it("signs in with the right password, sets an HttpOnly cookie and goes to the role's home", async () => {
    const response = (await signInAction({
      request: formRequest("/sign-in", { email: "Reviewer@MOPAC.test ", password: DEMO_PASSWORD }),
      params: {},
      context: {},
    } as never)) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/review");
    const cookie = response.headers.get("Set-Cookie")!;
    expect(cookie).toContain(`${SESSION_COOKIE}=`);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    const user = await getUser(getRequest("/review", cookie.split(";")[0]));
    expect(user?.email).toBe("reviewer@mopac.test");
  });

  it("gives the same message for a wrong password and an unknown email", async () => {
    const wrongPassword = await signInAction({
      request: formRequest("/sign-in", { email: "csp@barking-dagenham.test", password: "nope" }),
      params: {},
      context: {},
    } as never);
    const unknownEmail = await signInAction({
      request: formRequest("/sign-in", { email: "nobody@nowhere.test", password: DEMO_PASSWORD }),
      params: {},
      context: {},
    } as never);
    for (const reply of [wrongPassword, unknownEmail]) {
      expect(reply).toMatchObject({
        init: { status: 422 },
        data: { status: "error", error: { "": ["Enter a correct email address and password"] } },
      });
    }
  });

  it("refuses an empty form with a message per field", async () => {
    const result = await signInAction({ request: formRequest("/sign-in", {}), params: {}, context: {} } as never);
    expect(result).toMatchObject({
      init: { status: 422 },
      data: { status: "error", error: { email: ["Enter your email address"], password: ["Enter your password"] } },
    });
  });
});

describe("signing out", () => {
  it("ends the session in the database and clears the cookie", async () => {
    const cookie = await cookieFor("admin@mopac.test");
    expect(await getUser(getRequest("/admin", cookie))).not.toBeNull();
    const response = (await signOutAction({
      request: formRequest("/sign-out", {}, cookie),
      params: {},
      context: {},
    } as never)) as Response;
    expect(response.headers.get("Set-Cookie")).toContain("Max-Age=0");
    expect(await getUser(getRequest("/admin", cookie))).toBeNull();
  });
});
