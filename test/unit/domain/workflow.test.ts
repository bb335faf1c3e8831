import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canViewProposal } from "~/domain/access";
import { ROLES, SYSTEM_ACTOR, type Actor, type Role, type UserActor } from "~/domain/roles";
import {
  ACTION_RULES,
  ACTIONS,
  MEETING_DATE_MESSAGES,
  NEW_REVIEWER_MESSAGES,
  OPEN_REVIEW_STATES,
  NOT_FOUND_REASON,
  STATES,
  actionRule,
  availableActions,
  checkMeetingDate,
  decide,
  isAction,
  isEditableState,
  isOpenReview,
  isRealIsoDate,
  isState,
  isTransition,
  stateLabel,
  stateTagColour,
  type Action,
  type ActionInput,
  type Decision,
  type State,
  type WorkflowProposal,
} from "~/domain/workflow";

// Organisation ids as the database would hand them out; the names are the real boroughs.
const BARKING_AND_DAGENHAM = 1;
const HAVERING = 16;
const HAMMERSMITH_AND_FULHAM = 12;
const KENSINGTON_AND_CHELSEA = 19;
const WESTMINSTER = 32;
const MOPAC = 100;
const ASSIGNED_REVIEWER = 501;
const OTHER_REVIEWER = 502;
const ADMIN = 601;

/**
 * The dates of DOMAIN.md's worked example: Barking and Dagenham's CSP report (and so its
 * meeting) is dated 7 February 2017; MOPAC's feedback came around 23 February 2017.
 */
const CSP_MEETING = "2017-02-07";
const MOPAC_FEEDBACK = "2017-02-23";

// Written out here rather than imported, so a new state or action fails the test until it is thought through.
const ALL_STATES: readonly State[] = [
  "draft",
  "awaiting_csp",
  "submitted",
  "in_review",
  "changes_requested",
  "approved",
  "rejected",
  "withdrawn",
];
const ALL_ACTIONS: readonly Action[] = [
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
];

type ActorKind =
  | "officer"
  | "officerOfAnotherBorough"
  | "cspEndorser"
  | "cspWithoutEndorse"
  | "cspEndorserOfAnotherBorough"
  | "assignedReviewer"
  | "anotherReviewer"
  | "admin"
  | "system";

const person = (role: Role, organisationId: number, userId: number, canEndorse = false): UserActor => ({
  role,
  canEndorse,
  organisationKind: role === "borough_officer" || role === "csp_member" ? "borough" : "mopac",
  organisationId,
  userId,
});

const ACTORS: Readonly<Record<ActorKind, Actor>> = {
  officer: person("borough_officer", BARKING_AND_DAGENHAM, 11),
  officerOfAnotherBorough: person("borough_officer", HAVERING, 12),
  cspEndorser: person("csp_member", BARKING_AND_DAGENHAM, 21, true),
  cspWithoutEndorse: person("csp_member", BARKING_AND_DAGENHAM, 22, false),
  cspEndorserOfAnotherBorough: person("csp_member", HAVERING, 23, true),
  assignedReviewer: person("mopac_reviewer", MOPAC, ASSIGNED_REVIEWER),
  anotherReviewer: person("mopac_reviewer", MOPAC, OTHER_REVIEWER),
  admin: person("mopac_admin", MOPAC, ADMIN),
  system: SYSTEM_ACTOR,
};
const ACTOR_KINDS = Object.keys(ACTORS) as ActorKind[];

/**
 * Every allowed [state, action, actor, resulting state], written by hand from the brief and
 * DOMAIN.md's route; deliberately not read from ACTION_RULES. Anything not listed is refused.
 */
