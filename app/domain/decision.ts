import { assertNonNegativePence } from "~/domain/money";

/**
 * The published shape of a MOPAC allocation decision (a table of borough and amount with a
 * total row, as in DMPCD 2015 96 section 1.9) and who may take it. Under MOPAC's Scheme of
 * Delegation the Chief Executive may sign grant arrangements of £499,000 or less (PCD 174,
 * paragraph 9.5); anything larger needs a decision of the Deputy Mayor for Policing and Crime.
 */

/** £499,000: the largest amount the Chief Executive may sign; one penny more needs the DMPC. */
export const CHIEF_EXECUTIVE_LIMIT_PENCE = 499_000_00;

export type DecisionRoute = "chief_executive" | "dmpc";

export const DECISION_ROUTE_LABEL: Record<DecisionRoute, string> = {
  chief_executive: "Chief Executive (within the £499,000 delegation)",
  dmpc: "DMPC decision (above the Chief Executive’s £499,000 limit)",
};

export function decisionRouteFor(amountPence: number): DecisionRoute {
  assertNonNegativePence(amountPence, "amountPence");
  return amountPence > CHIEF_EXECUTIVE_LIMIT_PENCE ? "dmpc" : "chief_executive";
}

export type DecisionAllocation = {
  /** The borough, or the partnership of a joint bid ("Tri-borough"). */
  name: string;
  /** null while MOPAC has not set the allocation of every borough of the bid. */
  amountPence: number | null;
  isDemoFigure: boolean;
};

export type DecisionRow = DecisionAllocation & { route: DecisionRoute | null };

export type DecisionTable = {
  rows: DecisionRow[];
  totalPence: number;
  /** The total adds up demo figures, so it is one too. */
  totalIsDemoFigure: boolean;
  /** Rows whose amount is not set and so are missing from the total. */
  rowsNotSet: number;
  /** How the allocations together are approved: the decision covers the total. */
  route: DecisionRoute;
};

/** The table in the order given (callers sort by name), with each row's and the total's route. */
export function decisionTable(allocations: readonly DecisionAllocation[]): DecisionTable {
  let totalPence = 0;
  let totalIsDemoFigure = false;
  let rowsNotSet = 0;
  const rows = allocations.map((allocation): DecisionRow => {
    if (allocation.amountPence === null) {
      rowsNotSet += 1;
      return { ...allocation, route: null };
    }
    totalPence += allocation.amountPence;
    totalIsDemoFigure ||= allocation.isDemoFigure;
    return { ...allocation, route: decisionRouteFor(allocation.amountPence) };
  });
  return { rows, totalPence, totalIsDemoFigure, rowsNotSet, route: decisionRouteFor(totalPence) };
}
