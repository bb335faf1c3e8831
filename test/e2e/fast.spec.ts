import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// The forms' browser validation runs on zod/mini (vite.config.ts swaps conform's zod import in the
// client build). These check that it still answers in the browser, before anything is posted.

/** Conform marks the form novalidate once React has hydrated it and its own validation is in charge. */
async function waitForHydratedForm(page: Page) {
  await expect(page.locator("main form[novalidate]").first()).toBeAttached();
}

/** Records every POST the page sends from now on. */
function recordPosts(page: Page): string[] {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  return posts;
}

test("with JavaScript, the sign-in form lists its problems without posting", async ({ page }) => {
  await page.goto("/sign-in");
  await waitForHydratedForm(page);
  const posts = recordPosts(page);
  await page.getByLabel("Email address").fill("   ");
  await page.getByRole("button", { name: "Sign in" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText("Enter your email address");
  await expect(summary).toContainText("Enter your password");
  expect(posts).toEqual([]);
  await expectAccessible(page);
});

test("with JavaScript, a section form refuses an amount in words without posting", async ({ page }) => {
  await signIn(page, "officer@barking-dagenham.test");
  await page.goto("/borough");
  await page.getByRole("link", { name: /View the proposal for Period 1/ }).click();
  await page.getByRole("link", { name: "VAWG Counselling", exact: true }).first().click();
  await page.getByRole("link", { name: "LCPF spend and match funding", exact: true }).click();
  await waitForHydratedForm(page);
  const posts = recordPosts(page);
  await page.getByLabel("LCPF spend in 2018/19").fill("forty thousand");
  await page.getByRole("button", { name: /Save/ }).first().click();
  await expect(page.locator(".govuk-error-summary")).toContainText("LCPF spend in 2018/19");
  await expect(page.locator("#lcpf-2-error, .govuk-error-message").first()).toBeVisible();
  expect(posts).toEqual([]);
  await expectAccessible(page);
});

test("the check page's change links name their project section and pass axe", async ({ page }) => {
  await signIn(page, "officer@barking-dagenham.test");
  await page.goto("/borough");
  await page.getByRole("link", { name: /View the proposal for Period 1/ }).click();
  const proposalPath = new URL(page.url()).pathname;
  await page.goto(`${proposalPath}/check`);
  // Each project's answers are folded in a details component: open the first, as a person would.
  await page
    .getByText(/^Show all answers for /)
    .first()
    .click();
  const change = page
    .getByRole("link", { name: "Change lcpf spend and match funding (LCPF spend and match funding)" })
    .first();
  await expect(change).toHaveAttribute("href", new RegExp(`^${proposalPath}/projects/\\d+/funding$`));
  await change.click();
  await expect(page.getByRole("heading", { level: 1, name: "LCPF spend and match funding" })).toBeVisible();
  await page.goBack();
  await page.waitForURL(`**${proposalPath}/check`);
  await expect(page.getByRole("heading", { level: 1, name: /^Check the proposal/ })).toBeVisible();
  await expectAccessible(page);
});

test("a page React must draw afresh, because its hydration failed, keeps the markup the server prerendered", async ({
  page,
}) => {
  await signIn(page, "officer@barking-dagenham.test");
  await page.goto("/borough");
  const href = await page.getByRole("link", { name: /View the proposal for Period 1/ }).getAttribute("href");
  expect(href).toMatch(/^\/proposals\/\d+$/);
  // The server's page with its heading's text changed: React finds text that differs from its own and
  // gives up hydrating, as it did when the server and the browser wrote a time differently.
  const heading = '<h1 class="govuk-heading-l">LCPF proposal, ';
  await page.route(`**${href}`, async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    expect(html).toContain(heading);
    await route.fulfill({ response, body: html.replace(heading, '<h1 class="govuk-heading-l">Not the same, ') });
  });
  await page.goto(href!);
  // React has drawn the page itself: the heading is the browser's.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^LCPF proposal, Period 1/);
  // The projects table is prerendered markup: it is still there, links and all.
  await expect(page.getByRole("link", { name: "VAWG Counselling", exact: true }).first()).toBeVisible();
  await expect(page.getByRole("table", { name: /^\d+ projects$/ })).toBeVisible();
});
