import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { builtWhileUnchanged, databaseState } from "~/data/unchanged.server";
import { loader as londonCsv } from "~/routes/london-export-csv";
import { loader as proposalCsv } from "~/routes/proposal-export-csv";
import { createDatabase } from "../../db/connection";
import { makeMopacPerson, makeProposal } from "./proposal-factory";
import { getRequest, testDialect, useTestDatabase } from "./setup-db";

useTestDatabase();

// PostgreSQL's snapshot belongs to the whole server: the other test files' databases on it move it too,
// so there a result may be built again without a change here (never the other way round). Whether a
// result is kept is checked on SQLite, whose state belongs to this database alone.
const onlyHere = it.skipIf(testDialect === "postgres");

async function downloadText(
  loader: (args: never) => Promise<Response>,
  path: string,
  cookie: string,
  proposalId?: number,
) {
  const response = (await loader({
    request: getRequest(path, cookie),
    params: proposalId === undefined ? {} : { proposalId: String(proposalId) },
    context: {},
  } as never)) as Response;
  expect(response.status).toBe(200);
  return response.text();
}

describe("the database's state", () => {
  it("moves with a change committed through the portal's connection, and with one committed through another", async () => {
    const { projectId } = await makeProposal({ state: "submitted" });
    const before = await databaseState(db());
    await db().updateTable("projects").set({ title: "Renamed here" }).where("id", "=", projectId).execute();
    const afterOwn = await databaseState(db());
    expect(afterOwn).not.toBe(before);

    // Another connection: the outbox worker's, the command line's, another instance's.
    const other = createDatabase(process.env.DATABASE_URL!);
    try {
      await other.updateTable("projects").set({ title: "Renamed there" }).where("id", "=", projectId).execute();
    } finally {
      await other.destroy();
    }
    expect(await databaseState(db())).not.toBe(afterOwn);
  });

  onlyHere("stays the same while nothing changes, reads included", async () => {
    const before = await databaseState(db());
    await db().selectFrom("projects").select("id").execute();
    expect(await databaseState(db())).toBe(before);
  });
});

describe("a result kept while the database is unchanged", () => {
  onlyHere("is built once for repeated and simultaneous asks, and again after a change", async () => {
    const { projectId } = await makeProposal();
    let builds = 0;
    const titles = () =>
      builtWhileUnchanged(db(), "test:titles", async () => {
        builds++;
        return (await db().selectFrom("projects").select("title").orderBy("id").execute()).map((p) => p.title);
      });

    const first = await titles();
    const [second, third] = await Promise.all([titles(), titles()]);
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(builds).toBe(1);

    await db().updateTable("projects").set({ title: "Changed title" }).where("id", "=", projectId).execute();
    expect(await titles()).toContain("Changed title");
    expect(builds).toBe(2);
  });

  it("never holds text from a change that was rolled back, even when asked for during it", async () => {
    const { projectId } = await makeProposal();
    const titles = () =>
      builtWhileUnchanged(db(), "test:rolled-back", async () =>
        (await db().selectFrom("projects").select("title").orderBy("id").execute()).map((p) => p.title),
      );
    const first = await titles();
    let askedDuring: Promise<string[]> | undefined;
    await expect(
      db()
        .transaction()
        .execute(async (tx) => {
          await tx.updateTable("projects").set({ title: "Never saved" }).where("id", "=", projectId).execute();
          askedDuring = titles();
          throw new Error("rolled back");
        }),
    ).rejects.toThrow("rolled back");
    expect(await askedDuring).toEqual(first);
    expect(await titles()).toEqual(first);
  });

  it("forgets a build that failed, so the next ask builds again", async () => {
    let builds = 0;
    const flaky = () =>
      builtWhileUnchanged(db(), "test:flaky", async () => {
        builds++;
        if (builds === 1) throw new Error("first build fails");
        return "built";
      });
    await expect(flaky()).rejects.toThrow("first build fails");
    expect(await flaky()).toBe("built");
    expect(builds).toBe(2);
  });

  onlyHere("is kept for each database apart", async () => {
    const other = createDatabase(process.env.DATABASE_URL!);
    try {
      const built: string[] = [];
      const answer = (database: typeof other, name: string) =>
        builtWhileUnchanged(database, "test:apart", async () => {
          built.push(name);
          return name;
        });
      expect(await answer(db(), "portal")).toBe("portal");
      expect(await answer(other, "other")).toBe("other");
      expect(await answer(db(), "portal again")).toBe("portal");
      expect(built).toEqual(["portal", "other"]);
    } finally {
      await other.destroy();
    }
  });
});

describe("the project exports", () => {
  it("show a change made since the last download, through the portal or another connection", async () => {
    const reviewer = await makeMopacPerson("mopac_reviewer", "Export Reviewer");
    const { id, projectId } = await makeProposal({ state: "submitted" });
    const london = () => downloadText(londonCsv, "/exports/london-projects.csv", reviewer.cookie);
    const programme = () => downloadText(proposalCsv, `/proposals/${id}/projects.csv`, reviewer.cookie, id);

    const first = await london();
    expect(first).toContain("Domestic Abuse Advocacy");
    expect(await london()).toBe(first);
    expect(await programme()).toContain("Domestic Abuse Advocacy");

    await db().updateTable("projects").set({ title: "Advocacy, renamed" }).where("id", "=", projectId).execute();
    expect(await london()).toContain('"Advocacy, renamed"');
    expect(await programme()).toContain('"Advocacy, renamed"');

    const other = createDatabase(process.env.DATABASE_URL!);
    try {
      await other
        .updateTable("projects")
        .set({ title: "Advocacy renamed elsewhere" })
        .where("id", "=", projectId)
        .execute();
    } finally {
      await other.destroy();
    }
    expect(await london()).toContain("Advocacy renamed elsewhere");
    expect(await programme()).toContain("Advocacy renamed elsewhere");
  });
});
