import { existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ensureUser, makeProposal, setAllocations, setLeadReviewer, withDatabase } from "./fixtures";
import { signIn } from "./helpers";

/*
 * The whole journey again, with JavaScript off and on a phone's 320px width: officer sends, CSP endorses,
 * reviewer asks for changes through the confirmation page, officer reads the feedback banner and changes
 * a project, CSP endorses again, reviewer approves through the confirmation page. Every step is a plain
 * form post answered by the server. It needs no other spec: Havering's proposal for period 1 is made
 * here in the database, in draft with complete projects, with Havering's own officer, CSP chair and lead
 * reviewer, so it runs alongside the JavaScript journey of Barking and Dagenham without sharing anything.
 */

const HAVERING = "E09000016";
const PEOPLE = {
  officer: { email: "officer-plain@havering.test", name: "Plain Officer (Havering)" },
  csp: { email: "csp-plain@havering.test", name: "Plain CSP Chair (Havering)" },
  reviewer: { email: "reviewer-plain@mopac.test", name: "Plain Reviewer" },
} as const;
const PROJECTS = [
  { title: "Havering domestic abuse advocacy", priority: 3, poundsPerYear: 95_000, candidate: true },
  { title: "Havering town centre patrols", priority: 1, poundsPerYear: 80_000 },
  { title: "Havering youth diversion", priority: 2, poundsPerYear: 60_000 },
] as const;
const WIDTH = 320;
// A worker restarted after a failure must not make a second proposal for the period.
const MADE_FILE = join(dirname(process.env.E2E_DATABASE!), "journey-plain.json");

test.use({ viewport: { width: WIDTH, height: 720 }, javaScriptEnabled: false });

test.beforeAll(() => {
  if (existsSync(MADE_FILE)) return;
  withDatabase((db) => {
    const officer = ensureUser(db, { ...PEOPLE.officer, organisation: HAVERING, role: "borough_officer" });
    ensureUser(db, { ...PEOPLE.csp, organisation: HAVERING, role: "csp_member", canEndorse: true });
    const reviewer = ensureUser(db, { ...PEOPLE.reviewer, organisation: "mopac", role: "mopac_reviewer" });
    setLeadReviewer(db, HAVERING, reviewer);
    // Invented, and below Barking and Dagenham's £644,000, which the London spec expects to lead.
    setAllocations(db, HAVERING, 1, 350_000);
    makeProposal(db, {
      gssCode: HAVERING,
      period: 1,
      status: "draft",
      active: true,
      officerId: officer,
      complianceAnswered: false,
      projects: [...PROJECTS],
    });
  });
  writeFileSync(MADE_FILE, "{}");
});

/** A person in a browser of their own, without JavaScript. */
async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: WIDTH, height: 720 },
    baseURL: test.info().project.use.baseURL,
  });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** The page as the server sent it fits the phone: nothing scrolls sideways but a table's own region. */
