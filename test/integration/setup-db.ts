import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { closeDb, db } from "~/db.server";
import { migrateToLatest } from "../../db/connection";
import { createPostgresDatabase } from "../support/postgres";
import { seedDemo, seedReference } from "../../seeds/seed";

/**
 * A fresh database for this test file, migrated and seeded with the reference data and the demo
 * accounts: a SQLite file, or, when TEST_DATABASE_URL names a PostgreSQL server, a new database on it
 * (dropped afterwards). The app's own db() opens it through DATABASE_URL, as in production.
 */
export function useTestDatabase(options: { demo?: boolean } = { demo: true }) {
  let dir = "";
  let dropDatabase = async () => {};
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "lcpf-test-"));
    process.env.OUTBOX_DIR = join(dir, "outbox");
    const server = process.env.TEST_DATABASE_URL;
    if (server) {
      const created = await createPostgresDatabase(server);
      process.env.DATABASE_URL = created.url;
      dropDatabase = created.drop;
    } else {
      process.env.DATABASE_URL = `file:${join(dir, "test.sqlite")}`;
    }
    await migrateToLatest(db());
    await seedReference(db());
    if (options.demo) await seedDemo(db());
  });
  afterAll(async () => {
    await closeDb();
    await dropDatabase();
    rmSync(dir, { recursive: true, force: true });
  });
}

/** The id of the demo proposal (Barking and Dagenham's, seventeen projects), seeded by useTestDatabase. */
export async function demoProposalId(): Promise<number> {
  const row = await db()
    .selectFrom("proposals as p")
    .innerJoin("organisations as o", "o.id", "p.lead_organisation_id")
    .select("p.id")
    .where("o.name", "=", "Barking and Dagenham")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Which database the integration tests run on, for the few assertions that differ by engine. */
export const testDialect = process.env.TEST_DATABASE_URL ? "postgres" : "sqlite";

export function formRequest(path: string, fields: Record<string, string | string[]>, cookie?: string): Request {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  }
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

export function getRequest(path: string, cookie?: string): Request {
  return new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

/** Signs a demo account in through the real session code and returns its Cookie header. */
export async function cookieFor(email: string): Promise<string> {
  const { createSession, generateSessionToken, SESSION_COOKIE } = await import("~/auth/session.server");
  const user = await db().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  const token = generateSessionToken();
  await createSession(db(), token, user.id);
  return `${SESSION_COOKIE}=${token}`;
}

/** Runs a loader or action and gives back what it returned or threw, the way React Router would see it. */
export async function settle<T>(
  run: () => Promise<T>,
): Promise<{ thrown: false; value: T } | { thrown: true; value: unknown }> {
  try {
    return { thrown: false, value: await run() };
  } catch (error) {
    return { thrown: true, value: error };
  }
}

/** MOPAC sets a borough's allocation (a demo figure, £500,000) for every year of a funding period. */
export async function allocateForPeriod(organisationId: number, fundingPeriodId: number): Promise<void> {
  const stamp = new Date().toISOString();
  const years = await db()
    .selectFrom("financial_years")
    .select("id")
    .where("funding_period_id", "=", fundingPeriodId)
    .execute();
  for (const year of years) {
    await db()
      .insertInto("allocations")
      .values({
        organisation_id: organisationId,
        financial_year_id: year.id,
        amount_pence: 50_000_000,
        uplift_pence: null,
        is_demo_figure: 1,
        source: null,
        created_at: stamp,
        updated_at: stamp,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
