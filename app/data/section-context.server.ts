import type { DB } from "../../db/connection";
import type { SectionContext } from "~/forms/project-section";
import { referenceLists, type ProposalRecord } from "./proposals.server";

/** The years of the proposal's period and the reference lists the project forms offer. */
export async function sectionContext(db: DB, proposal: ProposalRecord): Promise<SectionContext> {
  const [years, lists] = await Promise.all([
    db
      .selectFrom("financial_years")
      .select(["id", "label"])
      .where("funding_period_id", "=", proposal.funding_period_id)
      .orderBy("position")
      .execute(),
    referenceLists(db),
  ]);
  return {
    years: years.map((y) => ({ financialYearId: y.id, label: y.label })),
    priorities: lists.priorities.map((p) => ({ id: p.id, name: p.name })),
    measures: lists.measures,
  };
}
