import { getFormProps } from "@conform-to/react";
import { data, Form, useActionData } from "react-router";
import { redirectWithMessage } from "~/auth/flash.server";
import { notFound } from "~/auth/guard.server";
import { requireIdParam, requireProposal } from "~/auth/proposal-access.server";
import { findProject, updateProject, type ProjectConflict as SavedConflict } from "~/data/projects.server";
import { savedYearFigures, sectionContext } from "~/data/section-context.server";
import { db } from "~/db.server";
import { isProjectSection } from "~/domain/project-sections";
import { changedFields, sameAnswer, type FlatFormValues } from "~/domain/section-conflict";
import { parseForm } from "~/forms/common";
import { flatValues, type FormValues, type SectionContext, type SectionDefinition } from "~/forms/project-section";
import { parseSectionVersions } from "~/forms/section-versions";
import { SECTION_DEFINITIONS } from "~/forms/sections";
import { BackLink, Button, ErrorSummary } from "~/ui";
import { pageTitle } from "~/ui/page-title";
import { ConflictChoice, ProjectConflict, type ConflictView } from "~/ui/project-conflict";
import { SECTION_FORMS } from "~/ui/sections";
import { useSectionForm } from "~/ui/sections/use-section-form";
import type { Route } from "./+types/project-section";

async function load(request: Request, params: Route.LoaderArgs["params"]) {
  const access = await requireProposal(request, params.proposalId, "edit");
  const definition = isProjectSection(params.section) ? SECTION_DEFINITIONS[params.section] : undefined;
  if (!definition) throw notFound();
  // Only what this section reads: the rest of the project and the other reference lists cost queries.
  const project = await findProject(
    db(),
    access.proposal.id,
    requireIdParam(params.projectId),
    definition.reads.project,
  );
  if (!project) throw notFound();
  return { access, definition, project };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { access, definition, project } = await load(request, params);
  // Only the funding page shows the proposal's running totals; their years serve as the context's too.
  const years = definition.id === "funding" ? await savedYearFigures(db(), access.proposal) : undefined;
  const ctx = await sectionContext(db(), access.proposal, definition.reads.context, years);
  return {
    proposalId: access.proposal.id,
    version: project.version,
    sectionId: definition.id,
    heading: definition.heading,
    // The page shows the title; the funding form's totals start from the saved costs. The answers
    // themselves go in `defaults`.
    project: { id: project.id, title: project.title, costs: project.costs },
    ctx,
    defaults: definition.defaults(project, ctx),
    years: years ?? [],
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { access, definition, project } = await load(request, params);
  const ctx = await sectionContext(db(), access.proposal, definition.reads.context);
  const formData = await request.formData();
  const submission = parseForm(formData, { schema: definition.schema(ctx) });
  const versions = parseSectionVersions(formData);
  if (!versions.ok) {
    return data(
      { result: submission.reply({ formErrors: [versions.message] }), baseVersion: null, conflict: null },
      { status: 422 },
    );
  }
  // The page keeps the version it started from, whatever happens: refreshing it would let a second
  // press of Save overwrite what a colleague saved meanwhile.
  const baseVersion = versions.seenVersion;
  // A list's "Add another" or "Remove" (no status) only redraws the form.
  if (submission.status !== "success") {
    return data(
      { result: submission.reply(), baseVersion, conflict: null },
      { status: submission.status === "error" ? 422 : 200 },
    );
  }

  const order = definition.fieldOrder(ctx);
  const saved = await updateProject(db(), {
    proposalId: access.proposal.id,
    projectId: project.id,
    seenVersion: baseVersion,
    userId: access.user.id,
    changes: definition.toChanges(submission.value, ctx),
    // A colleague's save of another section overwrites nothing of this one.
    overlaps: (base, current) =>
      changedFields(flatValues(definition.defaults(base, ctx)), flatValues(definition.defaults(current, ctx)), order)
        .length > 0,
  });
  if (!saved.ok) {
    const conflict = saved.conflict
      ? conflictView(saved.conflict, definition, ctx, submission.payload as FormValues)
      : null;
    const result = saved.field
      ? submission.reply({ fieldErrors: { [saved.field]: [saved.message] } })
      : submission.reply({ formErrors: [saved.message] });
    return data({ result, baseVersion, conflict }, { status: 422 });
  }
  throw await redirectWithMessage(
    request,
    `/proposals/${access.proposal.id}/projects/${project.id}`,
    `${definition.heading}: saved`,
  );
}

/** The fields the colleague changed (or, if where the officer started is unknown, every field that differs). */
function conflictView(
  conflict: SavedConflict,
  definition: SectionDefinition,
  ctx: SectionContext,
  posted: FormValues,
): ConflictView {
  // Lists (partners) compare item by item, under their posted names.
  const typed = flatValues(posted);
  const theirs = flatValues(definition.defaults(conflict.current, ctx));
  const order = definition.fieldOrder(ctx);
  const names = conflict.base
    ? changedFields(flatValues(definition.defaults(conflict.base, ctx)), theirs, order)
    : changedFields(theirs, pick(typed, order), order);
  return {
    version: conflict.current.version,
    savedByName: conflict.savedByName,
    savedAt: conflict.savedAt,
    fields: names
      .map((name) => ({ name, theirs: theirs[name] ?? null, yours: typed[name] ?? null }))
      .filter((f) => conflict.base || !sameAnswer(f.theirs ?? undefined, f.yours ?? undefined)),
  };
}

const pick = (values: FlatFormValues, names: readonly string[]): FlatFormValues =>
  Object.fromEntries(
    Object.entries(values).filter(([name]) =>
      names.some((n) => name === n || name.startsWith(`${n}[`) || name.startsWith(`${n}.`)),
    ),
  );

export default function ProjectSection({ loaderData }: Route.ComponentProps) {
  const { proposalId, sectionId, heading, project, ctx, defaults } = loaderData;
  const definition = SECTION_DEFINITIONS[sectionId]!;
  const SectionForm = SECTION_FORMS[sectionId]!;
  const actionData = useActionData<typeof action>();
  const { form, values, errors, summary } = useSectionForm(definition, ctx, defaults, actionData?.result);
  const projectHref = `/proposals/${proposalId}/projects/${project.id}`;
  const sectionHref = `${projectHref}/${sectionId}`;
  const conflict = actionData?.conflict ?? null;
  const version = actionData?.baseVersion ?? loaderData.version;
  // The conflict's message leads to the answers side by side, not to the first field.
  const formErrors = errors[""] ?? [];
  const errorItems = conflict
    ? summary.map((item) => (formErrors.includes(item.message) ? { ...item, href: "#conflict" } : item))
    : summary;

  return (
    <div className="govuk-grid-row">
      <title>{pageTitle(`${heading}: ${project.title}`, summary.length > 0)}</title>
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={projectHref}>Back to the project</BackLink>
        <ErrorSummary errors={errorItems} />
        <span className="govuk-caption-l">{project.title}</span>
        <h1 className="govuk-heading-l">{heading}</h1>
        <Form method="post" {...getFormProps(form)} key={form.key}>
          <input type="hidden" name="version" value={version} />
          {conflict ? <ProjectConflict conflict={conflict} ctx={ctx} reloadHref={sectionHref} /> : null}
          <SectionForm
            values={values}
            errors={errors}
            ctx={ctx}
            project={project}
            years={loaderData.years}
            form={form}
          />
          <Button type="submit">Save and return to the project</Button>
          {conflict ? <ConflictChoice conflict={conflict} reloadHref={sectionHref} /> : null}
        </Form>
      </div>
    </div>
  );
}
