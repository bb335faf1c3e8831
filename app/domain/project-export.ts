import { DEMO_FIGURE_LABEL } from "~/domain/demo-figures";
import { DELIVERY_TYPES, PROJECT_CATEGORIES } from "~/domain/project-fields";
import { stateLabel, type State } from "~/domain/workflow";

/**
 * The columns of a project export (one row per project per year), shared by the CSV and the
 * workbook so the two always agree. Money stays in pence here; each format writes it its own way.
 */

export type ProjectYearRow = {
  boroughs: string;
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

export type ExportColumn = { header: string; width: number; value: (row: ProjectYearRow) => ExportValue };

const text = (value: string | null): ExportValue => ({ kind: "text", text: value ?? "" });
const money = (pence: number): ExportValue => ({ kind: "money", pence });

const categoryLabels = new Map<string, string>(PROJECT_CATEGORIES.map((c) => [c.value, c.label]));
const deliveryLabels = new Map<string, string>(DELIVERY_TYPES.map((d) => [d.value, d.label]));

export function categoryNames(codes: string | null): string {
  if (!codes) return "";
  return codes
    .split(",")
    .map((code) => categoryLabels.get(code) ?? code)
    .sort((a, b) => a.localeCompare(b, "en-GB"))
    .join("; ");
}

export const PROJECT_EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: "Borough", width: 28, value: (r) => text(r.boroughs) },
  { header: "Funding period", width: 30, value: (r) => text(r.periodName) },
  { header: "Financial year", width: 12, value: (r) => text(r.yearLabel) },
  { header: "Project", width: 48, value: (r) => text(r.title) },
  // Totals count the primary priority; the secondary is shown so nothing is hidden.
  { header: "Primary priority", width: 32, value: (r) => text(r.primaryPriority) },
  { header: "Secondary priority", width: 32, value: (r) => text(r.secondaryPriority) },
  { header: "Categories", width: 40, value: (r) => text(categoryNames(r.categories)) },
  {
    header: "Delivery type",
    width: 36,
    value: (r) => text(r.deliveryType ? (deliveryLabels.get(r.deliveryType) ?? r.deliveryType) : null),
  },
  { header: "Provider", width: 28, value: (r) => text(r.provider) },
  { header: "Co-commissioning candidate", width: 14, value: (r) => text(r.coCommissioningCandidate ? "Yes" : "No") },
  { header: "LCPF amount (£)", width: 16, value: (r) => money(r.lcpfPence) },
  { header: "Local authority cash match funding (£)", width: 18, value: (r) => money(r.laCashPence) },
  { header: "Partner match funding (£)", width: 18, value: (r) => money(r.partnerPence) },
  { header: "Status", width: 24, value: (r) => text(stateLabel(r.status)) },
  { header: DEMO_FIGURE_LABEL, width: 12, value: (r) => text(r.isDemoFigure ? "Yes" : "No") },
];