const ALLOWED: ReadonlyArray<readonly [State, Action, ActorKind, State]> = [
  ["draft", "send_to_csp", "officer", "awaiting_csp"],
  ["changes_requested", "send_to_csp", "officer", "awaiting_csp"],
  ["draft", "withdraw", "officer", "withdrawn"],
  ["awaiting_csp", "withdraw", "officer", "withdrawn"],
  ["awaiting_csp", "endorse", "cspEndorser", "submitted"],
  ["awaiting_csp", "return_to_officers", "cspEndorser", "draft"],
  ["submitted", "start_review", "system", "in_review"],
  ["in_review", "request_changes", "assignedReviewer", "changes_requested"],
  ["in_review", "approve", "assignedReviewer", "approved"],
  ["in_review", "reject", "assignedReviewer", "rejected"],
  ["in_review", "comment", "assignedReviewer", "in_review"],
  ["in_review", "comment", "anotherReviewer", "in_review"],
  ["in_review", "comment", "admin", "in_review"],
  // Handing over: only the assigned reviewer or an admin; a reviewer who is not assigned cannot take it.
  ["submitted", "reassign", "assignedReviewer", "submitted"],
  ["submitted", "reassign", "admin", "submitted"],
  ["in_review", "reassign", "assignedReviewer", "in_review"],
  ["in_review", "reassign", "admin", "in_review"],
  ["draft", "edit", "officer", "draft"],
  ["changes_requested", "edit", "officer", "changes_requested"],
];

/** Who sees a Barking and Dagenham proposal, by whether it has reached MOPAC yet. */
const SEES_BEFORE_MOPAC: readonly ActorKind[] = ["officer", "cspEndorser", "cspWithoutEndorse", "system"];
const SEES_ONCE_AT_MOPAC: readonly ActorKind[] = [...SEES_BEFORE_MOPAC, "assignedReviewer", "anotherReviewer", "admin"];
const STATES_ONLY_REACHED_THROUGH_MOPAC: readonly State[] = [
  "submitted",
  "in_review",
  "changes_requested",
  "approved",
  "rejected",
];

type Expected = { ok: true; to: State } | { ok: false; status: 403 | 404 | 409 };

function expectedOutcome(state: State, action: Action, actor: ActorKind, everSubmitted: boolean): Expected {
  const atMopac = everSubmitted || STATES_ONLY_REACHED_THROUGH_MOPAC.includes(state);
  if (!(atMopac ? SEES_ONCE_AT_MOPAC : SEES_BEFORE_MOPAC).includes(actor)) return { ok: false, status: 404 };
  const allowed = ALLOWED.find(([s, a, k]) => s === state && a === action && k === actor);
  if (allowed) return { ok: true, to: allowed[3] };
  // The role check comes before the state check: someone who may take this action in some state gets 409.
  const mayEverTake = ALLOWED.some(([, a, k]) => a === action && k === actor);
  return { ok: false, status: mayEverTake ? 409 : 403 };
}

const barkingProposal = (everSubmitted: boolean): WorkflowProposal => ({
  boroughIds: [BARKING_AND_DAGENHAM],
  assignedReviewerId: ASSIGNED_REVIEWER,
  everSubmitted,
});

/** Input that satisfies every action, so the matrix tests permission and state only. */
const THIRD_REVIEWER = 503;
const VALID_INPUT: ActionInput = {
  comment: "Discussed at the CSP meeting",
  meetingDate: CSP_MEETING,
  blockers: [],
  newReviewer: { id: THIRD_REVIEWER, activeReviewer: true },
};

function refusal(decision: Decision) {
  if (decision.ok) throw new Error(`expected a refusal, got a move to ${decision.to}`);
  return decision;
}

