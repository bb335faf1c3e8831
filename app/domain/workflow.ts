import { belongsToProposalBorough, canViewProposal, isMopacStaff } from "~/domain/access";
import type { Actor } from "~/domain/roles";
// Type only: the state table names the colour GOV.UK draws each state with; the one definition is the Tag's.
import type { TagColour } from "~/ui/tag";

/**
 * The route of a proposal (DOMAIN.md, "The route of a proposal") and who may take each step.
 * Every rule lives in ACTION_RULES below; routes ask decide() and never re-implement it.
 */

type StateDefinition = {
  id: string;
  label: string;
  tagColour: TagColour;
  /** Completes "... because it ___", for refusals. */
  situation: string;
  /** The sentence when someone tries to move the proposal to where it already is. */
  alreadyThere: string;
};

export const STATES = [
  {
    id: "draft",
    label: "Draft",
    tagColour: "grey",
    situation: "is still a draft",
    alreadyThere: "This proposal is already a draft",
  },
  {
    id: "awaiting_csp",
    label: "Awaiting CSP endorsement",
    tagColour: "yellow",
    situation: "is awaiting CSP endorsement",
    alreadyThere: "This proposal is already awaiting CSP endorsement",
  },
  {
    id: "submitted",
    label: "Submitted to MOPAC",
    tagColour: "blue",
    situation: "is waiting to be routed to a MOPAC reviewer",
    alreadyThere: "This proposal has already been submitted to MOPAC",
  },
  {
    id: "in_review",
    label: "In review",
    tagColour: "purple",
    situation: "is in review with MOPAC",
    alreadyThere: "This proposal is already in review",
  },
  {
    id: "changes_requested",
    label: "Changes requested",
    tagColour: "orange",
    situation: "is back with the borough for changes",
    alreadyThere: "Changes have already been requested on this proposal",
  },
  {
    id: "approved",
    label: "Approved",
    tagColour: "green",
    situation: "has been approved",
    alreadyThere: "This proposal has already been approved",
  },
  {
    id: "rejected",
    label: "Rejected",
    tagColour: "red",
    situation: "has been rejected",
    alreadyThere: "This proposal has already been rejected",
  },
  {
    id: "withdrawn",
    label: "Withdrawn",
    tagColour: "grey",
    situation: "has been withdrawn",
    alreadyThere: "This proposal has already been withdrawn",
  },
] as const satisfies readonly StateDefinition[];

export type State = (typeof STATES)[number]["id"];

const STATE_BY_ID: ReadonlyMap<string, StateDefinition> = new Map(STATES.map((s) => [s.id, s]));

function stateDefinition(state: State): StateDefinition {
  const found = STATE_BY_ID.get(state);
  if (!found) throw new RangeError(`Unknown proposal state: ${String(state)}`);
  return found;
}

export function isState(value: unknown): value is State {
  return typeof value === "string" && STATE_BY_ID.has(value);
}

export function stateLabel(state: State): string {
  return stateDefinition(state).label;
}

export function stateTagColour(state: State): TagColour {
  return stateDefinition(state).tagColour;
}

/**
 * A review is open from the CSP's endorsement until MOPAC decides: waiting to be routed, or with a
 * reviewer. Written once here; the routing load, the overdue flag and reassigning all read it.
 */
export const OPEN_REVIEW_STATES = ["submitted", "in_review"] as const satisfies readonly State[];

export function isOpenReview(state: State): boolean {
  return (OPEN_REVIEW_STATES as readonly State[]).includes(state);
}

/** Every state after the CSP's endorsement implies the proposal has reached MOPAC at least once. */
const STATES_AFTER_SUBMISSION: ReadonlySet<State> = new Set<State>([
  "submitted",
  "in_review",
  "changes_requested",
  "approved",
  "rejected",
]);

export const ACTIONS = [
  "send_to_csp",
  "withdraw",
  "endorse",
  "return_to_officers",
  "start_review",
  "request_changes",
  "approve",
  "reject",
  "comment",
  "reassign",
  "edit",
] as const;

export type Action = (typeof ACTIONS)[number];

export function isAction(value: unknown): value is Action {
  return typeof value === "string" && (ACTIONS as readonly string[]).includes(value);
}

/** What the workflow needs to know about a proposal. */
export type WorkflowProposal = {
  boroughIds: readonly number[];
  /**
   * Whose CSP endorsers may endorse: a partnership may name one member borough's (MOPAC decides per
   * partnership). Unset means every borough of the proposal.
   */
  endorsingBoroughIds?: readonly number[];
  /** The MOPAC reviewer the submission was routed to; null until it is routed. */
  assignedReviewerId: number | null;
  /**
   * Whether it has reached MOPAC before. Only matters in draft, awaiting CSP and withdrawn
   * (a proposal returned for changes can come back to draft); later states imply it.
   */
  everSubmitted?: boolean;
};

