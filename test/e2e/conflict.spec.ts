import SQLite from "better-sqlite3";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// Two officers of Barking and Dagenham at once. The spec works on two projects of its own in the demo
// proposal and removes them at the end, so the drafting and journey specs find the demo as seeded.
test.describe.configure({ mode: "serial" });

const COLLEAGUE = { email: "second-officer@barking-dagenham.test", name: "Sam Second-Officer" };
const PROJECTS = ["Conflict journey: estate patrols", "Conflict journey: youth outreach"] as const;

function database() {
  const sqlite = new SQLite(process.env.E2E_DATABASE!);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return sqlite;
}

const projectIds = new Map<string, number>();
let proposalId = 0;

test.beforeAll(() => {
  const sqlite = database();
  try {
    const officer = sqlite
      .prepare("select id, organisation_id, password_hash from users where email = ?")
      .get("officer@barking-dagenham.test") as { id: number; organisation_id: number; password_hash: string };
    const stamp = new Date().toISOString();
    // The same password as the demo officer, so both sign in the same way.
    sqlite
      .prepare(
        `insert into users (email, name, password_hash, organisation_id, role, can_endorse, active, created_at, updated_at)
         values (?, ?, ?, ?, 'borough_officer', 0, 1, ?, ?) on conflict (email) do nothing`,
      )
      .run(COLLEAGUE.email, COLLEAGUE.name, officer.password_hash, officer.organisation_id, stamp, stamp);
    const proposal = sqlite
      .prepare(
        "select p.id from proposals p where p.lead_organisation_id = ? and p.status = 'draft' order by p.id limit 1",
      )
      .get(officer.organisation_id) as { id: number } | undefined;
    if (!proposal)
      throw new Error(
        "The conflict spec needs Barking and Dagenham's demo proposal in draft: run it before the journey spec",
      );
    proposalId = proposal.id;
    const priority = sqlite.prepare("select id from priorities order by position limit 1").get() as { id: number };
    const position = sqlite
      .prepare("select coalesce(max(position), 0) as last from projects where proposal_id = ?")
      .get(proposalId) as { last: number };
    PROJECTS.forEach((title, index) => {
      sqlite.prepare("delete from projects where proposal_id = ? and title = ?").run(proposalId, title);
      const { lastInsertRowid } = sqlite
        .prepare(
          `insert into projects (proposal_id, title, primary_priority_id, description, aims, outcomes, works_with_other_authorities, position, created_at, updated_at)
           values (?, ?, ?, 'As first written.', 'Fewer burglaries.', 'A 10% fall in burglary by March 2018.', 0, ?, ?, ?)`,
        )
        .run(proposalId, title, priority.id, position.last + 1 + index, stamp, stamp);
      projectIds.set(title, Number(lastInsertRowid));
    });
  } finally {
    sqlite.close();
  }
});

test.afterAll(() => {
  const sqlite = database();
  try {
    for (const title of PROJECTS)
      sqlite.prepare("delete from projects where proposal_id = ? and title = ?").run(proposalId, title);
  } finally {
    sqlite.close();
  }
});

/** The pages that run JavaScript. */
const scripted = new WeakSet<Page>();

async function officerPage(browser: Browser, email: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  if (javaScriptEnabled) scripted.add(page);
  await signIn(page, email);
  return page;
}

const descriptionPage = (title: string) => `/proposals/${proposalId}/projects/${projectIds.get(title)}/description`;

async function saveDescription(page: Page, text: string) {
  // With JavaScript, typing waits for React to take over the page (the live character count appears):
  // hydrating a text area sets its starting text again, which put the caret back at the start in the
  // middle of Playwright's select-all-and-type, and the new text went in before the old.
  if (scripted.has(page)) await expect(page.locator(".govuk-character-count__status").first()).toBeAttached();
  await page.getByLabel("Description").fill(text);
  await page.getByRole("button", { name: "Save and return to the project" }).click();
}

