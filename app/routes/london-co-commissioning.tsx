import { requireMopacStaff } from "~/auth/mopac-only.server";
import { londonChoice, londonInput } from "~/data/london.server";
import { db } from "~/db.server";
import { todayInLondon } from "~/domain/dates";
import { londonCoCommissioning, type Opportunity } from "~/domain/london";
import { formatPounds } from "~/domain/money";
import { Table, type TableCell } from "~/ui";
import { DEMO_TAG, LondonFrame, money, moneyCell } from "~/ui/london";
import type { Route } from "./+types/london-co-commissioning";

/** Candidate projects of all boroughs, grouped by primary priority and similar service, against London's pot. */
export async function loader({ request }: Route.LoaderArgs) {
  await requireMopacStaff(request);
  const choice = await londonChoice(db(), new URL(request.url).searchParams);
  if (!choice.chosen) return { ...choice, view: null };
  const { londonPot, opportunities } = londonCoCommissioning(
    await londonInput(db(), choice.chosen, todayInLondon(), "co-commissioning"),
  );
  // Only what the page shows goes to the browser.
  return {
    ...choice,
    view: {
      londonPot,
      opportunities: opportunities.map(({ priority, boroughCount, total, projects }) => ({
        priority,
        boroughCount,
        total,
        projects: projects.map(({ borough, title, pence, isDemoFigure }) => ({ borough, title, pence, isDemoFigure })),
      })),
    },
  };
}

/** The groups under each priority, keeping the domain's order (priorities in plan order, larger groups first). */
type ShownOpportunity = Pick<Opportunity, "priority" | "boroughCount" | "total"> & {
  projects: Pick<Opportunity["projects"][number], "borough" | "title" | "pence" | "isDemoFigure">[];
};

function byPriority(opportunities: readonly ShownOpportunity[]) {
  const sections: { priority: string; groups: ShownOpportunity[] }[] = [];
  for (const group of opportunities) {
    const last = sections[sections.length - 1];
    if (last && last.priority === group.priority) last.groups.push(group);
    else sections.push({ priority: group.priority, groups: [group] });
  }
  return sections;
}

export default function LondonCoCommissioning({ loaderData }: Route.ComponentProps) {
  const { view, ...choice } = loaderData;
  const label = choice.chosen?.label ?? "";
  if (!view)
    return (
      <LondonFrame section="co-commissioning" choice={choice}>
        {null}
      </LondonFrame>
    );
  const { londonPot, opportunities } = view;
  return (
    <LondonFrame section="co-commissioning" choice={choice}>
      <h2 className="govuk-heading-m">Co-commissioning opportunities</h2>
      <p className="govuk-body">
        Projects boroughs flagged as co-commissioning candidates, under their primary priority. Similar services (the
        same provider and categories, or titles sharing at least half their words) are listed together with their total.
        London’s co-commissioned pot for {label} is {formatPounds(londonPot.pence)}
        {londonPot.isDemoFigure ? DEMO_TAG : null}.
      </p>
      {opportunities.length === 0 ? (
        <p className="govuk-body">No borough has flagged a candidate for this period.</p>
      ) : (
        byPriority(opportunities).map(({ priority, groups }) => (
          <Table
            key={priority}
            caption={`${priority}: ${groups.reduce((n, g) => n + g.projects.length, 0)} candidates`}
            captionSize="s"
            head={["Borough", "Project", { content: `${label} amount`, format: "numeric" }]}
            rows={groups.flatMap((group): TableCell[][] => [
              ...group.projects.map((p): TableCell[] => [
                p.borough,
                p.title,
                moneyCell({ pence: p.pence, isDemoFigure: p.isDemoFigure }),
              ]),
              // A total only where similar services could be commissioned together.
              ...(group.projects.length > 1
                ? [
                    [
                      {
                        content: `Similar service, ${group.boroughCount} boroughs`,
                        className: "app-table-numeric-total",
                      },
                      {
                        content:
                          londonPot.pence > 0 ? (
                            <>together, against London’s pot of {money(londonPot)}</>
                          ) : (
                            "together (no pot this year)"
                          ),
                      },
                      {
                        content: money(group.total),
                        format: "numeric",
                        className: "app-table-numeric-total",
                      },
                    ] satisfies TableCell[],
                  ]
                : []),
            ])}
          />
        ))
      )}
    </LondonFrame>
  );
}
