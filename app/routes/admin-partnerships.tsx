import { useActionData } from "react-router";
import { redirectWithMessage } from "~/auth/flash.server";
import { requireUser } from "~/auth/guard.server";
import { boroughs, listPartnerships, savePartnership } from "~/data/partnerships.server";
import { db } from "~/db.server";
import { ANY_MEMBER, partnershipSchema } from "~/forms/admin-partnerships";
import { parseForm, refuse, replyTo } from "~/forms/common";
import { BackLink, ErrorSummary, Table, type TableCell } from "~/ui";
import { FlashBanner } from "~/ui/flash-banner";
import { pageTitle } from "~/ui/page-title";
import { PartnershipForm, partnershipFormState } from "~/ui/partnership-form";
import type { Route } from "./+types/admin-partnerships";

export async function loader({ request }: Route.LoaderArgs) {
  await requireUser(request, ["mopac_admin"]);
  const [partnerships, allBoroughs] = await Promise.all([listPartnerships(db()), boroughs(db())]);
  return { partnerships, boroughs: allBoroughs };
}

export async function action({ request }: Route.ActionArgs) {
  await requireUser(request, ["mopac_admin"]);
  const allBoroughs = await boroughs(db());
  const submission = parseForm(await request.formData(), { schema: partnershipSchema(allBoroughs.map((b) => b.id)) });
  if (submission.status !== "success") return replyTo(submission);
  const saved = await savePartnership(db(), null, submission.value);
  if (!saved.ok) return refuse(submission, saved);
  throw await redirectWithMessage(request, `/admin/partnerships/${saved.id}`, `${submission.value.name} added`);
}

export default function AdminPartnerships({ loaderData }: Route.ComponentProps) {
  const { partnerships, boroughs } = loaderData;
  const { errors, values, summary } = partnershipFormState(useActionData<typeof action>(), {
    name: "",
    memberIds: [],
    endorsers: ANY_MEMBER,
  });
  const nameOf = (id: number | null) => boroughs.find((b) => b.id === id)?.name;
  return (
    <>
      <title>{pageTitle("Partnerships", summary.length > 0)}</title>
      <BackLink href="/admin">Administration</BackLink>
      <FlashBanner />
      <ErrorSummary errors={summary} />
      <h1 className="govuk-heading-l">Partnerships</h1>
      <p className="govuk-body">
        Boroughs that bid jointly hold one joint proposal for a funding period. Its envelope is the partnership’s own
        allocation plus the share of each member’s allocation that MOPAC moves into it.
      </p>
      {partnerships.length === 0 ? (
        <p className="govuk-body">There are no partnerships yet.</p>
      ) : (
        <Table
          caption="Partnerships"
          captionSize="m"
          firstCellIsHeader
          head={["Partnership", "Members", "CSP that endorses", "Change"]}
          rows={partnerships.map((p): TableCell[] => [
            p.name,
            p.members.map((m) => m.name).join(", "),
            p.endorsingOrganisationId === null ? "Any member’s" : `${nameOf(p.endorsingOrganisationId) ?? "?"}’s`,
            {
              content: (
                <ul className="govuk-list govuk-!-margin-bottom-0">
                  <li>
                    <a className="govuk-link" href={`/admin/partnerships/${p.id}`}>
                      Members and endorsers<span className="govuk-visually-hidden"> of {p.name}</span>
                    </a>
                  </li>
                  <li>
                    <a className="govuk-link" href={`/admin/partnerships/${p.id}/allocations`}>
                      Allocations<span className="govuk-visually-hidden"> of {p.name}</span>
                    </a>
                  </li>
                </ul>
              ),
            },
          ])}
        />
      )}
      <h2 className="govuk-heading-m">Add a partnership</h2>
      <PartnershipForm boroughs={boroughs} values={values} errors={errors} submitText="Add partnership" />
    </>
  );
}
