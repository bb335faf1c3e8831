import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { Transaction } from "kysely";
import { type DB, inTransaction } from "../../db/connection";
import type { AccountTokenPurpose, Database, UserEventAction } from "../../db/schema";
import { invalidateUserSessions } from "~/auth/session.server";
import { config } from "~/config.server";
import { RESET_PER_ADDRESS, RESET_PER_EMAIL, tokenExpiry, tokenState, type TokenState } from "~/domain/account-tokens";
import {
  endorsePermission,
  mayChangeAccount,
  normaliseEmailAddress,
  roleFitsOrganisation,
  ROLE_MISFIT,
  type AccountChange,
  type InviteRow,
  type OrganisationRef,
} from "~/domain/people";
import { ROLE_LABELS, type Role } from "~/domain/roles";
import { waitUnderRule } from "~/domain/sign-in-throttle";
import { accountTemplates } from "~/mail/templates";
import { enqueueEmail } from "./outbox.server";

type Tx = DB | Transaction<Database>;

/** Paths of the pages the one-time links open. */
export const TOKEN_PATHS: Readonly<Record<AccountTokenPurpose, string>> = {
  invitation: "/invitation",
  password_reset: "/reset-password",
};

/** 20 random bytes (160 bits), as base32: the same shape as a session token. */
function newToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function tokenHash(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

function emailHash(email: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normaliseEmailAddress(email))));
}

/** Only strings that could be one of our tokens are looked up. */
function plausibleToken(token: string | undefined): token is string {
  return typeof token === "string" && /^[a-z2-7]{32}$/.test(token);
}

export function tokenLink(purpose: AccountTokenPurpose, token: string): string {
  return `${config.appUrl}${TOKEN_PATHS[purpose]}/${token}`;
}

async function recordEvent(
  tx: Tx,
  userId: number,
  actorUserId: number | null,
  action: UserEventAction,
  detail: string | null,
  stamp: string,
) {
  await tx
    .insertInto("user_events")
    .values({ user_id: userId, actor_user_id: actorUserId, action, detail, created_at: stamp })
    .execute();
}

/**
 * A new one-time link for a person: older unused links of the same kind stop working, so only the
 * latest email counts. Returns the token, which exists nowhere else but in the email.
 */
async function issueToken(
  tx: Tx,
  userId: number,
  purpose: AccountTokenPurpose,
  createdBy: number | null,
  now: Date,
): Promise<string> {
  const stamp = now.toISOString();
  await tx
    .updateTable("account_tokens")
    .set({ used_at: stamp })
    .where("user_id", "=", userId)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .execute();
  const token = newToken();
  await tx
    .insertInto("account_tokens")
    .values({
      user_id: userId,
      purpose,
      token_hash: tokenHash(token),
      expires_at: tokenExpiry(purpose, now).toISOString(),
      used_at: null,
      created_by: createdBy,
      created_at: stamp,
    })
    .execute();
  return token;
}

// ---------------------------------------------------------------- lists

export type PersonRow = {
  id: number;
  email: string;
  name: string;
  role: Role;
  canEndorse: number;
  active: number;
  passwordSetAt: string | null;
  organisationId: number;
  organisationName: string;
  organisationKind: "borough" | "mopac";
};

const personColumns = [
  "users.id",
  "users.email",
  "users.name",
  "users.role",
  "users.can_endorse as canEndorse",
  "users.active",
  "users.password_set_at as passwordSetAt",
  "users.organisation_id as organisationId",
  "organisations.name as organisationName",
  "organisations.kind as organisationKind",
] as const;

/** Everyone, or one organisation's people: MOPAC first, then boroughs by name, people by name. */
export async function listPeople(db: DB, organisationId?: number): Promise<PersonRow[]> {
  let query = db
    .selectFrom("users")
    .innerJoin("organisations", "organisations.id", "users.organisation_id")
    .select(personColumns);
  if (organisationId !== undefined) query = query.where("users.organisation_id", "=", organisationId);
  return query
    .orderBy("organisations.kind", "desc")
    .orderBy("organisations.name")
    .orderBy("users.name")
    .orderBy("users.id")
    .execute();
}

export async function findPerson(db: DB, userId: number): Promise<PersonRow | undefined> {
  return db
    .selectFrom("users")
    .innerJoin("organisations", "organisations.id", "users.organisation_id")
    .select(personColumns)
    .where("users.id", "=", userId)
    .executeTakeFirst();
}

/** A borough's people who can use the portal now or once they answer their invitation. */
export async function boroughPeople(db: DB, organisationId: number): Promise<PersonRow[]> {
  return db
    .selectFrom("users")
    .innerJoin("organisations", "organisations.id", "users.organisation_id")
    .select(personColumns)
    .where("users.organisation_id", "=", organisationId)
    .where("organisations.kind", "=", "borough")
    .where("users.active", "=", 1)
    .orderBy("users.role")
    .orderBy("users.name")
    .orderBy("users.id")
    .execute();
}

