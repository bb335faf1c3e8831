import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { expectAccessible, signIn } from "./helpers";

// One proposal's whole route across three roles, on the demo data. Runs after the drafting tests.
test.describe.configure({ mode: "serial" });

// The CSP report gives no aims, SMART outcomes or milestone dates, so the demo projects lack them and
// the proposal cannot be sent as seeded. The journey is about the route, not about typing seventeen
// projects' answers (the drafting tests cover those pages), so they are filled in here as setup.
test.beforeAll(() => {
  const database = new Database(process.env.E2E_DATABASE!);
  try {
    database
      .prepare(
        `UPDATE projects SET aims = 'Fewer victims, fewer repeat offences.', outcomes = 'Measured quarterly against the 2016/17 baseline.',
           procurement_completed_on = '2017-03-31', start_on = '2017-04-01', completion_on = '2019-03-31', evaluation_completed_on = '2019-06-30'
         WHERE aims IS NULL`,
      )
      .run();
  } finally {
    database.close();
  }
});

async function openProposal(page: Page) {
  await page.goto("/borough");
  await page.getByRole("link", { name: /View the proposal for Period 1/ }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
}

function outboxEmails(): string[] {
  const folder = join(dirname(process.env.E2E_DATABASE!), "outbox");
  try {
    return readdirSync(folder).map((file) => readFileSync(join(folder, file), "utf8"));
  } catch {
    return [];
  }
}

test("officer sends, CSP endorses, reviewer asks for changes, officer changes, CSP endorses, reviewer approves", async ({
  page,
  browser,
}) => {
  // The whole route, with axe on many pages, on a 2-core machine shared with other runs: 120 s ran out mid-journey.
  test.setTimeout(300_000);

  // The officer completes the compliance answers and sends the proposal to the CSP.
  await signIn(page, "officer@barking-dagenham.test");
  await openProposal(page);
  await page.getByRole("link", { name: "Compliance answers" }).click();
  await page
    .getByLabel("How will the borough move from its current funding arrangements?")
    .fill("The current grants end on 31 March 2017; two are decommissioned.");
  await page.getByLabel("I have the authority to submit this proposal on behalf of the council").check();
  await page.getByLabel("The projects in this proposal meet the LCPF minimum standards").check();
  await page.getByLabel("The council accepts the LCPF statement of compliance").check();
  await page.getByLabel("The projects will process personal data lawfully, in line with data protection law").check();
  await page
    .getByLabel("How will the projects process personal data?")
    .fill("Referral details only, shared with providers under an agreement.");
  await page.getByLabel("Web address of the privacy notice").fill("https://www.lbbd.gov.uk/privacy");
  await page.getByLabel("Web address of the data protection policy").fill("https://www.lbbd.gov.uk/data-protection");
  await page.getByRole("button", { name: "Save and return to the proposal" }).click();
  await expect(page.getByText("Compliance answers saved")).toBeVisible();
  await page.getByRole("link", { name: "Check and send to the CSP" }).click();
  await expectAccessible(page);
  await page.getByLabel("Note for the CSP (optional)").fill("For the meeting on 7 February.");
  await page.getByRole("button", { name: "Send to the CSP for endorsement" }).click();
  await expect(page.getByText("The proposal has been sent to the CSP for endorsement")).toBeVisible();
  await expect(page.getByText("Awaiting CSP endorsement").first()).toBeVisible();
  await signOut(page);

  // The CSP chair endorses it.
  await signIn(page, "csp@barking-dagenham.test");
  await expect(page.getByTestId("notifications-link")).toContainText("1");
  await page.getByRole("link", { name: /record the endorsement/ }).click();
  // The CSP sees what it endorses before confirming.
  await expect(page.getByTestId("programme-summary")).toContainText("Projects");
  await expect(
    page.getByRole("table", { name: "Planned spend by primary Police and Crime Plan priority" }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Day").fill("7");
  await page.getByLabel("Month").fill("2");
  await page.getByLabel("Year").fill("2017");
  await page.getByLabel("Note from the CSP meeting (optional)").fill("Endorsed unanimously.");
  await page.getByRole("button", { name: "Record the endorsement and submit to MOPAC" }).click();
  await expect(page.getByText("The CSP’s endorsement is recorded")).toBeVisible();

  // The CSP reads the programme it has just endorsed, takes the print view to its meeting and downloads the PDF.
  await page.getByRole("link", { name: "Endorsed programmes" }).click();
  const endorsed = page.getByRole("row", { name: /Period 1/ });
  await expect(endorsed).toContainText("In review");
  await endorsed.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: /Endorsed programme, Period 1/ })).toBeVisible();
  await expect(page.getByText("At its meeting of 7 February 2017")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Print view for the CSP meeting" }).click();
  await expect(page.getByTestId("printed-on")).toHaveText(/^Printed on \d{1,2} [A-Z][a-z]+ \d{4}$/);
  await expect(page.getByRole("heading", { name: "VAWG Counselling" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to the programme" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download as PDF" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^lcpf-programme-barking-and-dagenham-period-1-.*\.pdf$/);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(2_000);
  await signOut(page);

  // The lead reviewer finds it in their queue without anyone assigning it.
  await signIn(page, "reviewer@mopac.test");
  await expect(page.getByTestId("notifications-link")).toContainText("1");
  await page.getByTestId("notifications-link").click();
  await expect(page.getByTestId("notifications")).toContainText("assigned to you for review");
  await expectAccessible(page);
  await page.goto("/review");
  await expectAccessible(page);
  await page.getByRole("link", { name: /^Barking and Dagenham\b.*Period 1/ }).click();
  await expect(page.getByText("Demo Reviewer One").first()).toBeVisible();
  // A contents list reaches the decision and each project without scrolling through the others.
  const contents = page.getByRole("navigation", { name: "Contents" });
  await expect(contents.getByRole("link", { name: "Your decision" })).toBeVisible();
  await expect(contents.getByRole("link", { name: "VAWG Counselling" })).toBeVisible();
  await expect(page.locator("details.govuk-details").first()).not.toHaveAttribute("open", "");
  await expectAccessible(page);
  await page
    .getByLabel("Comment on VAWG Counselling")
    .fill("Please show the 2018/19 cost of the counselling sessions.");
  await page
    .locator("section", { has: page.getByRole("heading", { name: "VAWG Counselling" }) })
    .getByRole("button", { name: "Add comment" })
    .click();
  await expect(page.getByText("Your comment has been added")).toBeVisible();
  await page.getByLabel("Request changes").check();
  await page.getByLabel("Feedback for the borough").fill("See the comment on VAWG Counselling.");
  await page.getByRole("button", { name: "Continue" }).click();
  // Nothing has happened yet: the confirmation restates the decision, the feedback and the totals.
  await expect(page.getByRole("heading", { name: "Check your decision before you confirm it" })).toBeVisible();
  await expect(page.locator(".govuk-summary-list").first()).toContainText("See the comment on VAWG Counselling.");
  await expect(page.getByTestId("programme-summary")).toContainText("Planned spend, all years");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm: request changes" }).click();
  await expect(page.getByText("Changes requested: the borough officers have been told")).toBeVisible();
  await signOut(page);

  // The officer sees the feedback next to the project, changes it and sends it again.
  await signIn(page, "officer@barking-dagenham.test");
  await openProposal(page);
  // MOPAC's overall feedback leads the page; the project with comments says so.
  await expect(page.getByRole("region", { name: "Feedback from MOPAC" })).toBeVisible();
  await expect(page.getByTestId("mopac-feedback")).toContainText("See the comment on VAWG Counselling.");
  await expect(page.getByText("Feedback from MOPAC", { exact: true }).last()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "VAWG Counselling", exact: true }).first().click();
  await expect(page.getByTestId("project-feedback")).toContainText("Please show the 2018/19 cost");
  await page.getByRole("link", { name: "LCPF spend and match funding", exact: true }).click();
  await page.getByLabel("LCPF spend in 2018/19").fill("15,000");
  await page.getByRole("button", { name: "Save and return to the project" }).click();
  await page.getByRole("link", { name: "Back to the proposal" }).click();
  await page.getByRole("link", { name: "Check and send to the CSP" }).click();
  await page.getByRole("button", { name: "Send to the CSP for endorsement" }).click();
  await expect(page.getByText("The proposal has been sent to the CSP for endorsement")).toBeVisible();
  await signOut(page);

  // The second round runs with JavaScript off: the endorsement and the decision's confirmation are plain forms.
  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  const plain = await noScript.newPage();
  await signIn(plain, "csp@barking-dagenham.test");
  await plain.getByRole("link", { name: /record the endorsement/ }).click();
  await expect(plain.getByTestId("programme-summary")).toBeVisible();
  await plain.getByLabel("Day").fill("21");
  await plain.getByLabel("Month").fill("2");
  await plain.getByLabel("Year").fill("2017");
  await plain.getByRole("button", { name: "Record the endorsement and submit to MOPAC" }).click();
  await expect(plain.getByText("The CSP’s endorsement is recorded")).toBeVisible();
  await signOut(plain);

  // The reviewer sees exactly what changed and approves, after confirming.
  await signIn(plain, "reviewer@mopac.test");
  await plain.goto("/review");
  await plain.getByRole("link", { name: /^Barking and Dagenham\b.*Period 1/ }).click();
  const changes = plain.getByTestId("changes");
  await expect(changes).toContainText("VAWG Counselling");
  await expect(changes).toContainText("LCPF spend in 2018/19");
  await expect(changes).toContainText("£15,000.00");
  // Submitting without a choice: the server answers with the form and an error summary, nothing decided.
  await plain.getByRole("button", { name: "Continue" }).click();
  await expect(plain.locator(".govuk-error-summary")).toContainText(
    "Choose whether to request changes, approve or reject the proposal",
  );
  await plain.getByLabel("Approve").check();
  await plain.getByLabel("Feedback for the borough").fill("Approved as changed.");
  await plain.getByRole("button", { name: "Continue" }).click();
  await expect(plain.locator(".govuk-summary-list").first()).toContainText("Approved as changed.");
  await plain.getByRole("button", { name: "Confirm: approve the proposal" }).click();
  await expect(plain.getByText("The proposal is approved")).toBeVisible();
  await signOut(plain);
  await noScript.close();

  // Everyone who may see it reads the whole history, with who and when.
  await signIn(page, "officer@barking-dagenham.test");
  await openProposal(page);
  const history = page.getByTestId("history");
  for (const step of [
    "Sent to the CSP for endorsement",
    "Endorsed by the CSP and submitted to MOPAC",
    "Assigned for review",
    "Comment: VAWG Counselling",
    "Changes requested by MOPAC",
    "Approved by MOPAC",
  ]) {
    await expect(history).toContainText(step);
  }
  await expect(history).toContainText("Demo Officer (Barking and Dagenham), Barking and Dagenham");
  await expect(history).toContainText("Demo CSP Chair (Barking and Dagenham)");
  await expect(history).toContainText("Demo Reviewer One, Mayor's Office for Policing and Crime");
  await expect(history.locator("li")).toHaveCount(9);
  await expectAccessible(page);

  // The reviewer's email is in the outbox folder.
  await expect
    .poll(() => outboxEmails().filter((mail) => mail.includes("To: reviewer@mopac.test")).length)
    .toBeGreaterThan(0);
});
