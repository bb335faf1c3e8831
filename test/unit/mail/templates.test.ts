import { describe, expect, it } from "vitest";
import {
  accountTemplates,
  inDays,
  oneLine,
  proposalName,
  QUOTE_MAX_LENGTH,
  quoted,
  SUBJECT_MAX_LENGTH,
  templates,
  type TemplateInput,
} from "~/mail/templates";

const NAME = proposalName(["Barking and Dagenham"], "Period 1 (2017/18 and 2018/19)");
const LINK = "https://lcpf.example.org/proposals/4";

function input(comment: string | null = null, recipientName = "Demo Officer"): TemplateInput {
  return { recipientName, proposalName: NAME, link: LINK, comment };
}

/** What every email must be, whichever template made it. */
function expectWellFormed(email: { subject: string; text: string; notice: string }) {
  expect(email.subject).not.toMatch(/[\r\n]/);
  expect(email.subject.length).toBeLessThanOrEqual(SUBJECT_MAX_LENGTH);
  expect(email.notice).not.toMatch(/[\r\n]/);
  expect(email.text).toContain(LINK);
  expect(email.text).toContain("replies are not read");
}

describe("each email, with its subject, body and portal notice", () => {
  it("sent to the CSP: names the proposal, and quotes the officer's note as theirs", () => {
    const email = templates.sentToCsp(input("For the meeting on 7 February."));
    expectWellFormed(email);
    expect(email.subject).toBe(`${NAME} is awaiting the CSP’s endorsement`);
    expect(email.notice).toBe(email.subject);
    expect(email.text).toContain("Their note for the CSP:\n\n> For the meeting on 7 February.");
  });

  it("returned to the officers: the CSP's comments only in the body, quoted line by line", () => {
    const email = templates.returnedToOfficers(input("Cost the counselling.\nAdd the start date."));
    expectWellFormed(email);
    expect(email.subject).toBe(`The CSP returned ${NAME}`);
    expect(email.subject).not.toContain("Cost the counselling");
    expect(email.notice).not.toContain("Cost the counselling");
    expect(email.text).toContain("Their comments:\n\n> Cost the counselling.\n> Add the start date.");
  });

  it("endorsed: tells the officers it has gone to MOPAC", () => {
    const email = templates.endorsed(input(null));
    expectWellFormed(email);
    expect(email.subject).toBe(`The CSP endorsed ${NAME}; it has gone to MOPAC for review`);
    expect(email.text).not.toContain("Their note");
  });

  it("assigned for review: tells the reviewer it is theirs", () => {
    const email = templates.assignedForReview(input(null, "Demo Reviewer One"));
    expectWellFormed(email);
    expect(email.subject).toBe(`${NAME} has been submitted and assigned to you for review`);
    expect(email.text.startsWith("Dear Demo Reviewer One,\n\n")).toBe(true);
  });

  it("reassigned to you: the new reviewer, with the reason quoted", () => {
    const email = templates.reassignedToYou(input("On leave from Monday", "Demo Reviewer Two"));
    expectWellFormed(email);
    expect(email.subject).toBe(`${NAME} has been assigned to you for review`);
    expect(email.text).toContain("Their reason for handing it over:\n\n> On leave from Monday");
  });

  it("review taken away: the displaced reviewer is told it is no longer theirs", () => {
    const email = templates.reviewTakenAway(input(null, "Demo Reviewer One"));
    expectWellFormed(email);
    expect(email.subject).toBe(`${NAME} has been reassigned to another reviewer`);
    expect(email.text).toContain("no longer assigned to you");
  });

  it("changes requested, approved, rejected: the reviewer's words quoted as theirs", () => {
    const changes = templates.changesRequested(input("See the comment on VAWG Counselling."));
    expect(changes.subject).toBe(`MOPAC has asked for changes to ${NAME}`);
    expect(changes.text).toContain("The reviewer’s feedback:\n\n> See the comment on VAWG Counselling.");
    const approved = templates.approved(input(null));
    expect(approved.subject).toBe(`MOPAC approved ${NAME}`);
    const rejected = templates.rejected(input("Outside the fund's priorities."));
    expect(rejected.subject).toBe(`MOPAC rejected ${NAME}`);
    expect(rejected.text).toContain("The reviewer’s reasons:\n\n> Outside the fund's priorities.");
    for (const email of [changes, approved, rejected]) expectWellFormed(email);
  });

  it("no endorser: tells MOPAC's admins which borough has nobody who may endorse", () => {
    const email = templates.noEndorser({ ...input(null, "Demo Admin"), boroughNames: ["Barking and Dagenham"] });
    expectWellFormed(email);
    expect(email.subject).toBe("Barking and Dagenham has no CSP member who may endorse proposals");
    expect(email.text).toContain("permission to endorse");
  });
});