describe("states and actions", () => {
  it("the test's own lists match the module's", () => {
    expect([...STATES.map((s) => s.id)].sort()).toEqual([...ALL_STATES].sort());
    expect([...ACTIONS].sort()).toEqual([...ALL_ACTIONS].sort());
  });

  it("labels every state in the users' words", () => {
    expect(Object.fromEntries(ALL_STATES.map((s) => [s, stateLabel(s)]))).toEqual({
      draft: "Draft",
      awaiting_csp: "Awaiting CSP endorsement",
      submitted: "Submitted to MOPAC",
      in_review: "In review",
      changes_requested: "Changes requested",
      approved: "Approved",
      rejected: "Rejected",
      withdrawn: "Withdrawn",
    });
  });

  it("gives every state a GOV.UK tag colour that govuk-frontend 6 has, approved green and rejected red", () => {
    const govukColours = ["blue", "grey", "green", "teal", "purple", "magenta", "red", "orange", "yellow"];
    for (const state of ALL_STATES) expect(govukColours).toContain(stateTagColour(state));
    expect(stateTagColour("approved")).toBe("green");
    expect(stateTagColour("rejected")).toBe("red");
    expect(stateTagColour("changes_requested")).not.toBe(stateTagColour("in_review"));
  });

  it("recognises states and actions and nothing else", () => {
    for (const state of ALL_STATES) expect(isState(state)).toBe(true);
    for (const action of ALL_ACTIONS) expect(isAction(action)).toBe(true);
    for (const value of ["Draft", "", "submit", "delete", null, 1]) {
      expect(isState(value)).toBe(false);
      expect(isAction(value)).toBe(false);
    }
  });

  it("has exactly one rule per action, with a button label", () => {
    expect(ACTION_RULES.map((r) => r.action).sort()).toEqual([...ALL_ACTIONS].sort());
    for (const action of ALL_ACTIONS) expect(actionRule(action).label.trim()).not.toBe("");
  });

  it("only comment, reassign and edit leave the state as it is", () => {
    expect(ALL_ACTIONS.filter((a) => !isTransition(a)).sort()).toEqual(["comment", "edit", "reassign"]);
  });

  it("a proposal is editable only in draft and changes requested", () => {
    expect(ALL_STATES.filter(isEditableState)).toEqual(["draft", "changes_requested"]);
  });
});

describe("decide: every state x action x kind of actor", () => {
  const passes: ReadonlyArray<{ title: string; everSubmitted: boolean; states: readonly State[] }> = [
    { title: "first time through (never at MOPAC before)", everSubmitted: false, states: ALL_STATES },
    {
      title: "back with the borough after MOPAC has seen it",
      everSubmitted: true,
      states: ALL_STATES.filter((s) => !STATES_ONLY_REACHED_THROUGH_MOPAC.includes(s)),
    },
  ];

  for (const { title, everSubmitted, states } of passes) {
    describe(title, () => {
      const cases = states.flatMap((state) =>
        ALL_ACTIONS.flatMap((action) => ACTOR_KINDS.map((actor) => [state, action, actor] as const)),
      );

      it.each(cases)("%s: %s by %s", (state, action, actorKind) => {
        const decision = decide({
          action,
          state,
          actor: ACTORS[actorKind],
          proposal: barkingProposal(everSubmitted),
          input: VALID_INPUT,
          today: CSP_MEETING,
        });
        const expected = expectedOutcome(state, action, actorKind, everSubmitted);
        if (expected.ok) {
          expect(decision).toEqual({ ok: true, to: expected.to });
          return;
        }
        const refused = refusal(decision);
        expect(refused.status).toBe(expected.status);
        expect(refused.reason.trim().length).toBeGreaterThan(0);
        if (expected.status === 404) expect(refused.reason).toBe(NOT_FOUND_REASON);
        if (expected.status === 403) expect(refused.reason).toMatch(/^Only /);
      });
    });
  }
});

describe("availableActions: every state x kind of actor", () => {
  for (const everSubmitted of [false, true]) {
    for (const state of ALL_STATES) {
      for (const actorKind of ACTOR_KINDS) {
        const expected = ALL_ACTIONS.filter((action) => expectedOutcome(state, action, actorKind, everSubmitted).ok);
        it(`${state}${everSubmitted ? " (been at MOPAC)" : ""}, ${actorKind}: ${expected.join(", ") || "nothing"}`, () => {
          const offered = availableActions(state, ACTORS[actorKind], barkingProposal(everSubmitted));
          expect(offered.map((r) => r.action).sort()).toEqual([...expected].sort());
        });
      }
    }
  }
});

