import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// Read-only on the demo data, so it needs no other project and runs alongside any of them.

test("a MOPAC reviewer sees London as a whole, picks a year, sorts the boroughs, and the page is accessible", async ({
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

  await expect(page.getByRole("img", { name: /Planned spend per priority across London, 2018\/19/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Co-commissioning opportunities" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Mandatory measures coverage" })).toBeVisible();
  await expectAccessible(page);
});

test("the reviewer queue page, asked for a sort, is accessible (the demo queue holds no proposal yet)", async ({
  page,
}) => {
  await signIn(page, "admin@mopac.test");
  await page.goto("/review?sort=planned&dir=desc");
  await expect(page.getByRole("heading", { level: 1, name: "Proposals" })).toBeVisible();
  await expectAccessible(page);
});
