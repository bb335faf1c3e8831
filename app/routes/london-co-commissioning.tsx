import { requireMopacStaff } from "~/auth/mopac-only.server";
import { londonCoCommissioningPage } from "~/data/london.server";
import { db } from "~/db.server";
import { todayInLondon } from "~/domain/dates";
import { formatPounds } from "~/domain/money";
import { DEMO_TAG, LondonFrame } from "~/ui/london";
import { coCommissioningTables } from "~/ui/london.server";
import { Prerendered } from "~/ui/prerendered";
import type { Route } from "./+types/london-co-commissioning";

/** Candidate projects of all boroughs, grouped by primary priority and similar service, against London's pot. */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireMopacStaff(request);
  const { view, ...choice } = await londonCoCommissioningPage(db(), new URL(request.url).searchParams, todayInLondon());
  if (!view || !choice.chosen) return { ...choice, view: null };
  const { londonPot, opportunities } = view;
  // The tables are read-only markup rendered once per distinct set of candidates: only London's pot goes to the browser.
  return {
    ...choice,
    view: {
      londonPot,
      tables: coCommissioningTables(context, { opportunities, londonPot, yearLabel: choice.chosen.label }),
    },
  };
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
  const { londonPot, tables } = view;
  return (
    <LondonFrame section="co-commissioning" choice={choice}>
      <h2 className="govuk-heading-m">Co-commissioning opportunities</h2>
      <p className="govuk-body">
        Projects boroughs flagged as co-commissioning candidates, under their primary priority. Similar services (the
        same provider and categories, or titles sharing at least half their words) are listed together with their total.
        London’s co-commissioned pot for {label} is {formatPounds(londonPot.pence)}
        {londonPot.isDemoFigure ? DEMO_TAG : null}.
      </p>
      <Prerendered fragment={tables} />
    </LondonFrame>
  );
}
