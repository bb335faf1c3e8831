import { Form, redirect, useActionData } from "react-router";
import { notFound } from "~/auth/guard.server";
import { requireProposal, requireIdParam } from "~/auth/proposal-access.server";
import { findProject, removeProject } from "~/data/projects.server";
import { db } from "~/db.server";
import { BackLink, Button, ErrorSummary } from "~/ui";
import { pageTitle } from "~/ui/page-title";
import type { Route } from "./+types/project-remove";

async function load(request: Request, params: Route.LoaderArgs["params"]) {
  const access = await requireProposal(request, params.proposalId, "edit");
  const project = await findProject(db(), access.proposal.id, requireIdParam(params.projectId));
  if (!project) throw notFound();
  return { access, project };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { access, project } = await load(request, params);
  return { proposalId: access.proposal.id, version: project.version, project: { id: project.id, title: project.title } };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { access, project } = await load(request, params);
  const formData = await request.formData();
  const removed = await removeProject(db(), {
    proposalId: access.proposal.id,
    projectId: project.id,
    seenVersion: Number(formData.get("version")),
    userId: access.user.id,
  });
  if (!removed.ok) return { error: removed.message };
  throw redirect(`/proposals/${access.proposal.id}?removed=${encodeURIComponent(project.title)}`);
}

export default function RemoveProject({ loaderData }: Route.ComponentProps) {
  const { proposalId, version, project } = loaderData;
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <title>{pageTitle(`Remove ${project.title}`, !!result?.error)}</title>
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/proposals/${proposalId}/projects/${project.id}`}>Back to the project</BackLink>
        <ErrorSummary errors={result?.error ? [{ href: "#remove", message: result.error }] : []} />
        <h1 className="govuk-heading-l">Remove “{project.title}” from the proposal?</h1>
        <p className="govuk-body">Its costs, partners, milestones and measures will be removed with it. You cannot undo this.</p>
        <Form method="post">
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
