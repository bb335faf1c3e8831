import { type DB, inTransaction } from "../db/connection";
import { hashPassword } from "../app/auth/password.server";
import { seedDemoProposal } from "./demo-proposal";
import { ALLOCATIONS, BOROUGHS, LCPF_2017_21, MEASURES, MOPAC, PARTNERSHIPS, PRIORITIES } from "./reference-data";

const now = () => new Date().toISOString();

async function organisationIdByGss(db: DB, gssCode: string): Promise<number> {
  const row = await db
    .selectFrom("organisations")
    .select("id")
    .where("gss_code", "=", gssCode)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Loads the reference data; running it again changes nothing that is already there. */
export async function seedReference(db: DB): Promise<void> {
  await inTransaction(db, async (tx) => {
    const stamp = now();
    for (const borough of BOROUGHS) {
      await tx
        .insertInto("organisations")
        .values({
          kind: "borough",
          name: borough.name,
          gss_code: borough.gssCode,
          created_at: stamp,
          updated_at: stamp,
        })
        .onConflict((oc) => oc.column("gss_code").doNothing())
        .execute();
    }
    await tx
      .insertInto("organisations")
      .values({ kind: "mopac", name: MOPAC.name, gss_code: null, created_at: stamp, updated_at: stamp })
      .onConflict((oc) => oc.column("name").doNothing())
      .execute();

    for (const partnership of PARTNERSHIPS) {
      // Only a partnership new to this database gets the reference members: once it exists, MOPAC's admins
      // own its membership (/admin/partnerships), and a restart must not put back a borough they removed.
      const created = await tx
        .insertInto("partnerships")
        .values({ name: partnership.name, created_at: stamp, updated_at: stamp })
        .onConflict((oc) => oc.column("name").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!created) continue;
      const { id } = created;
      for (const gss of partnership.memberGssCodes) {
        await tx
          .insertInto("partnership_members")
          .values({ partnership_id: id, organisation_id: await organisationIdByGss(tx, gss), created_at: stamp })
          .onConflict((oc) => oc.columns(["partnership_id", "organisation_id"]).doNothing())
          .execute();
      }
    }

    for (const [index, priority] of PRIORITIES.entries()) {
      await tx
        .insertInto("priorities")
        .values({ code: priority.code, name: priority.name, position: index + 1, created_at: stamp, updated_at: stamp })
        .onConflict((oc) => oc.column("code").doNothing())
        .execute();
    }
    for (const [index, measure] of MEASURES.entries()) {
      await tx
        .insertInto("measures")
        .values({
          code: measure.code,
          group_name: measure.group,
          name: measure.name,
          mandatory: measure.mandatory ? 1 : 0,
          position: index + 1,
          created_at: stamp,
          updated_at: stamp,
        })
        .onConflict((oc) => oc.column("code").doNothing())
        .execute();
    }

    const round = LCPF_2017_21;
    await tx
      .insertInto("funding_rounds")
      .values({
        name: round.name,
        co_commissioned_percent: round.coCommissionedPercent,
        split_from_year_position: round.splitFromYearPosition,
        proposal_deadline: round.proposalDeadline,
        feedback_deadline: round.feedbackDeadline,
        created_at: stamp,
        updated_at: stamp,
      })
      .onConflict((oc) => oc.column("name").doNothing())
      .execute();
    const { id: roundId } = await tx
      .selectFrom("funding_rounds")
      .select("id")
      .where("name", "=", round.name)
      .executeTakeFirstOrThrow();
    for (const period of round.periods) {
      await tx
        .insertInto("funding_periods")
        .values({
          funding_round_id: roundId,
          number: period.number,
          name: period.name,
          created_at: stamp,
          updated_at: stamp,
        })
        .onConflict((oc) => oc.columns(["funding_round_id", "number"]).doNothing())
        .execute();
    }
    for (const year of round.years) {
      const { id: periodId } = await tx
        .selectFrom("funding_periods")
        .select("id")
        .where("funding_round_id", "=", roundId)
        .where("number", "=", year.period)
        .executeTakeFirstOrThrow();
      await tx
        .insertInto("financial_years")
        .values({
          funding_round_id: roundId,
          funding_period_id: periodId,
          position: year.position,
          label: year.label,
          starts_on: year.startsOn,
          ends_on: year.endsOn,
          created_at: stamp,
          updated_at: stamp,
        })
        .onConflict((oc) => oc.columns(["funding_round_id", "position"]).doNothing())
        .execute();
    }

    for (const allocation of ALLOCATIONS) {
      const { id: yearId } = await tx
        .selectFrom("financial_years")
        .select("id")
        .where("funding_round_id", "=", roundId)
        .where("label", "=", allocation.year)
        .executeTakeFirstOrThrow();
      await tx
        .insertInto("allocations")
        .values({
          organisation_id: await organisationIdByGss(tx, allocation.gssCode),
          financial_year_id: yearId,
          amount_pence: allocation.amountPence,
          uplift_pence: allocation.upliftPence,
          is_demo_figure: allocation.isDemoFigure ? 1 : 0,
          source: allocation.source,
          created_at: stamp,
          updated_at: stamp,
        })
        .onConflict((oc) => oc.columns(["organisation_id", "financial_year_id"]).doNothing())
        .execute();
    }
  });
}

export const DEMO_PASSWORD = "lcpf-demo-2017";

export const DEMO_USERS: ReadonlyArray<{
  email: string;
  name: string;
  organisation: { gssCode: string } | "mopac";
  role: "borough_officer" | "csp_member" | "mopac_reviewer" | "mopac_admin";
  canEndorse?: boolean;
  leadFor?: string[];
}> = [
  {
    email: "officer@barking-dagenham.test",
    name: "Demo Officer (Barking and Dagenham)",
    organisation: { gssCode: "E09000002" },
    role: "borough_officer",
  },
  {
    email: "csp@barking-dagenham.test",
    name: "Demo CSP Chair (Barking and Dagenham)",
    organisation: { gssCode: "E09000002" },
    role: "csp_member",
    canEndorse: true,
  },
  {
    email: "officer@newham.test",
    name: "Demo Officer (Newham)",
    organisation: { gssCode: "E09000025" },
    role: "borough_officer",
  },
  {
    email: "reviewer@mopac.test",
    name: "Demo Reviewer One",
    organisation: "mopac",
    role: "mopac_reviewer",
    leadFor: ["E09000002"],
  },
  { email: "reviewer2@mopac.test", name: "Demo Reviewer Two", organisation: "mopac", role: "mopac_reviewer" },
  { email: "admin@mopac.test", name: "Demo Admin", organisation: "mopac", role: "mopac_admin" },
];

/** Demo accounts (all with DEMO_PASSWORD) and the demo lead-reviewer assignment. Idempotent. */
export async function seedDemoUsers(db: DB): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await inTransaction(db, async (tx) => {
    const stamp = now();
    const { id: mopacId } = await tx
      .selectFrom("organisations")
      .select("id")
      .where("kind", "=", "mopac")
      .executeTakeFirstOrThrow();
    for (const user of DEMO_USERS) {
      const organisationId =
        user.organisation === "mopac" ? mopacId : await organisationIdByGss(tx, user.organisation.gssCode);
      await tx
        .insertInto("users")
        .values({
          email: user.email,
          name: user.name,
          password_hash: passwordHash,
          organisation_id: organisationId,
          role: user.role,
          can_endorse: user.canEndorse ? 1 : 0,
          active: 1,
          password_set_at: stamp,
          created_at: stamp,
          updated_at: stamp,
        })
        .onConflict((oc) => oc.column("email").doNothing())
        .execute();
      const { id: userId } = await tx
        .selectFrom("users")
        .select("id")
        .where("email", "=", user.email)
        .executeTakeFirstOrThrow();
      for (const gss of user.leadFor ?? []) {
        await tx
          .insertInto("reviewer_leads")
          .values({
            organisation_id: await organisationIdByGss(tx, gss),
            reviewer_id: userId,
            created_at: stamp,
            updated_at: stamp,
          })
          .onConflict((oc) => oc.column("organisation_id").doNothing())
          .execute();
      }
    }
  });
}

export async function hasUsers(db: DB): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Everything a demonstration needs: the demo accounts and Barking and Dagenham's demo proposal. */
export async function seedDemo(db: DB): Promise<void> {
  await seedDemoUsers(db);
  await seedDemoProposal(db);
}
