import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "react-router";
import { redirectWithMessage } from "~/auth/flash.server";
import { requireProposal } from "~/auth/proposal-access.server";
import { createProject } from "~/data/projects.server";
import { sectionContext } from "~/data/section-context.server";
import { db } from "~/db.server";
import { parseForm, refuse, replyTo } from "~/forms/common";
import { detailsSection } from "~/forms/sections/details";
import { BackLink, Button, ErrorSummary } from "~/ui";
import { pageTitle } from "~/ui/page-title";
import { DetailsForm } from "~/ui/sections/details-form";
import { useSectionForm } from "~/ui/sections/use-section-form";
import type { Route } from "./+types/project-new";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { proposal } = await requireProposal(request, params.proposalId, "edit");
  return { proposalId: proposal.id, version: proposal.version, ctx: await sectionContext(db(), proposal) };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { proposal, user } = await requireProposal(request, params.proposalId, "edit");
  const ctx = await sectionContext(db(), proposal);
  const submission = parseForm(await request.formData(), { schema: detailsSection.schema(ctx) });
  if (submission.status !== "success") return replyTo(submission);

  const created = await createProject(db(), {
    proposalId: proposal.id,
    userId: user.id,
    title: submission.value.title,
    changes: detailsSection.toChanges(submission.value, ctx),
  });
  if (!created.ok) return refuse(submission, created, created.field ? 422 : 409);
  throw await redirectWithMessage(
    request,
    `/proposals/${proposal.id}/projects/${created.value}`,
    `${submission.value.title} has been added`,
  );
}

export default function NewProject({ loaderData }: Route.ComponentProps) {
  const { proposalId, version, ctx } = loaderData;
  const lastResult = useActionData<typeof action>();
  const { form, values, errors, summary } = useSectionForm(detailsSection, ctx, {}, lastResult);
  return (
    <div className="govuk-grid-row">
      <title>{pageTitle("Add a project", summary.length > 0)}</title>
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/proposals/${proposalId}`}>Back to the proposal</BackLink>
        <ErrorSummary errors={summary} />
        <h1 className="govuk-heading-l">Add a project</h1>
        <p className="govuk-body">
          Start with its title, priority and categories. You can then describe it, cost it and add its milestones, one
          short page at a time.
        </p>
        <Form method="post" {...getFormProps(form)} key={form.key}>
          <input type="hidden" name="version" value={version} />
          <DetailsForm values={values} errors={errors} ctx={ctx} project={null} years={[]} />
          <Button type="submit">Add the project</Button>
        </Form>
      </div>
    </div>
  );
}
