import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "react-router";
import { redirectWithMessage } from "~/auth/flash.server";
import { notFound } from "~/auth/guard.server";
import { requireProposal } from "~/auth/proposal-access.server";
import { findProject, updateProject } from "~/data/projects.server";
import { proposalOverview } from "~/data/proposals.server";
import { sectionContext } from "~/data/section-context.server";
import { db } from "~/db.server";
import { isProjectSection } from "~/domain/project-sections";
import { parseForm, replyTo, withVersion } from "~/forms/common";
import { SECTION_DEFINITIONS } from "~/forms/sections";
import { BackLink, Button, ErrorSummary } from "~/ui";
import { pageTitle } from "~/ui/page-title";
import { SECTION_FORMS } from "~/ui/sections";
import { useSectionForm } from "~/ui/sections/use-section-form";
import type { Route } from "./+types/project-section";

async function load(request: Request, params: Route.LoaderArgs["params"]) {
  const access = await requireProposal(request, params.proposalId, "edit");
  const definition = isProjectSection(params.section) ? SECTION_DEFINITIONS[params.section] : undefined;
  if (!definition) throw notFound();
  const project = await findProject(db(), access.proposal.id, Number(params.projectId));
  if (!project) throw notFound();
  const ctx = await sectionContext(db(), access.proposal);
  return { access, definition, project, ctx };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { access, definition, project, ctx } = await load(request, params);
  const overview = await proposalOverview(db(), access.proposal);
  return {
    proposalId: access.proposal.id,
    version: access.proposal.version,
    sectionId: definition.id,
    heading: definition.heading,
    project,
    ctx,
    defaults: definition.defaults(project, ctx),
    years: overview.summary.years,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { access, definition, project, ctx } = await load(request, params);
  const submission = parseForm(await request.formData(), { schema: withVersion(definition.schema(ctx)) });
  if (submission.status !== "success") return replyTo(submission);

  const saved = await updateProject(db(), {
    proposalId: access.proposal.id,
    projectId: project.id,
    seenVersion: submission.value.version,
    userId: access.user.id,
    changes: definition.toChanges(submission.value, ctx),
  });
  if (!saved.ok) {
    return saved.field
      ? submission.reply({ fieldErrors: { [saved.field]: [saved.message] } })
      : submission.reply({ formErrors: [saved.message] });
  }
  throw await redirectWithMessage(request, `/proposals/${access.proposal.id}/projects/${project.id}`, `${definition.heading}: saved`);
}

export default function ProjectSection({ loaderData }: Route.ComponentProps) {
  const { proposalId, version, sectionId, heading, project, ctx, defaults } = loaderData;
  const definition = SECTION_DEFINITIONS[sectionId]!;
  const SectionForm = SECTION_FORMS[sectionId]!;
  const lastResult = useActionData<typeof action>();
  const { form, values, errors, summary } = useSectionForm(definition, ctx, defaults, lastResult);
  const projectHref = `/proposals/${proposalId}/projects/${project.id}`;

  return (
    <div className="govuk-grid-row">
      <title>{pageTitle(`${heading}: ${project.title}`, summary.length > 0)}</title>
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={projectHref}>Back to the project</BackLink>
        <ErrorSummary errors={summary} />
        <span className="govuk-caption-l">{project.title}</span>
        <h1 className="govuk-heading-l">{heading}</h1>
        <Form method="post" {...getFormProps(form)} key={form.key}>
          <input type="hidden" name="version" value={version} />
          <SectionForm values={values} errors={errors} ctx={ctx} project={project} years={loaderData.years} form={form} />
          <Button type="submit">Save and return to the project</Button>
        </Form>
      </div>
    </div>
  );
}