describe("reminders: each names the date it is about and what to do", () => {
  it("proposal deadline, not yet started: the date, how far off, and to start it", () => {
    const email = templates.deadlineApproaching({ ...input(), date: "2016-12-23", daysLeft: 14, started: false });
    expectWellFormed(email);
    expect(email.subject).toBe(`${NAME} is due with MOPAC by 23 December 2016 (in 14 days)`);
    expect(email.notice).toBe(email.subject);
    expect(email.text).toContain("your borough has not started");
  });

  it("proposal deadline, a draft: to send it to the CSP in good time", () => {
    const email = templates.deadlineApproaching({ ...input(), date: "2016-12-23", daysLeft: 3, started: true });
    expectWellFormed(email);
    expect(email.subject).toBe(`${NAME} is due with MOPAC by 23 December 2016 (in 3 days)`);
    expect(email.text).toContain("has not been sent yet");
    expect(email.text).not.toContain("not started");
  });

  it("waiting for the CSP: since when, and what an endorser can do", () => {
    const email = templates.endorsementWaiting({ ...input(null, "CSP Chair"), sentOn: "2017-01-10" });
    expectWellFormed(email);
    expect(email.subject).toBe(`${NAME} has been awaiting the CSP’s endorsement since 10 January 2017`);
    expect(email.text).toContain("record the endorsement, or return it");
  });

  it("feedback due and review overdue: to the reviewer, with the target date", () => {
    const due = templates.feedbackDue({ ...input(null, "Demo Reviewer One"), date: "2017-02-23", daysLeft: 7 });
    expectWellFormed(due);
    expect(due.subject).toBe(`MOPAC’s feedback on ${NAME} is due by 23 February 2017 (in 7 days)`);
    const overdue = templates.reviewOverdue({ ...input(null, "Demo Reviewer One"), date: "2017-02-23" });
    expectWellFormed(overdue);
    expect(overdue.subject).toBe(`Your review of ${NAME} is overdue`);
    expect(overdue.text).toContain("by 23 February 2017");
  });

  it("counts down in words: today, tomorrow, in n days", () => {
    expect(inDays(0)).toBe("today");
    expect(inDays(1)).toBe("tomorrow");
    expect(inDays(3)).toBe("in 3 days");
  });
});

describe("people's words never reach a subject, and are set apart in the body", () => {
  it("a 2 MB CSP comment leaves the subject short and shortens the quote, pointing to the portal", () => {
    const huge = "Please change this. ".repeat(100_000);
    const email = templates.returnedToOfficers(input(huge));
    expect(email.subject).toBe(`The CSP returned ${NAME}`);
    expect(email.text.length).toBeLessThan(QUOTE_MAX_LENGTH + 1_000);
    expect(email.text).toContain("Shortened here: read them in full in the portal");
  });

  it("a comment trying to look like the portal's own text stays inside the quote", () => {
    const email = templates.returnedToOfficers(
      input("Thanks.\n\nOpen it here instead:\nhttps://evil.example\r\nBcc: x@evil.example"),
    );
    for (const line of ["> Open it here instead:", "> https://evil.example", "> Bcc: x@evil.example"])
      expect(email.text).toContain(line);
    expect(email.text).not.toMatch(/^Bcc:/m);
  });

  it("oneLine removes line breaks and control characters and caps the length", () => {
    expect(oneLine("Barking\r\nBcc: x@evil.example\u0000")).toBe("Barking Bcc: x@evil.example");
    const long = oneLine("x".repeat(500));
    expect(long).toHaveLength(SUBJECT_MAX_LENGTH);
    expect(long.endsWith("…")).toBe(true);
  });

  it("quoted is empty when they wrote nothing", () => {
    expect(quoted("Their comments:", "   ")).toBe("");
    expect(quoted("Their comments:", null)).toBe("");
  });
});

describe("emails about a person's own account", () => {
  const link = "https://lcpf.example.org/invitation/abcdefghijklmnopqrstuvwxyz234567";

  it("the invitation names the organisation and role, gives the link, and says it works once for 7 days", () => {
    const email = accountTemplates.invitation({
      recipientName: "Ana Cruz",
      link,
      organisationName: "Newham",
      roleLabel: "Borough officer",
    });
    expect(email.subject).toBe("You have been invited to the London Crime Prevention Fund portal");
    expect(email.text.startsWith("Dear Ana Cruz,\n\n")).toBe(true);
    expect(email.text).toContain("as borough officer for Newham");
    expect(email.text).toContain(`Set your password:\n${link}\n`);
    expect(email.text).toContain("It works once, and for 7 days.");
    expect(email.text).toContain("replies are not read");
  });

  it("the reset gives the link, says it works once for an hour, and what to do if it was not them", () => {
    const email = accountTemplates.passwordReset({ recipientName: "Ana Cruz", link });
    expect(email.subject).toBe("Reset your password for the London Crime Prevention Fund portal");
    expect(email.text).toContain(`Choose a new password:\n${link}\n`);
    expect(email.text).toContain("It works once, and for 1 hour.");
    expect(email.text).toContain("If it was not you, you do not need to do anything");
  });

  it("the change notice tells them they were signed out elsewhere, and how to get back in if it was not them", () => {
    const email = accountTemplates.passwordChanged({
      recipientName: "Ana Cruz",
      link: "https://lcpf.example.org/forgot-password",
    });
    expect(email.subject).toBe("Your password for the London Crime Prevention Fund portal has changed");
    expect(email.text).toContain("signed out everywhere else");
    expect(email.text).toContain("Reset your password:\nhttps://lcpf.example.org/forgot-password");
  });

  it("a name with line breaks cannot add lines to the greeting or the subject", () => {
    const email = accountTemplates.invitation({
      recipientName: "Ana\r\nBcc: x@evil.example",
      link,
      organisationName: "Newham\nX",
      roleLabel: "Borough officer",
    });
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.text).not.toMatch(/^Bcc:/m);
    expect(email.text).toContain("for Newham X.");
  });
});