test("different projects both save; on the same project the conflict shows both answers, Save again is refused, and the choice loses nothing", async ({
  browser,
}) => {
  const mine = await officerPage(browser, "officer@barking-dagenham.test");
  const theirs = await officerPage(browser, COLLEAGUE.email);

  // Different projects, opened at the same time: both save.
  await mine.goto(descriptionPage(PROJECTS[0]));
  await theirs.goto(descriptionPage(PROJECTS[1]));
  await saveDescription(theirs, "Outreach workers on the estates on Friday nights.");
  await saveDescription(mine, "Two patrols on the Gascoigne estate.");
  await expect(theirs.getByRole("heading", { level: 1, name: PROJECTS[1] })).toBeVisible();
  await expect(theirs.getByText("Outreach workers on the estates on Friday nights.")).toBeVisible();
  await expect(mine.getByRole("heading", { level: 1, name: PROJECTS[0] })).toBeVisible();
  await expect(mine.getByText("Two patrols on the Gascoigne estate.")).toBeVisible();

  // The same project: the colleague saves first.
  await mine.goto(descriptionPage(PROJECTS[0]));
  await theirs.goto(descriptionPage(PROJECTS[0]));
  await saveDescription(theirs, "Patrols moved to the Becontree estate.");
  await expect(theirs.getByText("Patrols moved to the Becontree estate.")).toBeVisible();

  await saveDescription(mine, "Three patrols on the Gascoigne estate.");
  const summary = mine.getByRole("alert");
  await expect(summary).toContainText("Someone else has saved this project");
  const table = mine.getByRole("table", { name: "Answers changed since you opened this page" });
  await expect(table.getByRole("columnheader", { name: new RegExp(`^Saved by ${COLLEAGUE.name} at `) })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Your answer" })).toBeVisible();
  const row = table.getByRole("row", { name: /^Description/ });
  await expect(row).toContainText("Patrols moved to the Becontree estate.");
  await expect(row).toContainText("Three patrols on the Gascoigne estate.");
  await expect(mine.getByLabel("Description")).toHaveValue("Three patrols on the Gascoigne estate.");
  await expectAccessible(mine);

  // Save again without choosing: refused again, what was typed still there.
  await mine.getByRole("button", { name: "Save and return to the project" }).click();
  await expect(mine.getByRole("alert")).toContainText("Someone else has saved this project");
  await expect(mine.getByLabel("Description")).toHaveValue("Three patrols on the Gascoigne estate.");
  await expect(mine.getByRole("table", { name: "Answers changed since you opened this page" })).toContainText(
    "Patrols moved to the Becontree estate.",
  );
  await theirs.goto(descriptionPage(PROJECTS[0]));
  await expect(theirs.getByLabel("Description")).toHaveValue("Patrols moved to the Becontree estate.");

  // Keep my answers: saved over theirs, knowingly.
  await mine.getByRole("button", { name: "Keep your answers and save" }).click();
  await expect(mine.getByRole("heading", { level: 1, name: PROJECTS[0] })).toBeVisible();
  await expect(mine.getByText("Three patrols on the Gascoigne estate.")).toBeVisible();

  await mine.context().close();
  await theirs.context().close();
});

test("without JavaScript: a conflict, then 'Use their answers' starts again from what the colleague saved", async ({
  browser,
}) => {
  const mine = await officerPage(browser, "officer@barking-dagenham.test", false);
  const theirs = await officerPage(browser, COLLEAGUE.email);

  await mine.goto(descriptionPage(PROJECTS[1]));
  await theirs.goto(descriptionPage(PROJECTS[1]));
  await saveDescription(theirs, "Outreach on Friday and Saturday nights.");
  await expect(theirs.getByText("Outreach on Friday and Saturday nights.")).toBeVisible();

  await saveDescription(mine, "Outreach on Sunday afternoons.");
  await expect(mine.getByRole("alert")).toContainText("Someone else has saved this project");
  await expect(mine.getByRole("row", { name: /^Description/ })).toContainText(
    "Outreach on Friday and Saturday nights.",
  );
  await expect(mine.getByLabel("Description")).toHaveValue("Outreach on Sunday afternoons.");
  // (axe runs inside the page, so it is checked on the same page with JavaScript, in the test above.)

  await mine.getByRole("link", { name: "Use their answers" }).first().click();
  await expect(mine.getByRole("alert")).toHaveCount(0);
  await expect(mine.getByLabel("Description")).toHaveValue("Outreach on Friday and Saturday nights.");
  // Now based on the colleague's version, a save goes through.
  await saveDescription(mine, "Outreach on Friday and Saturday nights, and Sunday afternoons.");
  await expect(mine.getByRole("heading", { level: 1, name: PROJECTS[1] })).toBeVisible();
  await expect(mine.getByText("Outreach on Friday and Saturday nights, and Sunday afternoons.")).toBeVisible();

  await mine.context().close();
  await theirs.context().close();
});
