import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// Read-only on the demo data, so it needs no other project and runs alongside any of them.

test("a MOPAC reviewer sees London as a whole, picks a year, sorts the boroughs, moves between the London pages keeping the year, and each page is accessible", async ({
  page,
}) => {
  await signIn(page, "reviewer@mopac.test");
  await page.getByRole("link", { name: "London", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^London in / })).toBeVisible();

  await page.getByLabel("Financial year").selectOption({ label: "2018/19" });
  await page.getByRole("button", { name: "Show this year" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "London in 2018/19" })).toBeVisible();

  const table = page.getByTestId("london-boroughs");
  await expect(table.getByTestId("london-borough-row")).toHaveCount(32);
  const totals = table.getByTestId("london-totals");
  await expect(totals.getByRole("rowheader", { name: "London" })).toBeVisible();
  // Barking and Dagenham's 2018/19 allocation is a demo figure, so London's totals built on it say so.
  await expect(totals.getByText("Demo figure").first()).toBeVisible();

  const allocation = table.getByRole("columnheader", { name: /^Allocation/ });
  await expect(allocation).toHaveAttribute("aria-sort", "none");
  await allocation.getByRole("link").click();
  await expect(page).toHaveURL(/sort=allocation&dir=asc/);
  await expect(table.getByRole("columnheader", { name: /^Allocation/ })).toHaveAttribute("aria-sort", "ascending");
  await table
    .getByRole("columnheader", { name: /^Allocation/ })
    .getByRole("link")
    .click();
  await expect(table.getByRole("columnheader", { name: /^Allocation/ })).toHaveAttribute("aria-sort", "descending");
  // Only Barking and Dagenham has a 2018/19 allocation in the demo, so it leads the largest-first order.
  await expect(table.getByTestId("london-borough-row").first().getByRole("rowheader")).toHaveText(
    "Barking and Dagenham",
  );
  await expect(table.getByTestId("london-borough-row")).toHaveCount(32);

  await expectAccessible(page);

  // The other parts have pages of their own, reached by the sub-navigation, which keeps the year.
  const pages = page.getByRole("navigation", { name: "London view" });
  await expect(pages.getByRole("link", { name: "Boroughs" })).toHaveAttribute("aria-current", "page");

  await pages.getByRole("link", { name: "Planned spend per priority" }).click();
  await expect(page).toHaveURL(/\/london\/priorities\?round=\d+&year=\d+/);
  await expect(page.getByRole("heading", { level: 1, name: "London in 2018/19" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Planned spend per priority across London, 2018\/19/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /Planned spend per priority/ })).toBeVisible();
  await expect(pages.getByRole("link", { name: "Planned spend per priority" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("london-boroughs")).toHaveCount(0);
  await expectAccessible(page);

  await pages.getByRole("link", { name: "Co-commissioning opportunities" }).click();
  await expect(page).toHaveURL(/\/london\/co-commissioning\?round=\d+&year=\d+/);
  await expect(page.getByRole("heading", { level: 1, name: "London in 2018/19" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Co-commissioning opportunities" })).toBeVisible();
  // Barking and Dagenham's 2018/19 pot comes from its demo allocation, so London's pot says so.
  await expect(page.getByText(/London’s co-commissioned pot for 2018\/19 is £[\d,.]+ Demo figure/)).toBeVisible();
  await expectAccessible(page);

  await pages.getByRole("link", { name: "Mandatory measures coverage" }).click();
  await expect(page).toHaveURL(/\/london\/measures\?round=\d+&year=\d+/);
  await expect(page.getByRole("heading", { level: 1, name: "London in 2018/19" })).toBeVisible();
  await expect(page.getByRole("table", { name: /address each mandatory measure/ })).toBeVisible();
  await expectAccessible(page);

  // The year picker on a sub-page stays on that page.
  await page.getByLabel("Financial year").selectOption({ index: 0 });
  await page.getByRole("button", { name: "Show this year" }).click();
  await expect(page).toHaveURL(/\/london\/measures\?/);
  await expect(page.getByRole("heading", { level: 1, name: "London in 2018/19" })).toHaveCount(0);
});

test("the reviewer queue page, asked for a sort, is accessible (the demo queue holds no proposal yet)", async ({
  page,
}) => {
  await signIn(page, "admin@mopac.test");
  await page.goto("/review?sort=planned&dir=desc");
  await expect(page.getByRole("heading", { level: 1, name: "Proposals" })).toBeVisible();
  await expectAccessible(page);
});
