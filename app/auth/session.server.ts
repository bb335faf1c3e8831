import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { DB } from "../../db/connection";
import type { User } from "../../db/schema";
import { config } from "../config.server";

// Sessions as the Lucia guide teaches them: a random token in the cookie, only its SHA-256 in the
// database, and an expiry that slides forward while the person keeps using the portal.
export const SESSION_COOKIE = "lcpf_session";
const SESSION_LIFETIME_MS = 1000 * 60 * 60 * 12; // a working day of inactivity
const RENEW_WHEN_LESS_THAN_MS = SESSION_LIFETIME_MS / 2;

export type SessionUser = Pick<User, "id" | "email" | "name" | "role" | "can_endorse" | "organisation_id"> & {
  organisation_name: string;
  organisation_kind: "borough" | "mopac";
};

export type ValidSession = { id: string; userId: number; expiresAt: Date; fresh: boolean };

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(db: DB, token: string, userId: number, now = new Date()) {
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
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

/** The session and its user for a token, or null; expired sessions are deleted, old ones renewed. */
export async function validateSessionToken(
  db: DB,
  token: string,
  now = new Date(),
): Promise<{ session: ValidSession; user: SessionUser } | null> {
  const id = sessionIdFromToken(token);
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .innerJoin("organisations", "organisations.id", "users.organisation_id")
    .select([
      "sessions.id as session_id",
      "sessions.expires_at",
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
    .where("sessions.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;

  let expiresAt = new Date(row.expires_at);
  if (now.getTime() >= expiresAt.getTime() || !row.active) {
    await invalidateSession(db, id);
    return null;
  }
  let fresh = false;
  if (expiresAt.getTime() - now.getTime() < RENEW_WHEN_LESS_THAN_MS) {
    expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    fresh = true;
    await db.updateTable("sessions").set({ expires_at: expiresAt.toISOString() }).where("id", "=", id).execute();
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
  return { session: { id: row.session_id, userId: row.id, expiresAt, fresh }, user };
}

export async function invalidateSession(db: DB, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

// The cookie itself has no expiry: it lasts until the browser closes (a shared council laptop),
// and the server-side expiry, which slides, decides how long it stays valid.
export function sessionCookie(token: string): string {
  const parts = [`${SESSION_COOKIE}=${token}`, "HttpOnly", "SameSite=Lax", "Path=/"];
  if (config.isProduction) parts.push("Secure");
  return parts.join("; ");
}

export function blankSessionCookie(): string {
  const parts = [`${SESSION_COOKIE}=`, "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=0"];
  if (config.isProduction) parts.push("Secure");
  return parts.join("; ");
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return rest.join("=") || null;
  }
  return null;
}
