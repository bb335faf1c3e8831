import { requireUser } from "~/auth/guard.server";
import { listPeople, organisationRefs } from "~/data/people.server";
import { db } from "~/db.server";
import { ACCOUNT_STATUS_LABELS, accountStatus, roleDescription, type AccountStatus } from "~/domain/people";
import { parseId } from "~/server/ids";
import { BackLink, Button, ButtonLink, Select, Table, Tag, type TableCell, type TagColour } from "~/ui";
import { FlashBanner } from "~/ui/flash-banner";
import { pageTitle } from "~/ui/page-title";
import type { Route } from "./+types/admin-people";

export async function loader({ request }: Route.LoaderArgs) {
  await requireUser(request, ["mopac_admin"]);
  // An organisation to show only its people; anything that is not one of them shows everyone.
  const organisations = await organisationRefs(db());
  const wanted = parseId(new URL(request.url).searchParams.get("organisation"));
  const organisationId = organisations.some((o) => o.id === wanted) ? wanted! : undefined;
  const people = await listPeople(db(), organisationId);
  return {
    organisationId: organisationId ?? null,
    organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      organisationId: p.organisationId,
      organisationName: p.organisationName,
      role: roleDescription(p.role, p.canEndorse),
      status: accountStatus(p),
    })),
  };
}

const STATUS_COLOUR: Record<AccountStatus, TagColour> = { active: "green", invited: "blue", deactivated: "grey" };

export default function AdminPeople({ loaderData }: Route.ComponentProps) {
  const { people, organisations, organisationId } = loaderData;
  // One table per organisation, in the order the list comes (MOPAC, then boroughs by name).
  const groups: { id: number; name: string; people: typeof people }[] = [];
  for (const person of people) {
    const last = groups.at(-1);
    if (last && last.id === person.organisationId) last.people.push(person);
    else groups.push({ id: person.organisationId, name: person.organisationName, people: [person] });
  }
  return (
    <>
      <title>{pageTitle("People")}</title>
      <FlashBanner />
      <BackLink href="/admin">Back to administration</BackLink>
      <h1 className="govuk-heading-l">People</h1>
      <p className="govuk-body">
        Everyone who can use the portal, by organisation. Invite someone, change their role, or deactivate their
        account: a deactivated person is signed out at once and their history stays.
      </p>
      <ButtonLink href="/admin/people/invite">Invite someone</ButtonLink>

      <form method="get" action="/admin/people" className="govuk-!-margin-top-6">
        <Select
          name="organisation"
          label="Show the people of"
          labelSize="s"
          defaultValue={organisationId === null ? "" : String(organisationId)}
          items={[
            { value: "", text: "Every organisation" },
            ...organisations.map((o) => ({ value: String(o.id), text: o.name })),
          ]}
        />
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </form>

      {groups.length === 0 ? <p className="govuk-body">No one in this organisation has an account yet.</p> : null}
      {groups.map((group) => (
        <Table
          key={group.id}
          caption={group.name}
          captionSize="m"
          firstCellIsHeader
          head={["Name", "Email address", "Role", "Account"]}
          rows={group.people.map((person): TableCell[] => [
            {
              content: (
                <a className="govuk-link" href={`/admin/people/${person.id}`}>
                  {person.name}
                </a>
              ),
            },
            person.email,
            person.role,
            { content: <Tag colour={STATUS_COLOUR[person.status]}>{ACCOUNT_STATUS_LABELS[person.status]}</Tag> },
          ])}
        />
      ))}
    </>
  );
}
