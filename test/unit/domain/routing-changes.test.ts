import { describe, expect, it } from "vitest";
import { compareSnapshots, hasChanges, type Snapshot } from "~/domain/changes";
import { chooseReviewer, isOverdue } from "~/domain/routing";

describe("routing a submission to a MOPAC reviewer", () => {
  const reviewers = [
    { id: 1, name: "Demo Reviewer One", active: true, openReviews: 5 },
    { id: 2, name: "Demo Reviewer Two", active: true, openReviews: 1 },
    { id: 3, name: "Away Reviewer", active: false, openReviews: 0 },
  ];
  it("goes to the borough's lead reviewer, however busy", () => {
    expect(chooseReviewer(1, reviewers)).toBe(1);
  });
  it("without a lead, goes to the active reviewer with the fewest open reviews", () => {
    expect(chooseReviewer(null, reviewers)).toBe(2);
  });
  it("skips a lead who is no longer active", () => {
    expect(chooseReviewer(3, reviewers)).toBe(2);
  });
  it("breaks ties by name, so the same submission always goes to the same person", () => {
    const tied = [
      { id: 7, name: "Zara", active: true, openReviews: 2 },
      { id: 8, name: "Amir", active: true, openReviews: 2 },
    ];
    expect(chooseReviewer(null, tied)).toBe(8);
    expect(chooseReviewer(null, [...tied].reverse())).toBe(8);
  });
  it("finds nobody when MOPAC has no active reviewer", () => {
    expect(chooseReviewer(null, [reviewers[2]!])).toBeNull();
  });
});

describe("the feedback deadline", () => {
  it("flags an open review after 23 February 2017 as overdue, not on the day itself", () => {
    expect(isOverdue("2017-02-23", "2017-02-23", true)).toBe(false);
    expect(isOverdue("2017-02-23", "2017-02-24", true)).toBe(true);
    expect(isOverdue("2017-02-23", "2017-02-24", false)).toBe(false);
    expect(isOverdue(null, "2030-01-01", true)).toBe(false);
  });
});

describe("what changed since the last submission", () => {
  const before: Snapshot = {
    projects: [
      { id: 1, title: "VAWG Counselling", fields: { "lcpfSpend:2017/18": "£13,000.00", provider: "Local charity" } },
      { id: 2, title: "Youth Risk Matrix", fields: { "lcpfSpend:2017/18": "£20,000.00" } },
    ],
    answers: { transitionPlan: "Phase out grants" },
  };
  it("lists projects added, removed and the fields and costs that changed", () => {
    const after: Snapshot = {
      projects: [
        { id: 1, title: "VAWG Counselling", fields: { "lcpfSpend:2017/18": "£15,000.00", provider: "Local charity" } },
        { id: 3, title: "Knife Crime Awareness", fields: { "lcpfSpend:2017/18": "£5,000.00" } },
      ],
      answers: { transitionPlan: "Phase out grants" },
    };
    const changes = compareSnapshots(before, after);
    expect(changes.added).toEqual([{ id: 3, title: "Knife Crime Awareness" }]);
    expect(changes.removed).toEqual([{ id: 2, title: "Youth Risk Matrix" }]);
    expect(changes.changed).toEqual([
      {
        id: 1,
        title: "VAWG Counselling",
        changes: [
          { field: "lcpfSpend:2017/18", label: "LCPF spend in 2017/18", before: "£13,000.00", after: "£15,000.00" },
        ],
      },
    ]);
    expect(changes.answers).toEqual([]);
    expect(hasChanges(changes)).toBe(true);
  });
  it("finds nothing when nothing changed", () => {
    expect(hasChanges(compareSnapshots(before, structuredClone(before)))).toBe(false);
  });
});
