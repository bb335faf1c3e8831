// What a project records, from the GLA's LCPF project template and the CSP report (DOMAIN.md, "A proposal").
import type { ProjectSectionId } from "./project-sections";

/** The project categories of the GLA's LCPF form; a project has one to three. */
export const PROJECT_CATEGORIES = [
  { value: "business-crime", label: "Business crime" },
  { value: "crime-prevention", label: "Crime prevention" },
  { value: "substance-misuse", label: "Substance misuse" },
  { value: "mental-health", label: "Mental health" },
  { value: "stalking-harassment", label: "Stalking and harassment" },
  { value: "hate-crime", label: "Hate crime" },
  { value: "prostitution", label: "Prostitution" },
  { value: "youth-crime", label: "Youth crime" },
  { value: "extremism", label: "Extremism" },
  { value: "harmful-practices", label: "Harmful practices" },
  { value: "sexual-violence", label: "Sexual violence" },
  { value: "asb-neighbourhood-crime", label: "ASB and neighbourhood crime" },
  { value: "gang-crime", label: "Gang crime" },
  { value: "integrated-offender-management", label: "Integrated offender management" },
  { value: "victim-care", label: "Victim care" },
  { value: "female-offenders", label: "Female offenders" },
  { value: "child-sexual-exploitation", label: "Child sexual exploitation" },
  { value: "domestic-abuse", label: "Domestic abuse" },
] as const;

export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number]["value"];
export const MIN_CATEGORIES = 1;
export const MAX_CATEGORIES = 3;

export const DELIVERY_TYPES = [
  {
    value: "in_house",
    label: "An in-house post",
    hint: "Someone employed by the council or a partner to do this work",
  },
  { value: "commissioned", label: "A commissioned third party", hint: "An organisation paid to deliver the service" },
  {
    value: "contribution",
    label: "A contribution to a service funded from several sources",
    hint: "Give the total cost of the whole service as well",
  },
] as const;

export type DeliveryTypeValue = (typeof DELIVERY_TYPES)[number]["value"];

/** Character limits of the GLA's form, shown to the officer as they type. */
export const LIMITS = {
  title: 150,
  description: 3000,
  aims: 400,
  outcomes: 800,
  otherAuthorities: 300,
  inKind: 300,
  provider: 200,
  contributorName: 200,
  transitionPlan: 800,
  dataProcessingSummary: 2000,
  url: 500,
} as const;

export const MILESTONES = [
  { field: "procurementCompletedOn", label: "Procurement completed", required: true },
  { field: "startOn", label: "Project starts", required: true },
  { field: "completionOn", label: "Project completed", required: true },
  { field: "evaluationCompletedOn", label: "Evaluation completed", required: true },
  { field: "planningPermissionOn", label: "Planning permission granted", required: false },
] as const;

/** How a field's value is shown to a person, in summaries and in the diff between submissions. */
export type FieldDisplay = "text" | "money" | "money-per-year" | "list" | "date" | "yes-no" | "reference";

export type ProjectFieldDefinition = {
  /** Stable: snapshots are keyed by it, so a label can be reworded without showing as a change. */
  id: string;
  /** The short name summaries and the diff show. */
  label: string;
  /** The question the section form asks, where it is worded differently from the label. */
  question?: string;
  section: ProjectSectionId;
  display: FieldDisplay;
};

const milestoneLabel = (field: (typeof MILESTONES)[number]["field"]) =>
  MILESTONES.find((m) => m.field === field)!.label;

/**
 * Every field of a project once: the section forms, the project summaries and the snapshot diff
 * all take their wording from here.
 */