type Who = {
  /** Completes "Only ___ can ...". */
  label: string;
  allows: (actor: Actor, proposal: WorkflowProposal) => boolean;
};

const WHO = {
  boroughOfficer: {
    label: "a borough officer of this proposal’s borough",
    allows: (actor, proposal) =>
      actor.kind !== "system" &&
      actor.role === "borough_officer" &&
      belongsToProposalBorough(actor, proposal.boroughIds),
  },
  cspEndorser: {
    label: "the CSP member with permission to endorse",
    allows: (actor, proposal) =>
      actor.kind !== "system" &&
      actor.role === "csp_member" &&
      actor.canEndorse &&
      belongsToProposalBorough(actor, proposal.endorsingBoroughIds ?? proposal.boroughIds),
  },
  assignedReviewer: {
    label: "the MOPAC reviewer assigned to this proposal",
    allows: (actor, proposal) =>
      actor.kind !== "system" &&
      actor.role === "mopac_reviewer" &&
      isMopacStaff(actor) &&
      proposal.assignedReviewerId !== null &&
      actor.userId === proposal.assignedReviewerId,
  },
  assignedReviewerOrAdmin: {
    label: "the MOPAC reviewer assigned to this proposal, or a MOPAC admin",
    allows: (actor, proposal) =>
      actor.kind !== "system" &&
      isMopacStaff(actor) &&
      (actor.role === "mopac_admin" ||
        (actor.role === "mopac_reviewer" &&
          proposal.assignedReviewerId !== null &&
          actor.userId === proposal.assignedReviewerId)),
  },
  mopacStaff: {
    label: "a MOPAC reviewer or admin",
    allows: (actor) => actor.kind !== "system" && isMopacStaff(actor),
  },
  system: {
    label: "the portal itself",
    allows: (actor) => actor.kind === "system",
  },
} as const satisfies Record<string, Who>;

/** A free-text field the action asks for; it is recorded with the step in the proposal's history. */
export type CommentRule =
  | {
      required: true;
      /** The field's label on the form. */
      label: string;
      /** The error when it is left empty. */
      missing: string;
    }
  | { required: false; label: string };

export type Requirements = {
  /** The proposal's blocking issues must be passed in and must be none. */
  noBlockers: boolean;
  /** The date of the CSP meeting: a real yyyy-mm-dd date, today or earlier. */
  meetingDate: boolean;
  /** An active MOPAC reviewer other than the one assigned now, to hand the review to. */
  newReviewer: boolean;
  comment: CommentRule | null;
};

export type ActionRule = {
  action: Action;
  from: readonly State[];
  /** Null for actions that need permission but leave the state as it is. */
  to: State | null;
  who: Who;
  requires: Requirements;
  /** Button text. */
  label: string;
  /** Completes "Only ... can ___" and "You cannot ___ because ...". */
  doing: string;
};

