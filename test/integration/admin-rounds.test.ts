import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { action as previewAction, loader as previewLoader } from "~/routes/admin-allocations-preview";
import { action as uploadAction } from "~/routes/admin-allocations-import";
import { action as yearAction, loader as yearLoader } from "~/routes/admin-allocations-year";
import { loader as allocationsLoader } from "~/routes/admin-allocations";
import { action as roundAction } from "~/routes/admin-round";
import { action as newRoundAction } from "~/routes/admin-round-new";
import { loader as boroughLoader } from "~/routes/borough-home";
import { loader as queueLoader } from "~/routes/review-home";
import { BOROUGHS } from "../../seeds/reference-data";
import { importAllocationsFile } from "../../scripts/commands/import-allocations";
import { cookieFor, formRequest, getRequest, settle, useTestDatabase } from "./setup-db";

useTestDatabase();

const ROUND_NAME = "Integration test round 2021-23";
let admin = "";
let adminId = 0;
let roundId = 0;
let years: { id: number; label: string; position: number }[] = [];
let priorityIds: string[] = [];
let measureIds: string[] = [];

type Args = { request: Request; params: Record<string, string>; context: object };
const args = (request: Request, params: Record<string, string> = {}): never =>
  ({ request, params, context: {} }) satisfies Args as never;

/** What a route gave back: its status, where it redirected, and its data. */
async function outcome(run: () => Promise<unknown>) {
  const result = await settle(run);
  const value = result.value as { init?: { status?: number } | null; data?: unknown } | Response;
  if (value instanceof Response)
    return { status: value.status, location: value.headers.get("Location"), data: undefined as unknown };
  if (result.thrown && !(value && typeof value === "object" && "init" in value)) throw result.value;
  return {
    status: value?.init?.status ?? 200,
    location: null,
    data: (value && "data" in value ? value.data : value) as unknown,
  };
}

function upload(text: string, fileName = "allocations.csv"): Request {
  const form = new FormData();
  form.set("file", new File([text], fileName, { type: "text/csv" }));
  return new Request(`http://localhost/admin/rounds/${roundId}/allocations/import`, {
    method: "POST",
    body: form,
    headers: { Cookie: admin },
  });
}

/** Every borough for both years: by name for one year, by GSS code for the other, as a real file may mix them. */
function fullFile(amountFor: (index: number, year: number) => string = (i, y) => `${400_000 + i * 1_000 + y}`) {
  const lines = ["\uFEFFOrganisation,Year,Amount,Uplift,Note"];
  BOROUGHS.forEach((borough, index) => {
    lines.push(`${borough.name},2021/22,"${amountFor(index, 0)}",,`);
    lines.push(`${borough.gssCode},2022/23,${amountFor(index, 1)},,indicative`);
  });
  return lines.join("\r\n") + "\r\n";
}

async function roundAllocations() {
  return db()
    .selectFrom("allocations")
    .select(["organisation_id", "financial_year_id", "amount_pence", "indicative"])
    .where(
      "financial_year_id",
      "in",
      years.map((y) => y.id),
    )
    .orderBy("organisation_id")
    .orderBy("financial_year_id")
    .execute();
}