export const PROJECT_FIELDS = [
  {
    id: "title",
    label: "Title",
    question: "Project title",
    section: "details",
    display: "text",
  },
  {
    id: "primaryPriority",
    label: "Primary priority",
    question: "Which Police and Crime Plan priority does the project mainly serve?",
    section: "details",
    display: "reference",
  },
  {
    id: "secondaryPriority",
    label: "Secondary priority",
    question: "Secondary priority (optional)",
    section: "details",
    display: "reference",
  },
  { id: "categories", label: "Categories", question: "Project categories", section: "details", display: "list" },
  { id: "description", label: "Description", section: "description", display: "text" },
  { id: "aims", label: "Overarching aims", section: "description", display: "text" },
  { id: "outcomes", label: "SMART performance outcomes", section: "description", display: "text" },
  {
    id: "otherAuthorities",
    label: "Works with other local authorities",
    question: "Does the project involve working with other local authorities?",
    section: "description",
    display: "yes-no",
  },
  { id: "lcpfSpend", label: "LCPF spend", section: "funding", display: "money-per-year" },
  { id: "laCash", label: "Council cash contribution", section: "funding", display: "money-per-year" },
  {
    id: "laInKind",
    label: "Council in-kind contributions",
    question: "Council in-kind contributions (optional)",
    section: "funding",
    display: "text",
  },
  {
    id: "coCommissioning",
    label: "Co-commissioning candidate",
    question: "This project is a candidate for the co-commissioning pot",
    section: "funding",
    display: "yes-no",
  },
  { id: "partners", label: "Partners’ contributions", section: "partners", display: "list" },
  {
    id: "vcs",
    label: "Voluntary and community sector organisations delivering it",
    section: "partners",
    display: "list",
  },
  {
    id: "delivery",
    label: "Delivery",
    question: "How is the project delivered?",
    section: "delivery",
    display: "reference",
  },
  { id: "provider", label: "Provider", question: "Who provides it?", section: "delivery", display: "text" },
  { id: "serviceTotalCost", label: "Total cost of the whole service", section: "delivery", display: "money" },
  {
    id: "procurementCompletedOn",
    label: milestoneLabel("procurementCompletedOn"),
    section: "milestones",
    display: "date",
  },
  { id: "startOn", label: milestoneLabel("startOn"), section: "milestones", display: "date" },
  { id: "completionOn", label: milestoneLabel("completionOn"), section: "milestones", display: "date" },
  {
    id: "evaluationCompletedOn",
    label: milestoneLabel("evaluationCompletedOn"),
    section: "milestones",
    display: "date",
  },
  { id: "planningPermissionOn", label: milestoneLabel("planningPermissionOn"), section: "milestones", display: "date" },
  { id: "measures", label: "Measures of success", section: "measures", display: "list" },
] as const satisfies readonly ProjectFieldDefinition[];

export type ProjectFieldId = (typeof PROJECT_FIELDS)[number]["id"];

const FIELD_BY_ID: ReadonlyMap<string, ProjectFieldDefinition> = new Map(PROJECT_FIELDS.map((f) => [f.id, f]));

export function projectField(id: ProjectFieldId): ProjectFieldDefinition {
  return FIELD_BY_ID.get(id)!;
}

export function fieldLabel(id: ProjectFieldId): string {
  return projectField(id).label;
}

/** The form's wording: the question where there is one, otherwise the label. */
export function fieldQuestion(id: ProjectFieldId): string {
  const field = projectField(id);
  return field.question ?? field.label;
}

/** "LCPF spend in 2017/18": a per-year field's label for one financial year. */
export function yearFieldLabel(id: ProjectFieldId, yearLabel: string): string {
  return `${fieldLabel(id)} in ${yearLabel}`;
}

/** The proposal's own compliance answers, recorded in snapshots beside the projects. */
export const ANSWER_FIELDS = [
  { id: "transitionPlan", label: "Moving from current funding" },
  { id: "dataProcessingSummary", label: "How personal data is processed" },
  { id: "privacyNoticeUrl", label: "Privacy notice" },
  { id: "dataProtectionPolicyUrl", label: "Data protection policy" },
] as const;

export type AnswerFieldId = (typeof ANSWER_FIELDS)[number]["id"];
