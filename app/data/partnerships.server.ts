import { type DB, inTransaction } from "../../db/connection";
import { jointEnvelope, type JointEnvelopePart, type JointEnvelopeYear } from "~/domain/joint-envelope";
import type { SplitRule } from "~/domain/split";
import { periodReadiness, type PeriodReadiness } from "~/domain/period-allocation";
import type { ProposalStatus } from "../../db/schema";
import type { ProposalYearRow, StartResult } from "./proposals.server";

/**
 * Partnerships of boroughs that bid jointly (Tri-borough, Richmond/Kingston): who is in one, whose CSP
 * endorses its joint proposal, what MOPAC allocates to it, and starting its one joint proposal.
 */

const stamp = () => new Date().toISOString();

export type Borough = { id: number; name: string };

export type PartnershipRow = {
  id: number;
  name: string;
  members: Borough[];
  /** Null: any member borough's CSP endorsers. */
  endorsingOrganisationId: number | null;
  /** Joint proposals still holding their members' places (not withdrawn). */
  liveProposals: number;
};

export async function boroughs(db: DB): Promise<Borough[]> {
  return db.selectFrom("organisations").select(["id", "name"]).where("kind", "=", "borough").orderBy("name").execute();
}

/** Every partnership with its members, in one query per table. */
export async function listPartnerships(db: DB): Promise<PartnershipRow[]> {
  const [partnerships, members, live] = await Promise.all([
    db.selectFrom("partnerships").select(["id", "name", "endorsing_organisation_id"]).orderBy("name").execute(),
    db
      .selectFrom("partnership_members as m")
      .innerJoin("organisations as o", "o.id", "m.organisation_id")
      .select(["m.partnership_id", "o.id", "o.name"])
      .orderBy("o.name")
      .execute(),
    db
      .selectFrom("proposals as p")
      .select((eb) => ["p.partnership_id", eb.fn.countAll<number>().as("n")])
      .where("p.partnership_id", "is not", null)
      .where("p.status", "!=", "withdrawn")
      .groupBy("p.partnership_id")
      .execute(),
  ]);
  return partnerships.map((p) => ({
    id: p.id,
    name: p.name,
    endorsingOrganisationId: p.endorsing_organisation_id,
    members: members.filter((m) => m.partnership_id === p.id).map((m) => ({ id: m.id, name: m.name })),
    liveProposals: live.find((l) => l.partnership_id === p.id)?.n ?? 0,
  }));
}

export async function findPartnership(db: DB, id: number): Promise<PartnershipRow | undefined> {
  return (await listPartnerships(db)).find((p) => p.id === id);
}

export type PartnershipInput = {
  name: string;
  memberIds: number[];
  /** Null: any member borough's CSP endorsers. */
  endorsingOrganisationId: number | null;
};

export type SaveOutcome = { ok: true; id: number } | { ok: false; message: string; field: string };

/**
 * Creates (id null) or changes a partnership. Members are fixed while a joint proposal is live: the
 * proposal's boroughs were set when it started, and moving them would hand a draft to a borough (or take
 * it from one) without anyone deciding so.
 */
