import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { DB } from "../../db/connection";
import { prepared } from "../../db/prepared";
import type { Transaction } from "kysely";
import type { Database, User } from "../../db/schema";
import { config } from "../config.server";
import {
  checkSession,
  idleExpiryAfterUse,
  sessionPolicy,
  warningTimes,
  type SessionPolicy,
} from "../domain/session-expiry";

// Sessions as the Lucia guide teaches them: a random token in the cookie, only its SHA-256 in the
// database. Each session ends 12 hours after sign-in whatever happens, and sooner after 30 minutes
// without use (OWASP ASVS 4.0 V3.3.1-V3.3.2 at level 2).

/** The cookie's name over plain http (local use and tests). */
export const SESSION_COOKIE = "lcpf_session";
/** Over https: browsers keep a __Host- cookie only if it is Secure, host-only and for the whole site. */
export const SECURE_SESSION_COOKIE = "__Host-lcpf_session";

export type SessionUser = Pick<User, "id" | "email" | "name" | "role" | "can_endorse" | "organisation_id"> & {
  organisation_name: string;
  organisation_kind: "borough" | "mopac";
};

export type ValidSession = { id: string; userId: number; createdAt: Date; expiresAt: Date };

export function currentSessionPolicy(): SessionPolicy {
  return sessionPolicy(config.sessionIdleMinutes);
}

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(db: DB, token: string, userId: number, now = new Date()) {
  const expiresAt = new Date(idleExpiryAfterUse(now.getTime(), now.getTime(), currentSessionPolicy()));
  await db
    .insertInto("sessions")
    .values({
      id: sessionIdFromToken(token),
      user_id: userId,
      expires_at: expiresAt.toISOString(),
      created_at: now.toISOString(),
    })
    .execute();
  return { expiresAt };
}

/** A session with its user and the user's organisation, by the session's id. */
const sessionWithUser = prepared((db: DB, sessionId: string) =>
  db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .innerJoin("organisations", "organisations.id", "users.organisation_id")
    .select([
      "sessions.id as session_id",
      "sessions.expires_at",
      "sessions.created_at as session_created_at",
      "users.id",
      "users.email",
      "users.name",
      "users.role",
      "users.can_endorse",
      "users.organisation_id",
      "users.active",
      "organisations.name as organisation_name",
      "organisations.kind as organisation_kind",
    ])
    .where("sessions.id", "=", sessionId),
);

/**
 * The session and its user for a token, or null. A session past its idle or absolute end is
 * deleted; a valid one has its idle expiry moved forward (at most about once a minute).
 */
export async function validateSessionToken(
  db: DB,
  token: string,
  now = new Date(),
): Promise<{ session: ValidSession; user: SessionUser } | null> {
  const id = sessionIdFromToken(token);
  const [row] = await sessionWithUser(db, id);
  if (!row) return null;

  const createdAt = Date.parse(row.session_created_at);
  const check = checkSession(
    { createdAt, expiresAt: Date.parse(row.expires_at) },
    now.getTime(),
    currentSessionPolicy(),
  );
  if (!check.valid || !row.active) {
    await invalidateSession(db, id);
    return null;
  }
  if (check.touchTo !== null) {
    await db
      .updateTable("sessions")
      .set({ expires_at: new Date(check.touchTo).toISOString() })
      .where("id", "=", id)
      .execute();
  }
  const user: SessionUser = {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    can_endorse: row.can_endorse,
    organisation_id: row.organisation_id,
    organisation_name: row.organisation_name,
    organisation_kind: row.organisation_kind,
  };
  return {
    session: {
      id: row.session_id,
      userId: row.id,
      createdAt: new Date(createdAt),
      expiresAt: new Date(check.expiresAt),
    },
    user,
  };
}

/** Moves a valid session's idle expiry to a full idle period from now ("Stay signed in"). */
export async function extendSession(db: DB, session: ValidSession, now = new Date()): Promise<Date> {
  const expiresAt = new Date(idleExpiryAfterUse(session.createdAt.getTime(), now.getTime(), currentSessionPolicy()));
  await db.updateTable("sessions").set({ expires_at: expiresAt.toISOString() }).where("id", "=", session.id).execute();
  return expiresAt;
}

export async function invalidateSession(db: DB, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

/**
 * Ends every session of a person at once (deactivated, or their password set), or every one but the
 * session they are using (they changed their own password). Pass the transaction making the change.
 */
export async function invalidateUserSessions(
  db: DB | Transaction<Database>,
  userId: number,
  options: { exceptSessionId?: string } = {},
): Promise<void> {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (options.exceptSessionId) query = query.where("id", "!=", options.exceptSessionId);
  await query.execute();
}

/** Removes sessions whose idle expiry has passed, so abandoned ones do not pile up. */
export async function deleteExpiredSessions(db: DB, now = new Date()): Promise<void> {
  await db.deleteFrom("sessions").where("expires_at", "<=", now.toISOString()).execute();
}

/** What the browser needs to show the timeout warning at the right time. */
export function timeoutWarningTimes() {
  return { ...warningTimes(currentSessionPolicy()), idleMinutes: config.sessionIdleMinutes };
}

function usesHttps(): boolean {
  try {
    return new URL(config.appUrl).protocol === "https:";
  } catch {
    return false;
  }
}

/** __Host-lcpf_session with Secure when the portal's public address is https; lcpf_session otherwise. */
export function sessionCookieName(): string {
  return usesHttps() ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

// The cookie itself has no expiry: it lasts until the browser closes (a shared council laptop),
// and the server-side expiry decides how long it stays valid.
function cookieAttributes(): string[] {
  const parts = ["HttpOnly", "SameSite=Lax", "Path=/"];
  if (usesHttps()) parts.push("Secure");
  return parts;
}

export function sessionCookie(token: string): string {
  return [`${sessionCookieName()}=${token}`, ...cookieAttributes()].join("; ");
}

export function blankSessionCookie(): string {
  return [`${sessionCookieName()}=`, ...cookieAttributes(), "Max-Age=0"].join("; ");
}

/** The token from the cookie of the name in use; a cookie under the other name is ignored. */
export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  const wanted = sessionCookieName();
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === wanted) {
      const token = rest.join("=");
      // Our tokens are 32 base32 characters; anything else cannot be one, so it is not looked up.
      return /^[a-z2-7]{1,64}$/.test(token) ? token : null;
    }
  }
  return null;
}