async function historyCount() {
  const row = await db()
    .selectFrom("allocation_history")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Upload, preview, confirm: the admin's journey, returning the preview and the confirmation's answer. */
async function importThroughPortal(text: string) {
  const uploaded = await outcome(() => uploadAction(args(upload(text), { roundId: String(roundId) })));
  expect(uploaded.status).toBe(302);
  const importId = uploaded.location!.split("/").at(-1)!;
  const params = { roundId: String(roundId), importId };
  const path = `/admin/rounds/${roundId}/allocations/import/${importId}`;
  const preview = (await previewLoader(args(getRequest(path, admin), params))) as {
    rows: { line: number; problems: string[]; change: string | null }[];
    errorCount: number;
  };
  const confirmed = await outcome(() => previewAction(args(formRequest(path, { intent: "confirm" }, admin), params)));
  return { preview, confirmed, path, params };
}

beforeAll(async () => {
  admin = await cookieFor("admin@mopac.test");
  adminId = (
    await db().selectFrom("users").select("id").where("email", "=", "admin@mopac.test").executeTakeFirstOrThrow()
  ).id;
  priorityIds = (await db().selectFrom("priorities").select("id").execute()).map((p) => String(p.id));
  measureIds = (await db().selectFrom("measures").select("id").execute()).map((m) => String(m.id));
});

describe("funding rounds", () => {
  it("an admin creates a round, with its years and periods made from the first year", async () => {
    const created = await outcome(() =>
      newRoundAction(
        args(
          formRequest(
            "/admin/rounds/new",
            {
              name: ROUND_NAME,
              firstYear: "2021/22",
              yearCount: "2",
              yearsPerPeriod: "2",
              coCommissionedPercent: "30",
              splitFromYear: "2022/23",
              proposalDeadlineDay: "31",
              proposalDeadlineMonth: "1",
              proposalDeadlineYear: "2021",
              feedbackDeadlineDay: "31",
              feedbackDeadlineMonth: "3",
              feedbackDeadlineYear: "2021",
              priorities: priorityIds.slice(0, 2),
              measures: measureIds,
            },
            admin,
          ),
        ),
      ),
    );
    expect(created.status).toBe(302);
    const round = await db()
      .selectFrom("funding_rounds")
      .selectAll()
      .where("name", "=", ROUND_NAME)
      .executeTakeFirstOrThrow();
    roundId = round.id;
    expect(created.location).toBe(`/admin/rounds/${roundId}`);
    expect(round).toMatchObject({
      co_commissioned_percent: 30,
      split_from_year_position: 2,
      proposal_deadline: "2021-01-31",
    });
    years = await db()
      .selectFrom("financial_years")
      .select(["id", "label", "position"])
      .where("funding_round_id", "=", roundId)
      .orderBy("position")
      .execute();
    expect(years.map((y) => y.label)).toEqual(["2021/22", "2022/23"]);
    const periods = await db()
      .selectFrom("funding_periods")
      .select("name")
      .where("funding_round_id", "=", roundId)
      .execute();
    expect(periods.map((p) => p.name)).toEqual(["Period 1 (2021/22 and 2022/23)"]);
    // Two priorities chosen of five: stored as the round's own; every measure: stored as the standard list.
    const own = await db()
      .selectFrom("round_priorities")
      .select("priority_id")
      .where("funding_round_id", "=", roundId)
      .execute();
    expect(own.map((p) => String(p.priority_id)).sort()).toEqual(priorityIds.slice(0, 2).sort());
    expect(
      await db().selectFrom("round_measures").select("measure_id").where("funding_round_id", "=", roundId).execute(),
    ).toEqual([]);
  });

  it("refuses a second round of the same name, and a split starting outside the round, keeping what was typed", async () => {
    const refused = await outcome(() =>
      newRoundAction(
        args(
          formRequest(
            "/admin/rounds/new",
            {
              name: ROUND_NAME,
              firstYear: "2021/22",
              yearCount: "2",
              yearsPerPeriod: "2",
              coCommissionedPercent: "30",
              splitFromYear: "2030/31",
              priorities: priorityIds,
              measures: measureIds,
            },
            admin,
          ),
        ),
      ),
    );
    expect(refused.status).toBe(422);
    const reply = refused.data as { error: Record<string, string[]>; initialValue: Record<string, unknown> };
    expect(reply.error.splitFromYear).toEqual(["The split must start in one of the round’s years"]);
    expect(reply.initialValue.splitFromYear).toBe("2030/31");
  });
});

describe("importing allocations", () => {
  it("imports all 32 boroughs for two years after a preview of every row, with a history row for each", async () => {
    const historyBefore = await historyCount();
    const { preview, confirmed } = await importThroughPortal(fullFile());
    expect(preview.errorCount).toBe(0);
    expect(preview.rows).toHaveLength(64);
    expect(new Set(preview.rows.map((r) => r.change))).toEqual(new Set(["New"]));
    expect(confirmed.status).toBe(302);
    expect(confirmed.location).toBe(`/admin/rounds/${roundId}/allocations`);

    const saved = await roundAllocations();
    expect(saved).toHaveLength(64);
    const barking = await db()
      .selectFrom("organisations")
      .select("id")
      .where("gss_code", "=", "E09000002")
      .executeTakeFirstOrThrow();
    expect(saved.filter((a) => a.organisation_id === barking.id)).toEqual([
      { organisation_id: barking.id, financial_year_id: years[0]!.id, amount_pence: 40_000_000, indicative: 0 },
      { organisation_id: barking.id, financial_year_id: years[1]!.id, amount_pence: 40_000_100, indicative: 1 },
    ]);
    expect((await historyCount()) - historyBefore).toBe(64);
    const history = await db()
      .selectFrom("allocation_history")
      .selectAll()
      .where(
        "financial_year_id",
        "in",
        years.map((y) => y.id),
      )
      .execute();
    expect(new Set(history.map((h) => `${h.method} by ${h.changed_by}, from ${h.old_amount_pence}`))).toEqual(
      new Set([`import by ${adminId}, from null`]),
    );
  });

  it("refuses to apply the same upload twice", async () => {
    const { params, path } = await importThroughPortal(fullFile());
    const again = await outcome(() => previewAction(args(formRequest(path, { intent: "confirm" }, admin), params)));
    expect(again.status).toBe(409);
    expect((again.data as { error: Record<string, string[]> }).error[""]).toEqual([
      "This file has already been imported",
    ]);
  });

  it("a file with one bad row changes nothing at all and says which row and why", async () => {
    const before = await roundAllocations();
    const historyBefore = await historyCount();
    // Every amount changes, but the 8th borough's 2022/23 amount (line 17 of the file) has three decimals.
    const { preview, confirmed } = await importThroughPortal(
      fullFile((i, y) => (i === 7 && y === 1 ? "500000.125" : `${900_000 + i}`)),
    );
    expect(preview.errorCount).toBe(1);
    expect(preview.rows.filter((r) => r.problems.length > 0)).toEqual([
      expect.objectContaining({
        line: 17,
        problems: ["Amount: enter an amount with no more than 2 decimal places (pence)"],
        change: null,
      }),
    ]);
    expect(confirmed.status).toBe(409);
    expect((confirmed.data as { error: Record<string, string[]> }).error[""]![0]).toMatch(/^Line 17: Amount/);
    expect(await roundAllocations()).toEqual(before);
    expect(await historyCount()).toBe(historyBefore);
  });

  it("refuses a file that is not a table of allocations on the upload page, with the reason on the field", async () => {
    const refused = await outcome(() =>
      uploadAction(args(upload("Name,Money\nNewham,5\n"), { roundId: String(roundId) })),
    );
    expect(refused.status).toBe(422);
    expect((refused.data as { error: Record<string, string[]> }).error.file![0]).toContain("“Year”, “Amount”");
  });

  it("the command line uses the same checks: a bad file changes nothing, a good one imports, recorded as the command line's", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lcpf-cli-"));
    const bad = join(dir, "bad.csv");
    const good = join(dir, "good.csv");
    writeFileSync(bad, "Organisation,Year,Amount\nNewham,2021/22,100\nGotham,2021/22,100\n");
    writeFileSync(good, "Organisation,Year,Amount\nNewham,2021/22,123456\n");
    const lines: string[] = [];
    const out = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
    const before = await roundAllocations();
    expect(await importAllocationsFile(db(), ["--round", ROUND_NAME, bad], out)).toBe(1);
    expect(lines[0]).toMatch(/^Line 3: Unknown borough “Gotham”/);
    expect(await roundAllocations()).toEqual(before);

    expect(await importAllocationsFile(db(), ["--round", String(roundId), good], out)).toBe(0);
    expect(lines.at(-1)).toContain("0 new, 1 changed, 0 unchanged");
    const last = await db()
      .selectFrom("allocation_history")
      .selectAll()
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ method: "command", changed_by: null, new_amount_pence: 12_345_600 });
    expect(await importAllocationsFile(db(), ["--round", "No such round", good], out)).toBe(1);
  });
});

