import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { attemptSignIn } from "~/auth/sign-in.server";
import { SESSION_COOKIE, validateSessionToken } from "~/auth/session.server";
import { openToken, requestPasswordReset, tokenHash } from "~/data/people.server";
import { db } from "~/db.server";
import { action as accountPasswordAction } from "~/routes/account-password";
import { loader as adminPeopleLoader } from "~/routes/admin-people";
import { action as inviteAction } from "~/routes/admin-people-invite";
import { action as personAction } from "~/routes/admin-person";
import { loader as boroughPeopleLoader } from "~/routes/borough-people";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as invitationAction, loader as invitationLoader } from "~/routes/invitation";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password";
import createAdmin from "../../scripts/commands/create-admin";
import inviteUsers from "../../scripts/commands/invite-users";
import { cookieFor, formRequest, getRequest, settle, useTestDatabase } from "./setup-db";

useTestDatabase();

const NEW_PASSWORD = "plane trees on the high road";
const ADMIN = "admin@mopac.test";

type Args = { request: Request; params?: Record<string, string>; context?: Record<string, unknown> };
type Handler = (args: never) => Promise<unknown>;
async function run(handler: Handler, { request, params = {}, context = {} }: Args) {
  return settle(() => handler({ request, params, context } as never));
}
function statusOf(outcome: { value: unknown }): number {
  const value = outcome.value as Response | { init?: { status?: number } | null };
  if (value instanceof Response) return value.status;
  return value?.init?.status ?? 200;
}
function location(outcome: { value: unknown }): string | null {
  return outcome.value instanceof Response ? outcome.value.headers.get("Location") : null;
}

async function userByEmail(email: string) {
  return db().selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
}