export const ACTION_RULES: readonly ActionRule[] = [
  {
    action: "send_to_csp",
    from: ["draft", "changes_requested"],
    to: "awaiting_csp",
    who: WHO.boroughOfficer,
    requires: {
      noBlockers: true,
      meetingDate: false,
      newReviewer: false,
      comment: { required: false, label: "Note for the CSP (optional)" },
    },
    label: "Send to CSP for endorsement",
    doing: "send this proposal to the CSP",
  },
  {
    action: "withdraw",
    from: ["draft", "awaiting_csp"],
    to: "withdrawn",
    who: WHO.boroughOfficer,
    requires: {
      noBlockers: false,
      meetingDate: false,
      newReviewer: false,
      comment: { required: false, label: "Reason for withdrawing (optional)" },
    },
    label: "Withdraw proposal",
    doing: "withdraw this proposal",
  },
  {
    action: "endorse",
    from: ["awaiting_csp"],
    to: "submitted",
    who: WHO.cspEndorser,
    requires: {
      noBlockers: false,
      meetingDate: true,
      newReviewer: false,
      comment: { required: false, label: "Note from the CSP meeting (optional)" },
    },
    label: "Record CSP endorsement",
    doing: "endorse this proposal",
  },
  {
    action: "return_to_officers",
    from: ["awaiting_csp"],
    to: "draft",
    who: WHO.cspEndorser,
    requires: {
      noBlockers: false,
      meetingDate: false,
      newReviewer: false,
      comment: {
        required: true,
        label: "Comments for the borough officers",
        missing: "Enter your comments for the borough officers",
      },
    },
    label: "Return to borough officers",
    doing: "return this proposal to the borough officers",
  },
  {
    action: "start_review",
    from: ["submitted"],
    to: "in_review",
    who: WHO.system,
    requires: { noBlockers: false, meetingDate: false, newReviewer: false, comment: null },
    label: "Start review",
    doing: "start the review of this proposal",
  },
  {
    action: "request_changes",
    from: ["in_review"],
    to: "changes_requested",
    who: WHO.assignedReviewer,
    requires: {
      noBlockers: false,
      meetingDate: false,
      newReviewer: false,
      comment: { required: true, label: "Feedback for the borough", missing: "Enter your feedback for the borough" },
    },
    label: "Request changes",
    doing: "request changes to this proposal",
  },
  {
    action: "approve",
    from: ["in_review"],
    to: "approved",
    who: WHO.assignedReviewer,
    requires: {
      noBlockers: false,
      meetingDate: false,
      newReviewer: false,
      comment: { required: false, label: "Note for the borough (optional)" },
    },
    label: "Approve proposal",
    doing: "approve this proposal",
  },
  {
    action: "reject",
    from: ["in_review"],
    to: "rejected",
    who: WHO.assignedReviewer,
    requires: {
      noBlockers: false,
      meetingDate: false,
      newReviewer: false,
      comment: {
        required: true,
        label: "Reasons for rejecting",
        missing: "Enter the reasons for rejecting this proposal",
      },
    },
    label: "Reject proposal",
    doing: "reject this proposal",
  },
  {
    action: "comment",
    from: ["in_review"],
    to: null,
    who: WHO.mopacStaff,
    requires: {
      noBlockers: false,
      meetingDate: false,
      newReviewer: false,
      comment: { required: true, label: "Comment", missing: "Enter a comment" },
    },
    label: "Add comment",
    doing: "comment on this proposal",
  },
  {
    action: "reassign",
    // Handing over: the assigned reviewer passes it on, or an admin moves any review. Nobody takes
    // a review for themselves, so a reviewer who is not assigned cannot reassign it.
    from: OPEN_REVIEW_STATES,
    to: null,
    who: WHO.assignedReviewerOrAdmin,
    requires: {
      noBlockers: false,
      meetingDate: false,
      newReviewer: true,
      comment: { required: false, label: "Reason for reassigning (optional)" },
    },
    label: "Reassign reviewer",
    doing: "reassign this proposal",
  },
  {
    action: "edit",
    from: ["draft", "changes_requested"],
    to: null,
    who: WHO.boroughOfficer,
    requires: { noBlockers: false, meetingDate: false, newReviewer: false, comment: null },
    label: "Edit proposal",
    doing: "edit this proposal",
  },
];

const RULE_BY_ACTION: ReadonlyMap<Action, ActionRule> = (() => {
  const byAction = new Map<Action, ActionRule>();
  for (const rule of ACTION_RULES) {
    if (byAction.has(rule.action)) throw new Error(`Two workflow rules for the action ${rule.action}`);
    byAction.set(rule.action, rule);
  }
  for (const action of ACTIONS) {
    if (!byAction.has(action)) throw new Error(`No workflow rule for the action ${action}`);
  }
  return byAction;
})();

export function actionRule(action: Action): ActionRule {
  const rule = RULE_BY_ACTION.get(action);
  if (!rule) throw new RangeError(`Unknown workflow action: ${String(action)}`);
  return rule;
}

/** Whether the action moves the proposal to another state (and so is a step in its history). */
export function isTransition(action: Action): boolean {
  return actionRule(action).to !== null;
}

/** A proposal's content may change only where the edit rule allows it. */
export function isEditableState(state: State): boolean {
  return actionRule("edit").from.includes(state);
}

export type ActionInput = {
  comment?: string | null;
  meetingDate?: string | null;
  /** The proposal's blocking issues (over-planning, missing answers), worked out by the caller. */
  blockers?: readonly string[];
  /** For reassigning: the reviewer chosen, and whether they are an active MOPAC reviewer. */
  newReviewer?: { id: number; activeReviewer: boolean } | null;
};

export type DecideInput = {
  action: Action;
  state: State;
  actor: Actor;
  proposal: WorkflowProposal;
  input?: ActionInput;
  /** yyyy-mm-dd, the date in London; passed in so the rule stays pure. */
  today: string;
};

export type RefusalStatus = 403 | 404 | 409 | 422;

export type Refusal = {
  ok: false;
  status: RefusalStatus;
  reason: string;
  /** For 422: the form field the reason belongs to. */
  field?: "comment" | "meetingDate" | "blockers" | "reviewerId";
  /** For blocked sends: each blocking issue, for the page to list. */
  blockers?: readonly string[];
};

export type Decision = { ok: true; to: State } | Refusal;

export const NOT_FOUND_REASON = "We could not find that proposal";