export async function organisationRefs(db: Tx): Promise<OrganisationRef[]> {
  const rows = await db
    .selectFrom("organisations")
    .select(["id", "name", "gss_code as gssCode", "kind"])
    .orderBy("kind", "desc")
    .orderBy("name")
    .execute();
  return rows;
}

export type PersonEvent = { id: number; action: UserEventAction; detail: string | null; createdAt: string; actorName: string | null };

export async function personHistory(db: DB, userId: number): Promise<PersonEvent[]> {
  return db
    .selectFrom("user_events")
    .leftJoin("users as actor", "actor.id", "user_events.actor_user_id")
    .select([
      "user_events.id",
      "user_events.action",
      "user_events.detail",
      "user_events.created_at as createdAt",
      "actor.name as actorName",
    ])
    .where("user_events.user_id", "=", userId)
    .orderBy("user_events.id", "desc")
    .execute();
}

// ---------------------------------------------------------------- invitations

export type InviteResult = { ok: true; userId: number; token: string } | { ok: false; field: string; message: string };

export const EMAIL_TAKEN = "An account already uses this email address";

async function inviteOne(tx: Tx, row: InviteRow, actorUserId: number | null, now: Date): Promise<InviteResult> {
  const stamp = now.toISOString();
  const organisation = await tx
    .selectFrom("organisations")
    .select(["id", "name", "kind"])
    .where("id", "=", row.organisationId)
    .executeTakeFirst();
  if (!organisation) return { ok: false, field: "organisationId", message: "Choose an organisation" };
  if (!roleFitsOrganisation(row.role, organisation.kind))
    return { ok: false, field: "role", message: ROLE_MISFIT[organisation.kind] };
  const email = normaliseEmailAddress(row.email);
  const existing = await tx.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  if (existing) return { ok: false, field: "email", message: EMAIL_TAKEN };

  const { id: userId } = await tx
    .insertInto("users")
    .values({
      email,
      name: row.name,
      // No password until the person sets one from the link; an empty hash never verifies.
      password_hash: "",
      password_set_at: null,
      organisation_id: organisation.id,
      role: row.role,
      can_endorse: endorsePermission(row.role, row.canEndorse === 1),
      active: 1,
      created_at: stamp,
      updated_at: stamp,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const token = await issueToken(tx, userId, "invitation", actorUserId, now);
  const content = accountTemplates.invitation({
    recipientName: row.name,
    link: tokenLink("invitation", token),
    organisationName: organisation.name,
    roleLabel: ROLE_LABELS[row.role],
  });
  await enqueueEmail(tx, { to: email, subject: content.subject, text: content.text }, now);
  await recordEvent(tx, userId, actorUserId, "invited", `${organisation.name}, ${ROLE_LABELS[row.role]}`, stamp);
  return { ok: true, userId, token };
}

/** Makes the account and queues its invitation email, in one transaction: the request never waits on mail. */
export async function inviteUser(
  db: DB,
  row: InviteRow,
  actorUserId: number | null,
  now = new Date(),
): Promise<InviteResult> {
  return inTransaction(db, (tx) => inviteOne(tx, row, actorUserId, now));
}

/**
 * Invites everyone in one transaction: if any one of them cannot be invited, nobody is. Rows are
 * expected to have been checked already (checkInviteRows); this guards against a race all the same.
 */
export async function inviteUsers(
  db: DB,
  rows: readonly InviteRow[],
  actorUserId: number | null,
  now = new Date(),
): Promise<{ ok: true; invited: { email: string; token: string }[] } | { ok: false; email: string; message: string }> {
  class Refused extends Error {
    constructor(
      readonly email: string,
      message: string,
    ) {
      super(message);
    }
  }
  try {
    const invited = await inTransaction(db, async (tx) => {
      const done: { email: string; token: string }[] = [];
      for (const row of rows) {
        const result = await inviteOne(tx, row, actorUserId, now);
        if (!result.ok) throw new Refused(row.email, result.message);
        done.push({ email: normaliseEmailAddress(row.email), token: result.token });
      }
      return done;
    });
    return { ok: true, invited };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, email: error.email, message: error.message };
    throw error;
  }
}

// ---------------------------------------------------------------- changes by an admin

export type ChangeResult = { ok: true; message: string } | { ok: false; message: string; status: 404 | 409 | 422 };

async function accountFor(tx: Tx, userId: number) {
  return tx
    .selectFrom("users")
    .innerJoin("organisations", "organisations.id", "users.organisation_id")
    .select([
      "users.id",
      "users.name",
      "users.email",
      "users.role",
      "users.can_endorse",
      "users.active",
      "users.password_set_at as passwordSetAt",
      "organisations.name as organisationName",
      "organisations.kind as organisationKind",
    ])
    .where("users.id", "=", userId)
    .executeTakeFirst();
}

export async function changeAccount(
  db: DB,
  actorUserId: number,
  userId: number,
  change: { kind: "role"; role: Role; mayEndorse: boolean } | { kind: Exclude<AccountChange, "role"> },
  now = new Date(),
): Promise<ChangeResult> {
  const stamp = now.toISOString();
  return inTransaction(db, async (tx): Promise<ChangeResult> => {
    const account = await accountFor(tx, userId);
    if (!account) return { ok: false, message: "Page not found", status: 404 };
    const allowed = mayChangeAccount(change.kind, actorUserId, account);
    if (!allowed.ok) return { ok: false, message: allowed.message, status: 409 };
    switch (change.kind) {
      case "role": {
        if (!roleFitsOrganisation(change.role, account.organisationKind))
          return { ok: false, message: ROLE_MISFIT[account.organisationKind], status: 422 };
        const canEndorse = endorsePermission(change.role, change.mayEndorse);
        await tx
          .updateTable("users")
          .set({ role: change.role, can_endorse: canEndorse, updated_at: stamp })
          .where("id", "=", userId)
          .execute();
        const described = `${ROLE_LABELS[change.role]}${canEndorse ? ", may endorse" : ""}`;
        await recordEvent(tx, userId, actorUserId, "role_changed", described, stamp);
        return { ok: true, message: `${account.name} is now: ${described}` };
      }
      case "deactivate":
        await tx.updateTable("users").set({ active: 0, updated_at: stamp }).where("id", "=", userId).execute();
        // Their sessions end now, not at their next page; links already sent stop working too.
        await invalidateUserSessions(tx, userId);
        await tx
          .updateTable("account_tokens")
          .set({ used_at: stamp })
          .where("user_id", "=", userId)
          .where("used_at", "is", null)
          .execute();
        await recordEvent(tx, userId, actorUserId, "deactivated", null, stamp);
        return { ok: true, message: `${account.name}’s account is deactivated` };
      case "reactivate":
        await tx.updateTable("users").set({ active: 1, updated_at: stamp }).where("id", "=", userId).execute();
        await recordEvent(tx, userId, actorUserId, "reactivated", null, stamp);
        return { ok: true, message: `${account.name}’s account is active again` };
      case "resend": {
        const token = await issueToken(tx, userId, "invitation", actorUserId, now);
        const content = accountTemplates.invitation({
          recipientName: account.name,
          link: tokenLink("invitation", token),
          organisationName: account.organisationName,
          roleLabel: ROLE_LABELS[account.role],
        });
        await enqueueEmail(tx, { to: account.email, subject: content.subject, text: content.text }, now);
        await recordEvent(tx, userId, actorUserId, "invitation_resent", null, stamp);
        return { ok: true, message: `Invitation sent again to ${account.email}` };
      }
    }
  });
}

// ---------------------------------------------------------------- one-time links

export type OpenedToken =
  | { state: "valid"; userId: number; name: string; email: string }
  | { state: Exclude<TokenState, "valid"> | "unknown" };

/** What a link opens, without using it up. */
export async function openToken(
  db: DB,
  purpose: AccountTokenPurpose,
  token: string | undefined,
  now = new Date(),
): Promise<OpenedToken> {
  if (!plausibleToken(token)) return { state: "unknown" };
  const row = await db
    .selectFrom("account_tokens")
    .innerJoin("users", "users.id", "account_tokens.user_id")
    .select([
      "account_tokens.expires_at",
      "account_tokens.used_at",
      "users.id as userId",
      "users.name",
      "users.email",
      "users.active",
    ])
    .where("account_tokens.token_hash", "=", tokenHash(token))
    .where("account_tokens.purpose", "=", purpose)
    .executeTakeFirst();
  if (!row) return { state: "unknown" };
  const state = tokenState({ expiresAt: row.expires_at, usedAt: row.used_at, userActive: row.active === 1 }, now);
  return state === "valid" ? { state, userId: row.userId, name: row.name, email: row.email } : { state };
}

/**
 * Sets the password through a link, once: the link is claimed by a conditional update, so two
 * submissions of it cannot both succeed. Every session of the person ends, and every other link of
 * theirs stops working.
 */
export async function setPasswordWithToken(
  db: DB,
  purpose: AccountTokenPurpose,
  token: string | undefined,
  passwordHash: string,
  now = new Date(),
): Promise<{ ok: true; userId: number } | { ok: false }> {
  if (!plausibleToken(token)) return { ok: false };
  const stamp = now.toISOString();
  return inTransaction(db, async (tx) => {
    const claimed = await tx
      .updateTable("account_tokens")
      .set({ used_at: stamp })
      .where("token_hash", "=", tokenHash(token))
      .where("purpose", "=", purpose)
      .where("used_at", "is", null)
      .where("expires_at", ">", stamp)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("users")
            .select("users.id")
            .whereRef("users.id", "=", "account_tokens.user_id")
            .where("users.active", "=", 1),
        ),
      )
      .returning("user_id")
      .executeTakeFirst();
    if (!claimed) return { ok: false } as const;
    const userId = claimed.user_id;
    await tx
      .updateTable("users")
      .set({ password_hash: passwordHash, password_set_at: stamp, updated_at: stamp })
      .where("id", "=", userId)
      .execute();
    await tx
      .updateTable("account_tokens")
      .set({ used_at: stamp })
      .where("user_id", "=", userId)
      .where("used_at", "is", null)
      .execute();
    await invalidateUserSessions(tx, userId);
    await recordEvent(tx, userId, null, purpose === "invitation" ? "password_set" : "password_reset", null, stamp);
    return { ok: true, userId } as const;
  });
}

