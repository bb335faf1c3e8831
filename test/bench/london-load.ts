import type { Transaction } from "kysely";
import type { DB } from "../../db/connection";
import type { Database, ProposalStatus } from "../../db/schema";
import { PROJECT_CATEGORIES } from "~/domain/project-fields";
import { startProposalIn } from "~/data/proposals.server";

export const PROJECTS_PER_PROPOSAL = 18;

export type BenchProposal = { id: number; boroughId: number; boroughName: string; gssCode: string };

const BENCH_SOURCE = "Benchmark load: invented figure";

/**
 * A London-sized load on top of the reference and demo data: every one of the 32 boroughs has a
 * period 1 proposal of 18 projects (Barking and Dagenham's demo proposal is topped up), each with
 * costs for both years, 2 categories, 3 measures and a partner, and every proposal has reached
 * MOPAC so the review queue holds 32 rows. Every invented figure is marked as a demo figure.
 */
export async function seedLondonLoad(db: DB): Promise<BenchProposal[]> {
  return db.transaction().execute(async (tx) => {
    const now = new Date().toISOString();
    const boroughs = await tx
      .selectFrom("organisations")
      .select(["id", "name", "gss_code"])
      .where("kind", "=", "borough")
      .orderBy("gss_code")
      .execute();
    const period = await tx
      .selectFrom("funding_periods")
      .select("id")
      .where("number", "=", 1)
      .executeTakeFirstOrThrow();
    const years = await tx
      .selectFrom("financial_years")
      .select("id")
      .where("funding_period_id", "=", period.id)
      .orderBy("position")
      .execute();
    const priorities = await tx.selectFrom("priorities").select("id").orderBy("position").execute();
    const measures = await tx.selectFrom("measures").select("id").orderBy("position").execute();
    const reviewers = await tx
      .selectFrom("users")
      .select("id")
      .where("role", "=", "mopac_reviewer")
      .orderBy("id")
      .execute();
    if (reviewers.length === 0) throw new Error("The demo data has no MOPAC reviewer");

    const proposals: BenchProposal[] = [];
    for (const [index, borough] of boroughs.entries()) {
      const allocationPence = (400_000 + index * 15_000) * 100;
      await tx
        .insertInto("allocations")
        .values(
          years.map((year) => ({
            organisation_id: borough.id,
            financial_year_id: year.id,
            amount_pence: allocationPence,
            uplift_pence: null,
            is_demo_figure: 1,
            source: BENCH_SOURCE,
            created_at: now,
            updated_at: now,
          })),
        )
        .onConflict((oc) => oc.columns(["organisation_id", "financial_year_id"]).doNothing())
        .execute();

      const officerId = await boroughOfficer(tx, borough, now);
      const proposalId = await periodOneProposal(tx, borough.id, period.id, officerId);
      const { count } = await tx
        .selectFrom("projects")
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .where("proposal_id", "=", proposalId)
        .executeTakeFirstOrThrow();

      for (let n = Number(count) + 1; n <= PROJECTS_PER_PROPOSAL; n++) {
        const { id: projectId } = await tx
          .insertInto("projects")
          .values({
            proposal_id: proposalId,
            title: `Benchmark project ${n}`,
            primary_priority_id: priorities[n % priorities.length]!.id,
            description: "An invented project for the benchmark load.",
            delivery_type: "commissioned",
            provider: `Provider ${n}`,
            co_commissioning_candidate: n % 6 === 0 ? 1 : 0,
            position: n,
            created_at: now,
            updated_at: now,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        // Planned near the direct funding, so the envelope and the split have real figures to check.
        const spend = [95, 65].map((percent) =>
          Math.floor((allocationPence * percent) / (100 * PROJECTS_PER_PROPOSAL)),
        );
        await tx
          .insertInto("project_costs")
          .values(
            years.map((year, y) => ({
              project_id: projectId,
              financial_year_id: year.id,
              lcpf_pence: spend[y] ?? 0,
              la_cash_pence: 5_000_00,
              is_demo_figure: 1,
              created_at: now,
              updated_at: now,
            })),
          )
          .execute();
        await tx
          .insertInto("project_categories")
          .values(
            [0, 7].map((offset) => ({
              project_id: projectId,
              category: PROJECT_CATEGORIES[(n + offset) % PROJECT_CATEGORIES.length]!.value,
              created_at: now,
            })),
          )
          .execute();
        await tx
          .insertInto("project_measures")
          .values(
            [0, 5, 10].map((offset) => ({
              project_id: projectId,
              measure_id: measures[(n + offset) % measures.length]!.id,
              created_at: now,
            })),
          )
          .execute();
        const { id: partnerId } = await tx
          .insertInto("project_contributors")
          .values({
            project_id: projectId,
            kind: "partner",
            name: `Partner ${n}`,
            in_kind: "Office space",
            position: 0,
            created_at: now,
            updated_at: now,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await tx
          .insertInto("project_contributor_amounts")
          .values(
            years.map((year) => ({
              contributor_id: partnerId,
              financial_year_id: year.id,
              amount_pence: 2_500_00,
              created_at: now,
            })),
          )
          .execute();
      }

      // Alternate submitted and in review, a minute apart, so the queue has 32 rows to sort.
      const status: ProposalStatus = index % 2 === 0 ? "submitted" : "in_review";
      const submittedAt = new Date(Date.UTC(2016, 11, 1) + index * 60_000).toISOString();
      await tx
        .updateTable("proposals")
        .set({
          status,
          assigned_reviewer_id: status === "in_review" ? reviewers[index % reviewers.length]!.id : null,
          first_submitted_at: submittedAt,
          last_submitted_at: submittedAt,
        })
        .where("id", "=", proposalId)
        .execute();
      proposals.push({
        id: proposalId,
        boroughId: borough.id,
        boroughName: borough.name,
        gssCode: borough.gss_code ?? "",
      });
    }
    return proposals;
  });
}

type Tx = Transaction<Database>;

/** The borough's first officer, or a bench officer who cannot sign in (boroughs without demo accounts). */
async function boroughOfficer(tx: Tx, borough: { id: number; gss_code: string | null }, now: string): Promise<number> {
  const existing = await tx
    .selectFrom("users")
    .select("id")
    .where("organisation_id", "=", borough.id)
    .where("role", "=", "borough_officer")
    .orderBy("id")
    .executeTakeFirst();
  if (existing) return existing.id;
  const { id } = await tx
    .insertInto("users")
    .values({
      email: `officer@bench-${borough.gss_code}.test`,
      name: `Benchmark officer (${borough.gss_code})`,
      password_hash: "!",
      organisation_id: borough.id,
      role: "borough_officer",
      can_endorse: 0,
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** The borough's live period 1 proposal, started if it has none (the demo data has Barking and Dagenham's). */
async function periodOneProposal(tx: Tx, boroughId: number, periodId: number, officerId: number): Promise<number> {
  const started = await startProposalIn(tx, { organisationId: boroughId, periodId, userId: officerId });
  if (started.ok) return started.proposalId;
  const live = await tx
    .selectFrom("proposal_boroughs")
    .select("proposal_id")
    .where("organisation_id", "=", boroughId)
    .where("funding_period_id", "=", periodId)
    .where("active", "=", 1)
    .executeTakeFirstOrThrow();
  return live.proposal_id;
}
