// What a project records, from the GLA's LCPF project template and the CSP report (DOMAIN.md, "A proposal").

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
  { value: "in_house", label: "An in-house post", hint: "Someone employed by the council or a partner to do this work" },
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
