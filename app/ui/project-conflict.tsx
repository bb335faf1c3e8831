import type { ReactNode } from "react";
import { formatDateTime } from "~/domain/dates";
import { DELIVERY_TYPES, MILESTONES, PROJECT_CATEGORIES } from "~/domain/project-fields";
import type { SectionContext } from "~/forms/project-section";

/** One answer the colleague changed: theirs as saved, yours as typed. */
export type ConflictField = { name: string; theirs: string | string[] | null; yours: string | string[] | null };

/** What the page needs to show a conflict and let the officer choose. */
export type ConflictView = {
  /** The project's version now: "keep your answers" saves over it, knowingly. */
  version: number;
  savedByName: string | null;
  savedAt: string;
  fields: ConflictField[];
};

export const KEEP_MINE = "keep-mine";

const PLAIN_LABELS: Record<string, string> = {
  title: "Title",
  primaryPriority: "Primary priority",
  secondaryPriority: "Secondary priority",
  categories: "Categories",
  description: "Description",
  aims: "Aims",
  outcomes: "Outcomes",
  worksWithOtherAuthorities: "Works with other local authorities",
  otherAuthorities: "Other local authorities",
  laInKind: "Local authority in-kind contribution",
  coCommissioningCandidate: "Candidate for co-commissioning",
  deliveryType: "How the project is delivered",
  provider: "Provider",
  serviceTotalCost: "Total cost of the whole service",
  measures: "Measures",
};

const MONEY_FIELD = /^(lcpf-\d+|laCash-\d+|(partner|vcs)-\d+-amount-\d+|serviceTotalCost)$/;

/** The question a flat field name stands for, in the words the form uses. */
export function conflictFieldLabel(name: string, ctx: SectionContext): string {
  const plain = PLAIN_LABELS[name];
  if (plain) return plain;
  const year = (id: string) => ctx.years.find((y) => y.financialYearId === Number(id))?.label ?? `year ${id}`;
  let match = /^lcpf-(\d+)$/.exec(name);
  if (match) return `LCPF funding, ${year(match[1]!)}`;
  match = /^laCash-(\d+)$/.exec(name);
  if (match) return `Local authority cash, ${year(match[1]!)}`;
  match = /^(partner|vcs)-(\d+)-(name|inKind|amount-(\d+))$/.exec(name);
  if (match) {
    const who = `${match[1] === "partner" ? "Partner" : "Organisation"} ${Number(match[2]) + 1}`;
    if (match[3] === "name") return `${who}: name`;
    if (match[3] === "inKind") return `${who}: in-kind contribution`;
    return `${who}: amount, ${year(match[4]!)}`;
  }
  for (const milestone of MILESTONES) {
    for (const part of ["Day", "Month", "Year"] as const) {
      if (name === `${milestone.field}${part}`) return `${milestone.label}: ${part.toLowerCase()}`;
    }
  }
  return name;
}

/** An answer as a person reads it: names rather than ids, pounds for money, "Not given" for nothing. */
export function conflictAnswer(name: string, value: string | string[] | null, ctx: SectionContext): ReactNode {
  const values = (value === null ? [] : Array.isArray(value) ? value : [value]).filter((v) => v.trim() !== "");
  if (values.length === 0) return <span className="govuk-hint govuk-!-margin-0">Not given</span>;
  const shown = values.map((v) => {
    if (name === "primaryPriority" || name === "secondaryPriority")
      return ctx.priorities.find((p) => String(p.id) === v)?.name ?? v;
    if (name === "categories") return PROJECT_CATEGORIES.find((c) => c.value === v)?.label ?? v;
    if (name === "measures") return ctx.measures.find((m) => String(m.id) === v)?.name ?? v;
    if (name === "deliveryType") return DELIVERY_TYPES.find((d) => d.value === v)?.label ?? v;
    if (name === "worksWithOtherAuthorities" || name === "coCommissioningCandidate")
      return v === "yes" ? "Yes" : v === "no" ? "No" : v;
    if (MONEY_FIELD.test(name)) return v.startsWith("£") ? v : `£${v}`;
    return v;
  });
  if (shown.length === 1) return <>{shown[0]}</>;
  return (
    <ul className="govuk-list govuk-list--bullet govuk-!-margin-0">
      {shown.map((s, i) => (
        <li key={i}>{s}</li>
      ))}
    </ul>
  );
}

/**
 * The colleague's saved answers beside the officer's, and how to choose. Sits inside the section's
 * form: "Keep your answers" submits what is typed against the version now saved; "Use their answers"
 * reloads the page with the saved answers. The plain Save button stays first in the form (so pressing
 * Enter in a field is refused again, not a silent choice).
 */
export function ProjectConflict({
  conflict,
  ctx,
  reloadHref,
}: {
  conflict: ConflictView;
  ctx: SectionContext;
  reloadHref: string;
}) {
  const who = conflict.savedByName ?? "a colleague";
  const when = formatDateTime(conflict.savedAt);
  return (
    <div className="govuk-!-margin-bottom-8" id="conflict">
      <h2 className="govuk-heading-m">Your answers and the saved answers</h2>
      <p className="govuk-body">
        {who} saved this project at {when}.{" "}
        {conflict.fields.length > 0
          ? "They changed the answers below."
          : "Their saved answers on this page are the same as yours."}{" "}
        Choose at the foot of the page which to keep; until you choose, nothing is saved.
      </p>
      {conflict.fields.length > 0 ? (
        // A region that scrolls must be reachable by keyboard (axe: scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="app-table-scroll" role="region" aria-labelledby="conflict-caption" tabIndex={0}>
          <table className="govuk-table">
            <caption id="conflict-caption" className="govuk-table__caption govuk-table__caption--s">
              Answers changed since you opened this page
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Question
                </th>
                <th scope="col" className="govuk-table__header">
                  Saved by {who} at {when}
                </th>
                <th scope="col" className="govuk-table__header">
                  Your answer
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {conflict.fields.map((field) => (
                <tr className="govuk-table__row" key={field.name}>
                  <th scope="row" className="govuk-table__header">
                    {conflictFieldLabel(field.name, ctx)}
                  </th>
                  <td className="govuk-table__cell">{conflictAnswer(field.name, field.theirs, ctx)}</td>
                  <td className="govuk-table__cell">{conflictAnswer(field.name, field.yours, ctx)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="govuk-body">
        {/* A full page load, so the form starts again from the saved answers. */}
        <a className="govuk-link" href={reloadHref}>
          Use their answers
        </a>{" "}
        (your answers on this page are discarded)
      </p>
    </div>
  );
}

/** The choice at the foot of the form, after the plain Save button. */
export function ConflictChoice({ conflict, reloadHref }: { conflict: ConflictView; reloadHref: string }) {
  return (
    <div className="govuk-button-group">
      <input type="hidden" name="conflictVersion" value={conflict.version} />
      <button type="submit" name="resolution" value={KEEP_MINE} className="govuk-button govuk-button--secondary">
        Keep your answers and save
      </button>
      <a className="govuk-link" href={reloadHref}>
        Use their answers
      </a>
    </div>
  );
}