describe("reasons a person understands", () => {
  it("a CSP member without the endorse permission is told who can endorse", () => {
    const decision = decide({
      action: "endorse",
      state: "awaiting_csp",
      actor: ACTORS.cspWithoutEndorse,
      proposal: barkingProposal(false),
      input: { meetingDate: CSP_MEETING },
      today: CSP_MEETING,
    });
    expect(decision).toEqual({
      ok: false,
      status: 403,
      reason: "Only the CSP member with permission to endorse can endorse this proposal",
    });
  });

  it("sending again is refused as already awaiting CSP endorsement", () => {
    const decision = decide({
      action: "send_to_csp",
      state: "awaiting_csp",
      actor: ACTORS.officer,
      proposal: barkingProposal(false),
      input: { blockers: [] },
      today: CSP_MEETING,
    });
    expect(decision).toEqual({ ok: false, status: 409, reason: "This proposal is already awaiting CSP endorsement" });
  });

  it("approving twice says it has already been approved; approving too early says why not", () => {
    const base = {
      action: "approve" as const,
      actor: ACTORS.assignedReviewer,
      proposal: barkingProposal(true),
      today: MOPAC_FEEDBACK,
    };
    expect(refusal(decide({ ...base, state: "approved" })).reason).toBe("This proposal has already been approved");
    expect(refusal(decide({ ...base, state: "submitted" })).reason).toBe(
      "You cannot approve this proposal because it is waiting to be routed to a MOPAC reviewer",
    );
  });

  it("someone outside the proposal's borough is told only that it cannot be found, whatever they try", () => {
    for (const action of ALL_ACTIONS) {
      for (const state of ALL_STATES) {
        const decision = decide({
          action,
          state,
          actor: ACTORS.officerOfAnotherBorough,
          proposal: barkingProposal(true),
          input: VALID_INPUT,
          today: CSP_MEETING,
        });
        expect(decision).toEqual({ ok: false, status: 404, reason: NOT_FOUND_REASON });
      }
    }
  });
});

