import type { ReactNode } from "react";
import { formatDate } from "~/domain/dates";
import { formatPounds } from "~/domain/money";
import { DELIVERY_TYPES, PROJECT_CATEGORIES } from "~/domain/project-fields";
import type { ProjectSectionId } from "~/domain/project-sections";
import type { ProjectData, SectionContext } from "~/forms/project-section";
import { SummaryCard, type SummaryListRow } from "./summary-list";
import { Tag } from "./tag";

const notGiven = <span className="govuk-hint govuk-!-margin-bottom-0">Not given yet</span>;

function textOrNotGiven(value: string | null | undefined): ReactNode {
  return value && value.trim() !== "" ? <span className="app-preserve-lines">{value}</span> : notGiven;
}

function dateOrNotGiven(value: string | null): ReactNode {
  return value ? formatDate(value) : notGiven;
}

/** Every answer of a project, grouped as the officer filled it in; with change links while it may be edited. */
export function ProjectSummary({
  project,
  ctx,
  changeBase,
  headingLevel = 2,
}: {
  project: ProjectData;
  ctx: SectionContext;
  changeBase: string | null;
  headingLevel?: 2 | 3;
}) {
  const priority = (id: number | null) => ctx.priorities.find((p) => p.id === id)?.name;
  const yearLabel = (id: number) => ctx.years.find((y) => y.financialYearId === id)?.label ?? "Another year";
  const card = (section: ProjectSectionId, title: string, rows: SummaryListRow[]) => (
    <SummaryCard
      key={section}
      title={title}
      headingLevel={headingLevel}
      rows={rows}
      actions={changeBase ? [{ href: `${changeBase}/${section}`, text: "Change", visuallyHiddenText: title.toLowerCase() }] : []}
    />
  );
  const costFor = (financialYearId: number) => project.costs.find((c) => c.financialYearId === financialYearId);
  const partners = project.contributors.filter((c) => c.kind === "partner");
  const vcs = project.contributors.filter((c) => c.kind === "vcs");
  const amounts = (list: { financialYearId: number; amountPence: number }[]) =>
    list.length ? list.map((a) => `${yearLabel(a.financialYearId)}: ${formatPounds(a.amountPence)}`).join("; ") : "No amounts";

  return (
    <>
      {card("details", "Title, priorities and categories", [
        { key: "Title", value: project.title },
        { key: "Primary priority", value: priority(project.primary_priority_id) ?? notGiven },
        { key: "Secondary priority", value: priority(project.secondary_priority_id) ?? "None" },
        {
          key: "Categories",
          value: project.categories.length
            ? project.categories.map((c) => PROJECT_CATEGORIES.find((pc) => pc.value === c)?.label ?? c).join(", ")
            : notGiven,
        },
      ])}
      {card("description", "Description, aims and outcomes", [
        { key: "Description", value: textOrNotGiven(project.description) },
        { key: "Overarching aims", value: textOrNotGiven(project.aims) },
        { key: "SMART performance outcomes", value: textOrNotGiven(project.outcomes) },
        {
          key: "Works with other local authorities",
          value:
            project.works_with_other_authorities === null
              ? notGiven
              : project.works_with_other_authorities === 1
                ? `Yes: ${project.other_authorities ?? ""}`
                : "No",
        },
      ])}
      {card("funding", "LCPF spend and match funding", [
        ...ctx.years.map((year) => {
          const cost = costFor(year.financialYearId);
          return {
            key: `LCPF spend in ${year.label}`,
            value: (
              <>
                {formatPounds(cost?.lcpfPence ?? 0)}
                {cost?.isDemoFigure ? (
                  <>
                    {" "}
                    <Tag colour="yellow">Demo figure</Tag>
                  </>
                ) : null}
              </>
            ),
          };
        }),
        ...ctx.years.map((year) => ({
          key: `Council cash contribution in ${year.label}`,
          value: formatPounds(costFor(year.financialYearId)?.laCashPence ?? 0),
        })),
        { key: "Council in-kind contributions", value: project.la_in_kind?.trim() ? project.la_in_kind : "None" },
        { key: "Co-commissioning candidate", value: project.co_commissioning_candidate === 1 ? "Yes" : "No" },
      ])}
      {card("partners", "Partners and voluntary organisations", [
        {
          key: "Partners’ contributions",
          value: partners.length ? (
            <ul className="govuk-list">
              {partners.map((p) => (
                <li key={p.id}>
                  <strong>{p.name}</strong>: {amounts(p.amounts)}
                  {p.inKind ? `. In kind: ${p.inKind}` : ""}
                </li>
              ))}
            </ul>
          ) : (
            "None"
          ),
        },
        {
          key: "Voluntary and community sector organisations delivering it",
          value: vcs.length ? (
            <ul className="govuk-list">
              {vcs.map((v) => (
                <li key={v.id}>
                  <strong>{v.name}</strong>: {amounts(v.amounts)}
                </li>
              ))}
            </ul>
          ) : (
            "None"
          ),
        },
      ])}
      {card("delivery", "How it is delivered", [
        { key: "Delivery", value: DELIVERY_TYPES.find((d) => d.value === project.delivery_type)?.label ?? notGiven },
        { key: "Provider", value: textOrNotGiven(project.provider) },
        ...(project.delivery_type === "contribution"
          ? [
              {
                key: "Total cost of the whole service",
                value: project.service_total_cost_pence === null ? notGiven : formatPounds(project.service_total_cost_pence),
              },
            ]
          : []),
      ])}
      {card("milestones", "Milestones", [
        { key: "Procurement completed", value: dateOrNotGiven(project.procurement_completed_on) },
        { key: "Project starts", value: dateOrNotGiven(project.start_on) },
        { key: "Project completed", value: dateOrNotGiven(project.completion_on) },
        { key: "Evaluation completed", value: dateOrNotGiven(project.evaluation_completed_on) },
        { key: "Planning permission granted", value: project.planning_permission_on ? formatDate(project.planning_permission_on) : "Not needed or not given" },
      ])}
      {card("measures", "Measures of success", [
        {
          key: "Contributes to",
          value: project.measureIds.length ? (
            <ul className="govuk-list govuk-list--bullet">
              {ctx.measures
                .filter((m) => project.measureIds.includes(m.id))
                .map((m) => (
                  <li key={m.id}>{m.name}</li>
                ))}
            </ul>
          ) : (
            notGiven
          ),
        },
      ])}
    </>
  );
}
