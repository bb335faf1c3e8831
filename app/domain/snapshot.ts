import type { Snapshot, SnapshotProject } from "./changes";
import { formatDate } from "./dates";
import { formatPounds } from "./money";
import { DELIVERY_TYPES, PROJECT_CATEGORIES } from "./project-fields";

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
  contributors: readonly { kind: string; name: string; inKind: string | null; amounts: readonly { financialYearId: number; amountPence: number }[] }[];
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
  const fields: Record<string, string> = {
    Title: project.title,
    "Primary priority": priority(project.primary_priority_id),
    "Secondary priority": priority(project.secondary_priority_id),
    Categories: project.categories.map((c) => PROJECT_CATEGORIES.find((pc) => pc.value === c)?.label ?? c).join(", "),
    Description: orBlank(project.description),
    "Overarching aims": orBlank(project.aims),
    "SMART performance outcomes": orBlank(project.outcomes),
    "Other local authorities":
      project.works_with_other_authorities === null ? "" : project.works_with_other_authorities ? `Yes: ${orBlank(project.other_authorities)}` : "No",
    "Council in-kind contributions": orBlank(project.la_in_kind),
    "Co-commissioning candidate": project.co_commissioning_candidate === 1 ? "Yes" : "No",
    Delivery: DELIVERY_TYPES.find((d) => d.value === project.delivery_type)?.label ?? "",
    Provider: orBlank(project.provider),
    "Total cost of the whole service": project.service_total_cost_pence === null ? "" : formatPounds(project.service_total_cost_pence),
    "Procurement completed": date(project.procurement_completed_on),
    "Project starts": date(project.start_on),
    "Project completed": date(project.completion_on),
    "Evaluation completed": date(project.evaluation_completed_on),
    "Planning permission granted": date(project.planning_permission_on),
    "Measures of success": lists.measures
      .filter((m) => project.measureIds.includes(m.id))
      .map((m) => m.name)
      .join("; "),
    Partners: project.contributors
      .filter((c) => c.kind === "partner")
      .map((c) => `${c.name} (${c.amounts.map((a) => `${yearLabel(a.financialYearId)} ${formatPounds(a.amountPence)}`).join(", ")})${c.inKind ? ` in kind: ${c.inKind}` : ""}`)
      .join("; "),
    "Voluntary and community organisations": project.contributors
      .filter((c) => c.kind === "vcs")
      .map((c) => `${c.name} (${c.amounts.map((a) => `${yearLabel(a.financialYearId)} ${formatPounds(a.amountPence)}`).join(", ")})`)
      .join("; "),
  };
  for (const year of lists.years) {
    const cost = project.costs.find((c) => c.financialYearId === year.financialYearId);
    fields[`LCPF spend in ${year.label}`] = formatPounds(cost?.lcpfPence ?? 0);
    fields[`Council cash contribution in ${year.label}`] = formatPounds(cost?.laCashPence ?? 0);
  }
  return { id: project.id, title: project.title, fields };
}

export type SnapshotAnswers = {
  transition_plan: string | null;
  data_processing_summary: string | null;
  privacy_notice_url: string | null;
  data_protection_policy_url: string | null;
};

export function snapshotProposal(projects: readonly SnapshotSource[], answers: SnapshotAnswers, lists: SnapshotLists): Snapshot {
  return {
    projects: projects.map((p) => snapshotProject(p, lists)),
    answers: {
      "Moving from current funding": orBlank(answers.transition_plan),
      "How personal data is processed": orBlank(answers.data_processing_summary),
      "Privacy notice": orBlank(answers.privacy_notice_url),
      "Data protection policy": orBlank(answers.data_protection_policy_url),
    },
  };
}