describe("input validation", () => {
  const endorse = (meetingDate: string | null | undefined, today = CSP_MEETING) =>
    decide({
      action: "endorse",
      state: "awaiting_csp",
      actor: ACTORS.cspEndorser,
      proposal: barkingProposal(false),
      input: { meetingDate },
      today,
    });

  it("Barking and Dagenham's CSP endorses on the day of its meeting, 7 February 2017, without a note", () => {
    expect(endorse(CSP_MEETING)).toEqual({ ok: true, to: "submitted" });
  });

  it("a meeting date earlier than today is accepted", () => {
    expect(endorse("2017-01-31")).toEqual({ ok: true, to: "submitted" });
  });

  it("a missing meeting date asks for it", () => {
    for (const missing of [undefined, null, "", "   "]) {
      expect(endorse(missing)).toEqual({
        ok: false,
        status: 422,
        field: "meetingDate",
        reason: "Enter the date of the CSP meeting",
      });
    }
  });

  it("a meeting date after today is refused: 8 February 2017 when today is the 7th", () => {
    expect(endorse("2017-02-08")).toEqual({
      ok: false,
      status: 422,
      field: "meetingDate",
      reason: "The date of the CSP meeting must be today or in the past",
    });
  });

  it("a date that does not exist is refused: 2017-02-30 and 2017-02-29 (2017 is no leap year)", () => {
    for (const notReal of ["2017-02-30", "2017-02-29", "2017-13-01", "2017-00-10", "2017-04-31"]) {
      const refused = refusal(endorse(notReal, MOPAC_FEEDBACK));
      expect(refused.status).toBe(422);
      expect(refused.field).toBe("meetingDate");
      expect(refused.reason).toBe(MEETING_DATE_MESSAGES.notReal);
    }
  });

  it("29 February in a leap year is a real date", () => {
    expect(endorse("2016-02-29")).toEqual({ ok: true, to: "submitted" });
  });

  it("dates not written yyyy-mm-dd are refused as not real", () => {
    for (const badFormat of ["07/02/2017", "7 February 2017", "2017-2-7", "2017-02-07T10:00", "20170207"]) {
      expect(refusal(endorse(badFormat)).reason).toBe(MEETING_DATE_MESSAGES.notReal);
    }
  });

  it("a bad 'today' from the caller is a programming error, not the user's", () => {
    expect(() => endorse(CSP_MEETING, "2017-02-30")).toThrow(RangeError);
    expect(() => checkMeetingDate(CSP_MEETING, "today")).toThrow(RangeError);
  });

  it("checkMeetingDate gives the form the same answers", () => {
    expect(checkMeetingDate(CSP_MEETING, CSP_MEETING)).toBeNull();
    expect(checkMeetingDate("", CSP_MEETING)).toBe(MEETING_DATE_MESSAGES.missing);
    expect(checkMeetingDate(MOPAC_FEEDBACK, CSP_MEETING)).toBe(MEETING_DATE_MESSAGES.future);
    expect(isRealIsoDate("2017-02-28")).toBe(true);
    expect(isRealIsoDate("2017-02-30")).toBe(false);
  });

  const reviewerSays = (action: Action, comment: string | null | undefined) =>
    decide({
      action,
      state: "in_review",
      actor: ACTORS.assignedReviewer,
      proposal: barkingProposal(true),
      input: { comment },
      today: MOPAC_FEEDBACK,
    });

  it("requesting changes with empty feedback asks for the feedback", () => {
    for (const empty of [undefined, null, "", "  \n\t "]) {
      expect(reviewerSays("request_changes", empty)).toEqual({
        ok: false,
        status: 422,
        field: "comment",
        reason: "Enter your feedback for the borough",
      });
    }
    expect(reviewerSays("request_changes", "Map the IOM Coordinator post to a priority")).toEqual({
      ok: true,
      to: "changes_requested",
    });
  });

  it("rejecting without reasons asks for the reasons", () => {
    expect(reviewerSays("reject", " ")).toEqual({
      ok: false,
      status: 422,
      field: "comment",
      reason: "Enter the reasons for rejecting this proposal",
    });
    expect(reviewerSays("reject", "Does not address the Police and Crime Plan priorities")).toEqual({
      ok: true,
      to: "rejected",
    });
  });

  it("an empty comment is refused; approving needs no comment", () => {
    expect(refusal(reviewerSays("comment", "")).reason).toBe("Enter a comment");
    expect(reviewerSays("approve", undefined)).toEqual({ ok: true, to: "approved" });
  });

  it("returning to the officers without comments asks for them", () => {
    const decision = decide({
      action: "return_to_officers",
      state: "awaiting_csp",
      actor: ACTORS.cspEndorser,
      proposal: barkingProposal(false),
      input: { comment: "" },
      today: CSP_MEETING,
    });
    expect(decision).toEqual({
      ok: false,
      status: 422,
      field: "comment",
      reason: "Enter your comments for the borough officers",
    });
  });

  const send = (blockers: readonly string[] | undefined) =>
    decide({
      action: "send_to_csp",
      state: "draft",
      actor: ACTORS.officer,
      proposal: barkingProposal(false),
      input: blockers === undefined ? {} : { blockers },
      today: CSP_MEETING,
    });

  it("a proposal with blocking issues cannot be sent to the CSP, and each issue is named", () => {
    const blockers = ["2018/19 is over-planned by £12,000.00", "Confirm the authority to submit for the council"];
    const refused = refusal(send(blockers));
    expect(refused.status).toBe(422);
    expect(refused.field).toBe("blockers");
    expect(refused.blockers).toEqual(blockers);
    for (const blocker of blockers) expect(refused.reason).toContain(blocker);
  });

  it("a proposal nobody checked for blocking issues is not sent", () => {
    const refused = refusal(send(undefined));
    expect(refused.status).toBe(422);
    expect(refused.field).toBe("blockers");
  });

  it("a proposal with no blocking issues is sent", () => {
    expect(send([])).toEqual({ ok: true, to: "awaiting_csp" });
  });

  it("permission and state are checked before input: bad input from the wrong person is 403, in the wrong state 409", () => {
    const wrongPerson = decide({
      action: "request_changes",
      state: "in_review",
      actor: ACTORS.anotherReviewer,
      proposal: barkingProposal(true),
      input: { comment: "" },
      today: MOPAC_FEEDBACK,
    });
    expect(refusal(wrongPerson).status).toBe(403);
    const wrongState = decide({
      action: "endorse",
      state: "draft",
      actor: ACTORS.cspEndorser,
      proposal: barkingProposal(false),
      input: { meetingDate: "2017-02-30" },
      today: CSP_MEETING,
    });
    expect(refusal(wrongState).status).toBe(409);
  });
});

