import type { ReactNode } from "react";
import { formatDate } from "~/domain/dates";
import { formatPounds } from "~/domain/money";
import { DELIVERY_TYPES, fieldLabel, PROJECT_CATEGORIES, yearFieldLabel } from "~/domain/project-fields";
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
  headingLevel?: 2 | 3 | 4;
}) {
  const priority = (id: number | null) => ctx.priorities.find((p) => p.id === id)?.name;
  const yearLabel = (id: number) => ctx.years.find((y) => y.financialYearId === id)?.label ?? "Another year";
  const card = (section: ProjectSectionId, title: string, rows: SummaryListRow[]) => (
    <SummaryCard
      key={section}
      title={title}
      headingLevel={headingLevel}
      rows={rows}
      actions={
        changeBase
          ? [{ href: `${changeBase}/${section}`, text: "Change", visuallyHiddenText: title.toLowerCase() }]
          : []
      }
    />
  );
  const costFor = (financialYearId: number) => project.costs.find((c) => c.financialYearId === financialYearId);
  const partners = project.contributors.filter((c) => c.kind === "partner");
  const vcs = project.contributors.filter((c) => c.kind === "vcs");
  const amounts = (list: { financialYearId: number; amountPence: number }[]) =>
    list.length
      ? list.map((a) => `${yearLabel(a.financialYearId)}: ${formatPounds(a.amountPence)}`).join("; ")
      : "No amounts";

  return (
    <>
      {card("details", "Title, priorities and categories", [
        { key: fieldLabel("title"), value: project.title },
        { key: fieldLabel("primaryPriority"), value: priority(project.primary_priority_id) ?? notGiven },
        { key: fieldLabel("secondaryPriority"), value: priority(project.secondary_priority_id) ?? "None" },
        {
          key: fieldLabel("categories"),
          value: project.categories.length
            ? project.categories.map((c) => PROJECT_CATEGORIES.find((pc) => pc.value === c)?.label ?? c).join(", ")
            : notGiven,
        },
      ])}
      {card("description", "Description, aims and outcomes", [
        { key: fieldLabel("description"), value: textOrNotGiven(project.description) },
        { key: fieldLabel("aims"), value: textOrNotGiven(project.aims) },
        { key: fieldLabel("outcomes"), value: textOrNotGiven(project.outcomes) },
        {
          key: fieldLabel("otherAuthorities"),
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
            key: yearFieldLabel("lcpfSpend", year.label),
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
          key: yearFieldLabel("laCash", year.label),
          value: formatPounds(costFor(year.financialYearId)?.laCashPence ?? 0),
        })),
        { key: fieldLabel("laInKind"), value: project.la_in_kind?.trim() ? project.la_in_kind : "None" },
        { key: fieldLabel("coCommissioning"), value: project.co_commissioning_candidate === 1 ? "Yes" : "No" },
      ])}
      {card("partners", "Partners and voluntary organisations", [
        {
          key: fieldLabel("partners"),
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
          key: fieldLabel("vcs"),
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
        {
          key: fieldLabel("delivery"),
          value: DELIVERY_TYPES.find((d) => d.value === project.delivery_type)?.label ?? notGiven,
        },
        { key: fieldLabel("provider"), value: textOrNotGiven(project.provider) },
        ...(project.delivery_type === "contribution"
          ? [
              {
                key: fieldLabel("serviceTotalCost"),
                value:
                  project.service_total_cost_pence === null ? notGiven : formatPounds(project.service_total_cost_pence),
              },
            ]
          : []),
      ])}
      {card("milestones", "Milestones", [
        { key: fieldLabel("procurementCompletedOn"), value: dateOrNotGiven(project.procurement_completed_on) },
        { key: fieldLabel("startOn"), value: dateOrNotGiven(project.start_on) },
        { key: fieldLabel("completionOn"), value: dateOrNotGiven(project.completion_on) },
        { key: fieldLabel("evaluationCompletedOn"), value: dateOrNotGiven(project.evaluation_completed_on) },
        {
          key: fieldLabel("planningPermissionOn"),
          value: project.planning_permission_on
            ? formatDate(project.planning_permission_on)
            : "Not needed or not given",
        },
      ])}
      {card("measures", "Measures of success", [
        {
          key: fieldLabel("measures"),
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
        // The borough's local priorities it names, if any (brief F); loaded with the project.
        ...(project.localPriorities?.length
          ? [
              {
                key: "Local priorities",
                value: (
                  <ul className="govuk-list govuk-list--bullet">
                    {project.localPriorities.map((p) => (
                      <li key={p.id}>{p.name}</li>
                    ))}
                  </ul>
                ),
              },
            ]
          : []),
      ])}
    </>
  );
}
