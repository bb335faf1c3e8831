import { requireBoroughStaff } from "~/auth/borough-only.server";
import { boroughPeople } from "~/data/people.server";
import { db } from "~/db.server";
import { boroughTeam } from "~/domain/people";
import { BackLink, Table, Tag, WarningText, type TableCell } from "~/ui";
import { pageTitle } from "~/ui/page-title";
import type { Route } from "./+types/borough-people";

// A borough's own people see who else in the borough has access: only their borough, never another's.
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireBoroughStaff(request);
  const team = boroughTeam(await boroughPeople(db(), user.organisation_id));
  return { boroughName: user.organisation_name, ...team };
}

type Row = Awaited<ReturnType<typeof loader>>["officers"][number];

function personCells(person: Row, withEndorse: boolean): TableCell[] {
  return [
    {
      content: (
        <>
          {person.name}
          {person.invited ? (
            <>
              {" "}
              <Tag colour="blue">Invitation sent</Tag>
            </>
          ) : null}
        </>
      ),
    },
    {
      content: (
        <a className="govuk-link" href={`mailto:${person.email}`}>
          {person.email}
        </a>
      ),
    },
    ...(withEndorse ? [person.mayEndorse ? "Yes" : "No"] : []),
  ];
}

export default function BoroughPeople({ loaderData }: Route.ComponentProps) {
  const { boroughName, officers, cspMembers } = loaderData;
  const endorsers = cspMembers.filter((p) => p.mayEndorse);
  return (
    <>
      <title>{pageTitle(`People in ${boroughName}`)}</title>
      <BackLink href="/borough">Back to {boroughName}</BackLink>
      <span className="govuk-caption-l">{boroughName}</span>
      <h1 className="govuk-heading-l">People with access</h1>
      <p className="govuk-body">
        Everyone in {boroughName} who can use the portal. To add someone, change what they can do or remove their
        access, contact the LCPF team at MOPAC.
      </p>

      <h2 className="govuk-heading-m">Your CSP’s endorsers</h2>
      {endorsers.length === 0 ? (
        <WarningText>
          No CSP member of {boroughName} may endorse proposals, so a proposal cannot be sent to the CSP. Ask the LCPF
          team at MOPAC to give a CSP member that permission.
        </WarningText>
      ) : (
        <ul className="govuk-list govuk-list--bullet" data-testid="endorsers">
          {endorsers.map((p) => (
            <li key={p.id}>
              {p.name} ({p.email})
            </li>
          ))}
        </ul>
      )}

      <Table
        caption="Borough officers"
        captionSize="m"
        firstCellIsHeader
        head={["Name", "Email address"]}
        rows={officers.map((p) => personCells(p, false))}
      />
      <Table
        caption="CSP members"
        captionSize="m"
        firstCellIsHeader
        head={["Name", "Email address", "May endorse"]}
        rows={cspMembers.map((p) => personCells(p, true))}
      />
    </>
  );
}