describe("who exactly", () => {
  const triBorough: WorkflowProposal = {
    boroughIds: [HAMMERSMITH_AND_FULHAM, KENSINGTON_AND_CHELSEA, WESTMINSTER],
    assignedReviewerId: null,
  };

  it("Tri-borough joint proposal: an officer of any member borough sends it, a CSP endorser of any member borough endorses it", () => {
    expect(
      decide({
        action: "send_to_csp",
        state: "draft",
        actor: person("borough_officer", WESTMINSTER, 31),
        proposal: triBorough,
        input: { blockers: [] },
        today: CSP_MEETING,
      }),
    ).toEqual({ ok: true, to: "awaiting_csp" });
    expect(
      decide({
        action: "endorse",
        state: "awaiting_csp",
        actor: person("csp_member", KENSINGTON_AND_CHELSEA, 32, true),
        proposal: triBorough,
        input: { meetingDate: CSP_MEETING },
        today: CSP_MEETING,
      }),
    ).toEqual({ ok: true, to: "submitted" });
    expect(
      refusal(
        decide({
          action: "endorse",
          state: "awaiting_csp",
          actor: ACTORS.cspEndorser,
          proposal: triBorough,
          input: { meetingDate: CSP_MEETING },
          today: CSP_MEETING,
        }),
      ).status,
    ).toBe(404);
  });

  it("before routing, no reviewer is assigned: nobody can approve, but an admin can reassign", () => {
    const unassigned: WorkflowProposal = { ...barkingProposal(true), assignedReviewerId: null };
    const base = { proposal: unassigned, today: MOPAC_FEEDBACK };
    const approve = decide({ ...base, action: "approve", state: "in_review", actor: ACTORS.assignedReviewer });
    expect(refusal(approve).status).toBe(403);
    const reassign = decide({
      ...base,
      action: "reassign",
      state: "submitted",
      actor: ACTORS.admin,
      input: VALID_INPUT,
    });
    expect(reassign).toEqual({ ok: true, to: "submitted" });
  });

  it("an admin whose user id matches the assigned reviewer's id still cannot approve", () => {
    const decision = decide({
      action: "approve",
      state: "in_review",
      actor: person("mopac_admin", MOPAC, ASSIGNED_REVIEWER),
      proposal: barkingProposal(true),
      today: MOPAC_FEEDBACK,
    });
    expect(refusal(decision).status).toBe(403);
  });

  it("a borough officer flagged with the endorse permission still cannot endorse", () => {
    const decision = decide({
      action: "endorse",
      state: "awaiting_csp",
      actor: person("borough_officer", BARKING_AND_DAGENHAM, 13, true),
      proposal: barkingProposal(false),
      input: { meetingDate: CSP_MEETING },
      today: CSP_MEETING,
    });
    expect(decision).toMatchObject({ ok: false, status: 403 });
  });

  it("a user whose role does not match their organisation is treated as a stranger", () => {
    const confused: UserActor = { ...person("borough_officer", BARKING_AND_DAGENHAM, 14), organisationKind: "mopac" };
    const decision = decide({
      action: "edit",
      state: "draft",
      actor: confused,
      proposal: barkingProposal(false),
      today: CSP_MEETING,
    });
    expect(decision).toMatchObject({ ok: false, status: 404 });
  });

  it("a state after submission lets reviewers see it even if the caller forgot everSubmitted", () => {
    const decision = decide({
      action: "comment",
      state: "in_review",
      actor: ACTORS.admin,
      proposal: { boroughIds: [BARKING_AND_DAGENHAM], assignedReviewerId: ASSIGNED_REVIEWER },
      input: { comment: "Feedback deadline is 23 February 2017" },
      today: MOPAC_FEEDBACK,
    });
    expect(decision).toEqual({ ok: true, to: "in_review" });
  });
});