async function expectFits(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width}px wide`).toBeLessThanOrEqual(WIDTH);
}

async function openProposal(page: Page) {
  await page.goto("/borough");
  await page.getByRole("link", { name: /View the proposal for Period 1/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("LCPF proposal, Period 1");
}

async function endorse(browser: Browser, day: string) {
  const csp = await as(browser, PEOPLE.csp.email);
  await csp.getByRole("link", { name: /record the endorsement/ }).click();
  // The CSP sees what it endorses before confirming.
  await expect(csp.getByTestId("programme-summary")).toContainText("Projects");
  await expectFits(csp);
  await csp.getByLabel("Day").fill(day);
  await csp.getByLabel("Month").fill("2");
  await csp.getByLabel("Year").fill("2017");
  await csp.getByRole("button", { name: "Record the endorsement and submit to MOPAC" }).click();
  await expect(csp.getByText("The CSP’s endorsement is recorded")).toBeVisible();
  await csp.context().close();
}

test("without JavaScript at 320px: officer sends, CSP endorses, reviewer asks for changes, officer changes, CSP endorses, reviewer approves", async ({
  browser,
}) => {
  // The whole route on a 2-core machine shared with other runs.
  test.setTimeout(300_000);

  // The officer answers the compliance questions and sends the proposal to the CSP.
  const officer = await as(browser, PEOPLE.officer.email);
  await openProposal(officer);
  await officer.getByRole("link", { name: "Compliance answers" }).click();
  await officer
    .getByLabel("How will the borough move from its current funding arrangements?")
    .fill("The current grants end on 31 March 2017.");
  await officer.getByLabel("I have the authority to submit this proposal on behalf of the council").check();
  await officer.getByLabel("The projects in this proposal meet the LCPF minimum standards").check();
  await officer.getByLabel("The council accepts the LCPF statement of compliance").check();
  await officer
    .getByLabel("The projects will process personal data lawfully, in line with data protection law")
    .check();
  await officer.getByLabel("How will the projects process personal data?").fill("Referral details only.");
  await officer.getByLabel("Web address of the privacy notice").fill("https://www.havering.gov.uk/privacy");
  await officer.getByLabel("Web address of the data protection policy").fill("https://www.havering.gov.uk/data");
  await officer.getByRole("button", { name: "Save and return to the proposal" }).click();
  await expect(officer.getByText("Compliance answers saved")).toBeVisible();
  await officer.getByRole("link", { name: "Check and send to the CSP" }).click();
  await expectFits(officer);
  await officer.getByLabel("Note for the CSP (optional)").fill("For the meeting on 7 February.");
  await officer.getByRole("button", { name: "Send to the CSP for endorsement" }).click();
  await expect(officer.getByText("The proposal has been sent to the CSP for endorsement")).toBeVisible();
  await expect(officer.getByText("Awaiting CSP endorsement").first()).toBeVisible();

  await endorse(browser, "7");

  // Havering's lead reviewer finds it in their queue, comments on a project and asks for changes.
  const reviewer = await as(browser, PEOPLE.reviewer.email);
  await reviewer.goto("/review");
  await expectFits(reviewer);
  await reviewer.getByRole("link", { name: /^Havering ?, Period 1/ }).click();
  await expect(reviewer.getByText(PEOPLE.reviewer.name).first()).toBeVisible();
  const contents = reviewer.getByRole("navigation", { name: "Contents" });
  await expect(contents.getByRole("link", { name: "Your decision" })).toBeVisible();
  await expectFits(reviewer);
  const advocacy = reviewer.locator("section", { has: reviewer.getByRole("heading", { name: PROJECTS[0].title }) });
  await advocacy.getByLabel(`Comment on ${PROJECTS[0].title}`).fill("Please show the 2018/19 cost of the advocates.");
  await advocacy.getByRole("button", { name: "Add comment" }).click();
  await expect(reviewer.getByText("Your comment has been added")).toBeVisible();
  await reviewer.getByLabel("Request changes").check();
  await reviewer.getByLabel("Feedback for the borough").fill("See the comment on the advocacy project.");
  await reviewer.getByRole("button", { name: "Continue" }).click();
  // Nothing has happened yet: the confirmation restates the decision, the feedback and the totals.
  await expect(reviewer.getByRole("heading", { name: "Check your decision before you confirm it" })).toBeVisible();
  await expect(reviewer.locator(".govuk-summary-list").first()).toContainText(
    "See the comment on the advocacy project.",
  );
  await expect(reviewer.getByTestId("programme-summary")).toContainText("Planned spend, all years");
  await expectFits(reviewer);
  await reviewer.getByRole("button", { name: "Confirm: request changes" }).click();
  await expect(reviewer.getByText("Changes requested: the borough officers have been told")).toBeVisible();

  // The officer reads MOPAC's feedback at the top, changes the project and sends it again.
  await openProposal(officer);
  await expect(officer.getByRole("region", { name: "Feedback from MOPAC" })).toBeVisible();
  await expect(officer.getByTestId("mopac-feedback")).toContainText("See the comment on the advocacy project.");
  await expectFits(officer);
  await officer.getByRole("link", { name: PROJECTS[0].title, exact: true }).first().click();
  await expect(officer.getByTestId("project-feedback")).toContainText("Please show the 2018/19 cost");
  await officer.getByRole("link", { name: "LCPF spend and match funding", exact: true }).click();
  await officer.getByLabel("LCPF spend in 2018/19").fill("90,000");
  await officer.getByRole("button", { name: "Save and return to the project" }).click();
  await officer.getByRole("link", { name: "Back to the proposal" }).click();
  await officer.getByRole("link", { name: "Check and send to the CSP" }).click();
  await officer.getByRole("button", { name: "Send to the CSP for endorsement" }).click();
  await expect(officer.getByText("The proposal has been sent to the CSP for endorsement")).toBeVisible();

  await endorse(browser, "21");

  // The reviewer sees what changed, is asked to choose, and approves after confirming.
  await reviewer.goto("/review");
  await reviewer.getByRole("link", { name: /^Havering ?, Period 1/ }).click();
  const changes = reviewer.getByTestId("changes");
  await expect(changes).toContainText(PROJECTS[0].title);
  await expect(changes).toContainText("£90,000.00");
  await expectFits(reviewer);
  await reviewer.getByRole("button", { name: "Continue" }).click();
  await expect(reviewer.locator(".govuk-error-summary")).toContainText(
    "Choose whether to request changes, approve or reject the proposal",
  );
  await reviewer.getByLabel("Approve").check();
  await reviewer.getByLabel("Feedback for the borough").fill("Approved as changed.");
  await reviewer.getByRole("button", { name: "Continue" }).click();
  await expect(reviewer.locator(".govuk-summary-list").first()).toContainText("Approved as changed.");
  await reviewer.getByRole("button", { name: "Confirm: approve the proposal" }).click();
  await expect(reviewer.getByText("The proposal is approved")).toBeVisible();
  await reviewer.context().close();

  // The officer reads the whole history, and the CSP's endorsed programmes show MOPAC's decision.
  await openProposal(officer);
  const history = officer.getByTestId("history");
  for (const step of [
    "Sent to the CSP for endorsement",
    "Endorsed by the CSP and submitted to MOPAC",
    "Assigned for review",
    `Comment: ${PROJECTS[0].title}`,
    "Changes requested by MOPAC",
    "Approved by MOPAC",
  ]) {
    await expect(history).toContainText(step);
  }
  await expect(history.locator("li")).toHaveCount(9);
  await officer.getByRole("link", { name: "Endorsed programmes" }).click();
  await expect(officer.getByRole("row", { name: /Period 1/ })).toContainText("Approved");
  await expectFits(officer);
  await officer.context().close();
});
