import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// The page template (header, service navigation, footer) and the home pages, built from the GOV.UK
// components in app/ui, each with its one <title>. Reads only: it changes nothing in the demo data.

test("the borough home: the allocation table, the demo-figure warning and one title, accessible", async ({ page }) => {
  await signIn(page, "officer@barking-dagenham.test");
  await expect(page).toHaveTitle("Barking and Dagenham – London Crime Prevention Fund");
  expect(await page.locator("title").count()).toBe(1);
  const allocations = page.getByRole("table", { name: "Barking and Dagenham’s allocation for each financial year" });
  await expect(allocations.getByRole("rowheader").first()).toContainText("2017/18");
  await expect(allocations.getByRole("columnheader", { name: "Co-commissioned services" })).toBeVisible();
  await expect(page.getByText("Figures marked “demo figure” are invented for demonstration.")).toBeVisible();
  // The officer may start proposals but is not shown the CSP's list.
  await expect(page.getByTestId("awaiting-endorsement")).toHaveCount(0);
  await expectAccessible(page);
});

test("the page template: skip link first, the banner, the menu and the footer are landmarks", async ({ page }) => {
  await signIn(page, "csp@barking-dagenham.test");
  await expect(page.getByRole("banner")).toContainText("Mayor’s Office for Policing and Crime");
  await expect(
    page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Notifications" }),
  ).toBeVisible();
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "Accessibility statement" })).toBeVisible();
  // The CSP member who may endorse sees what awaits the CSP.
  await expect(page.getByTestId("awaiting-endorsement")).toBeVisible();
  // A fresh page load, so focus starts at the top of the document rather than where sign-in left it.
  await page.goto("/borough");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await expectAccessible(page);
});

test("the review and admin homes carry one title each and are accessible", async ({ page }) => {
  await signIn(page, "admin@mopac.test");
  await expect(page).toHaveTitle("Administration – London Crime Prevention Fund");
  await expectAccessible(page);
  await page.goto("/review");
  await expect(page).toHaveTitle("Proposals – London Crime Prevention Fund");
  expect(await page.locator("title").count()).toBe(1);
  await expectAccessible(page);
  await page.goto("/accessibility");
  await expect(page).toHaveTitle("Accessibility statement – London Crime Prevention Fund");
});
