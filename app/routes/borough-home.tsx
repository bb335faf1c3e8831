import { requireUser } from "~/auth/guard.server";
import { allocationsForBorough, splitRuleForRound } from "~/data/rounds.server";
import { db } from "~/db.server";
import { formatPounds } from "~/domain/money";
import { splitAllocation } from "~/domain/split";
import { pageTitle } from "~/ui/page-title";
import type { Route } from "./+types/borough-home";

export const meta: Route.MetaFunction = ({ data }) => [{ title: pageTitle(data?.boroughName ?? "Your borough") }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request, ["borough_officer", "csp_member"]);
  const years = await allocationsForBorough(db(), user.organisation_id);
  const rules = new Map<number, Awaited<ReturnType<typeof splitRuleForRound>>>();
  for (const year of years) if (!rules.has(year.roundId)) rules.set(year.roundId, await splitRuleForRound(db(), year.roundId));
  return {
    boroughName: user.organisation_name,
    role: user.role,
    years: years.map((year) => ({
      ...year,
      split:
        year.allocationPence === null ? null : splitAllocation(year.allocationPence, year.position, rules.get(year.roundId)!),
    })),
  };
}

export default function BoroughHome({ loaderData }: Route.ComponentProps) {
  const { boroughName, years } = loaderData;
  const hasDemoFigure = years.some((year) => year.isDemoFigure);
  return (
    <>
      <span className="govuk-caption-l">London Crime Prevention Fund</span>
      <h1 className="govuk-heading-l">{boroughName}</h1>

      <h2 className="govuk-heading-m">Allocations</h2>
      {hasDemoFigure ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Figures marked “demo figure” are invented for demonstration. They are not MOPAC allocations.
          </strong>
        </div>
      ) : null}
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">
          {boroughName}’s allocation for each financial year
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Financial year
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Allocation
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Direct borough funding
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Co-commissioned services
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {years.map((year) => (
            <tr key={year.id} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {year.label}
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{year.periodName}</span>
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {year.allocationPence === null ? (
                  "Not set yet"
                ) : (
                  <>
                    {formatPounds(year.allocationPence)}
                    {year.isDemoFigure ? (
                      <strong className="govuk-tag govuk-tag--yellow govuk-!-margin-left-1">Demo figure</strong>
                    ) : null}
                    {year.upliftPence ? (
                      <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                        including {formatPounds(year.upliftPence)} uplift
                      </span>
                    ) : null}
                  </>
                )}
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {year.split ? formatPounds(year.split.directPence) : "–"}
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {year.split ? formatPounds(year.split.coCommissionedPence) : "–"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
