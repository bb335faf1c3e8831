import { MAX_CATEGORIES, MILESTONES, MIN_CATEGORIES } from "./project-fields";

/** The short pages a project is written in, in the order an officer works through them. */
export const PROJECT_SECTIONS = [
  { id: "details", title: "Title, priorities and categories", required: true },
  { id: "description", title: "Description, aims and outcomes", required: true },
  { id: "funding", title: "LCPF spend and match funding", required: true },
  { id: "partners", title: "Partners and voluntary organisations", required: false },
  { id: "delivery", title: "How it is delivered", required: true },
  { id: "milestones", title: "Milestones", required: true },
  { id: "measures", title: "Measures of success", required: true },
] as const;

export type ProjectSectionId = (typeof PROJECT_SECTIONS)[number]["id"];
export type SectionStatus = "completed" | "incomplete" | "optional";

/** What the section statuses need to know of a project. */
export type ProjectForStatus = {
  title: string;
  primary_priority_id: number | null;
  categories: readonly string[];
  description: string | null;
  aims: string | null;
  outcomes: string | null;
  works_with_other_authorities: number | null;
  costs: readonly { lcpfPence: number }[];
  delivery_type: string | null;
  provider: string | null;
  service_total_cost_pence: number | null;
  contributors: readonly unknown[];
  measureIds: readonly number[];
} & Record<"procurement_completed_on" | "start_on" | "completion_on" | "evaluation_completed_on", string | null>;

const filled = (text: string | null) => !!text && text.trim() !== "";

const MILESTONE_COLUMNS = {
  procurementCompletedOn: "procurement_completed_on",
  startOn: "start_on",
  completionOn: "completion_on",
  evaluationCompletedOn: "evaluation_completed_on",
} as const;

export function sectionStatuses(project: ProjectForStatus): Record<ProjectSectionId, SectionStatus> {
  const done = (ok: boolean): SectionStatus => (ok ? "completed" : "incomplete");
  return {
    details: done(
      filled(project.title) &&
        project.primary_priority_id !== null &&
        project.categories.length >= MIN_CATEGORIES &&
        project.categories.length <= MAX_CATEGORIES,
    ),
    description: done(
      filled(project.description) &&
        filled(project.aims) &&
        filled(project.outcomes) &&
        project.works_with_other_authorities !== null,
    ),
    funding: done(project.costs.some((c) => c.lcpfPence > 0)),
    partners: project.contributors.length > 0 ? "completed" : "optional",
    delivery: done(
      project.delivery_type !== null &&
        filled(project.provider) &&
        (project.delivery_type !== "contribution" || project.service_total_cost_pence !== null),
    ),
    milestones: done(
      MILESTONES.filter((m) => m.required).every(
        (m) => project[MILESTONE_COLUMNS[m.field as keyof typeof MILESTONE_COLUMNS]] !== null,
      ),
    ),
    measures: done(project.measureIds.length > 0),
  };
}

export function isProjectSection(value: string | undefined): value is ProjectSectionId {
  return PROJECT_SECTIONS.some((s) => s.id === value);
}
