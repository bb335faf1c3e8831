import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "lcpf-demo-2017";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

/** axe-core against WCAG 2.2 A and AA; fails the test with the violations listed. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** On a project's "Description, aims and outcomes" page: fills it in with `aims` and saves, which must succeed. */
export async function saveDescriptionSection(page: Page, aims: string): Promise<void> {
  await page
    .getByLabel("Description")
    .fill("Counselling for women and girls affected by violence, at two community venues.");
  await page.getByLabel("Overarching aims").fill(aims);
  await page.getByLabel("SMART performance outcomes").fill("120 clients complete counselling by March 2018.");
  await page.getByLabel("No").check();
  const saved = page.waitForResponse((response) => response.request().method() === "POST");
  await page.getByRole("button", { name: "Save and return to the project" }).click();
  expect((await saved).status()).toBeLessThan(400);
}