describe("the allocations table", () => {
  it("changing one borough by the form writes one history row with who, before and after", async () => {
    const year = years[0]!;
    const params = { roundId: String(roundId), yearId: String(year.id) };
    const path = `/admin/rounds/${roundId}/allocations/${year.id}`;
    const page = (await yearLoader(args(getRequest(path, admin), params))) as {
      boroughs: { id: number; name: string }[];
      defaults: Record<string, string | undefined>;
    };
    const newham = page.boroughs.find((b) => b.name === "Newham")!;
    const body = Object.fromEntries(
      Object.entries(page.defaults).filter((e): e is [string, string] => e[1] !== undefined),
    );
    const before = body[`amount-${newham.id}`];
    body[`amount-${newham.id}`] = "£250,000.50";
    body[`uplift-${newham.id}`] = "50,000";
    const historyBefore = await historyCount();
    const saved = await outcome(() => yearAction(args(formRequest(path, body, admin), params)));
    expect(saved.status).toBe(302);
    expect((await historyCount()) - historyBefore).toBe(1);

    const table = (await allocationsLoader(
      args(getRequest(`/admin/rounds/${roundId}/allocations`, admin), { roundId: String(roundId) }),
    )) as {
      history: {
        boroughName: string;
        changedBy: string | null;
        method: string;
        oldAmountPence: number;
        newAmountPence: number;
        newUpliftPence: number;
      }[];
    };
    expect(table.history[0]).toMatchObject({
      boroughName: "Newham",
      changedBy: "Demo Admin",
      method: "form",
      oldAmountPence: Number(before) * 100,
      newAmountPence: 25_000_050,
      newUpliftPence: 5_000_000,
    });
  });

  it("refuses blanking a borough's allocation, and an uplift above the allocation, keeping what was typed", async () => {
    const year = years[0]!;
    const params = { roundId: String(roundId), yearId: String(year.id) };
    const path = `/admin/rounds/${roundId}/allocations/${year.id}`;
    const page = (await yearLoader(args(getRequest(path, admin), params))) as {
      boroughs: { id: number; name: string }[];
      defaults: Record<string, string | undefined>;
    };
    const body = Object.fromEntries(
      Object.entries(page.defaults).filter((e): e is [string, string] => e[1] !== undefined),
    );
    const [first, second] = page.boroughs;
    body[`amount-${first!.id}`] = "";
    body[`uplift-${second!.id}`] = "99,999,999";
    const historyBefore = await historyCount();
    const refused = await outcome(() => yearAction(args(formRequest(path, body, admin), params)));
    expect(refused.status).toBe(422);
    const reply = refused.data as { error: Record<string, string[]>; initialValue: Record<string, string> };
    expect(reply.error[`amount-${first!.id}`]).toEqual([
      `${first!.name}: enter an amount (an allocation cannot be removed)`,
    ]);
    expect(reply.error[`uplift-${second!.id}`]![0]).toContain("must not be more than the allocation");
    expect(reply.initialValue[`uplift-${second!.id}`]).toBe("99,999,999");
    expect(await historyCount()).toBe(historyBefore);
  });
});