describe("worked example: Barking and Dagenham's proposal along DOMAIN.md's route", () => {
  it("draft, returned by the CSP, endorsed, changes requested, endorsed again, approved", () => {
    let state: State = "draft";
    let everSubmitted = false;
    const ask = (action: Action, actorKind: ActorKind, input: ActionInput, today: string) =>
      decide({ action, state, actor: ACTORS[actorKind], proposal: barkingProposal(everSubmitted), input, today });
    const step = (action: Action, actorKind: ActorKind, input: ActionInput, today: string): State => {
      const decision = ask(action, actorKind, input, today);
      if (!decision.ok) throw new Error(`${action} by ${actorKind} in ${state} refused: ${decision.reason}`);
      state = decision.to;
      if (state === "submitted") everSubmitted = true;
      return state;
    };

    // The reviewer learns nothing of the draft until the CSP endorses it.
    expect(refusal(ask("comment", "assignedReviewer", { comment: "Seen?" }, CSP_MEETING)).status).toBe(404);

    expect(step("send_to_csp", "officer", { blockers: [] }, "2017-01-20")).toBe("awaiting_csp");
    const csp = { comment: "Show the co-commissioning candidates against the pot" };
    expect(step("return_to_officers", "cspEndorser", csp, "2017-01-25")).toBe("draft");
    expect(step("edit", "officer", {}, "2017-01-26")).toBe("draft");
    expect(step("send_to_csp", "officer", { blockers: [] }, "2017-01-30")).toBe("awaiting_csp");
    expect(step("endorse", "cspEndorser", { meetingDate: CSP_MEETING, comment: "Endorsed" }, CSP_MEETING)).toBe(
      "submitted",
    );
    expect(step("start_review", "system", {}, CSP_MEETING)).toBe("in_review");
    const note = { comment: "Candidates total £329,000 against a pot of £193,200" };
    expect(step("comment", "assignedReviewer", note, "2017-02-20")).toBe("in_review");
    const feedback = { comment: "Reduce the co-commissioning candidates" };
    expect(step("request_changes", "assignedReviewer", feedback, MOPAC_FEEDBACK)).toBe("changes_requested");
    expect(step("edit", "officer", {}, "2017-02-24")).toBe("changes_requested");
    expect(step("send_to_csp", "officer", { blockers: [] }, "2017-02-27")).toBe("awaiting_csp");

    // Back with the CSP after MOPAC has seen it: reviewers may see it, but have nothing to do until it is endorsed.
    expect(refusal(ask("comment", "assignedReviewer", { comment: "Seen?" }, "2017-02-27")).status).toBe(409);

    expect(step("endorse", "cspEndorser", { meetingDate: "2017-03-07" }, "2017-03-07")).toBe("submitted");
    expect(step("start_review", "system", {}, "2017-03-07")).toBe("in_review");
    expect(step("approve", "assignedReviewer", {}, "2017-03-14")).toBe("approved");

    // Approved is the end of the route: nobody moves it on.
    for (const actorKind of ACTOR_KINDS) {
      expect(availableActions(state, ACTORS[actorKind], barkingProposal(everSubmitted))).toEqual([]);
    }
  });
});

describe("review handover (issue 7)", () => {
  const inReview = { state: "in_review" as const, proposal: barkingProposal(true), today: MOPAC_FEEDBACK };
  const handTo = (id: number, activeReviewer = true): ActionInput => ({ newReviewer: { id, activeReviewer } });

  it("the assigned reviewer hands the review to another active reviewer", () => {
    expect(
      decide({ ...inReview, action: "reassign", actor: ACTORS.assignedReviewer, input: handTo(OTHER_REVIEWER) }),
    ).toEqual({
      ok: true,
      to: "in_review",
    });
  });

  it("an admin moves any review, assigned or not", () => {
    expect(decide({ ...inReview, action: "reassign", actor: ACTORS.admin, input: handTo(OTHER_REVIEWER) }).ok).toBe(
      true,
    );
    const unrouted = { ...barkingProposal(true), assignedReviewerId: null };
    expect(
      decide({
        ...inReview,
        state: "submitted",
        proposal: unrouted,
        action: "reassign",
        actor: ACTORS.admin,
        input: handTo(OTHER_REVIEWER),
      }).ok,
    ).toBe(true);
  });

  it("a reviewer who is not assigned cannot take the review for themselves, and is told who can", () => {
    const taken = refusal(
      decide({ ...inReview, action: "reassign", actor: ACTORS.anotherReviewer, input: handTo(OTHER_REVIEWER) }),
    );
    expect(taken).toMatchObject({
      status: 403,
      reason: "Only the MOPAC reviewer assigned to this proposal, or a MOPAC admin can reassign this proposal",
    });
  });

  it.each(["approve", "reject", "request_changes"] as const)("a reviewer who is not assigned cannot %s", (action) => {
    const decision = decide({
      ...inReview,
      action,
      actor: ACTORS.anotherReviewer,
      input: { comment: "Looks fine to me" },
    });
    expect(refusal(decision).status).toBe(403);
  });

  it("every other actor is refused the handover: officers and CSP members 403, other boroughs 404, the portal 403", () => {
    const expected: Record<ActorKind, number | "ok"> = {
      officer: 403,
      officerOfAnotherBorough: 404,
      cspEndorser: 403,
      cspWithoutEndorse: 403,
      cspEndorserOfAnotherBorough: 404,
      assignedReviewer: "ok",
      anotherReviewer: 403,
      admin: "ok",
      system: 403,
    };
    for (const kind of ACTOR_KINDS) {
      const decision = decide({ ...inReview, action: "reassign", actor: ACTORS[kind], input: handTo(OTHER_REVIEWER) });
      expect([kind, decision.ok ? "ok" : decision.status]).toEqual([kind, expected[kind]]);
    }
  });

  it("the new reviewer must be an active MOPAC reviewer other than the one assigned now", () => {
    const base = { ...inReview, action: "reassign" as const, actor: ACTORS.admin };
    expect(decide({ ...base, input: {} })).toMatchObject({
      ok: false,
      status: 422,
      field: "reviewerId",
      reason: NEW_REVIEWER_MESSAGES.missing,
    });
    expect(decide({ ...base, input: handTo(OTHER_REVIEWER, false) })).toMatchObject({
      status: 422,
      reason: NEW_REVIEWER_MESSAGES.missing,
    });
    expect(decide({ ...base, input: handTo(ASSIGNED_REVIEWER) })).toMatchObject({
      status: 422,
      reason: NEW_REVIEWER_MESSAGES.same,
    });
  });

  it("reviews are open while submitted or in review, and only then", () => {
    expect(OPEN_REVIEW_STATES).toEqual(["submitted", "in_review"]);
    expect(ALL_STATES.filter(isOpenReview)).toEqual(["submitted", "in_review"]);
  });
});