export const MEETING_DATE_MESSAGES = {
  missing: "Enter the date of the CSP meeting",
  notReal: "The date of the CSP meeting must be a real date",
  future: "The date of the CSP meeting must be today or in the past",
} as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** yyyy-mm-dd naming a day that exists (so 2017-02-29 and 2017-02-30 do not). */
export function isRealIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The CSP meeting date check on its own, so the endorsement form can show the same message. */
export function checkMeetingDate(value: string | null | undefined, today: string): string | null {
  if (!isRealIsoDate(today)) throw new RangeError(`today must be a real yyyy-mm-dd date, got ${today}`);
  const trimmed = value?.trim() ?? "";
  if (trimmed === "") return MEETING_DATE_MESSAGES.missing;
  if (!isRealIsoDate(trimmed)) return MEETING_DATE_MESSAGES.notReal;
  // Same-format ISO dates compare correctly as strings.
  if (trimmed > today) return MEETING_DATE_MESSAGES.future;
  return null;
}

export const NEW_REVIEWER_MESSAGES = {
  missing: "Choose an active MOPAC reviewer",
  same: "Choose a reviewer other than the one assigned now",
} as const;

function checkInput(rule: ActionRule, input: ActionInput, proposal: WorkflowProposal, today: string): Refusal | null {
  const { requires } = rule;
  if (requires.noBlockers) {
    // Missing blockers means nobody checked the proposal; refuse rather than assume it is fine.
    if (input.blockers === undefined) {
      return {
        ok: false,
        status: 422,
        field: "blockers",
        reason: "This proposal could not be checked for problems, so it cannot be sent yet",
      };
    }
    if (input.blockers.length > 0) {
      return {
        ok: false,
        status: 422,
        field: "blockers",
        blockers: input.blockers,
        reason: `Fix these problems before you ${rule.doing}: ${input.blockers.join("; ")}`,
      };
    }
  }
  if (requires.meetingDate) {
    const problem = checkMeetingDate(input.meetingDate, today);
    if (problem) return { ok: false, status: 422, field: "meetingDate", reason: problem };
  }
  if (requires.newReviewer) {
    const chosen = input.newReviewer;
    if (!chosen || !chosen.activeReviewer)
      return { ok: false, status: 422, field: "reviewerId", reason: NEW_REVIEWER_MESSAGES.missing };
    if (chosen.id === proposal.assignedReviewerId)
      return { ok: false, status: 422, field: "reviewerId", reason: NEW_REVIEWER_MESSAGES.same };
  }
  if (requires.comment?.required && (input.comment ?? "").trim() === "") {
    return { ok: false, status: 422, field: "comment", reason: requires.comment.missing };
  }
  return null;
}

function canSee(state: State, actor: Actor, proposal: WorkflowProposal): boolean {
  const everSubmitted = (proposal.everSubmitted ?? false) || STATES_AFTER_SUBMISSION.has(state);
  return canViewProposal(actor, { boroughIds: proposal.boroughIds, everSubmitted });
}

/**
 * May this actor take this action now? Checks run in the order the statuses promise:
 * can they see the proposal at all (404), may their role take the action (403), does the
 * state allow it (409), is the input complete and valid (422).
 */
export function decide({ action, state, actor, proposal, input = {}, today }: DecideInput): Decision {
  const allowed = mayAttempt(action, state, actor, proposal);
  if (!allowed.ok) return allowed;
  const invalid = checkInput(actionRule(action), input, proposal, today);
  if (invalid) return invalid;
  return allowed;
}

/**
 * Whether this person may take this step in this state at all, before looking at what they typed:
 * what a page asks before it shows the form for the step.
 */
export function mayAttempt(action: Action, state: State, actor: Actor, proposal: WorkflowProposal): Decision {
  if (!canSee(state, actor, proposal)) return { ok: false, status: 404, reason: NOT_FOUND_REASON };

  const rule = RULE_BY_ACTION.get(action);
  if (!rule) return { ok: false, status: 422, reason: "That is not something you can do to a proposal" };

  if (!rule.who.allows(actor, proposal)) {
    return { ok: false, status: 403, reason: `Only ${rule.who.label} can ${rule.doing}` };
  }

  if (!rule.from.includes(state)) {
    const current = stateDefinition(state);
    if (rule.to === state) return { ok: false, status: 409, reason: current.alreadyThere };
    return { ok: false, status: 409, reason: `You cannot ${rule.doing} because it ${current.situation}` };
  }

  return { ok: true, to: rule.to ?? state };
}

export function availableActions(state: State, actor: Actor, proposal: WorkflowProposal): readonly ActionRule[] {
  if (!canSee(state, actor, proposal)) return [];
  return ACTION_RULES.filter((rule) => rule.from.includes(state) && rule.who.allows(actor, proposal));
}
