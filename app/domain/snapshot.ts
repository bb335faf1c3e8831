import type { Snapshot, SnapshotProject } from "./changes";
import { formatDate } from "./dates";
import { formatPounds } from "./money";
import {
  ANSWER_FIELDS,
  DELIVERY_TYPES,
  fieldLabel,
  PROJECT_CATEGORIES,
  PROJECT_FIELDS,
  yearFieldLabel,
  type AnswerFieldId,
  type ProjectFieldId,
} from "./project-fields";

/** The parts of a project a snapshot records; the loaded project record has all of them. */
export type SnapshotSource = {
  id: number;
  title: string;
  primary_priority_id: number | null;
  secondary_priority_id: number | null;
  categories: readonly string[];
  description: string | null;
  aims: string | null;
  outcomes: string | null;
  works_with_other_authorities: number | null;
  other_authorities: string | null;
  la_in_kind: string | null;
  delivery_type: string | null;
  provider: string | null;
  service_total_cost_pence: number | null;
  co_commissioning_candidate: number;
  procurement_completed_on: string | null;
  start_on: string | null;
  completion_on: string | null;
  evaluation_completed_on: string | null;
  planning_permission_on: string | null;
  costs: readonly { financialYearId: number; lcpfPence: number; laCashPence: number }[];
  contributors: readonly {
    kind: string;
    name: string;
    inKind: string | null;
    amounts: readonly { financialYearId: number; amountPence: number }[];
  }[];
  measureIds: readonly number[];
};

export type SnapshotLists = {
  years: readonly { financialYearId: number; label: string }[];
  priorities: readonly { id: number; name: string }[];
  measures: readonly { id: number; name: string }[];
};

const orBlank = (value: string | null | undefined) => value ?? "";
const date = (value: string | null) => (value ? formatDate(value) : "");

/** A project as the reviewer reads it, field by field, so two submissions can be compared. */
export function snapshotProject(project: SnapshotSource, lists: SnapshotLists): SnapshotProject {
  const priority = (id: number | null) => lists.priorities.find((p) => p.id === id)?.name ?? "";
  const yearLabel = (id: number) => lists.years.find((y) => y.financialYearId === id)?.label ?? String(id);
  const contributors = (kind: string, withInKind: boolean) =>
    project.contributors
      .filter((c) => c.kind === kind)
      .map(
        (c) =>
          `${c.name} (${c.amounts.map((a) => `${yearLabel(a.financialYearId)} ${formatPounds(a.amountPence)}`).join(", ")})${withInKind && c.inKind ? ` in kind: ${c.inKind}` : ""}`,
      )
      .join("; ");
  // The values are worded exactly as before fields were keyed by id, so old snapshots still compare equal.
  const byField: Record<ProjectFieldId, string | null> = {
    title: project.title,
    primaryPriority: priority(project.primary_priority_id),
    secondaryPriority: priority(project.secondary_priority_id),
    categories: project.categories.map((c) => PROJECT_CATEGORIES.find((pc) => pc.value === c)?.label ?? c).join(", "),
    description: orBlank(project.description),
    aims: orBlank(project.aims),
    outcomes: orBlank(project.outcomes),
    otherAuthorities:
      project.works_with_other_authorities === null
        ? ""
        : project.works_with_other_authorities
          ? `Yes: ${orBlank(project.other_authorities)}`
          : "No",
    laInKind: orBlank(project.la_in_kind),
    coCommissioning: project.co_commissioning_candidate === 1 ? "Yes" : "No",
    delivery: DELIVERY_TYPES.find((d) => d.value === project.delivery_type)?.label ?? "",
    provider: orBlank(project.provider),
    serviceTotalCost: project.service_total_cost_pence === null ? "" : formatPounds(project.service_total_cost_pence),
    procurementCompletedOn: date(project.procurement_completed_on),
    startOn: date(project.start_on),
    completionOn: date(project.completion_on),
    evaluationCompletedOn: date(project.evaluation_completed_on),
    planningPermissionOn: date(project.planning_permission_on),
    measures: lists.measures
      .filter((m) => project.measureIds.includes(m.id))
      .map((m) => m.name)
      .join("; "),
    partners: contributors("partner", true),
    vcs: contributors("vcs", false),
    // Per-year fields are recorded once per financial year below.
    lcpfSpend: null,
    laCash: null,
  };
  const fields: Record<string, string> = {};
  for (const field of PROJECT_FIELDS) {
    const value = byField[field.id];
    if (value !== null) fields[field.id] = value;
  }
  for (const year of lists.years) {
    const cost = project.costs.find((c) => c.financialYearId === year.financialYearId);
    fields[yearFieldKey("lcpfSpend", year.label)] = formatPounds(cost?.lcpfPence ?? 0);
    fields[yearFieldKey("laCash", year.label)] = formatPounds(cost?.laCashPence ?? 0);
  }
  return { id: project.id, title: project.title, fields };
}

