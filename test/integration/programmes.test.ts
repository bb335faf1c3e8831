import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { loader as listLoader } from "~/routes/programmes";
import { loader as pageLoader } from "~/routes/programme";
import { loader as pdfLoader } from "~/routes/programme-pdf";
import { loader as printLoader } from "~/routes/programme-print";
import { makeBorough, makeProposal, type MadeProposal } from "./proposal-factory";
import { getRequest, settle, useTestDatabase } from "./setup-db";

useTestDatabase();

const POUND = 100;
const stamp = () => new Date().toISOString();

type Fixture = MadeProposal & { priorities: { id: number; name: string }[]; secondProjectId: number };

/**
 * An approved programme of three projects: the factory's (first priority, £100,000 a year), a second under
 * the first priority (£10,000 in the first year) and a third under the second priority with the first as
 * its secondary (£50,000 then £25,000). With the CSP's endorsement, a comment on the third project and the approval.
 */
async function approvedProgramme(): Promise<Fixture> {
  const made = await makeProposal({ state: "approved" });
  const priorities = await db().selectFrom("priorities").select(["id", "name"]).orderBy("position").limit(2).execute();
  const [first, second] = priorities as [{ id: number; name: string }, { id: number; name: string }];
  const project = async (
    title: string,
    primary: number,
    secondary: number | null,
    position: number,
    amounts: number[],
  ) => {
    const { id } = await db()
      .insertInto("projects")
      .values({
        proposal_id: made.id,
        title,
        primary_priority_id: primary,
        secondary_priority_id: secondary,
        description: `${title}: what it does.`,
        aims: `${title}: its aims.`,
        outcomes: `${title}: its outcomes.`,
        position,
        created_at: stamp(),
        updated_at: stamp(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const [index, pounds] of amounts.entries()) {
      await db()
        .insertInto("project_costs")
        .values({
          project_id: id,
          financial_year_id: made.borough.years[index]!.id,
          lcpf_pence: pounds * POUND,
          created_at: stamp(),
          updated_at: stamp(),
        })
        .execute();
    }
    return id;
  };
  await project("Street Triage", first.id, null, 2, [10_000, 0]);
  const secondProjectId = await project("Gangs Exit Mentoring", second.id, first.id, 3, [50_000, 25_000]);
  const event = (values: {
    action: string;
    from: string;
    to: string;
    actor: number;
    comment?: string;
    projectId?: number;
    meetingDate?: string;
  }) =>
    db()
      .insertInto("proposal_events")
      .values({
        proposal_id: made.id,
        actor_user_id: values.actor,
        action: values.action,
        from_status: values.from as "awaiting_csp",
        to_status: values.to as "submitted",
        comment: values.comment ?? null,
        project_id: values.projectId ?? null,
        project_title: values.projectId ? "Gangs Exit Mentoring" : null,
        meeting_date: values.meetingDate ?? null,
        assigned_reviewer_id: null,
        proposal_version: 1,
        created_at: stamp(),
      })
      .execute();
  const reviewer = made.assignedReviewer!.id;
  await event({
    action: "endorse",
    from: "awaiting_csp",
    to: "submitted",
    actor: made.borough.cspEndorser!.id,
    meetingDate: "2017-02-07",
  });
  await event({
    action: "comment",
    from: "in_review",
    to: "in_review",
    actor: reviewer,
    projectId: secondProjectId,
    comment: "Name the referral route.",
  });
  await event({
    action: "approve",
    from: "in_review",
    to: "approved",
    actor: reviewer,
    comment: "A clear programme; report quarterly.",
  });
  return { ...made, priorities: [first, second], secondProjectId };
}

const args = (path: string, cookie: string, proposalId: number) => ({
  request: getRequest(path, cookie),
  params: { proposalId: String(proposalId) },
  context: {},
});

/** The text PDFKit drew: each compressed content stream inflated, and the hex strings of its text operators decoded. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const texts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, "latin1")).toString("latin1");
    } catch {
      continue;
    }
    for (const op of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      texts.push(
        [...op[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, "hex").toString("latin1")).join(""),
      );
    }
  }
  return texts.join("\n");
}

describe("an endorsed programme", () => {
  it("groups the projects by primary priority with the summary's totals, the secondary priority, the feedback and the decision", async () => {
    const made = await approvedProgramme();
    const { programme } = await pageLoader(
      args(`/programmes/${made.id}`, made.borough.cspMember.cookie, made.id) as never,
    );
    const [first, second] = made.priorities as [{ id: number; name: string }, { id: number; name: string }];

    expect(programme.groups.map((g) => [g.name, g.projects.map((p) => p.title)])).toEqual([
      [first.name, ["Domestic Abuse Advocacy", "Street Triage"]],
      [second.name, ["Gangs Exit Mentoring"]],
    ]);
    // Totals count the primary priority only: the third project's secondary priority adds nothing to the first.
    expect(programme.groups.map((g) => g.total.totalPence)).toEqual([210_000 * POUND, 75_000 * POUND]);
    expect(programme.groups[0]!.total.perYear.map((y) => y.pence)).toEqual([110_000 * POUND, 100_000 * POUND]);
    expect(programme.summary.totalPlannedPence).toBe(285_000 * POUND);
    expect(programme.summary.years.map((y) => y.plannedPence)).toEqual([160_000 * POUND, 125_000 * POUND]);
    // The factory's allocations are demo figures, so the allocation rows carry the mark.
    expect(programme.years.every((y) => y.hasDemoFigure)).toBe(true);

    const third = programme.groups[1]!.projects[0]!;
    expect(third.secondaryPriorityName).toBe(first.name);
    expect(third.feedback.map((f) => f.comment)).toEqual(["Name the referral route."]);
    expect(programme.groups[0]!.projects.every((p) => p.feedback.length === 0)).toBe(true);
    expect(programme.overallFeedback.map((f) => f.comment)).toEqual(["A clear programme; report quarterly."]);
    expect(programme.decision).toMatchObject({ approved: true, comment: "A clear programme; report quarterly." });
    expect(programme.endorsement?.meetingDate).toBe("2017-02-07");
  });

  it("is page not found to another borough's people, and to its own while it is only a draft", async () => {
    const made = await approvedProgramme();
    const other = await makeBorough();
    const loaders: ((a: never) => Promise<unknown>)[] = [pageLoader, printLoader, pdfLoader];
    for (const loader of loaders) {
      const outcome = await settle(() =>
        loader(args(`/programmes/${made.id}`, other.cspMember.cookie, made.id) as never),
      );
      expect(outcome.thrown).toBe(true);
      expect((outcome.value as { init: { status: number } }).init.status).toBe(404);
    }
    const draft = await makeProposal({ state: "draft" });
    const outcome = await settle(() =>
      pageLoader(args(`/programmes/${draft.id}`, draft.borough.cspMember.cookie, draft.id) as never),
    );
    expect((outcome.value as { init: { status: number } }).init.status).toBe(404);
  });

  it("is listed for the borough's CSP members and officers, and a draft is not", async () => {
    const made = await approvedProgramme();
    const other = await makeProposal({ state: "draft" });
    for (const person of [made.borough.cspMember, made.borough.officer]) {
      const { programmes } = await listLoader({
        request: getRequest("/programmes", person.cookie),
        params: {},
        context: {},
      } as never);
      expect(programmes.map((p) => [p.proposalId, p.status])).toEqual([[made.id, "approved"]]);
    }
    const { programmes } = await listLoader({
      request: getRequest("/programmes", other.borough.cspMember.cookie),
      params: {},
      context: {},
    } as never);
    expect(programmes).toEqual([]);
  });

  it("prints with the date it was printed", async () => {
    const made = await approvedProgramme();
    const { printedOn, programme } = await printLoader(
      args(`/programmes/${made.id}/print`, made.borough.cspEndorser!.cookie, made.id) as never,
    );
    expect(printedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(programme.groups).toHaveLength(2);
  });

  it("downloads as a PDF with the borough, the projects and the totals", async () => {
    const made = await approvedProgramme();
    const response = (await pdfLoader(
      args(`/programmes/${made.id}/pdf`, made.borough.cspMember.cookie, made.id) as never,
    )) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const slug = made.borough.name.toLowerCase().replace(/ /g, "-");
    expect(response.headers.get("Content-Disposition")).toMatch(
      new RegExp(`^attachment; filename="lcpf-programme-${slug}-[a-z0-9-]+\\.pdf"$`),
    );
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(2_000);
    const text = pdfText(pdf);
    expect(text).toContain(made.borough.name);
    for (const title of ["Domestic Abuse Advocacy", "Street Triage", "Gangs Exit Mentoring"])
      expect(text).toContain(title);
    // The projects' costs are real figures, the allocations demo ones: only what is built from an allocation is marked.
    expect(text).toMatch(/Total planned spend, all priorities: £285,000\.00$/m);
    expect(text).toContain(
      "2017/18: allocation £644,000.00 (demo figure); direct borough funding £644,000.00 (demo figure)",
    );
    expect(text).toContain("£210,000.00");
    expect(text).toContain("Name the referral route.");
  });

  it("makes a PDF of text PDF's built-in font cannot draw without failing", async () => {
    const made = await approvedProgramme();
    await db()
      .updateTable("projects")
      .set({ description: "Outreach 🚓 in Łódź and 東京, \u0007 tab\there" })
      .where("id", "=", made.secondProjectId)
      .execute();
    const response = (await pdfLoader(
      args(`/programmes/${made.id}/pdf`, made.borough.cspMember.cookie, made.id) as never,
    )) as Response;
    expect(response.status).toBe(200);
    const text = pdfText(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain("Outreach ? in ?ód? and ??");
    expect(text).toContain("tab here");
  });
});
