import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { penceFromSum } from "~/domain/money";
import { BUSY_MESSAGE, dialectOf, inTransaction, TRANSACTION_ATTEMPTS } from "../../db/connection";
import { makeBorough, makeProposal } from "./proposal-factory";
import { testDialect, useTestDatabase } from "./setup-db";

useTestDatabase();

/** An error as PostgreSQL reports a serialisation failure. */
const serialisationFailure = () => Object.assign(new Error("could not serialize access"), { code: "40001" });

describe("a transaction", () => {
  it("runs on the database the tests were asked for", () => {
    expect(dialectOf(db())).toBe(testDialect);
  });

  it("loses no update when many read, change and write the same row at once", async () => {
    const proposal = await makeProposal({ state: "draft" });
    const before = await versionOf(proposal.id);
    // Each reads the version and writes it back plus one, as a value: only a serialisable transaction
    // (SQLite's single writer, PostgreSQL's SERIALIZABLE with retries) keeps every increment. Each round
    // of collisions lets at least one commit, so as many as there are attempts always all get through.
    const writers = TRANSACTION_ATTEMPTS;
    await Promise.all(
      Array.from({ length: writers }, () =>
        inTransaction(db(), async (tx) => {
          const { version } = await tx
            .selectFrom("proposals")
            .select("version")
            .where("id", "=", proposal.id)
            .executeTakeFirstOrThrow();
          await tx
            .updateTable("proposals")
            .set({ version: version + 1 })
            .where("id", "=", proposal.id)
            .execute();
        }),
      ),
    );
    expect(await versionOf(proposal.id)).toBe(before + writers);
  });

  it.runIf(testDialect === "postgres")("on PostgreSQL, runs again after a serialisation failure", async () => {
    let calls = 0;
    const value = await inTransaction(db(), async () => {
      calls += 1;
      if (calls < 3) throw serialisationFailure();
      return "done";
    });
    expect(value).toBe("done");
    expect(calls).toBe(3);
  });

  it.runIf(testDialect === "postgres")(
    "on PostgreSQL, answers 503 'try again' when the failures go on, rather than a 500",
    async () => {
      let calls = 0;
      const outcome = await inTransaction(db(), async () => {
        calls += 1;
        throw serialisationFailure();
      }).catch((thrown: unknown) => thrown);
      expect(calls).toBe(TRANSACTION_ATTEMPTS);
      expect(outcome).toBeInstanceOf(Response);
      const response = outcome as Response;
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ message: BUSY_MESSAGE });
    },
  );

  it("does not retry other errors", async () => {
    let calls = 0;
    await expect(
      inTransaction(db(), async () => {
        calls += 1;
        throw new Error("a mistake");
      }),
    ).rejects.toThrow("a mistake");
    expect(calls).toBe(1);
  });
});

describe("money in the database", () => {
  it("keeps amounts past 2^31 pence exact, alone and summed", async () => {
    // £30,000,000.01: more pence than a 32-bit integer holds, as a London-wide total can be.
    const large = 3_000_000_001;
    const boroughs = [await makeBorough(), await makeBorough()];
    const yearId = boroughs[0]!.years[0]!.id;
    const ids = boroughs.map((b) => b.id);
    await db()
      .updateTable("allocations")
      .set({ amount_pence: large })
      .where("financial_year_id", "=", yearId)
      .where("organisation_id", "in", ids)
      .execute();
    const rows = await db()
      .selectFrom("allocations")
      .select("amount_pence")
      .where("financial_year_id", "=", yearId)
      .where("organisation_id", "in", ids)
      .execute();
    expect(rows.map((r) => r.amount_pence)).toEqual([large, large]);
    const { total } = await db()
      .selectFrom("allocations")
      .select((eb) => eb.fn.sum<number | string>("amount_pence").as("total"))
      .where("financial_year_id", "=", yearId)
      .where("organisation_id", "in", ids)
      .executeTakeFirstOrThrow();
    expect(penceFromSum(total, "Total")).toBe(2 * large);
  });
});

async function versionOf(proposalId: number): Promise<number> {
  const row = await db()
    .selectFrom("proposals")
    .select("version")
    .where("id", "=", proposalId)
    .executeTakeFirstOrThrow();
  return row.version;
}
