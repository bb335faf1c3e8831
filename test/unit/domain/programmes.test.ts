import { describe, expect, it } from "vitest";
import {
  groupByPrimaryPriority,
  isEndorsedProgramme,
  latestDecision,
  overallFeedback,
  programmeFileName,
} from "~/domain/programmes";

describe("endorsed programmes", () => {
  it("are the proposals from the CSP's endorsement on, not drafts, those awaiting the CSP or withdrawn ones", () => {
    expect(
      ["submitted", "in_review", "changes_requested", "approved", "rejected"].every((s) =>
        isEndorsedProgramme(s as never),
      ),
    ).toBe(true);
    expect(["draft", "awaiting_csp", "withdrawn"].some((s) => isEndorsedProgramme(s as never))).toBe(false);
  });

  it("group projects in the totals' order, leave out empty priorities and mark a group built from a demo figure", () => {
    const total = (priorityId: number | null, name: string, totalIsDemoFigure = false) => ({
      priorityId,
      name,
      perYear: [],
      totalPence: 0,
      totalIsDemoFigure,
    });
    const groups = groupByPrimaryPriority(
      [total(1, "One", true), total(2, "Two"), total(3, "Three"), total(null, "No primary priority")],
      [
        { id: "a", primaryPriorityId: 3 },
        { id: "b", primaryPriorityId: null },
        { id: "c", primaryPriorityId: 1 },
      ],
    );
    expect(groups.map((g) => [g.name, g.projects.map((p) => p.id), g.hasDemoFigure])).toEqual([
      ["One", ["c"], true],
      ["Three", ["a"], false],
      ["No primary priority", ["b"], false],
    ]);
  });

  it("take the latest decision and only the programme-wide feedback with words in it", () => {
    const history = [
      { action: "request_changes", projectId: null, comment: "Add outcomes" },
      { action: "comment", projectId: 4, comment: "On a project" },
      { action: "reject", projectId: null, comment: null },
      { action: "approve", projectId: null, comment: "Fine now" },
    ];
    expect(latestDecision(history)?.action).toBe("approve");
    expect(overallFeedback(history).map((e) => e.comment)).toEqual(["Fine now", "Add outcomes"]);
  });

  it("name the PDF after the borough and the period", () => {
    expect(programmeFileName(["Barking and Dagenham"], "Period 1 (2017/18 and 2018/19)")).toBe(
      "lcpf-programme-barking-and-dagenham-period-1-2017-18-and-2018-19.pdf",
    );
    expect(programmeFileName([], "")).toBe("lcpf-programme-proposal.pdf");
  });
});