describe("the proposal deadline and the split, as others see them", () => {
  let newhamId = 0;
  let periodId = 0;
  let proposalId = 0;

  beforeAll(async () => {
    newhamId = (
      await db().selectFrom("organisations").select("id").where("gss_code", "=", "E09000025").executeTakeFirstOrThrow()
    ).id;
    periodId = (
      await db()
        .selectFrom("funding_periods")
        .select("id")
        .where("funding_round_id", "=", roundId)
        .executeTakeFirstOrThrow()
    ).id;
  });

  it("a borough officer sees the new round's allocation with the split worked out, and its deadline", async () => {
    const home = (await boroughLoader(args(getRequest("/borough", await cookieFor("officer@newham.test"))))) as {
      years: {
        roundId: number;
        label: string;
        allocationPence: number | null;
        split: { directPence: number; coCommissionedPence: number } | null;
      }[];
      proposals: {
        periodId: number;
        deadline: { deadline: string; passed: boolean } | null;
        readiness: { ready: boolean };
      }[];
    };
    const ofRound = home.years.filter((y) => y.roundId === roundId);
    expect(ofRound.map((y) => [y.label, y.allocationPence, y.split])).toEqual([
      // 2021/22 as the form above set it; 2022/23 from the import (£423,001 for Newham, the 24th borough).
      ["2021/22", 25_000_050, { directPence: 25_000_050, coCommissionedPence: 0 }],
      ["2022/23", 42_300_100, { directPence: 29_610_070, coCommissionedPence: 12_690_030 }],
    ]);
    const row = home.proposals.find((p) => p.periodId === periodId)!;
    expect(row.readiness.ready).toBe(true);
    expect(row.deadline).toMatchObject({ deadline: "2021-01-31", passed: true });
  });

  it("marks a proposal that reached MOPAC after the deadline as late in the queue, and one on the day as on time", async () => {
    const insert = async (submittedAt: string) => {
      const officer = await db()
        .selectFrom("users")
        .select("id")
        .where("email", "=", "officer@newham.test")
        .executeTakeFirstOrThrow();
      const { id } = await db()
        .insertInto("proposals")
        .values({
          funding_period_id: periodId,
          lead_organisation_id: newhamId,
          status: "in_review",
          version: 1,
          first_submitted_at: submittedAt,
          last_submitted_at: submittedAt,
          created_by: officer.id,
          updated_by: officer.id,
          created_at: submittedAt,
          updated_at: submittedAt,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db()
        .insertInto("proposal_boroughs")
        .values({
          proposal_id: id,
          organisation_id: newhamId,
          funding_period_id: periodId,
          active: 0,
          created_at: submittedAt,
        })
        .execute();
      return id;
    };
    const late = await insert("2021-02-01T09:00:00.000Z");
    const onTime = await insert("2021-01-31T18:00:00.000Z");
    proposalId = late;
    const queue = (await queueLoader(args(getRequest("/review?show=all", admin)))) as {
      rows: { id: number; late: boolean }[];
    };
    expect(queue.rows.find((r) => r.id === late)?.late).toBe(true);
    expect(queue.rows.find((r) => r.id === onTime)?.late).toBe(false);
  });

  it("changing the split of a round with proposals at MOPAC asks first, saying whose envelopes change", async () => {
    expect(proposalId).toBeGreaterThan(0);
    const path = `/admin/rounds/${roundId}`;
    const fields = {
      name: ROUND_NAME,
      firstYear: "2021/22",
      yearCount: "2",
      yearsPerPeriod: "2",
      coCommissionedPercent: "25",
      splitFromYear: "2022/23",
      priorities: priorityIds.slice(0, 2),
      measures: measureIds,
    };
    const asked = await outcome(() =>
      roundAction(args(formRequest(path, fields, admin), { roundId: String(roundId) })),
    );
    expect(asked.status).toBe(200);
    const confirm = (
      asked.data as {
        confirm: {
          effects: { name: string; changes: { label: string; directBefore: number; directAfter: number }[] }[];
        };
      }
    ).confirm;
    // Both of Newham's proposals reached MOPAC; its 2022/23 envelope moves from 70% to 75% of £423,001.
    expect(confirm.effects.map((e) => e.name)).toEqual([
      "Newham, Period 1 (2021/22 and 2022/23)",
      "Newham, Period 1 (2021/22 and 2022/23)",
    ]);
    expect(confirm.effects[0]!.changes).toEqual([
      { label: "2022/23", allocationPence: 42_300_100, directBefore: 29_610_070, directAfter: 31_725_075 },
    ]);
    const unchanged = await db()
      .selectFrom("funding_rounds")
      .select("co_commissioned_percent")
      .where("id", "=", roundId)
      .executeTakeFirstOrThrow();
    expect(unchanged.co_commissioned_percent).toBe(30);

    const confirmed = await outcome(() =>
      roundAction(args(formRequest(path, { ...fields, intent: "confirm" }, admin), { roundId: String(roundId) })),
    );
    expect(confirmed.status).toBe(302);
    const changed = await db()
      .selectFrom("funding_rounds")
      .select("co_commissioned_percent")
      .where("id", "=", roundId)
      .executeTakeFirstOrThrow();
    expect(changed.co_commissioned_percent).toBe(25);
  });

  it("saves other changes to such a round at once, and keeps its years fixed", async () => {
    const path = `/admin/rounds/${roundId}`;
    const saved = await outcome(() =>
      roundAction(
        args(
          formRequest(
            path,
            {
              name: `${ROUND_NAME} (renamed)`,
              firstYear: "2021/22",
              yearCount: "2",
              yearsPerPeriod: "2",
              coCommissionedPercent: "25",
              splitFromYear: "2022/23",
              priorities: priorityIds,
              measures: measureIds,
            },
            admin,
          ),
          { roundId: String(roundId) },
        ),
      ),
    );
    expect(saved.status).toBe(302);
    expect(
      await db().selectFrom("round_priorities").select("priority_id").where("funding_round_id", "=", roundId).execute(),
    ).toEqual([]);
    const moved = await outcome(() =>
      roundAction(
        args(
          formRequest(
            path,
            {
              name: ROUND_NAME,
              firstYear: "2022/23",
              yearCount: "2",
              yearsPerPeriod: "2",
              coCommissionedPercent: "25",
              splitFromYear: "2023/24",
              priorities: priorityIds,
              measures: measureIds,
            },
            admin,
          ),
          { roundId: String(roundId) },
        ),
      ),
    );
    expect(moved.status).toBe(422);
    expect((moved.data as { error: Record<string, string[]> }).error.firstYear).toEqual([
      "The years cannot change: the round already has proposals or allocations",
    ]);
  });
});
