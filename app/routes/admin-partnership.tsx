import { useActionData } from "react-router";
import { redirectWithMessage } from "~/auth/flash.server";
import { notFound, requireUser } from "~/auth/guard.server";
import { requireIdParam } from "~/auth/proposal-access.server";
import { boroughs, findPartnership, savePartnership } from "~/data/partnerships.server";
import { db } from "~/db.server";
import { ANY_MEMBER, partnershipSchema } from "~/forms/admin-partnerships";
import { parseForm, refuse, replyTo } from "~/forms/common";
import { BackLink, ErrorSummary, InsetText } from "~/ui";
import { FlashBanner } from "~/ui/flash-banner";
import { pageTitle } from "~/ui/page-title";
import { PartnershipForm, partnershipFormState } from "~/ui/partnership-form";
import type { Route } from "./+types/admin-partnership";

async function load(request: Request, param: string | undefined) {
  await requireUser(request, ["mopac_admin"]);
  const partnership = await findPartnership(db(), requireIdParam(param));
  if (!partnership) throw notFound();
  return partnership;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const partnership = await load(request, params.partnershipId);
  return { partnership, boroughs: await boroughs(db()) };
}

export async function action({ request, params }: Route.ActionArgs) {
  const partnership = await load(request, params.partnershipId);
  const allBoroughs = await boroughs(db());
  const submission = parseForm(await request.formData(), { schema: partnershipSchema(allBoroughs.map((b) => b.id)) });
  if (submission.status !== "success") return replyTo(submission);
  const saved = await savePartnership(db(), partnership.id, submission.value);
  if (!saved.ok) return refuse(submission, saved);
  throw await redirectWithMessage(request, `/admin/partnerships/${partnership.id}`, `${submission.value.name} saved`);
}

export default function AdminPartnership({ loaderData }: Route.ComponentProps) {
  const { partnership, boroughs } = loaderData;
  const { errors, values, summary } = partnershipFormState(useActionData<typeof action>(), {
    name: partnership.name,
    memberIds: partnership.members.map((m) => String(m.id)),
    endorsers: partnership.endorsingOrganisationId === null ? ANY_MEMBER : String(partnership.endorsingOrganisationId),
  });
  return (
    <>
      <title>{pageTitle(partnership.name, summary.length > 0)}</title>
      <BackLink href="/admin/partnerships">Partnerships</BackLink>
      <FlashBanner />
      <ErrorSummary errors={summary} />
      <span className="govuk-caption-l">Partnership</span>
      <h1 className="govuk-heading-l">{partnership.name}</h1>
      <p className="govuk-body">
        <a className="govuk-link" href={`/admin/partnerships/${partnership.id}/allocations`}>
          Set {partnership.name}’s allocations
        </a>
      </p>
      {partnership.liveProposals > 0 ? (
        <InsetText>
          {partnership.name} has a joint proposal that has not been withdrawn, so its members cannot change. You can
          still change its name and whose CSP endorses.
        </InsetText>
      ) : null}
      <PartnershipForm boroughs={boroughs} values={values} errors={errors} submitText="Save partnership" />
    </>
  );
}