/**
 * A request for a reset link. Whatever the address, the same work is done and the caller gives the
 * same answer: the request is counted, a token is made and hashed; only for an active account (under
 * the limits) is it kept and emailed.
 */
export async function requestPasswordReset(
  db: DB,
  emailTyped: string,
  clientAddress: string | undefined,
  now = new Date(),
): Promise<void> {
  const email = normaliseEmailAddress(emailTyped);
  const hashedEmail = emailHash(email);
  const address = (clientAddress?.trim() || "unknown").slice(0, 64);
  const stamp = now.toISOString();
  const windowStart = new Date(now.getTime() - Math.max(RESET_PER_EMAIL.windowMs, RESET_PER_ADDRESS.windowMs));
  await inTransaction(db, async (tx) => {
    const recent = await tx
      .selectFrom("password_reset_requests")
      .select(["email_hash", "client_address", "requested_at"])
      .where((eb) => eb.or([eb("email_hash", "=", hashedEmail), eb("client_address", "=", address)]))
      .where("requested_at", ">", windowStart.toISOString())
      .execute();
    const times = (rows: typeof recent) => rows.map((r) => Date.parse(r.requested_at));
    const limited =
      waitUnderRule(times(recent.filter((r) => r.email_hash === hashedEmail)), now.getTime(), RESET_PER_EMAIL) > 0 ||
      waitUnderRule(times(recent.filter((r) => r.client_address === address)), now.getTime(), RESET_PER_ADDRESS) > 0;
    await tx
      .insertInto("password_reset_requests")
      .values({ email_hash: hashedEmail, client_address: address, requested_at: stamp, created_at: stamp })
      .execute();
    await tx.deleteFrom("password_reset_requests").where("requested_at", "<=", windowStart.toISOString()).execute();
    const user = await tx
      .selectFrom("users")
      .select(["id", "name", "active"])
      .where("email", "=", email)
      .executeTakeFirst();
    if (limited || !user || user.active !== 1) {
      // The same cost as the real path, less the two inserts: a token is made and hashed, then dropped.
      tokenHash(newToken());
      return;
    }
    const token = await issueToken(tx, user.id, "password_reset", null, now);
    const content = accountTemplates.passwordReset({ recipientName: user.name, link: tokenLink("password_reset", token) });
    await enqueueEmail(tx, { to: email, subject: content.subject, text: content.text }, now);
  });
}

