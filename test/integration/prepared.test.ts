import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { loadProjects } from "~/data/projects.server";
import { prepared } from "../../db/prepared";
import { inTransaction, readNow, type DB } from "../../db/connection";
import { makeProposal } from "./proposal-factory";
import { demoProposalId, testDialect, useTestDatabase } from "./setup-db";

useTestDatabase();

describe("a prepared query", () => {
  it("answers as the same query built afresh would, for each call's values, and is built once", async () => {
    const proposalId = await demoProposalId();
    let builds = 0;
    const projectTitles = prepared((database: DB, proposalId: number, projectId: number | null) => {
      builds++;
      return database
        .selectFrom("projects")
        .select(["id", "title"])
        .where("proposal_id", "=", proposalId)
        .where((eb) => eb("id", "=", eb.fn.coalesce(eb.val(projectId), eb.ref("id"))))
        .orderBy("id");
    });
    const afresh = (proposalId: number, projectId: number | null) => {
      let query = db().selectFrom("projects").select(["id", "title"]).where("proposal_id", "=", proposalId);
      if (projectId !== null) query = query.where("id", "=", projectId);
      return query.orderBy("id").execute();
    };

    const all = await projectTitles(db(), proposalId, null);
    expect(all.length).toBeGreaterThan(1);
    expect(all).toEqual(await afresh(proposalId, null));
    const one = await projectTitles(db(), proposalId, all[1]!.id);
    expect(one).toEqual([all[1]]);
    expect(await projectTitles(db(), proposalId + 100_000, null)).toEqual([]);
    expect(builds).toBe(1);
  });

  it("refuses a builder that does not pass an argument into the query as a value", async () => {
    // The argument is tested in code: built once, the query would keep whichever branch the stand-in took.
    const byEmail = prepared((database: DB, email: string) =>
      email
        ? database.selectFrom("users").select("id")
        : database.selectFrom("users").select("id").where("email", "=", email),
    );
    await expect(byEmail(db(), "reviewer@mopac.test")).rejects.toThrow(/argument 1 as a value/);
  });
});

describe("loadProjects' prepared queries", () => {
  it("read one project, with everything hung off it, exactly as the whole proposal's load has it", async () => {
    // A partner on two of its projects, so the contributors' amounts are read as well.
    const proposalId = await demoProposalId();
    const [first, second] = await loadProjects(db(), proposalId);
    const [year] = await db()
      .selectFrom("project_costs")
      .select("financial_year_id")
      .where("project_id", "=", first!.id)
      .execute();
    for (const [index, project] of [first!, second!].entries()) {
      const { id } = await db()
        .insertInto("project_contributors")
        .values({
          project_id: project.id,
          kind: "partner",
          name: `Partner ${index}`,
          in_kind: null,
          position: 1,
          created_at: "2026-01-01",
          updated_at: "2026-01-01",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db()
        .insertInto("project_contributor_amounts")
        .values({
          contributor_id: id,
          financial_year_id: year!.financial_year_id,
          amount_pence: 1_000 * (index + 1),
          created_at: "2026-01-01",
        })
        .execute();
    }
    const every = await loadProjects(db(), proposalId);
    expect(every.length).toBeGreaterThan(1);
    expect(every[1]!.contributors[0]!.amounts).toEqual([
      { financialYearId: year!.financial_year_id, amountPence: 2_000 },
    ]);
    for (const project of every) {
      expect(await loadProjects(db(), proposalId, project.id)).toEqual([project]);
    }
    const other = await makeProposal({ state: "draft" });
    expect(await loadProjects(db(), other.id, every[0]!.id)).toEqual([]);
    expect(await loadProjects(db(), other.id)).toHaveLength(1);
  });
});

describe("rows read from the database", () => {
  it("are objects with a property per column, a later column of the same name winning", async () => {
    const { rows } = await sql<Record<string, unknown>>`select 1 as a, 'x' as b, null as c, 2 as a`.execute(db());
    expect(rows).toEqual([{ a: 2, b: "x", c: null }]);
    expect(Object.keys(rows[0]!)).toEqual(["a", "b", "c"]);
  });

  it("follow a change of the table under a statement already prepared", async () => {
    await sql`create table probe_columns (a integer)`.execute(db());
    await sql`insert into probe_columns (a) values (1)`.execute(db());
    const everything = () => sql<Record<string, unknown>>`select * from probe_columns`.execute(db());
    expect((await everything()).rows).toEqual([{ a: 1 }]);
    await sql`alter table probe_columns add column b text`.execute(db());
    await sql`update probe_columns set b = 'two'`.execute(db());
    expect((await everything()).rows).toEqual([{ a: 1, b: "two" }]);
  });
});

// PostgreSQL is always asked through Kysely; these are about SQLite's reads made at once.
describe.skipIf(testDialect === "postgres")("a read made at once on SQLite", () => {
  const titles = prepared((database: DB, proposalId: number) =>
    database.selectFrom("projects").select(["id", "title"]).where("proposal_id", "=", proposalId).orderBy("id"),
  );

  it("is how a prepared query reads, with the rows Kysely would give, and never a write or a transaction's", async () => {
    const proposalId = await demoProposalId();
    const { sql: text, parameters } = db()
      .selectFrom("projects")
      .select(["id", "title"])
      .where("proposal_id", "=", proposalId)
      .orderBy("id")
      .compile();
    const rows = readNow(db(), text, parameters);
    expect(rows).toEqual(await titles(db(), proposalId));
    expect(rows!.length).toBeGreaterThan(1);

    const write = db().updateTable("projects").set({ title: "Renamed" }).where("id", "=", -1).compile();
    expect(readNow(db(), write.sql, write.parameters)).toBeUndefined();
    await inTransaction(db(), async (tx) => {
      // Neither the transaction's own handle nor, while it is open, the database's.
      expect(readNow(tx, text, parameters)).toBeUndefined();
      expect(readNow(db(), text, parameters)).toBeUndefined();
    });
    expect(readNow(db(), text, parameters)).toEqual(rows);
  });

  it("waits for a transaction that is open rather than seeing what it has not committed", async () => {
    const proposalId = await demoProposalId();
    const before = await titles(db(), proposalId);
    let during: Promise<unknown> | undefined;
    await expect(
      inTransaction(db(), async (tx) => {
        await tx.updateTable("projects").set({ title: "Not committed" }).where("id", "=", before[0]!.id).execute();
        // Another request's page, asking while this one's change is open.
        during = titles(db(), proposalId);
        await new Promise((resolve) => setImmediate(resolve));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await during).toEqual(before);
  });
});
