import { describe, expect, it } from "vitest";
import { compareSnapshots, hasChanges, type Snapshot } from "~/domain/changes";
import { PROJECT_FIELDS, fieldLabel, fieldQuestion } from "~/domain/project-fields";
import { PROJECT_SECTIONS } from "~/domain/project-sections";
import {
  readSnapshot,
  snapshotKeyLabel,
  snapshotProposal,
  type SnapshotLists,
  type SnapshotSource,
} from "~/domain/snapshot";

const lists: SnapshotLists = {
  years: [
    { financialYearId: 1, label: "2017/18" },
    { financialYearId: 2, label: "2018/19" },
  ],
  priorities: [
    { id: 1, name: "Neighbourhood policing" },
    { id: 2, name: "Keeping children and young people safe" },
  ],
  measures: [
    { id: 10, name: "Reduce repeat victimisation" },
    { id: 11, name: "Increase reporting" },
  ],
};

function project(overrides: Partial<SnapshotSource> = {}): SnapshotSource {
  return {
    id: 7,
    title: "VAWG Counselling",
    primary_priority_id: 2,
    secondary_priority_id: null,
    categories: ["victim-care", "domestic-abuse"],
    description: "Counselling for survivors",
    aims: "Fewer repeat victims",
    outcomes: "80 clients a year",
    works_with_other_authorities: 1,
    other_authorities: "Havering",
    la_in_kind: null,
    delivery_type: "commissioned",
    provider: "Local charity",
    service_total_cost_pence: null,
    co_commissioning_candidate: 1,
    procurement_completed_on: "2017-04-01",
    start_on: "2017-05-01",
    completion_on: "2019-03-31",
    evaluation_completed_on: "2019-06-30",
    planning_permission_on: null,
    costs: [
      { financialYearId: 1, lcpfPence: 1_300_000, laCashPence: 0 },
      { financialYearId: 2, lcpfPence: 1_500_000, laCashPence: 250_000 },
    ],
    contributors: [
      {
        kind: "partner",
        name: "NHS trust",
        inKind: "Room hire",
        amounts: [{ financialYearId: 1, amountPence: 500_000 }],
      },
      {
        kind: "vcs",
        name: "Women's aid",
        inKind: null,
        amounts: [{ financialYearId: 2, amountPence: 100_000 }],
      },
    ],
    measureIds: [11],
    ...overrides,
  };
}

const answers = {
  transition_plan: "Phase out grants",
  data_processing_summary: null,
  privacy_notice_url: "https://example.org/privacy",
  data_protection_policy_url: null,
};

/**
 * What the portal stored for the project above before fields had ids: written out by hand, keyed
 * by the display labels of that time, as rows in proposal_snapshots still hold them.
 */
const STORED_BEFORE_IDS: Snapshot = {
  projects: [
    {
      id: 7,
      title: "VAWG Counselling",
      fields: {
        Title: "VAWG Counselling",
        "Primary priority": "Keeping children and young people safe",
        "Secondary priority": "",
        Categories: "Victim care, Domestic abuse",
        Description: "Counselling for survivors",
        "Overarching aims": "Fewer repeat victims",
        "SMART performance outcomes": "80 clients a year",
        "Other local authorities": "Yes: Havering",
        "Council in-kind contributions": "",
        "Co-commissioning candidate": "Yes",
        Delivery: "A commissioned third party",
        Provider: "Local charity",
        "Total cost of the whole service": "",
        "Procurement completed": "1 April 2017",
        "Project starts": "1 May 2017",
        "Project completed": "31 March 2019",
        "Evaluation completed": "30 June 2019",
        "Planning permission granted": "",
        "Measures of success": "Increase reporting",
        Partners: "NHS trust (2017/18 £5,000.00) in kind: Room hire",
        "Voluntary and community organisations": "Women's aid (2018/19 £1,000.00)",
        "LCPF spend in 2017/18": "£13,000.00",
        "Council cash contribution in 2017/18": "£0.00",
        "LCPF spend in 2018/19": "£15,000.00",
        "Council cash contribution in 2018/19": "£2,500.00",
      },
    },
  ],
  answers: {
    "Moving from current funding": "Phase out grants",
    "How personal data is processed": "",
    "Privacy notice": "https://example.org/privacy",
    "Data protection policy": "",
  },
};

describe("the catalogue of project fields", () => {
  it("gives every field a unique id and one of the project's sections", () => {
    const ids = PROJECT_FIELDS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sections = new Set<string>(PROJECT_SECTIONS.map((s) => s.id));
    expect(PROJECT_FIELDS.filter((f) => !sections.has(f.section))).toEqual([]);
  });

  it("asks the question where the form words it differently, and the label otherwise", () => {
    expect(fieldLabel("title")).toBe("Title");
    expect(fieldQuestion("title")).toBe("Project title");
    expect(fieldQuestion("aims")).toBe("Overarching aims");
  });
});

describe("snapshots keyed by field id", () => {
  it("records each field under its id and each year's spend under the id and the year", () => {
    const snapshot = snapshotProposal([project()], answers, lists);
    const fields = snapshot.projects[0]!.fields;
    expect(fields.aims).toBe("Fewer repeat victims");
    expect(fields["lcpfSpend:2018/19"]).toBe("£15,000.00");
    expect(fields["laCash:2018/19"]).toBe("£2,500.00");
    expect(Object.keys(fields)).not.toContain("Overarching aims");
    expect(snapshot.answers).toMatchObject({
      transitionPlan: "Phase out grants",
      privacyNoticeUrl: "https://example.org/privacy",
    });
  });

  it("reads the key back as today's label", () => {
    expect(snapshotKeyLabel("aims")).toBe(fieldLabel("aims"));
    expect(snapshotKeyLabel("lcpfSpend:2017/18")).toBe("LCPF spend in 2017/18");
    expect(snapshotKeyLabel("transitionPlan")).toBe("Moving from current funding");
    expect(snapshotKeyLabel("Something we never knew")).toBe("Something we never knew");
  });

  it("converts a snapshot stored under the old labels to ids, value for value", () => {
    const converted = readSnapshot(STORED_BEFORE_IDS);
    expect(converted).toEqual(snapshotProposal([project()], answers, lists));
  });

  it("finds no change between an old label-keyed snapshot and a new one of the same project", () => {
    const now = snapshotProposal([project()], answers, lists);
    expect(hasChanges(compareSnapshots(STORED_BEFORE_IDS, now))).toBe(false);
  });

  it("reports a real change against an old snapshot by id, with today's label", () => {
    const now = snapshotProposal(
      [
        project({
          aims: "No repeat victims",
          costs: [
            { financialYearId: 1, lcpfPence: 1_400_000, laCashPence: 0 },
            { financialYearId: 2, lcpfPence: 1_500_000, laCashPence: 250_000 },
          ],
        }),
      ],
      {
        ...answers,
        data_processing_summary: "Shared with the provider under contract",
      },
      lists,
    );
    const changes = compareSnapshots(STORED_BEFORE_IDS, now);
    expect(changes.changed).toEqual([
      {
        id: 7,
        title: "VAWG Counselling",
        changes: [
          {
            field: "aims",
            label: "Overarching aims",
            before: "Fewer repeat victims",
            after: "No repeat victims",
          },
          {
            field: "lcpfSpend:2017/18",
            label: "LCPF spend in 2017/18",
            before: "£13,000.00",
            after: "£14,000.00",
          },
        ],
      },
    ]);
    expect(changes.answers).toEqual([
      {
        field: "dataProcessingSummary",
        label: "How personal data is processed",
        before: "",
        after: "Shared with the provider under contract",
      },
    ]);
  });
});
