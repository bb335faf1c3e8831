import { requireMopacStaff } from "~/auth/mopac-only.server";
import { londonChoice, londonInput } from "~/data/london.server";
import { db } from "~/db.server";
import { todayInLondon } from "~/domain/dates";
import { londonPrioritySpend } from "~/domain/london";
import { formatPounds } from "~/domain/money";
import { Table } from "~/ui";
import { BarChart } from "~/ui/bar-chart";
import { LondonFrame, moneyCell } from "~/ui/london";
import type { Route } from "./+types/london-priorities";

/** Planned spend per primary priority across London: a chart and the same figures as a table. */
export async function loader({ request }: Route.LoaderArgs) {
  await requireMopacStaff(request);
  const choice = await londonChoice(db(), new URL(request.url).searchParams);
  if (!choice.chosen) return { ...choice, view: null };
  const input = await londonInput(db(), choice.chosen, todayInLondon(), "priorities");
  return {
    ...choice,
    view: {
      prioritySpend: londonPrioritySpend(input).map(({ name, pence, isDemoFigure }) => ({ name, pence, isDemoFigure })),
    },
  };
}

export default function LondonPriorities({ loaderData }: Route.ComponentProps) {
  const { view, ...choice } = loaderData;
  const label = choice.chosen?.label ?? "";
  return (
    <LondonFrame section="priorities" choice={choice}>
      {view ? (
        <>
          <h2 className="govuk-heading-m">Planned spend per priority</h2>
          <p className="govuk-body">
            Across all London proposals for {label}, counting each project under its primary priority.
          </p>
          <BarChart
            title={`Planned spend per priority across London, ${label}`}
            description={view.prioritySpend
              .map((p) => `${p.name}: ${formatPounds(p.pence)}${p.isDemoFigure ? " (demo figure)" : ""}`)
              .join("; ")}
            bars={view.prioritySpend.map((p) => ({
              label: p.name,
              value: p.pence,
              valueText: formatPounds(p.pence),
              isDemoFigure: p.isDemoFigure,
            }))}
          />
          <Table
            caption="Planned spend per priority (the figures in the chart)"
            captionSize="s"
            firstCellIsHeader
            head={["Priority", { content: "Planned spend", format: "numeric" }]}
            rows={view.prioritySpend.map((p) => [p.name, moneyCell({ pence: p.pence, isDemoFigure: p.isDemoFigure })])}
          />
        </>
      ) : null}
    </LondonFrame>
  );
}