/**
 * A signed-in person changes their own password: every other session of theirs ends (someone who
 * knew the old password is signed out), the one they are using stays, and they are told by email.
 */
export async function changeOwnPassword(
  db: DB,
  userId: number,
  currentSessionId: string,
  passwordHash: string,
  now = new Date(),
): Promise<void> {
  const stamp = now.toISOString();
  await inTransaction(db, async (tx) => {
    const user = await tx.selectFrom("users").select(["name", "email"]).where("id", "=", userId).executeTakeFirstOrThrow();
    await tx
      .updateTable("users")
      .set({ password_hash: passwordHash, password_set_at: stamp, updated_at: stamp })
      .where("id", "=", userId)
      .execute();
    await invalidateUserSessions(tx, userId, { exceptSessionId: currentSessionId });
    await tx
      .updateTable("account_tokens")
      .set({ used_at: stamp })
      .where("user_id", "=", userId)
      .where("used_at", "is", null)
      .execute();
    const content = accountTemplates.passwordChanged({ recipientName: user.name, link: `${config.appUrl}/forgot-password` });
    await enqueueEmail(tx, { to: user.email, subject: content.subject, text: content.text }, now);
    await recordEvent(tx, userId, userId, "password_changed", null, stamp);
  });
}

/** The hash to check a signed-in person's current password against. */
export async function passwordHashOf(db: DB, userId: number): Promise<string> {
  const row = await db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirstOrThrow();
  return row.password_hash;
}
