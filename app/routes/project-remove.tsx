import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "react-router";
import { redirectWithMessage } from "~/auth/flash.server";
import { notFound } from "~/auth/guard.server";
import { requireProposal, requireIdParam } from "~/auth/proposal-access.server";
import { findProject, removeProject } from "~/data/projects.server";
import { db } from "~/db.server";
import { parseForm, refuse, replyTo } from "~/forms/common";
import { removeProjectSchema } from "~/forms/proposal";
import { BackLink, Button, ErrorSummary } from "~/ui";
import { pageTitle } from "~/ui/page-title";
import { useGovukForm } from "~/ui/use-govuk-form";
import type { Route } from "./+types/project-remove";

async function load(request: Request, params: Route.LoaderArgs["params"]) {
  const access = await requireProposal(request, params.proposalId, "edit");
  const project = await findProject(db(), access.proposal.id, requireIdParam(params.projectId));
  if (!project) throw notFound();
  return { access, project };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { access, project } = await load(request, params);
  return {
    proposalId: access.proposal.id,
    version: project.version,
    project: { id: project.id, title: project.title },
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { access, project } = await load(request, params);
  const submission = parseForm(await request.formData(), { schema: removeProjectSchema });
  if (submission.status !== "success") return replyTo(submission);
  const removed = await removeProject(db(), {
    proposalId: access.proposal.id,
    projectId: project.id,
    seenVersion: submission.value.version,
    userId: access.user.id,
  });
  if (!removed.ok) return refuse(submission, { message: removed.message }, 409);
  throw await redirectWithMessage(
    request,
    `/proposals/${access.proposal.id}`,
    `${project.title} has been removed from the proposal`,
  );
}

export default function RemoveProject({ loaderData }: Route.ComponentProps) {
  const { proposalId, version, project } = loaderData;
  const lastResult = useActionData<typeof action>();
  const { form, summary } = useGovukForm({ schema: removeProjectSchema, fieldOrder: [], defaults: {}, lastResult });
  // The only thing to act on is the button itself.
  const errors = summary.map((item) => ({ ...item, href: "#remove" }));
  return (
    <div className="govuk-grid-row">
      <title>{pageTitle(`Remove ${project.title}`, errors.length > 0)}</title>
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/proposals/${proposalId}/projects/${project.id}`}>Back to the project</BackLink>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Remove “{project.title}” from the proposal?</h1>
        <p className="govuk-body">
          Its costs, partners, milestones and measures will be removed with it. You cannot undo this.
        </p>
        <Form method="post" {...getFormProps(form)} key={form.key}>
          <input type="hidden" name="version" value={version} />
          <div className="govuk-button-group">
            <Button type="submit" variant="warning" id="remove">
              Yes, remove the project
            </Button>
            <a className="govuk-link" href={`/proposals/${proposalId}/projects/${project.id}`}>
              No, keep it
            </a>
          </div>
        </Form>
      </div>
    </div>
  );
}