describe("properties", () => {
  const anyActor: fc.Arbitrary<Actor> = fc.oneof(
    fc.constant<Actor>(SYSTEM_ACTOR),
    fc.record({
      role: fc.constantFrom<Role>(...ROLES),
      canEndorse: fc.boolean(),
      organisationKind: fc.constantFrom("borough" as const, "mopac" as const),
      organisationId: fc.integer({ min: 1, max: 6 }),
      userId: fc.integer({ min: 1, max: 6 }),
    }),
  );
  const anyProposal: fc.Arbitrary<WorkflowProposal> = fc.record({
    boroughIds: fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 3 }),
    assignedReviewerId: fc.option(fc.integer({ min: 1, max: 6 })),
    everSubmitted: fc.boolean(),
  });
  const anyState = fc.constantFrom<State>(...ALL_STATES);
  const anyAction = fc.constantFrom<Action>(...ALL_ACTIONS);

  it("with valid input, decide allows exactly the actions availableActions offers", () => {
    fc.assert(
      fc.property(anyState, anyAction, anyActor, anyProposal, (state, action, actor, proposal) => {
        const decision = decide({ action, state, actor, proposal, input: VALID_INPUT, today: CSP_MEETING });
        const offered = availableActions(state, actor, proposal).some((r) => r.action === action);
        expect(decision.ok).toBe(offered);
      }),
    );
  });

  it("404 exactly when the actor cannot view the proposal", () => {
    fc.assert(
      fc.property(anyState, anyAction, anyActor, anyProposal, (state, action, actor, proposal) => {
        const decision = decide({ action, state, actor, proposal, input: VALID_INPUT, today: CSP_MEETING });
        const everSubmitted = (proposal.everSubmitted ?? false) || STATES_ONLY_REACHED_THROUGH_MOPAC.includes(state);
        const visible = canViewProposal(actor, { boroughIds: proposal.boroughIds, everSubmitted });
        expect(!decision.ok && decision.status === 404).toBe(!visible);
      }),
    );
  });

  it("a step that is allowed moves to another state exactly when the action is a transition", () => {
    fc.assert(
      fc.property(anyState, anyAction, anyActor, anyProposal, (state, action, actor, proposal) => {
        const decision = decide({ action, state, actor, proposal, input: VALID_INPUT, today: CSP_MEETING });
        if (decision.ok) expect(decision.to !== state).toBe(isTransition(action));
        else expect(decision.reason.length).toBeGreaterThan(0);
      }),
    );
  });
});
