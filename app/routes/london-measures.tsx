import { requireMopacStaff } from "~/auth/mopac-only.server";
import { londonChoice, londonInput } from "~/data/london.server";
import { db } from "~/db.server";
import { todayInLondon } from "~/domain/dates";
import { londonCoverage } from "~/domain/london";
import { Table, Tag, type TableCell } from "~/ui";
import { LondonFrame } from "~/ui/london";
import type { Route } from "./+types/london-measures";

/** Which boroughs’ programmes address each mandatory measure, and which measures nobody addresses. */
export async function loader({ request }: Route.LoaderArgs) {
  await requireMopacStaff(request);
  const choice = await londonChoice(db(), new URL(request.url).searchParams);
  if (!choice.chosen) return { ...choice, view: null };
  const input = await londonInput(db(), choice.chosen, todayInLondon(), "measures");
  return {
    ...choice,
    view: {
      boroughCount: input.boroughs.length,
      coverage: londonCoverage(input).map(({ measure, boroughs }) => ({ measure, boroughs })),
    },
  };
}

export default function LondonMeasures({ loaderData }: Route.ComponentProps) {
  const { view, ...choice } = loaderData;
  if (!view)
    return (
      <LondonFrame section="measures" choice={choice}>
        {null}
      </LondonFrame>
    );
  const { coverage, boroughCount } = view;
  const uncovered = coverage.filter((measure) => measure.boroughs.length === 0);
  return (
    <LondonFrame section="measures" choice={choice}>
      <h2 className="govuk-heading-m">Mandatory measures coverage</h2>
      {uncovered.length > 0 ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            No programme addresses {uncovered.length} of the {coverage.length} mandatory measures.
          </strong>
        </div>
      ) : null}
      <Table
        caption="Which boroughs’ programmes address each mandatory measure"
        captionSize="s"
        firstCellIsHeader
        head={["Measure", { content: "Programmes", format: "numeric" }, "Boroughs"]}
        rows={coverage.map((m): TableCell[] => [
          m.measure,
          { content: m.boroughs.length, format: "numeric" },
          {
            content:
              m.boroughs.length === 0 ? (
                <Tag colour="red">No programme</Tag>
              ) : m.boroughs.length === boroughCount ? (
                `All ${boroughCount} boroughs`
              ) : (
                m.boroughs.join(", ")
              ),
          },
        ])}
      />
    </LondonFrame>
  );
}
