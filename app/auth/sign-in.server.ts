import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { type DB, inTransaction } from "../../db/connection";
import {
  MAX_EMAIL_LENGTH,
  MAX_PASSWORD_LENGTH,
  minutesToWait,
  PER_ADDRESS,
  PER_EMAIL_AND_ADDRESS,
  waitUnderRule,
} from "../domain/sign-in-throttle";
import { decoyPasswordHash, verifyPassword } from "./password.server";

export type SignInResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "too-long" }
  | { ok: false; reason: "throttled"; minutesLeft: number };

/** Used when the server was not told the client's address: all such clients share one count. */
export const UNKNOWN_ADDRESS = "unknown";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function emailHash(email: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(email)));
}

function addressKey(clientAddress: string | undefined): string {
  // Addresses are at most 45 characters (IPv6 with an IPv4 tail); anything longer is cut, not stored whole.
  return (clientAddress?.trim() || UNKNOWN_ADDRESS).slice(0, 64);
}

const LONGEST_WINDOW_MS = Math.max(PER_ADDRESS.windowMs, PER_EMAIL_AND_ADDRESS.windowMs);

/**
 * Checks an email and password from one client address. Limits are per address and per email and
 * address (see app/domain/sign-in-throttle.ts), keyed on the email typed whether or not an account
 * has it, so being limited never tells anyone which addresses exist. A refused attempt is not
 * counted, so a limited client cannot extend its own wait by hammering.
 */
export async function attemptSignIn(
  db: DB,
  emailTyped: string,
  password: string,
  clientAddress: string | undefined,
  now = new Date(),
): Promise<SignInResult> {
  const email = normaliseEmail(emailTyped);
  // Refused before anything is stored or hashed: such an email cannot be an account's.
  if (email.length > MAX_EMAIL_LENGTH || password.length > MAX_PASSWORD_LENGTH)
    return { ok: false, reason: "too-long" };

  const address = addressKey(clientAddress);
  const hashedEmail = emailHash(email);
  const stamp = now.toISOString();
  // Check and count in one transaction, before the password is checked: parallel guesses from one
  // address then cannot all slip under the limit together. A success takes the count back.
  const claim = await inTransaction(db, async (trx) => {
    const recent = await trx
      .selectFrom("sign_in_failures")
      .select(["email_hash", "failed_at"])
      .where("client_address", "=", address)
      .where("failed_at", ">", new Date(now.getTime() - LONGEST_WINDOW_MS).toISOString())
      .execute();
    const fromAddress = recent.map((r) => Date.parse(r.failed_at));
    const forEmail = recent.filter((r) => r.email_hash === hashedEmail).map((r) => Date.parse(r.failed_at));
    const waitMs = waitFor(fromAddress, forEmail, now.getTime());
    if (waitMs > 0) return { waitMs, fromAddress, forEmail };
    await trx
      .insertInto("sign_in_failures")
      .values({ client_address: address, email_hash: hashedEmail, failed_at: stamp, created_at: stamp })
      .execute();
    // Failures older than every window no longer count for anything.
    await trx
      .deleteFrom("sign_in_failures")
      .where("failed_at", "<=", new Date(now.getTime() - LONGEST_WINDOW_MS).toISOString())
      .execute();
    return { waitMs: 0, fromAddress: [...fromAddress, now.getTime()], forEmail: [...forEmail, now.getTime()] };
  });
  if (claim.waitMs > 0) return { ok: false, reason: "throttled", minutesLeft: minutesToWait(claim.waitMs) };

  const user = await db
    .selectFrom("users")
    .select(["id", "password_hash", "active"])
    .where("email", "=", email)
    .executeTakeFirst();
  // An unknown email, or an invited person with no password yet (an empty hash), costs the same Argon2
  // work as a known one, so timing does not tell them apart.
  const passwordMatches = await verifyPassword(user?.password_hash || (await decoyPasswordHash()), password);

  if (user && user.active && passwordMatches) {
    // This attempt and this person's earlier typos from here are forgiven; the address's other
    // failures stay, so one account's owner cannot wipe the trail of guesses against others.
    await db
      .deleteFrom("sign_in_failures")
      .where("client_address", "=", address)
      .where("email_hash", "=", hashedEmail)
      .execute();
    return { ok: true, userId: user.id };
  }

  // Say so at once when this failure reached a limit, rather than on the next try.
  const waitNow = waitFor(claim.fromAddress, claim.forEmail, now.getTime());
  return waitNow > 0
    ? { ok: false, reason: "throttled", minutesLeft: minutesToWait(waitNow) }
    : { ok: false, reason: "invalid" };
}

function waitFor(fromAddress: number[], forEmail: number[], now: number): number {
  return Math.max(waitUnderRule(fromAddress, now, PER_ADDRESS), waitUnderRule(forEmail, now, PER_EMAIL_AND_ADDRESS));
}
