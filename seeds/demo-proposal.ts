import { type DB, inTransaction } from "../db/connection";
import type { DeliveryType } from "../db/schema";
import type { ProjectCategory } from "~/domain/project-fields";

// Barking and Dagenham's period 1 proposal, built from the borough's CSP report of 7 February 2017
// (shared/reference/004_..., sections 3 and 4). Titles, priorities, delivery types, providers, the
// £236,905 service total and the candidates' amounts come from the report; every amount the report
// does not give is marked `demoFigure: true` and said to be invented in the project's description,
// because the portal must never present an invented figure as real.

export const DEMO_PROPOSAL_BOROUGH_GSS = "E09000002";
export const DEMO_PROPOSAL_ROUND = "London Crime Prevention Fund 2017-21";
export const DEMO_PROPOSAL_PERIOD_NUMBER = 1;
export const DEMO_PROPOSAL_OFFICER_EMAIL = "officer@barking-dagenham.test";

export type DemoYear = "2017/18" | "2018/19";
export const DEMO_YEARS: readonly DemoYear[] = ["2017/18", "2018/19"];

/** One LCPF amount; `source` says where a real one comes from. */
export type DemoAmount = { pence: number; demoFigure: false; source: string } | { pence: number; demoFigure: true };

type PriorityCode =
  "neighbourhood-policing" | "children-young-people" | "vawg" | "hate-crime-extremism" | "wider-criminal-justice";

export type DemoProject = {
  /** The paragraph of the CSP report the project comes from. */
  reportParagraph: string;
  /** Section 3's name, followed by the candidates table's shorter name where it has one. */
  title: string;
  /** The name in section 4's table of co-commissioning candidates, where it shortens section 3's. */
  shortName?: string;
  priorityCode: PriorityCode;
  description: string;
  categories: readonly ProjectCategory[];
  deliveryType: DeliveryType | null;
  provider: string | null;
  serviceTotalCostPence: number | null;
  coCommissioningCandidate: boolean;
  measureCodes: readonly string[];
  lcpf: Record<DemoYear, DemoAmount>;
};

const CANDIDATES_TABLE = "CSP report section 4, programmes that lend themselves to co-commissioning (2017/18)";

/** A figure printed in the report's table of co-commissioning candidates. */
const fromCandidatesTable = (pounds: number): DemoAmount => ({
  pence: pounds * 100,
  demoFigure: false,
  source: CANDIDATES_TABLE,
});

/** Invented for the demonstration: the report gives no per-project figure for this project and year. */
const demo = (pounds: number): DemoAmount => ({ pence: pounds * 100, demoFigure: true });

/**
 * The seventeen projects of section 3 (3.2 to 3.18), in the report's order. The eight candidates
 * keep their 2017/18 amounts from the report; their 2018/19 amounts repeat them as demo figures so
 * that the candidates (£329,000) stand against the 2018/19 pot (£193,200) as the report describes.
 * The other nine share £315,000 in 2017/18 (so the year plans the whole £644,000) and £101,000 in
 * 2018/19 (so that year plans £430,000 of its £450,800 direct funding).
 */