export async function savePartnership(db: DB, id: number | null, input: PartnershipInput): Promise<SaveOutcome> {
  return inTransaction(db, async (tx) => {
    const known = await tx
      .selectFrom("organisations")
      .select("id")
      .where("kind", "=", "borough")
      .where("id", "in", input.memberIds.length ? input.memberIds : [0])
      .execute();
    if (known.length !== new Set(input.memberIds).size) {
      return { ok: false, message: "Choose member boroughs from the list", field: "memberIds" };
    }
    if (input.endorsingOrganisationId !== null && !input.memberIds.includes(input.endorsingOrganisationId)) {
      return { ok: false, message: "Choose a member borough whose CSP endorses the joint proposal", field: "endorsingOrganisationId" };
    }
    const sameName = await tx
      .selectFrom("partnerships")
      .select("id")
      .where((eb) => eb(eb.fn("lower", ["name"]), "=", input.name.toLowerCase()))
      .executeTakeFirst();
    if (sameName && sameName.id !== id) {
      return { ok: false, message: "A partnership with this name already exists", field: "name" };
    }
    const now = stamp();
    let partnershipId: number;
    if (id === null) {
      const created = await tx
        .insertInto("partnerships")
        .values({ name: input.name, endorsing_organisation_id: input.endorsingOrganisationId, created_at: now, updated_at: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      partnershipId = created.id;
    } else {
      const current = await tx.selectFrom("partnership_members").select("organisation_id").where("partnership_id", "=", id).execute();
      const before = current.map((m) => m.organisation_id).sort((a, b) => a - b);
      const after = [...new Set(input.memberIds)].sort((a, b) => a - b);
      const membersChange = before.join(",") !== after.join(",");
      if (membersChange) {
        const live = await tx
          .selectFrom("proposals")
          .select("id")
          .where("partnership_id", "=", id)
          .where("status", "!=", "withdrawn")
          .executeTakeFirst();
        if (live) {
          return {
            ok: false,
            message: "The members cannot change while the partnership has a joint proposal that has not been withdrawn",
            field: "memberIds",
          };
        }
      }
      await tx
        .updateTable("partnerships")
        .set({ name: input.name, endorsing_organisation_id: input.endorsingOrganisationId, updated_at: now })
        .where("id", "=", id)
        .execute();
      partnershipId = id;
      if (!membersChange) return { ok: true, id: partnershipId };
      await tx.deleteFrom("partnership_members").where("partnership_id", "=", id).execute();
      // A borough no longer a member has no share in the partnership.
      await tx
        .deleteFrom("partnership_shares")
        .where("partnership_id", "=", id)
        .where("organisation_id", "not in", after)
        .execute();
    }
    await tx
      .insertInto("partnership_members")
      .values([...new Set(input.memberIds)].map((organisationId) => ({ partnership_id: partnershipId, organisation_id: organisationId, created_at: now })))
      .execute();
    return { ok: true, id: partnershipId };
  });
}

export type PartnershipYear = {
  financialYearId: number;
  label: string;
  position: number;
  periodId: number;
  periodName: string;
  roundId: number;
  roundName: string;
  /** The partnership's own allocation; null while MOPAC has not set the year. */
  ownPence: number | null;
  /** Each member's share moved into the partnership (0 where none is moved), and the member's own allocation. */
  shares: { organisationId: number; name: string; sharePence: number; boroughAllocationPence: number | null }[];
};

/** Every year of every round with the partnership's allocation and its members' shares, in four queries. */
export async function partnershipYears(db: DB, partnership: PartnershipRow, periodId?: number): Promise<PartnershipYear[]> {
  let yearsQuery = db
    .selectFrom("financial_years as y")
    .innerJoin("funding_periods as p", "p.id", "y.funding_period_id")
    .innerJoin("funding_rounds as r", "r.id", "y.funding_round_id")
    .select(["y.id", "y.label", "y.position", "p.id as periodId", "p.name as periodName", "r.id as roundId", "r.name as roundName"])
    .orderBy("r.id")
    .orderBy("y.position");
  if (periodId !== undefined) yearsQuery = yearsQuery.where("p.id", "=", periodId);
  const years = await yearsQuery.execute();
  const yearIds = years.length ? years.map((y) => y.id) : [0];
  const memberIds = partnership.members.length ? partnership.members.map((m) => m.id) : [0];
  const [own, shares, boroughAllocations] = await Promise.all([
    db
      .selectFrom("partnership_allocations")
      .select(["financial_year_id", "amount_pence"])
      .where("partnership_id", "=", partnership.id)
      .where("financial_year_id", "in", yearIds)
      .execute(),
    db
      .selectFrom("partnership_shares")
      .select(["financial_year_id", "organisation_id", "amount_pence"])
      .where("partnership_id", "=", partnership.id)
      .where("financial_year_id", "in", yearIds)
      .execute(),
    db
      .selectFrom("allocations")
      .select(["financial_year_id", "organisation_id", "amount_pence"])
      .where("organisation_id", "in", memberIds)
      .where("financial_year_id", "in", yearIds)
      .execute(),
  ]);
  return years.map((year) => ({
    financialYearId: year.id,
    label: year.label,
    position: year.position,
    periodId: year.periodId,
    periodName: year.periodName,
    roundId: year.roundId,
    roundName: year.roundName,
    ownPence: own.find((o) => o.financial_year_id === year.id)?.amount_pence ?? null,
    shares: partnership.members.map((member) => ({
      organisationId: member.id,
      name: member.name,
      sharePence:
        shares.find((s) => s.financial_year_id === year.id && s.organisation_id === member.id)?.amount_pence ?? 0,
      boroughAllocationPence:
        boroughAllocations.find((a) => a.financial_year_id === year.id && a.organisation_id === member.id)?.amount_pence ??
        null,
    })),
  }));
}

export type YearAllocationInput = {
  financialYearId: number;
  /** Null clears the year (it is not set). */
  ownPence: number | null;
  shares: { organisationId: number; pence: number }[];
};

/**
 * Sets the partnership's allocation for the years given, in one transaction. A share may not be more
 * than the member's own allocation for the year where MOPAC has set one.
 */
export async function savePartnershipAllocations(
  db: DB,
  partnership: PartnershipRow,
  years: readonly YearAllocationInput[],
): Promise<{ ok: true } | { ok: false; message: string; field: string }> {
  const current = await partnershipYears(db, partnership);
  for (const input of years) {
    const year = current.find((y) => y.financialYearId === input.financialYearId);
    if (!year) return { ok: false, message: "Reload the page and try again: a year was not recognised", field: "" };
    for (const share of input.shares) {
      const member = year.shares.find((s) => s.organisationId === share.organisationId);
      if (!member) return { ok: false, message: "Reload the page and try again: a member was not recognised", field: "" };
      if (member.boroughAllocationPence !== null && share.pence > member.boroughAllocationPence) {
        return {
          ok: false,
          message: `${member.name}’s share in ${year.label} must not be more than its own allocation for the year`,
          field: `share-${year.financialYearId}-${member.organisationId}`,
        };
      }
      if (input.ownPence === null && share.pence > 0) {
        return {
          ok: false,
          message: `Enter ${partnership.name}’s own allocation for ${year.label} (£0 if MOPAC allocates it nothing of its own)`,
          field: `own-${year.financialYearId}`,
        };
      }
    }
  }
  await inTransaction(db, async (tx) => {
    const now = stamp();
    for (const input of years) {
      await tx
        .deleteFrom("partnership_shares")
        .where("partnership_id", "=", partnership.id)
        .where("financial_year_id", "=", input.financialYearId)
        .execute();
      if (input.ownPence === null) {
        await tx
          .deleteFrom("partnership_allocations")
          .where("partnership_id", "=", partnership.id)
          .where("financial_year_id", "=", input.financialYearId)
          .execute();
        continue;
      }
      await tx
        .insertInto("partnership_allocations")
        .values({
          partnership_id: partnership.id,
          financial_year_id: input.financialYearId,
          amount_pence: input.ownPence,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.columns(["partnership_id", "financial_year_id"]).doUpdateSet({ amount_pence: input.ownPence!, updated_at: now }))
        .execute();
      const shares = input.shares.filter((s) => s.pence > 0);
      if (shares.length) {
        await tx
          .insertInto("partnership_shares")
          .values(
            shares.map((s) => ({
              partnership_id: partnership.id,
              organisation_id: s.organisationId,
              financial_year_id: input.financialYearId,
              amount_pence: s.pence,
              created_at: now,
              updated_at: now,
            })),
          )
          .execute();
      }
    }
  });
  return { ok: true };
}

/** The parts of a year's joint allocation: the partnership's own, then each member's share. */
export function jointParts(partnershipName: string, year: PartnershipYear): JointEnvelopePart[] | null {
  if (year.ownPence === null) return null;
  return [
    { kind: "partnership", organisationId: null, name: partnershipName, amountPence: year.ownPence },
    ...year.shares.map((s) => ({ kind: "member" as const, organisationId: s.organisationId, name: s.name, amountPence: s.sharePence })),
  ];
}

/**
 * A joint proposal's years: the partnership's own allocation plus the shares moved into it, kept in
 * their parts so the split is applied to each before summing (app/domain/joint-envelope.ts).
 */
export async function jointProposalYears(db: DB, partnershipId: number, periodId: number): Promise<ProposalYearRow[]> {
  const partnership = await findPartnership(db, partnershipId);
  if (!partnership) throw new Error(`No partnership ${partnershipId}`);
  const years = await partnershipYears(db, partnership, periodId);
  return years.map((year) => {
    const parts = jointParts(partnership.name, year);
    return {
      financialYearId: year.financialYearId,
      label: year.label,
      position: year.position,
      periodId: year.periodId,
      allocationPence: parts === null ? null : parts.reduce((sum, p) => sum + p.amountPence, 0),
      hasDemoFigure: false,
      ...(parts === null ? {} : { allocationParts: parts.map((p) => p.amountPence) }),
      jointParts: parts,
    };
  });
}

export type JointPeriodRow = {
  periodId: number;
  periodName: string;
  roundName: string;
  /** The partnership's live joint proposal for the period. */
  proposalId: number | null;
  status: ProposalStatus | null;
  /** A member already holds a proposal of its own for the period: the joint one cannot start. */
  blockedBy: string[];
  readiness: PeriodReadiness;
};

export type BoroughPartnership = {
  id: number;
  name: string;
  memberNames: string[];
  /** Null: any member borough's CSP endorses. */
  endorsingOrganisationId: number | null;
  periods: JointPeriodRow[];
};

/** The partnerships a borough belongs to, each with its joint proposal (or why none can start) per period. */
export async function partnershipsOfBorough(db: DB, organisationId: number): Promise<BoroughPartnership[]> {
  const mine = (await listPartnerships(db)).filter((p) => p.members.some((m) => m.id === organisationId));
  if (mine.length === 0) return [];
  const memberIds = [...new Set(mine.flatMap((p) => p.members.map((m) => m.id)))];
  const [periods, held] = await Promise.all([
    db
      .selectFrom("funding_periods as fp")
      .innerJoin("funding_rounds as r", "r.id", "fp.funding_round_id")
      .select(["fp.id", "fp.name", "r.name as roundName"])
      .orderBy("r.id")
      .orderBy("fp.number")
      .execute(),
    db
      .selectFrom("proposal_boroughs as pb")
      .innerJoin("proposals as p", "p.id", "pb.proposal_id")
      .select(["pb.organisation_id", "pb.funding_period_id", "p.id", "p.status", "p.partnership_id"])
      .where("pb.active", "=", 1)
      .where("pb.organisation_id", "in", memberIds)
      .execute(),
  ]);
  const result: BoroughPartnership[] = [];
  for (const partnership of mine) {
    const years = await partnershipYears(db, partnership);
    const readinessYears = years.map((y) => ({ periodId: y.periodId, label: y.label, allocationPence: y.ownPence }));
    result.push({
      id: partnership.id,
      name: partnership.name,
      memberNames: partnership.members.map((m) => m.name),
      endorsingOrganisationId: partnership.endorsingOrganisationId,
      periods: periods.map((period) => {
        const joint = held.find((h) => h.funding_period_id === period.id && h.partnership_id === partnership.id);
        const blockedBy = partnership.members
          .filter((m) => held.some((h) => h.organisation_id === m.id && h.funding_period_id === period.id && h.partnership_id !== partnership.id))
          .map((m) => m.name);
        const readiness = periodReadiness(period.id, readinessYears);
        return {
          periodId: period.id,
          periodName: period.name,
          roundName: period.roundName,
          proposalId: joint?.id ?? null,
          status: joint?.status ?? null,
          blockedBy,
          readiness: readiness.ready
            ? readiness
            : {
                ...readiness,
                reason: `MOPAC has not set ${partnership.name}’s allocation for ${readiness.missingYears.join(", ") || "this period"} yet, so a joint proposal for this period could not be sent.`,
              },
        };
      }),
    });
  }
  return result;
}

/**
 * Starts a partnership's joint proposal for a period, for an officer of one of its members. Every member
 * borough gets the proposal as its one live proposal for the period, so none may already hold one.
 */
export async function startJointProposal(
  db: DB,
  who: { partnershipId: number; periodId: number; organisationId: number; userId: number },
): Promise<StartResult> {
  const partnership = await findPartnership(db, who.partnershipId);
  // Not a member: answered as if the partnership did not exist.
  if (!partnership || !partnership.members.some((m) => m.id === who.organisationId)) {
    return { ok: false, message: "Choose a partnership your borough belongs to" };
  }
  const years = await partnershipYears(db, partnership, who.periodId);
  if (years.length === 0) return { ok: false, message: "Choose a funding period" };
  const missing = years.filter((y) => y.ownPence === null).map((y) => y.label);
  if (missing.length > 0) {
    return { ok: false, message: `MOPAC has not set ${partnership.name}’s allocation for ${missing.join(", ")} yet` };
  }
  return inTransaction(db, async (tx) => {
    const held = await tx
      .selectFrom("proposal_boroughs as pb")
      .innerJoin("organisations as o", "o.id", "pb.organisation_id")
      .select(["o.name"])
      .where("pb.organisation_id", "in", partnership.members.map((m) => m.id))
      .where("pb.funding_period_id", "=", who.periodId)
      .where("pb.active", "=", 1)
      .orderBy("o.name")
      .execute();
    if (held.length > 0) {
      return {
        ok: false,
        message: `${held.map((h) => h.name).join(", ")} already ${held.length === 1 ? "has" : "have"} a proposal for ${years[0]!.periodName}: a member borough with a joint proposal holds no proposal of its own`,
      };
    }
    const now = stamp();
    const { id } = await tx
      .insertInto("proposals")
      .values({
        funding_period_id: who.periodId,
        lead_organisation_id: who.organisationId,
        partnership_id: partnership.id,
        status: "draft",
        version: 1,
        created_by: who.userId,
        updated_by: who.userId,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await tx
      .insertInto("proposal_boroughs")
      .values(
        partnership.members.map((m) => ({
          proposal_id: id,
          organisation_id: m.id,
          funding_period_id: who.periodId,
          active: 1,
          created_at: now,
        })),
      )
      .execute();
    return { ok: true, proposalId: id };
  });
}

/** Every round's split rule by round id, in one query. */
export async function splitRulesByRound(db: DB): Promise<Map<number, SplitRule>> {
  const rounds = await db.selectFrom("funding_rounds").select(["id", "co_commissioned_percent", "split_from_year_position"]).execute();
  return new Map(
    rounds.map((r) => [r.id, { coCommissionedPercent: r.co_commissioned_percent, splitFromYearPosition: r.split_from_year_position }]),
  );
}

/** The per-borough breakdown of each year, with each year split by its own round's rule. */
export function partnershipEnvelope(
  partnershipName: string,
  years: readonly PartnershipYear[],
  rules: ReadonlyMap<number, SplitRule>,
): (JointEnvelopeYear & { roundId: number; periodId: number; periodName: string; roundName: string })[] {
  return years.map((year) => {
    const rule = rules.get(year.roundId);
    if (!rule) throw new Error(`No split rule for round ${year.roundId}`);
    const [envelope] = jointEnvelope(
      [{ financialYearId: year.financialYearId, label: year.label, position: year.position, parts: jointParts(partnershipName, year) }],
      rule,
    );
    return { ...envelope!, roundId: year.roundId, periodId: year.periodId, periodName: year.periodName, roundName: year.roundName };
  });
}
