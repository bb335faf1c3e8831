import { DEMO_FIGURE_LABEL } from "~/domain/demo-figures";
import { DELIVERY_TYPES, PROJECT_CATEGORIES } from "~/domain/project-fields";
import { stateLabel, type State } from "~/domain/workflow";

/**
 * The columns of a project export (one row per project per year), shared by the CSV and the
 * workbook so the two always agree. Money stays in pence here; each format writes it its own way.
 */

export type ProjectYearRow = {
  /** Every borough of the proposal, the lead first, separated by "; ". */
  boroughs: string;
  /** The lead borough: the borough itself, or the lead of a joint proposal. */
  leadBorough: string;
  periodName: string;
  yearLabel: string;
  title: string;
  primaryPriority: string | null;
  secondaryPriority: string | null;
  categories: string | null;
  deliveryType: string | null;
  provider: string | null;
  coCommissioningCandidate: boolean;
  lcpfPence: number;
  laCashPence: number;
  partnerPence: number;
  status: State;
  isDemoFigure: boolean;
};

export type ExportValue = { kind: "text"; text: string } | { kind: "money"; pence: number };

export type ExportColumn = {
  header: string;
  width: number;
  /** What every cell of the column holds, so a workbook can format the column once. */
  format: ExportValue["kind"];
  value: (row: ProjectYearRow) => ExportValue;
};

const text = (value: string | null): ExportValue => ({ kind: "text", text: value ?? "" });
const money = (pence: number): ExportValue => ({ kind: "money", pence });

const categoryLabels = new Map<string, string>(PROJECT_CATEGORIES.map((c) => [c.value, c.label]));
const deliveryLabels = new Map<string, string>(DELIVERY_TYPES.map((d) => [d.value, d.label]));

const ENGLISH = new Intl.Collator("en-GB");
/** Category lists already turned into labels: an export repeats each project's list once per year. */
const namesOfCodes = new Map<string, string>();

export function categoryNames(codes: string | null): string {
  if (!codes) return "";
  const known = namesOfCodes.get(codes);
  if (known !== undefined) return known;
  const names = codes
    .split(",")
    .map((code) => categoryLabels.get(code) ?? code)
    .sort(ENGLISH.compare)
    .join("; ");
  // Codes come from a fixed list, so the combinations are few; the cap only guards against the unexpected.
  if (namesOfCodes.size < 10_000) namesOfCodes.set(codes, names);
  return names;
}

export const PROJECT_EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: "Borough", format: "text", width: 28, value: (r) => text(r.boroughs) },
  // A joint proposal's projects are listed once, under all its boroughs: the amounts are the proposal's, not each borough's.
  { header: "Lead borough", format: "text", width: 28, value: (r) => text(r.leadBorough) },
  { header: "Funding period", format: "text", width: 30, value: (r) => text(r.periodName) },
  { header: "Financial year", format: "text", width: 12, value: (r) => text(r.yearLabel) },
  { header: "Project", format: "text", width: 48, value: (r) => text(r.title) },
  // Totals count the primary priority; the secondary is shown so nothing is hidden.
  { header: "Primary priority", format: "text", width: 32, value: (r) => text(r.primaryPriority) },
  { header: "Secondary priority", format: "text", width: 32, value: (r) => text(r.secondaryPriority) },
  { header: "Categories", format: "text", width: 40, value: (r) => text(categoryNames(r.categories)) },
  {
    header: "Delivery type",
    format: "text",
    width: 36,
    value: (r) => text(r.deliveryType ? (deliveryLabels.get(r.deliveryType) ?? r.deliveryType) : null),
  },
  { header: "Provider", format: "text", width: 28, value: (r) => text(r.provider) },
  {
    header: "Co-commissioning candidate",
    format: "text",
    width: 14,
    value: (r) => text(r.coCommissioningCandidate ? "Yes" : "No"),
  },
  { header: "LCPF amount (£)", format: "money", width: 16, value: (r) => money(r.lcpfPence) },
  { header: "Local authority cash match funding (£)", format: "money", width: 18, value: (r) => money(r.laCashPence) },
  { header: "Partner match funding (£)", format: "money", width: 18, value: (r) => money(r.partnerPence) },
  { header: "Status", format: "text", width: 24, value: (r) => text(stateLabel(r.status)) },
  { header: DEMO_FIGURE_LABEL, format: "text", width: 12, value: (r) => text(r.isDemoFigure ? "Yes" : "No") },
];