export const DEMO_PROJECTS: readonly DemoProject[] = [
  {
    reportParagraph: "3.2",
    title: "Victim Support Project Worker",
    priorityCode: "neighbourhood-policing",
    description:
      "A full-time worker, commissioned through Victim Support, who supports victims and witnesses of hate crime, " +
      "serious violence and child sexual exploitation, and vulnerable people repeatedly targeted by anti-social behaviour.",
    categories: ["victim-care", "hate-crime", "child-sexual-exploitation"],
    deliveryType: "commissioned",
    provider: "Victim Support",
    serviceTotalCostPence: null,
    coCommissioningCandidate: true,
    measureCodes: ["hate-reporting", "hate-repeat-victims", "hate-satisfaction", "cyp-cse-reporting", "local-asb"],
    lcpf: { "2017/18": fromCandidatesTable(40_000), "2018/19": demo(40_000) },
  },
  {
    reportParagraph: "3.3",
    title: "Local Environment Fund",
    priorityCode: "neighbourhood-policing",
    description:
      "A small grants fund that residents and community groups bid into to improve their local environment. " +
      "Bids for capital items carry a contribution from residents, so that the community owns the improvement.",
    categories: ["asb-neighbourhood-crime", "crime-prevention"],
    deliveryType: null,
    provider: null,
    serviceTotalCostPence: null,
    coCommissioningCandidate: false,
    measureCodes: ["local-asb", "local-volume-crime"],
    lcpf: { "2017/18": demo(40_000), "2018/19": demo(10_000) },
  },
  {
    reportParagraph: "3.4",
    title: "High Level Mentoring Support",
    priorityCode: "children-young-people",
    description:
      "Intensive mentoring for young people judged at high risk of violence or gang involvement, and for those " +
      "returning to the community after a custodial sentence.",
    categories: ["youth-crime", "gang-crime"],
    deliveryType: null,
    provider: null,
    serviceTotalCostPence: null,
    coCommissioningCandidate: true,
    measureCodes: ["cyp-serious-youth-violence", "cyp-knife-crime"],
    lcpf: { "2017/18": fromCandidatesTable(40_000), "2018/19": demo(40_000) },
  },
  {
    reportParagraph: "3.5",
    title: "Out of Court Disposal",
    priorityCode: "children-young-people",
    description:
      "Support for out of court disposals, so that young people are worked with earlier and kept out of the " +
      "criminal justice system.",
    categories: ["youth-crime"],
    deliveryType: null,
    provider: null,
    serviceTotalCostPence: null,
    coCommissioningCandidate: false,
    measureCodes: ["cyp-first-time-entrants"],
    lcpf: { "2017/18": demo(30_000), "2018/19": demo(10_000) },
  },
  {
    reportParagraph: "3.6",
    title: "Diversionary Activity",
    priorityCode: "children-young-people",
    description:
      "Counselling, mentoring, workshops and performances for targeted groups of young people in schools and elsewhere. " +
      "Some are gender-specific and deal with sexual exploitation, or with offences involving knives and noxious " +
      "substances, a growing local concern.",
    categories: ["youth-crime", "child-sexual-exploitation", "crime-prevention"],
    deliveryType: null,
    provider: null,
    serviceTotalCostPence: null,
    coCommissioningCandidate: false,
    measureCodes: ["cyp-knife-crime", "cyp-cse-reporting", "cyp-young-victims"],
    lcpf: { "2017/18": demo(75_000), "2018/19": demo(20_000) },
  },
  {
    reportParagraph: "3.7",
    title: "Youth Risk Matrix",
    priorityCode: "children-young-people",
    description:
      "Building and keeping up to date a shared list of the young people most at risk, drawn from schools, the police, " +
      "the youth service and the Youth Offending Service.",
    categories: ["youth-crime", "gang-crime"],
    deliveryType: null,
    provider: null,
    serviceTotalCostPence: null,
    coCommissioningCandidate: false,
    measureCodes: ["cyp-serious-youth-violence", "cyp-young-victims"],
    lcpf: { "2017/18": demo(15_000), "2018/19": demo(5_000) },
  },
  {
    reportParagraph: "3.8",
    // The report prints "Fully Time Support Workers"; the paragraph describes full-time posts.
    title: "Full Time Support Workers",
    priorityCode: "children-young-people",
    description:
      "Early help for the young people the Youth Risk Matrix identifies: workers based in schools and partner agencies " +
      "give one-to-one mentoring and support young people's ward panels, so that young people meet the police and " +
      "the council and have a say in their area.",
    categories: ["youth-crime", "crime-prevention"],
    deliveryType: null,
    provider: null,
    serviceTotalCostPence: null,
    coCommissioningCandidate: false,
    measureCodes: ["cyp-first-time-entrants", "cyp-young-victims"],
    lcpf: { "2017/18": demo(80_000), "2018/19": demo(30_000) },
  },
  {
    reportParagraph: "3.9",
    title: "VAWG Counselling",
    priorityCode: "vawg",
    description:
      "Support and therapy for women with complex experiences of abuse, among them sexual exploitation, domestic and " +
      "sexual violence, rape, forced marriage, so-called honour based violence and female genital mutilation.",
    categories: ["domestic-abuse", "sexual-violence", "harmful-practices"],
    deliveryType: null,
    provider: null,
    serviceTotalCostPence: null,
    coCommissioningCandidate: true,
    measureCodes: ["vawg-domestic-abuse", "vawg-sexual-abuse", "vawg-harmful-practices"],
    lcpf: { "2017/18": fromCandidatesTable(13_000), "2018/19": demo(13_000) },
  },
  {
    reportParagraph: "3.10",
    title: "Domestic and Sexual Violence Young Person Community Outreach Worker (Domestic Violence Advocacy)",
    shortName: "Domestic Violence Advocacy",
    priorityCode: "vawg",
    description:
      "A young person's community outreach worker giving specialist advocacy to young women aged 16 to 18 who have " +
      "suffered, or are at risk of, domestic abuse and sexual violence. The LCPF pays part of a wider service.",
    categories: ["domestic-abuse", "sexual-violence", "victim-care"],
    deliveryType: "contribution",
    provider: null,
    serviceTotalCostPence: 236_905_00,
    coCommissioningCandidate: true,
    measureCodes: ["vawg-domestic-abuse", "vawg-sexual-abuse", "vawg-attrition", "cyp-young-victims"],
    lcpf: { "2017/18": fromCandidatesTable(40_000), "2018/19": demo(40_000) },
  },
  {
    reportParagraph: "3.11",
    title: "Engagement with Young Women",
    priorityCode: "vawg",
    description:
      "Theatre in schools: young women learn through drama and the arts about sexual exploitation, female genital " +
      "mutilation and forced marriage, then perform their own pieces to teach their peers.",
    categories: ["child-sexual-exploitation", "harmful-practices", "crime-prevention"],
    deliveryType: null,
    provider: null,
    serviceTotalCostPence: null,
    coCommissioningCandidate: false,
    measureCodes: ["cyp-cse-reporting", "vawg-harmful-practices"],
    lcpf: { "2017/18": demo(25_000), "2018/19": demo(8_000) },
  },
  {
    reportParagraph: "3.12",
    title: "Gender Based Harassment and Misogyny Awareness Raising Campaign",
    priorityCode: "vawg",
    description:
      "Awareness campaigns on gender based harassment and misogyny, aimed at local businesses such as betting shops, " +
      "hotels, gyms and taxi firms, with the Stop Hate UK reporting line promoted across the borough.",
    categories: ["stalking-harassment", "hate-crime"],
    deliveryType: null,
    provider: null,
    serviceTotalCostPence: null,
    coCommissioningCandidate: false,
    measureCodes: ["hate-reporting"],
    lcpf: { "2017/18": demo(10_000), "2018/19": demo(3_000) },
  },
  {
    reportParagraph: "3.13",
    title: "Stop Hate Crime UK (Stop Hate UK)",
    shortName: "Stop Hate UK",
    priorityCode: "hate-crime-extremism",
    description:
      "An independent helpline, open around the clock, where people can report hate incidents by phone, online chat, " +
      "email, text message or post.",
    categories: ["hate-crime", "victim-care"],
    deliveryType: "commissioned",
    provider: "Stop Hate UK",
    serviceTotalCostPence: null,
    coCommissioningCandidate: true,
    measureCodes: ["hate-reporting", "hate-repeat-victims"],
    lcpf: { "2017/18": fromCandidatesTable(6_000), "2018/19": demo(6_000) },
  },
  {
    reportParagraph: "3.14",
    title: "Hate and Hostility Referral Centres",
    priorityCode: "hate-crime-extremism",
    description:
      "Places around the borough, signed up to its hate crime pledge, where people can safely report what has " +
      "happened to them.",
    categories: ["hate-crime"],
    deliveryType: null,
    provider: null,
    serviceTotalCostPence: null,
    coCommissioningCandidate: false,
    measureCodes: ["hate-reporting"],
    lcpf: { "2017/18": demo(15_000), "2018/19": demo(5_000) },
  },
  {
    reportParagraph: "3.15",
    title: "Counter Narrative Fund",
    priorityCode: "hate-crime-extremism",
    description:
      "A local fund for the Community Coordinator (a post funded by the Office for Counter Extremism) to back people " +
      "and groups who challenge hate and extremism, gender based harassment included, and help them reach further.",
    categories: ["extremism", "hate-crime"],
    deliveryType: null,
    provider: null,
    serviceTotalCostPence: null,
    coCommissioningCandidate: false,
    measureCodes: ["hate-reporting"],
    lcpf: { "2017/18": demo(25_000), "2018/19": demo(10_000) },
  },
  {
    reportParagraph: "3.16",
    title: "Drug Intervention Programme (Drug Intervention Project)",
    shortName: "Drug Intervention Project",
    priorityCode: "wider-criminal-justice",
    description: "Part of the cost of the borough's Recovery Management and Prescribing service contract.",
    categories: ["substance-misuse", "integrated-offender-management"],
    deliveryType: "contribution",
    provider: null,
    serviceTotalCostPence: null,
    coCommissioningCandidate: true,
    measureCodes: ["local-volume-crime"],
    lcpf: { "2017/18": fromCandidatesTable(110_000), "2018/19": demo(110_000) },
  },
  {
    reportParagraph: "3.17",
    title:
      "Integrated Offender Management (IOM) Female Offenders Rehabilitation Initiative (IOM Female Offenders Initiative)",
    shortName: "IOM Female Offenders Initiative",
    priorityCode: "wider-criminal-justice",
    description:
      "Integrated offender management for adult women who offend: finding them, supporting them and opening routes " +
      "away from offending. The LCPF pays part of an integrated offender management service funded from several sources.",
    categories: ["female-offenders", "integrated-offender-management"],
    // Section 4.1: IOM services receive funding from several sources.
    deliveryType: "contribution",
    provider: null,
    serviceTotalCostPence: null,
    coCommissioningCandidate: true,
    measureCodes: ["local-volume-crime"],
    lcpf: { "2017/18": fromCandidatesTable(48_000), "2018/19": demo(48_000) },
  },
  {
    reportParagraph: "3.18",
    title: "IOM Coordinator",
    priorityCode: "wider-criminal-justice",
    description:
      "A post that brings together the police, probation, the council, drug and alcohol services and others around " +
      "people who reoffend, so that they get the support that stops them offending again. The LCPF pays part of an " +
      "integrated offender management service funded from several sources.",
    categories: ["integrated-offender-management"],
    // Section 4.1: IOM services receive funding from several sources.
    deliveryType: "contribution",
    provider: null,
    serviceTotalCostPence: null,
    coCommissioningCandidate: true,
    measureCodes: ["local-volume-crime"],
    lcpf: { "2017/18": fromCandidatesTable(32_000), "2018/19": demo(32_000) },
  },
];

