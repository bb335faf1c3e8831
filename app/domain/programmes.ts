import type { PriorityTotal } from "./proposal-checks";
import type { State } from "./workflow";

/**
 * An endorsed programme is a proposal the CSP has sent to MOPAC and that is still MOPAC's or decided:
 * from "submitted" on. A proposal sent back for changes stays the endorsed programme until the officers
 * send it to the CSP again; a withdrawn one never was.
 */
export const ENDORSED_STATES = [
  "submitted",
  "in_review",
  "changes_requested",
  "approved",
  "rejected",
] as const satisfies readonly State[];

export function isEndorsedProgramme(state: State): boolean {
  return (ENDORSED_STATES as readonly State[]).includes(state);
}

type GroupableProject = { primaryPriorityId: number | null };

export type PriorityGroup<P> = {
  priorityId: number | null;
  name: string;
  /** The priority's total from the proposal's own summary: it counts each project under its primary priority only. */
  total: PriorityTotal;
  /** A total built from a demo figure is itself a demo figure (the summary's own mark). */
  hasDemoFigure: boolean;
  projects: P[];
};

/**
 * The projects under their primary priority, in the order (and with the totals) of the summary's
 * priority totals, so the figures are never worked out a second time. Priorities without projects are left out.
 */
export function groupByPrimaryPriority<P extends GroupableProject>(
  totals: readonly PriorityTotal[],
  projects: readonly P[],
): PriorityGroup<P>[] {
  return totals
    .map((total) => {
      const members = projects.filter((p) => p.primaryPriorityId === total.priorityId);
      return {
        priorityId: total.priorityId,
        name: total.name,
        total,
        hasDemoFigure: total.totalIsDemoFigure,
        projects: members,
      };
    })
    .filter((group) => group.projects.length > 0);
}

type Event = { action: string; projectId: number | null; comment: string | null };

const DECISIONS = new Set(["approve", "reject"]);
const OVERALL_FEEDBACK = new Set(["request_changes", "approve", "reject", "comment"]);

/** MOPAC's decision: the latest approval or rejection, if any. */
export function latestDecision<E extends Event>(history: readonly E[]): E | null {
  return [...history].reverse().find((e) => DECISIONS.has(e.action)) ?? null;
}

/** The latest endorsement by the CSP, with its meeting date. */
export function latestEndorsement<E extends Event>(history: readonly E[]): E | null {
  return [...history].reverse().find((e) => e.action === "endorse") ?? null;
}

/** MOPAC's words on the programme as a whole (not on one project), newest first. */
export function overallFeedback<E extends Event>(history: readonly E[]): E[] {
  return [...history]
    .reverse()
    .filter((e) => e.projectId === null && OVERALL_FEEDBACK.has(e.action) && (e.comment ?? "").trim() !== "");
}

/** A file name people recognise once downloaded: borough and period, lower case, no spaces. */
export function programmeFileName(boroughNames: readonly string[], periodName: string): string {
  const slug = `${boroughNames.join(" ")} ${periodName}`
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `lcpf-programme-${slug || "proposal"}.pdf`;
}
