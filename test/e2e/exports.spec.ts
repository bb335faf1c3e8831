import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// Reads the demo data only, so it needs no other project to run first and changes nothing for them.

test("a reviewer opens the decision table, its print view and its CSV, all accessible", async ({ page }) => {
  await signIn(page, "reviewer@mopac.test");
  await page.getByRole("link", { name: "Decision table" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Decision table" })).toBeVisible();
  await expect(page.getByText("The Chief Executive may sign grant arrangements up to £499,000.00")).toBeVisible();
  await expectAccessible(page);

  const csv = await page.request.get("/decision-table.csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toContain("attachment");
  const body = Buffer.from(await csv.body());
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString("utf8")).toContain("Borough,Allocation (£),Decision needed,Demo figure\r\n");

  await page.getByRole("link", { name: "Printable version" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /LCPF allocations for decision/ })).toBeVisible();
  await expect(page.getByText(/^Printed \d{1,2} \w+ \d{4}\.$/)).toBeVisible();
  await expectAccessible(page);

  const xlsx = await page.request.get("/exports/london-projects.xlsx");
  expect(xlsx.status()).toBe(200);
  // An XLSX is a zip: it starts "PK".
  expect(
    Buffer.from(await xlsx.body())
      .subarray(0, 2)
      .toString("latin1"),
  ).toBe("PK");
});

test("a borough officer is refused the decision table", async ({ page }) => {
  await signIn(page, "officer@newham.test");
  const response = await page.goto("/decision-table");
  expect(response?.status()).toBe(403);
});

test("the demo proposal marks every figure built on the demo 2018/19 allocation, and shows the report's own comparison", async ({
  page,
}) => {
  await signIn(page, "officer@barking-dagenham.test");
  await page.goto("/borough");
  await page.getByRole("link", { name: /View the proposal for Period 1/ }).click();
  const pot = page.getByTestId("candidates-2018/19");
  await expect(pot).toContainText("£329,000.00");
  await expect(pot).toContainText("£193,200.00");
  // The candidates, the pot and what the candidates exceed it by are all built on demo figures.
  await expect(pot.getByText("Demo figure")).toHaveCount(3);
  const illustration = page.getByTestId("candidates-2017/18-illustration");
  await expect(illustration).toContainText("£329,000.00");
  await expect(illustration).toContainText("30% of the allocation, £193,200.00");
  await expect(illustration.getByText("Demo figure")).toHaveCount(0);
  const envelope = page.locator("table", { hasText: "Funding and planned spend for each year" });
  await expect(envelope.getByRole("row", { name: /^Direct borough funding/ }).getByText("Demo figure")).toHaveCount(1);
  await expectAccessible(page);
});