/**
 * Creates Barking and Dagenham's draft proposal for period 1 with its projects, in one transaction.
 * Does nothing when the borough already has a proposal for the period (live or withdrawn), so it is
 * safe to run on every demo seed. Needs the reference data and the demo accounts first.
 */
export async function seedDemoProposal(db: DB): Promise<void> {
  await inTransaction(db, async (tx) => {
    const borough = await tx
      .selectFrom("organisations")
      .select("id")
      .where("gss_code", "=", DEMO_PROPOSAL_BOROUGH_GSS)
      .executeTakeFirstOrThrow();
    const period = await tx
      .selectFrom("funding_periods as fp")
      .innerJoin("funding_rounds as r", "r.id", "fp.funding_round_id")
      .select(["fp.id", "fp.funding_round_id"])
      .where("r.name", "=", DEMO_PROPOSAL_ROUND)
      .where("fp.number", "=", DEMO_PROPOSAL_PERIOD_NUMBER)
      .executeTakeFirstOrThrow();

    const existing = await tx
      .selectFrom("proposal_boroughs")
      .select("proposal_id")
      .where("organisation_id", "=", borough.id)
      .where("funding_period_id", "=", period.id)
      .executeTakeFirst();
    if (existing) return;

    const officer = await tx
      .selectFrom("users")
      .select("id")
      .where("email", "=", DEMO_PROPOSAL_OFFICER_EMAIL)
      .executeTakeFirstOrThrow();
    const yearIds = new Map<string, number>();
    for (const year of await tx
      .selectFrom("financial_years")
      .select(["id", "label"])
      .where("funding_period_id", "=", period.id)
      .execute()) {
      yearIds.set(year.label, year.id);
    }
    const priorityIds = new Map<string, number>();
    for (const priority of await tx.selectFrom("priorities").select(["id", "code"]).execute())
      priorityIds.set(priority.code, priority.id);
    const measureIds = new Map<string, number>();
    for (const measure of await tx.selectFrom("measures").select(["id", "code"]).execute())
      measureIds.set(measure.code, measure.id);
    // A typo in the data above should stop the seed, not leave a project quietly without its priority or measures.
    const lookUp = (ids: Map<string, number>, key: string, what: string): number => {
      const id = ids.get(key);
      if (id === undefined) throw new Error(`Demo proposal: no ${what} "${key}" in the reference data`);
      return id;
    };

    const stamp = new Date().toISOString();
    const { id: proposalId } = await tx
      .insertInto("proposals")
      .values({
        funding_period_id: period.id,
        lead_organisation_id: borough.id,
        status: "draft",
        version: 1,
        created_by: officer.id,
        updated_by: officer.id,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await tx
      .insertInto("proposal_boroughs")
      .values({
        proposal_id: proposalId,
        organisation_id: borough.id,
        funding_period_id: period.id,
        active: 1,
        created_at: stamp,
      })
      .execute();

    for (const [index, project] of DEMO_PROJECTS.entries()) {
      const { id: projectId } = await tx
        .insertInto("projects")
        .values({
          proposal_id: proposalId,
          title: project.title,
          primary_priority_id: lookUp(priorityIds, project.priorityCode, "priority"),
          secondary_priority_id: null,
          description: project.description,
          aims: null,
          outcomes: null,
          works_with_other_authorities: null,
          other_authorities: null,
          la_in_kind: null,
          delivery_type: project.deliveryType,
          provider: project.provider,
          service_total_cost_pence: project.serviceTotalCostPence,
          co_commissioning_candidate: project.coCommissioningCandidate ? 1 : 0,
          procurement_completed_on: null,
          start_on: null,
          completion_on: null,
          evaluation_completed_on: null,
          planning_permission_on: null,
          position: index + 1,
          created_at: stamp,
          updated_at: stamp,
        })
        .returning("id")
        .executeTakeFirstOrThrow();

      for (const year of DEMO_YEARS) {
        await tx
          .insertInto("project_costs")
          .values({
            project_id: projectId,
            financial_year_id: lookUp(yearIds, year, "financial year in period 1 labelled"),
            lcpf_pence: project.lcpf[year].pence,
            la_cash_pence: 0,
            is_demo_figure: project.lcpf[year].demoFigure ? 1 : 0,
            created_at: stamp,
            updated_at: stamp,
          })
          .execute();
      }
      for (const category of project.categories) {
        await tx
          .insertInto("project_categories")
          .values({ project_id: projectId, category, created_at: stamp })
          .execute();
      }
      for (const code of project.measureCodes) {
        await tx
          .insertInto("project_measures")
          .values({ project_id: projectId, measure_id: lookUp(measureIds, code, "measure"), created_at: stamp })
          .execute();
      }
    }
  });
}