export type SnapshotAnswers = {
  transition_plan: string | null;
  data_processing_summary: string | null;
  privacy_notice_url: string | null;
  data_protection_policy_url: string | null;
};

export function snapshotProposal(
  projects: readonly SnapshotSource[],
  answers: SnapshotAnswers,
  lists: SnapshotLists,
): Snapshot {
  return {
    projects: projects.map((p) => snapshotProject(p, lists)),
    answers: {
      transitionPlan: orBlank(answers.transition_plan),
      dataProcessingSummary: orBlank(answers.data_processing_summary),
      privacyNoticeUrl: orBlank(answers.privacy_notice_url),
      dataProtectionPolicyUrl: orBlank(answers.data_protection_policy_url),
    } satisfies Record<AnswerFieldId, string>,
  };
}

/*
 * Snapshot keys. A project's fields are keyed by their catalogue id ("aims"); a per-year field by
 * its id and the financial year ("lcpfSpend:2017/18"); compliance answers by their answer id.
 */

const YEAR_SEPARATOR = ":";

export function yearFieldKey(id: ProjectFieldId, yearLabel: string): string {
  return `${id}${YEAR_SEPARATOR}${yearLabel}`;
}

const ANSWER_LABELS: ReadonlyMap<string, string> = new Map(ANSWER_FIELDS.map((a) => [a.id, a.label]));
const PROJECT_FIELD_IDS: ReadonlySet<string> = new Set(PROJECT_FIELDS.map((f) => f.id));

/** What a person reads for a snapshot key; a key we do not know is shown as it is rather than lost. */
export function snapshotKeyLabel(key: string): string {
  if (PROJECT_FIELD_IDS.has(key)) return fieldLabel(key as ProjectFieldId);
  const answer = ANSWER_LABELS.get(key);
  if (answer) return answer;
  const separator = key.indexOf(YEAR_SEPARATOR);
  if (separator > 0) {
    const id = key.slice(0, separator);
    if (PROJECT_FIELD_IDS.has(id)) return yearFieldLabel(id as ProjectFieldId, key.slice(separator + 1));
  }
  return key;
}

/**
 * Snapshots stored before fields had ids were keyed by the display label of the day. These are
 * those labels, frozen as they were written then: they must not follow the catalogue's wording.
 */
const LEGACY_PROJECT_LABELS: Readonly<Record<string, ProjectFieldId>> = {
  Title: "title",
  "Primary priority": "primaryPriority",
  "Secondary priority": "secondaryPriority",
  Categories: "categories",
  Description: "description",
  "Overarching aims": "aims",
  "SMART performance outcomes": "outcomes",
  "Other local authorities": "otherAuthorities",
  "Council in-kind contributions": "laInKind",
  "Co-commissioning candidate": "coCommissioning",
  Delivery: "delivery",
  Provider: "provider",
  "Total cost of the whole service": "serviceTotalCost",
  "Procurement completed": "procurementCompletedOn",
  "Project starts": "startOn",
  "Project completed": "completionOn",
  "Evaluation completed": "evaluationCompletedOn",
  "Planning permission granted": "planningPermissionOn",
  "Measures of success": "measures",
  Partners: "partners",
  "Voluntary and community organisations": "vcs",
};

const LEGACY_YEAR_LABELS: readonly (readonly [RegExp, ProjectFieldId])[] = [
  [/^LCPF spend in (.+)$/, "lcpfSpend"],
  [/^Council cash contribution in (.+)$/, "laCash"],
];

const LEGACY_ANSWER_LABELS: Readonly<Record<string, AnswerFieldId>> = {
  "Moving from current funding": "transitionPlan",
  "How personal data is processed": "dataProcessingSummary",
  "Privacy notice": "privacyNoticeUrl",
  "Data protection policy": "dataProtectionPolicyUrl",
};

function projectKey(key: string): string {
  if (Object.hasOwn(LEGACY_PROJECT_LABELS, key)) return LEGACY_PROJECT_LABELS[key]!;
  for (const [pattern, id] of LEGACY_YEAR_LABELS) {
    const match = pattern.exec(key);
    if (match) return yearFieldKey(id, match[1]!);
  }
  return key;
}

function answerKey(key: string): string {
  return Object.hasOwn(LEGACY_ANSWER_LABELS, key) ? LEGACY_ANSWER_LABELS[key]! : key;
}

function rekey(fields: Record<string, string>, toKey: (key: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [toKey(key), value]));
}

/** A stored snapshot of either age, keyed by field id; new snapshots come back unchanged. */
export function readSnapshot(stored: Snapshot): Snapshot {
  return {
    projects: stored.projects.map((p) => ({ ...p, fields: rekey(p.fields, projectKey) })),
    answers: rekey(stored.answers, answerKey),
  };
}
