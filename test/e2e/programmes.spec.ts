import { readFileSync } from "node:fs";
import SQLite from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// Barking and Dagenham's CSP reads an approved programme of its own for period 2, made here directly in
// the database. It does not hold the borough's place for the period (active 0) and leaves the demo
// proposal of period 1, which the drafting and journey specs use, alone. It stays when the spec ends:
// a proposal's history is append-only, and an approved programme of another period changes no other spec.
test.describe.configure({ mode: "serial" });

const TITLES = {
  first: "Programme spec: burglary target hardening",
  second: "Programme spec: youth mentoring",
} as const;
let proposalId = 0;

function database() {
  const sqlite = new SQLite(process.env.E2E_DATABASE!);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return sqlite;
}

test.beforeAll(() => {
  const sqlite = database();
  try {
    const stamp = new Date().toISOString();
    const csp = sqlite
      .prepare("select id, organisation_id from users where email = ?")
      .get("csp@barking-dagenham.test") as {
      id: number;
      organisation_id: number;
    };
    const reviewer = sqlite.prepare("select id from users where email = ?").get("reviewer@mopac.test") as {
      id: number;
    };
    const period = sqlite.prepare("select id from funding_periods where number = 2 order by id limit 1").get() as {
      id: number;
    };
    const years = sqlite
      .prepare("select id from financial_years where funding_period_id = ? order by position")
      .all(period.id) as { id: number }[];
    const [first, second] = sqlite.prepare("select id from priorities order by position limit 2").all() as {
      id: number;
    }[];
    const { lastInsertRowid } = sqlite
      .prepare(
        `insert into proposals (funding_period_id, lead_organisation_id, status, version, assigned_reviewer_id, first_submitted_at,
           last_submitted_at, created_by, updated_by, created_at, updated_at)
         values (?, ?, 'approved', 1, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(period.id, csp.organisation_id, reviewer.id, stamp, stamp, csp.id, csp.id, stamp, stamp);
    proposalId = Number(lastInsertRowid);
    sqlite
      .prepare(
        "insert into proposal_boroughs (proposal_id, organisation_id, funding_period_id, active, created_at) values (?, ?, ?, 0, ?)",
      )
      .run(proposalId, csp.organisation_id, period.id, stamp);
    const project = (title: string, primary: number, secondary: number | null, position: number, pounds: number) => {
      const id = Number(
        sqlite
          .prepare(
            `insert into projects (proposal_id, title, primary_priority_id, secondary_priority_id, description, aims, outcomes, position, created_at, updated_at)
             values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            proposalId,
            title,
            primary,
            secondary,
            `${title}, described.`,
            `${title}, its aims.`,
            `${title}, its outcomes.`,
            position,
            stamp,
            stamp,
          ).lastInsertRowid,
      );
      for (const year of years) {
        sqlite
          .prepare(
            "insert into project_costs (project_id, financial_year_id, lcpf_pence, is_demo_figure, created_at, updated_at) values (?, ?, ?, 1, ?, ?)",
          )
          .run(id, year.id, pounds * 100, stamp, stamp);
      }
      return id;
    };
    project(TITLES.first, first!.id, null, 1, 40_000);
    const mentoring = project(TITLES.second, second!.id, first!.id, 2, 25_000);
    const event = sqlite.prepare(
      `insert into proposal_events (proposal_id, actor_user_id, action, from_status, to_status, comment, project_id, project_title, meeting_date, proposal_version, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
    );
    event.run(proposalId, csp.id, "endorse", "awaiting_csp", "submitted", null, null, null, "2019-02-12", stamp);
    event.run(
      proposalId,
      reviewer.id,
      "comment",
      "in_review",
      "in_review",
      "Say how mentors are vetted.",
      mentoring,
      TITLES.second,
      null,
      stamp,
    );
    event.run(
      proposalId,
      reviewer.id,
      "approve",
      "in_review",
      "approved",
      "Approved for period 2.",
      null,
      null,
      null,
      stamp,
    );
  } finally {
    sqlite.close();
  }
});

test("a CSP member reads the endorsed programme, prints it and downloads the PDF", async ({ page }) => {
  await signIn(page, "csp@barking-dagenham.test");
  await page.getByRole("link", { name: "Endorsed programmes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Endorsed programmes" })).toBeVisible();
  await expectAccessible(page);

  await page.locator(`a[href="/programmes/${proposalId}"]`).click();
  await expect(page.getByRole("heading", { level: 1, name: /Endorsed programme, Period 2/ })).toBeVisible();
  await expect(page.getByText("Approved for period 2.").first()).toBeVisible();
  await expect(page.getByText("Say how mentors are vetted.")).toBeVisible();
  await expect(page.getByText(/Secondary priority:/)).toBeVisible();
  await expect(page.getByText("At its meeting of 12 February 2019")).toBeVisible();
  await expect(page.getByTestId("priority-total")).toHaveCount(2);
  await expect(page.getByTestId("priority-total").first()).toContainText("£80,000.00");
  await expect(page.getByTestId("priority-total").first()).toContainText("Demo figure");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Print view for the CSP meeting" }).click();
  await expect(page.getByTestId("printed-on")).toHaveText(/^Printed on \d{1,2} [A-Z][a-z]+ \d{4}$/);
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("contentinfo")).toBeHidden();
  await expect(page.getByText(`${TITLES.second}, its outcomes.`)).toBeVisible();
  await expectAccessible(page);
  // On paper each priority starts a page of its own.
  await page.emulateMedia({ media: "print" });
  const breaks = await page
    .locator(".app-programme-priority")
    .evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
  expect(breaks).toEqual(["page", "page"]);
  await expect(page.getByText("Back to the programme")).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  await page.getByRole("link", { name: "Back to the programme" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download as PDF" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^lcpf-programme-barking-and-dagenham-period-2-.*\.pdf$/);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(2_000);
});