async function organisationId(name: string) {
  return (await db().selectFrom("organisations").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
}

/** The last email queued for an address, and the one-time link in it. */
async function lastEmailTo(address: string) {
  const email = await db()
    .selectFrom("email_outbox")
    .selectAll()
    .where("to_address", "=", address)
    .orderBy("id", "desc")
    .executeTakeFirst();
  const token = email?.body_text.match(/\/(?:invitation|reset-password)\/([a-z2-7]{32})/)?.[1] ?? null;
  return { email, token };
}

async function emailsTo(address: string): Promise<number> {
  const rows = await db().selectFrom("email_outbox").select("id").where("to_address", "=", address).execute();
  return rows.length;
}

async function invite(fields: Record<string, string>) {
  return run(inviteAction, { request: formRequest("/admin/people/invite", fields, await cookieFor(ADMIN)) });
}

async function invitePerson(email: string, organisation = "Newham", role = "borough_officer") {
  const outcome = await invite({
    email,
    name: "Invited Person",
    organisationId: String(await organisationId(organisation)),
    role,
  });
  expect(location(outcome)).toBe("/admin/people");
  return (await lastEmailTo(email)).token!;
}

function setPassword(handler: Handler, path: string, token: string, password = NEW_PASSWORD, confirm = password) {
  return run(handler, {
    request: formRequest(`${path}/${token}`, { password, confirmPassword: confirm }),
    params: { token },
  });
}

describe("inviting someone", () => {
  it("makes the account without a password and queues the email with the link, in the same request", async () => {
    const outcome = await invite({
      email: " Ana.Cruz@Newham.test ",
      name: "Ana Cruz",
      organisationId: String(await organisationId("Newham")),
      role: "borough_officer",
    });
    expect(location(outcome)).toBe("/admin/people");
    const user = await userByEmail("ana.cruz@newham.test");
    expect(user).toMatchObject({
      name: "Ana Cruz",
      role: "borough_officer",
      active: 1,
      password_set_at: null,
      password_hash: "",
    });
    const { email, token } = await lastEmailTo("ana.cruz@newham.test");
    expect(email?.sent_at).toBeNull();
    expect(email?.subject).toBe("You have been invited to the London Crime Prevention Fund portal");
    expect(token).not.toBeNull();
    // Only the token's hash is stored: the token itself is nowhere in the database but the email.
    const stored = await db().selectFrom("account_tokens").selectAll().where("user_id", "=", user!.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).toBe(tokenHash(token!));
    expect(stored[0]!.token_hash).not.toContain(token!);
    expect(stored[0]!.purpose).toBe("invitation");
    const history = await db().selectFrom("user_events").selectAll().where("user_id", "=", user!.id).execute();
    expect(history.map((e) => e.action)).toEqual(["invited"]);
  });

  it("refuses an address that already has an account, a role that does not fit, and keeps what was typed", async () => {
    const taken = await invite({
      email: "officer@newham.test",
      name: "Someone",
      organisationId: String(await organisationId("Newham")),
      role: "borough_officer",
    });
    expect(statusOf(taken)).toBe(422);
    expect(JSON.stringify(taken.value)).toContain("An account already uses this email address");
    const misfit = await invite({
      email: "newadmin@newham.test",
      name: "Wrong Place",
      organisationId: String(await organisationId("Newham")),
      role: "mopac_admin",
    });
    expect(statusOf(misfit)).toBe(422);
    expect(JSON.stringify(misfit.value)).toContain("A borough’s people are borough officers or CSP members");
    expect(JSON.stringify(misfit.value)).toContain("newadmin@newham.test");
    expect(await userByEmail("newadmin@newham.test")).toBeUndefined();
  });

  it("drops the endorse permission for anyone but a CSP member", async () => {
    await invite({
      email: "endorser@newham.test",
      name: "Endorser",
      organisationId: String(await organisationId("Newham")),
      role: "csp_member",
      mayEndorse: "on",
    });
    await invite({
      email: "not-endorser@newham.test",
      name: "Officer",
      organisationId: String(await organisationId("Newham")),
      role: "borough_officer",
      mayEndorse: "on",
    });
    expect((await userByEmail("endorser@newham.test"))?.can_endorse).toBe(1);
    expect((await userByEmail("not-endorser@newham.test"))?.can_endorse).toBe(0);
  });

  it("returns at once for 30 people: each invitation is only a row in the outbox", async () => {
    const before = await db().selectFrom("email_outbox").select("id").execute();
    const started = Date.now();
    for (let i = 0; i < 30; i++) await invitePerson(`bulk${i}@newham.test`);
    // Nothing is sent from a request: all thirty wait in the outbox for the worker.
    const after = await db().selectFrom("email_outbox").select(["id", "sent_at"]).execute();
    expect(after.length - before.length).toBe(30);
    expect(after.filter((e) => e.sent_at !== null)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe("the invitation link", () => {
  it("sets the password once; the person then signs in; a second use is refused", async () => {
    const token = await invitePerson("bea@newham.test");
    expect(
      statusOf(await run(invitationLoader, { request: getRequest(`/invitation/${token}`), params: { token } })),
    ).toBe(200);

    const set = await setPassword(invitationAction, "/invitation", token);
    expect(location(set)).toBe("/sign-in");
    const user = await userByEmail("bea@newham.test");
    expect(user?.password_set_at).not.toBeNull();
    expect(await attemptSignIn(db(), "bea@newham.test", NEW_PASSWORD, "10.0.0.1")).toMatchObject({ ok: true });

    const again = await run(invitationLoader, { request: getRequest(`/invitation/${token}`), params: { token } });
    expect(statusOf(again)).toBe(410);
    expect(again.value).toMatchObject({ data: { state: "used" } });
    const reuse = await setPassword(invitationAction, "/invitation", token, "another long password here");
    expect(statusOf(reuse)).toBe(410);
    expect(await attemptSignIn(db(), "bea@newham.test", "another long password here", "10.0.0.2")).toMatchObject({
      ok: false,
    });
  });

  it("cannot be used to sign in before the password is set", async () => {
    await invitePerson("early@newham.test");
    expect(await attemptSignIn(db(), "early@newham.test", "", "10.0.0.3")).toMatchObject({ ok: false });
  });

  it("refuses a common password or two that differ, and sets nothing", async () => {
    const token = await invitePerson("cal@newham.test");
    const common = await setPassword(invitationAction, "/invitation", token, "qwertyuiop123");
    expect(statusOf(common)).toBe(422);
    expect(JSON.stringify(common.value)).toContain("list of common or breached passwords");
    const differ = await setPassword(invitationAction, "/invitation", token, NEW_PASSWORD, `${NEW_PASSWORD}!`);
    expect(statusOf(differ)).toBe(422);
    expect(JSON.stringify(differ.value)).toContain("The passwords do not match");
    // The passwords typed are not sent back to the page.
    expect(JSON.stringify(differ.value)).not.toContain(NEW_PASSWORD);
    expect((await userByEmail("cal@newham.test"))?.password_set_at).toBeNull();
    expect((await openToken(db(), "invitation", token)).state).toBe("valid");
  });

  it("works for 7 days and not a moment longer", async () => {
    const token = await invitePerson("dee@newham.test");
    const issued = await db()
      .selectFrom("account_tokens")
      .select(["created_at", "expires_at"])
      .where("token_hash", "=", tokenHash(token))
      .executeTakeFirstOrThrow();
    expect(Date.parse(issued.expires_at) - Date.parse(issued.created_at)).toBe(7 * 24 * 60 * 60 * 1000);
    const justBefore = new Date(Date.parse(issued.expires_at) - 1);
    expect((await openToken(db(), "invitation", token, justBefore)).state).toBe("valid");
    // Move the expiry into the past, as 7 days passing would.
    await db()
      .updateTable("account_tokens")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("token_hash", "=", tokenHash(token))
      .execute();
    const expired = await run(invitationLoader, { request: getRequest(`/invitation/${token}`), params: { token } });
    expect(statusOf(expired)).toBe(410);
    expect(expired.value).toMatchObject({ data: { state: "expired" } });
    expect(statusOf(await setPassword(invitationAction, "/invitation", token))).toBe(410);
  });

  it("sent again, replaces the earlier link", async () => {
    const first = await invitePerson("eve@newham.test");
    const user = await userByEmail("eve@newham.test");
    const resend = await run(personAction, {
      request: formRequest(`/admin/people/${user!.id}`, { intent: "resend" }, await cookieFor(ADMIN)),
      params: { userId: String(user!.id) },
    });
    expect(location(resend)).toBe(`/admin/people/${user!.id}`);
    const second = (await lastEmailTo("eve@newham.test")).token!;
    expect(second).not.toBe(first);
    expect((await openToken(db(), "invitation", first)).state).toBe("used");
    expect((await openToken(db(), "invitation", second)).state).toBe("valid");
  });

  it("answers an unknown or malformed token with the same page as a spent one", async () => {
    for (const token of ["a".repeat(32), "not-a-token", ""]) {
      const outcome = await run(invitationLoader, { request: getRequest(`/invitation/${token}`), params: { token } });
      expect(statusOf(outcome)).toBe(410);
      expect(outcome.value).toMatchObject({ data: { state: "unknown" } });
    }
  });
});

describe("a forgotten password", () => {
  const forgot = (email: string, address = "10.1.0.1") =>
    run(forgotAction, { request: formRequest("/forgot-password", { email }), context: { clientAddress: address } });

  it("gives the same answer whether or not the address has an account, and emails only the account", async () => {
    const known = await forgot("officer@newham.test");
    const unknown = await forgot("nobody@newham.test");
    expect(location(known)).toBe("/forgot-password/sent");
    expect(location(unknown)).toBe("/forgot-password/sent");
    expect(statusOf(known)).toBe(statusOf(unknown));
    expect(await emailsTo("officer@newham.test")).toBe(1);
    expect(await emailsTo("nobody@newham.test")).toBe(0);
  });

  it("sends no link to a deactivated account, with the same answer", async () => {
    await invitePerson("gone@newham.test");
    const user = await userByEmail("gone@newham.test");
    await db().updateTable("users").set({ active: 0 }).where("id", "=", user!.id).execute();
    const before = await emailsTo("gone@newham.test");
    expect(location(await forgot("gone@newham.test"))).toBe("/forgot-password/sent");
    expect(await emailsTo("gone@newham.test")).toBe(before);
  });

  it("resets the password once, ends every session, and the link is refused after", async () => {
    const cookie = await cookieFor("reviewer2@mopac.test");
    await forgot("reviewer2@mopac.test", "10.1.0.2");
    const { token } = await lastEmailTo("reviewer2@mopac.test");
    expect(
      statusOf(await run(resetLoader, { request: getRequest(`/reset-password/${token}`), params: { token: token! } })),
    ).toBe(200);
    const done = await setPassword(resetAction, "/reset-password", token!);
    expect(location(done)).toBe("/sign-in");
    expect(await validateSessionToken(db(), cookie.slice(`${SESSION_COOKIE}=`.length))).toBeNull();
    expect(await attemptSignIn(db(), "reviewer2@mopac.test", NEW_PASSWORD, "10.1.0.3")).toMatchObject({ ok: true });
    expect(await attemptSignIn(db(), "reviewer2@mopac.test", "lcpf-demo-2017", "10.1.0.4")).toMatchObject({
      ok: false,
    });
    expect(statusOf(await setPassword(resetAction, "/reset-password", token!, "yet another long password"))).toBe(410);
  });

  it("works for an hour and no longer", async () => {
    const asked = new Date("2030-01-01T09:00:00.000Z");
    await requestPasswordReset(db(), "officer@barking-dagenham.test", "10.1.0.5", asked);
    const { token } = await lastEmailTo("officer@barking-dagenham.test");
    expect((await openToken(db(), "password_reset", token!, new Date("2030-01-01T09:59:59.000Z"))).state).toBe("valid");
    expect((await openToken(db(), "password_reset", token!, new Date("2030-01-01T10:00:00.000Z"))).state).toBe(
      "expired",
    );
  });

  it("sends at most three links an hour to one address, answering the same each time", async () => {
    const address = "csp@barking-dagenham.test";
    const before = await emailsTo(address);
    for (let i = 0; i < 5; i++) expect(location(await forgot(address, `10.2.0.${i}`))).toBe("/forgot-password/sent");
    expect((await emailsTo(address)) - before).toBe(3);
  });

  it("refuses an address that is not one, saying so next to the field", async () => {
    const outcome = await forgot("not an address");
    expect(statusOf(outcome)).toBe(422);
    expect(JSON.stringify(outcome.value)).toContain("Enter an email address in the correct format");
  });
});

describe("an admin changing an account", () => {
  async function personPost(userId: number, fields: Record<string, string>, as = ADMIN) {
    return run(personAction, {
      request: formRequest(`/admin/people/${userId}`, fields, await cookieFor(as)),
      params: { userId: String(userId) },
    });
  }

  it("deactivating ends the person's sessions at once and stops them signing in; their history stays", async () => {
    const token = await invitePerson("fay@newham.test");
    await setPassword(invitationAction, "/invitation", token);
    const user = (await userByEmail("fay@newham.test"))!;
    const cookie = await cookieFor("fay@newham.test");
    const sessionToken = cookie.slice(`${SESSION_COOKIE}=`.length);
    expect(await validateSessionToken(db(), sessionToken)).not.toBeNull();

    expect(location(await personPost(user.id, { intent: "deactivate" }))).toBe(`/admin/people/${user.id}`);
    const sessions = await db().selectFrom("sessions").select("id").where("user_id", "=", user.id).execute();
    expect(sessions).toEqual([]);
    expect(await validateSessionToken(db(), sessionToken)).toBeNull();
    expect(await attemptSignIn(db(), "fay@newham.test", NEW_PASSWORD, "10.3.0.1")).toMatchObject({ ok: false });
    expect(await userByEmail("fay@newham.test")).toMatchObject({ active: 0 });
    const history = await db()
      .selectFrom("user_events")
      .select("action")
      .where("user_id", "=", user.id)
      .orderBy("id")
      .execute();
    expect(history.map((e) => e.action)).toEqual(["invited", "password_set", "deactivated"]);

    expect(location(await personPost(user.id, { intent: "reactivate" }))).toBe(`/admin/people/${user.id}`);
    expect(await attemptSignIn(db(), "fay@newham.test", NEW_PASSWORD, "10.3.0.2")).toMatchObject({ ok: true });
  });

  it("changes a role within the organisation's kind, and refuses one outside it", async () => {
    await invitePerson("gil@newham.test");
    const user = (await userByEmail("gil@newham.test"))!;
    expect(location(await personPost(user.id, { intent: "role", role: "csp_member", mayEndorse: "on" }))).toBe(
      `/admin/people/${user.id}`,
    );
    expect(await userByEmail("gil@newham.test")).toMatchObject({ role: "csp_member", can_endorse: 1 });
    const misfit = await personPost(user.id, { intent: "role", role: "mopac_reviewer" });
    expect(statusOf(misfit)).toBe(422);
    expect(await userByEmail("gil@newham.test")).toMatchObject({ role: "csp_member" });
  });

  it("refuses to let an admin deactivate themselves or change their own role", async () => {
    const admin = (await userByEmail(ADMIN))!;
    expect(statusOf(await personPost(admin.id, { intent: "deactivate" }))).toBe(409);
    expect(statusOf(await personPost(admin.id, { intent: "role", role: "mopac_reviewer" }))).toBe(409);
    expect(await userByEmail(ADMIN)).toMatchObject({ active: 1, role: "mopac_admin" });
  });

  it("lists people by organisation, and one organisation's when asked", async () => {
    const newham = await organisationId("Newham");
    const all = (await run(adminPeopleLoader, { request: getRequest("/admin/people", await cookieFor(ADMIN)) }))
      .value as {
      people: { email: string; status: string }[];
    };
    expect(all.people.map((p) => p.email)).toContain("admin@mopac.test");
    const only = (
      await run(adminPeopleLoader, {
        request: getRequest(`/admin/people?organisation=${newham}`, await cookieFor(ADMIN)),
      })
    ).value as { people: { email: string; organisationId: number }[] };
    expect(only.people.length).toBeGreaterThan(0);
    expect(only.people.every((p) => p.organisationId === newham)).toBe(true);
  });
});

describe("changing your own password", () => {
  it("ends your other sessions and keeps the one you are using", async () => {
    const token = await invitePerson("hal@newham.test");
    await setPassword(invitationAction, "/invitation", token);
    const here = await cookieFor("hal@newham.test");
    const elsewhere = await cookieFor("hal@newham.test");
    const outcome = await run(accountPasswordAction, {
      request: formRequest(
        "/account/password",
        {
          currentPassword: NEW_PASSWORD,
          password: "a brand new long password",
          confirmPassword: "a brand new long password",
        },
        here,
      ),
    });
    expect(location(outcome)).toBe("/borough");
    expect(await validateSessionToken(db(), here.slice(`${SESSION_COOKIE}=`.length))).not.toBeNull();
    expect(await validateSessionToken(db(), elsewhere.slice(`${SESSION_COOKIE}=`.length))).toBeNull();
    expect(await attemptSignIn(db(), "hal@newham.test", "a brand new long password", "10.4.0.1")).toMatchObject({
      ok: true,
    });
    expect((await lastEmailTo("hal@newham.test")).email?.subject).toBe(
      "Your password for the London Crime Prevention Fund portal has changed",
    );
  });

  it("refuses a wrong current password and changes nothing", async () => {
    const here = await cookieFor("officer@barking-dagenham.test");
    const outcome = await run(accountPasswordAction, {
      request: formRequest(
        "/account/password",
        {
          currentPassword: "not my password",
          password: "a brand new long password",
          confirmPassword: "a brand new long password",
        },
        here,
      ),
    });
    expect(statusOf(outcome)).toBe(422);
    expect(JSON.stringify(outcome.value)).toContain("Your current password is not right");
    expect(await attemptSignIn(db(), "officer@barking-dagenham.test", "lcpf-demo-2017", "10.4.0.2")).toMatchObject({
      ok: true,
    });
  });
});

describe("a borough's people page", () => {
  it("shows only the borough's own active people, with its CSP endorsers", async () => {
    const page = (
      await run(boroughPeopleLoader, {
        request: getRequest("/borough/people", await cookieFor("officer@barking-dagenham.test")),
      })
    ).value as { officers: { email: string }[]; cspMembers: { email: string; mayEndorse: boolean }[] };
    const emails = [...page.officers, ...page.cspMembers].map((p) => p.email);
    expect(emails).toContain("officer@barking-dagenham.test");
    expect(page.cspMembers).toContainEqual(
      expect.objectContaining({ email: "csp@barking-dagenham.test", mayEndorse: true }),
    );
    expect(emails.some((e) => e.endsWith("@newham.test") || e.endsWith("@mopac.test"))).toBe(false);
  });

  it("does not show deactivated people", async () => {
    await invitePerson("left@barking-dagenham.test", "Barking and Dagenham");
    const left = (await userByEmail("left@barking-dagenham.test"))!;
    await db().updateTable("users").set({ active: 0 }).where("id", "=", left.id).execute();
    const page = (
      await run(boroughPeopleLoader, {
        request: getRequest("/borough/people", await cookieFor("officer@barking-dagenham.test")),
      })
    ).value as { officers: { email: string }[] };
    expect(page.officers.map((p) => p.email)).not.toContain("left@barking-dagenham.test");
  });
});

describe("the command line", () => {
  it("create-admin invites a MOPAC admin and refuses an address already in use", async () => {
    expect(await createAdmin.run(["First.Admin@mopac.test", "First", "Admin"])).toBe(0);
    expect(await userByEmail("first.admin@mopac.test")).toMatchObject({
      role: "mopac_admin",
      name: "First Admin",
      active: 1,
    });
    expect((await lastEmailTo("first.admin@mopac.test")).token).not.toBeNull();
    expect(await createAdmin.run(["first.admin@mopac.test", "Again"])).toBe(1);
    expect(await createAdmin.run(["no-name@mopac.test"])).toBe(2);
  });

  it("invite-users invites nobody from a file with one bad row, and everybody from a good one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lcpf-invite-"));
    const bad = join(dir, "bad.csv");
    writeFileSync(
      bad,
      "email,name,organisation,role,may endorse\r\nzed@newham.test,Zed,Newham,Borough officer,no\r\nyan@newham.test,Yan,Atlantis,Borough officer,no\r\n",
    );
    expect(await inviteUsers.run([bad])).toBe(1);
    expect(await userByEmail("zed@newham.test")).toBeUndefined();

    const good = join(dir, "good.csv");
    writeFileSync(
      good,
      "\uFEFFemail,name,organisation,role,may endorse\r\nzed@newham.test,Zed,Newham,Borough officer,no\r\n" +
        '"yan@barking-dagenham.test","Yan, CSP chair",E09000002,CSP member,yes\r\n',
    );
    expect(await inviteUsers.run([good])).toBe(0);
    expect(await userByEmail("zed@newham.test")).toMatchObject({ role: "borough_officer", can_endorse: 0 });
    expect(await userByEmail("yan@barking-dagenham.test")).toMatchObject({
      name: "Yan, CSP chair",
      role: "csp_member",
      can_endorse: 1,
    });
    expect(await emailsTo("yan@barking-dagenham.test")).toBe(1);
    expect(await inviteUsers.run([])).toBe(2);
  });
});
