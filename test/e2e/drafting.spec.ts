import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// Runs before the journey (see playwright.config.ts): it leaves Barking and Dagenham's demo proposal
// in draft, with every figure as the seed set it.

async function openDemoProposal(page: Page) {
  await page.goto("/borough");
  await page.getByRole("link", { name: /View the proposal for Period 1/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /LCPF proposal, Period 1/ })).toBeVisible();
}

function envelopeCell(page: Page, rowName: string, column: number) {
  return page
    .locator("table", { hasText: "Funding and planned spend for each year" })
    .getByRole("row", { name: new RegExp(`^${rowName}`) })
    .getByRole("cell")
    .nth(column);
}

test.describe("a borough officer drafting the proposal", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "officer@barking-dagenham.test");
  });

  test("the overview shows the split and the co-commissioning pot from the CSP report", async ({ page }) => {
    await expectAccessible(page);
    await openDemoProposal(page);
    // Columns: 2017/18, 2018/19.
    await expect(envelopeCell(page, "Direct borough funding", 0)).toHaveText("£644,000.00");
    await expect(envelopeCell(page, "Direct borough funding", 1)).toHaveText("£450,800.00 Demo figure"); // 2018/19's allocation is a demo figure
    await expect(envelopeCell(page, "Co-commissioned services", 1)).toHaveText("£193,200.00 Demo figure");
    await expect(page.getByTestId("candidates-2018/19")).toContainText("£329,000.00");
    await expect(page.getByTestId("candidates-2018/19")).toContainText("£193,200.00");
    await expect(page.getByTestId("uncovered-measures")).toContainText("gun crime");
    await expectAccessible(page);
  });

  test("a cost typed in words is refused next to the field, and everything else typed is kept", async ({ page }) => {
    await openDemoProposal(page);
    await page.getByRole("link", { name: "VAWG Counselling", exact: true }).first().click();
    await expectAccessible(page);
    await page.getByRole("link", { name: "LCPF spend and match funding", exact: true }).click();
    await page.getByLabel("LCPF spend in 2018/19").fill("forty thousand");
    await page.getByLabel("Council cash contribution in 2017/18").fill("2,500");
    await page.getByLabel("Council in-kind contributions (optional)").fill("Room hire at the civic centre");
    await page.getByRole("button", { name: "Save and return to the project" }).click();

    const summary = page.getByRole("alert");
    await expect(summary).toContainText("There is a problem");
    await expect(summary.getByRole("link")).toHaveCount(1);
    await expect(page.locator(".govuk-error-message")).toContainText("LCPF spend in 2018/19");
    await expect(page.getByLabel("LCPF spend in 2018/19")).toHaveValue("forty thousand");
    await expect(page.getByLabel("Council cash contribution in 2017/18")).toHaveValue("2,500");
    await expect(page.getByLabel("Council in-kind contributions (optional)")).toHaveValue(
      "Room hire at the civic centre",
    );
    await expect(page.getByRole("cell", { name: "Not a valid amount" })).toBeVisible();
    await expectAccessible(page);
  });

  test("£1 too much in 2017/18 is over by £1.00 and blocks; moving it to 2018/19 clears it", async ({ page }) => {
    await openDemoProposal(page);
    await page.getByRole("link", { name: "Youth Risk Matrix", exact: true }).click();
    await page.getByRole("link", { name: "LCPF spend and match funding", exact: true }).click();
    const year1 = page.getByLabel("LCPF spend in 2017/18");
    const year2 = page.getByLabel("LCPF spend in 2018/19");
    const saved1 = await year1.inputValue();
    const saved2 = await year2.inputValue();
    const plusOne = (value: string) => String(Number(value.replace(/,/g, "")) + 1);

    await year1.fill(plusOne(saved1));
    // With JavaScript, the totals follow the typing before anything is saved.
    await expect(page.locator("#funding-totals")).toContainText("Over by £1.00");
    await page.getByRole("button", { name: "Save and return to the project" }).click();
    await page.getByRole("link", { name: "Back to the proposal" }).click();
    await expect(envelopeCell(page, "Remaining or over", 0)).toHaveText("Over by £1.00 Demo figure"); // planned from demo costs
    await expect(page.getByTestId("blockers")).toContainText("2017/18 is over its direct funding by £1.00");

    await page.getByRole("link", { name: "Youth Risk Matrix", exact: true }).click();
    await page.getByRole("link", { name: "LCPF spend and match funding", exact: true }).click();
    await page.getByLabel("LCPF spend in 2017/18").fill(saved1);
    await page.getByLabel("LCPF spend in 2018/19").fill(plusOne(saved2));
    await page.getByRole("button", { name: "Save and return to the project" }).click();
    await page.getByRole("link", { name: "Back to the proposal" }).click();
    await expect(envelopeCell(page, "Remaining or over", 0)).toHaveText("£0.00 remaining Demo figure");
    await expect(page.getByTestId("blockers")).not.toContainText("over its direct funding");

    // Put 2018/19 back as the seed had it.
    await page.getByRole("link", { name: "Youth Risk Matrix", exact: true }).click();
    await page.getByRole("link", { name: "LCPF spend and match funding", exact: true }).click();
    await page.getByLabel("LCPF spend in 2018/19").fill(saved2);
    await page.getByRole("button", { name: "Save and return to the project" }).click();
    await expect(page.getByText("LCPF spend and match funding: saved")).toBeVisible();
  });

  test("adds a project through every section, then removes it, with axe on each page", async ({ page }) => {
    await openDemoProposal(page);
    await page.getByRole("button", { name: "Add a project" }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Add the project" }).click();
    await expect(page.getByRole("alert")).toContainText("Enter the project’s title");
    await expectAccessible(page);

    await page.getByLabel("Project title").fill("Safer Parks Wardens");
    await page.getByLabel("Neighbourhood Policing").check();
    await page.getByLabel("ASB and neighbourhood crime").check();
    await page.getByRole("button", { name: "Add the project" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Safer Parks Wardens" })).toBeVisible();
    await expectAccessible(page);

    for (const section of [
      "Description, aims and outcomes",
      "LCPF spend and match funding",
      "Partners and voluntary organisations",
      "How it is delivered",
      "Milestones",
      "Measures of success",
    ]) {
      await page.getByRole("link", { name: section, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: section })).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("link", { name: "Back to the project" }).click();
    }

    await page.getByRole("link", { name: "Description, aims and outcomes", exact: true }).click();
    const description = page.getByLabel("Description");
    await description.fill("Two wardens patrol the borough's parks in the evenings.");
    await expect(page.getByText(/You have \d[\d,]* characters remaining/).first()).toBeVisible();
    await page.getByLabel("Overarching aims").fill("Fewer reports of anti-social behaviour in parks.");
    await page.getByLabel("SMART performance outcomes").fill("A 10% fall in park ASB reports by March 2018.");
    await page.getByLabel("No").check();
    await page.getByRole("button", { name: "Save and return to the project" }).click();
    await expect(page.getByText("Description, aims and outcomes: saved")).toBeVisible();

    await page.getByRole("button", { name: "Remove this project" }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Yes, remove the project" }).click();
    await expect(page.getByText("Safer Parks Wardens has been removed from the proposal")).toBeVisible();
  });

  test("the compliance page and the check page are accessible", async ({ page }) => {
    await openDemoProposal(page);
    await page.getByRole("link", { name: "Compliance answers" }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save and return to the proposal" }).click();
    await expect(page.getByRole("alert")).toContainText("Confirm you have the authority");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Back to the proposal" }).click();
    await page.getByRole("link", { name: "Check your answers" }).click();
    await expect(page.getByTestId("blockers")).toContainText("Answer the compliance questions");
    await expectAccessible(page);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an officer changes a project and sees a field error, with plain form posts", async ({ page }) => {
    await signIn(page, "officer@barking-dagenham.test");
    await openDemoProposal(page);
    await page.getByRole("link", { name: "Stop Hate Crime UK (Stop Hate UK)", exact: true }).click();
    await page.getByRole("link", { name: "How it is delivered", exact: true }).click();
    await page.getByLabel("Who provides it?").fill("");
    await page.getByRole("button", { name: "Save and return to the project" }).click();
    await expect(page.getByRole("alert")).toContainText("There is a problem");
    await expect(page.getByLabel("Who provides it?")).toHaveValue("");
    await page.getByLabel("Who provides it?").fill("Stop Hate UK (national helpline)");
    await page.getByRole("button", { name: "Save and return to the project" }).click();
    await expect(page.getByText("How it is delivered: saved")).toBeVisible();
    await expect(page.getByText("Stop Hate UK (national helpline)")).toBeVisible();
  });

  test("an officer adds a project without JavaScript", async ({ page }) => {
    await signIn(page, "officer@barking-dagenham.test");
    await openDemoProposal(page);
    await page.getByRole("button", { name: "Add a project" }).click();
    await page.getByLabel("Project title").fill("Night Time Economy Marshals");
    await page.getByLabel("Neighbourhood Policing").check();
    await page.getByLabel("Crime prevention").check();
    await page.getByRole("button", { name: "Add the project" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Night Time Economy Marshals" })).toBeVisible();
    await page.getByRole("button", { name: "Remove this project" }).click();
    await page.getByRole("button", { name: "Yes, remove the project" }).click();
    await expect(page.getByText("Night Time Economy Marshals has been removed from the proposal")).toBeVisible();
  });
});

/** Adds a project of the test's own to the demo proposal and opens its partners page. */
async function openPartnersOfNewProject(page: Page, title: string) {
  await openDemoProposal(page);
  await page.getByRole("button", { name: "Add a project" }).click();
  await page.getByLabel("Project title").fill(title);
  await page.getByLabel("Neighbourhood Policing").check();
  await page.getByLabel("Crime prevention").check();
  await page.getByRole("button", { name: "Add the project" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByRole("link", { name: "Partners and voluntary organisations", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partners and voluntary organisations" })).toBeVisible();
}

/** `axe`: false without JavaScript, where axe cannot run in the page; the same markup is checked with it. */
async function addAndRemovePartners(page: Page, axe: boolean) {
  await page.locator("#partners-0-name").fill("Barking Community Trust");
  await page.getByRole("button", { name: "Add another partner" }).click();
  await expect(page.getByRole("group", { name: "Partner 2" })).toBeVisible();
  await expect(page.locator("#partners-0-name")).toHaveValue("Barking Community Trust");
  await page.locator("#partners-1-name").fill("Metropolitan Police");
  await page.getByRole("button", { name: "Add another partner" }).click();
  await page.locator("#partners-2-name").fill("Dagenham Youth Club");
  if (axe) await expectAccessible(page);
  await page.getByRole("button", { name: "Remove partner 2" }).click();
  await expect(page.getByRole("group", { name: "Partner 3" })).toHaveCount(0);
  await expect(page.locator("#partners-0-name")).toHaveValue("Barking Community Trust");
  await expect(page.locator("#partners-1-name")).toHaveValue("Dagenham Youth Club");
  await page.getByRole("button", { name: "Save and return to the project" }).click();
  await expect(page.getByText("Partners and voluntary organisations: saved")).toBeVisible();
  await expect(page.getByText("Barking Community Trust")).toBeVisible();
  await expect(page.getByText("Dagenham Youth Club")).toBeVisible();
  await expect(page.getByText("Metropolitan Police")).toHaveCount(0);
}

test.describe("the partners list", () => {
  test("adds and removes partners with plain form posts, without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, "officer@barking-dagenham.test");
    await openPartnersOfNewProject(page, "Parks Partnership (no script)");
    await addAndRemovePartners(page, false);
    await page.getByRole("button", { name: "Remove this project" }).click();
    await page.getByRole("button", { name: "Yes, remove the project" }).click();
    await expect(page.getByText("Parks Partnership (no script) has been removed from the proposal")).toBeVisible();
    await context.close();
  });

  test("adds and removes partners in place with JavaScript", async ({ page }) => {
    await signIn(page, "officer@barking-dagenham.test");
    await openPartnersOfNewProject(page, "Parks Partnership");
    await addAndRemovePartners(page, true);
    await page.getByRole("button", { name: "Remove this project" }).click();
    await page.getByRole("button", { name: "Yes, remove the project" }).click();
    await expect(page.getByText("Parks Partnership has been removed from the proposal")).toBeVisible();
    await expectAccessible(page);
  });
});

test("text put in the address is never shown as a message", async ({ page }) => {
  await signIn(page, "officer@barking-dagenham.test");
  await openDemoProposal(page);
  const crafted = "Your account is locked, call 020 7946 0000";
  const query = ["removed", "done", "saved"].map((name) => `${name}=${encodeURIComponent(crafted)}`).join("&");
  await page.goto(`${new URL(page.url()).pathname}?${query}`);
  await expect(page.getByRole("heading", { level: 1, name: /LCPF proposal, Period 1/ })).toBeVisible();
  await expect(page.getByText("locked")).toHaveCount(0);
  await expect(page.locator(".govuk-notification-banner")).toHaveCount(0);
});

test("officer@newham.test gets page not found for every page of Barking and Dagenham's proposal", async ({ page }) => {
  await signIn(page, "officer@barking-dagenham.test");
  await openDemoProposal(page);
  const proposalPath = new URL(page.url()).pathname;
  await page.getByRole("link", { name: "VAWG Counselling", exact: true }).first().click();
  const projectPath = new URL(page.url()).pathname;
  await page.getByRole("button", { name: "Sign out" }).click();

  await signIn(page, "officer@newham.test");
  const paths = [
    proposalPath,
    `${proposalPath}/check`,
    `${proposalPath}/compliance`,
    `${proposalPath}/review`,
    `${proposalPath}/withdraw`,
    `${proposalPath}/projects/new`,
    projectPath,
    `${projectPath}/funding`,
    `${projectPath}/remove`,
  ];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});
