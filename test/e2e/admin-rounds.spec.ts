import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// admin@mopac.test makes a round of this spec's own (the demo LCPF round other specs read is left
// alone), imports every borough's allocations from a CSV file through the preview, and Newham's
// officer then sees them with the split worked out. A file with one bad row is refused first.
test.describe.configure({ mode: "serial" });

const ROUND = "Browser spec round 2024-26";

const BOROUGHS = [
  ["E09000002", "Barking and Dagenham"],
  ["E09000003", "Barnet"],
  ["E09000004", "Bexley"],
  ["E09000005", "Brent"],
  ["E09000006", "Bromley"],
  ["E09000007", "Camden"],
  ["E09000008", "Croydon"],
  ["E09000009", "Ealing"],
  ["E09000010", "Enfield"],
  ["E09000011", "Greenwich"],
  ["E09000012", "Hackney"],
  ["E09000013", "Hammersmith and Fulham"],
  ["E09000014", "Haringey"],
  ["E09000015", "Harrow"],
  ["E09000016", "Havering"],
  ["E09000017", "Hillingdon"],
  ["E09000018", "Hounslow"],
  ["E09000019", "Islington"],
  ["E09000020", "Kensington and Chelsea"],
  ["E09000021", "Kingston upon Thames"],
  ["E09000022", "Lambeth"],
  ["E09000023", "Lewisham"],
  ["E09000024", "Merton"],
  ["E09000025", "Newham"],
  ["E09000026", "Redbridge"],
  ["E09000027", "Richmond upon Thames"],
  ["E09000028", "Southwark"],
  ["E09000029", "Sutton"],
  ["E09000030", "Tower Hamlets"],
  ["E09000031", "Waltham Forest"],
  ["E09000032", "Wandsworth"],
  ["E09000033", "Westminster"],
] as const;

/** 32 boroughs for two years; Newham gets £500,000 in 2024/25 and £423,001 in 2025/26. */
function allocationsFile(badLine?: number): string {
  const lines = ["Organisation,Year,Amount,Uplift,Note"];
  BOROUGHS.forEach(([code, name], index) => {
    lines.push(
      `${name},2024/25,"${(400_000 + index * 1_000 + (name === "Newham" ? 77_000 : 0)).toLocaleString("en-GB")}",,`,
    );
    lines.push(`${code},2025/26,${400_000 + index * 1_000 + 1},,`);
  });
  if (badLine) lines[badLine - 1] = "Gotham,2025/26,100,,";
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

test("an admin creates a round of its own, after putting a mistake right", async ({ page }) => {
  await signIn(page, "admin@mopac.test");
  await page.goto("/admin");
  await expect(page.getByTestId("admin-pages").getByRole("link", { name: "People" })).toHaveAttribute(
    "href",
    "/admin/people",
  );
  await expectAccessible(page);

  await page.getByRole("link", { name: "Funding rounds" }).click();
  await expect(page.getByRole("heading", { name: "Funding rounds", level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Create a funding round" }).click();
  await expect(page.getByRole("heading", { name: "Create a funding round" })).toBeVisible();
  await expectAccessible(page);
  // A mistake first: the error summary and the field's message, then put right.
  await page.getByLabel("Name of the round").fill(ROUND);
  await page.getByLabel("First financial year", { exact: true }).fill("2024/25");
  await page.getByLabel("Number of financial years").fill("2");
  await page.getByLabel("First financial year the split applies to").fill("2030/31");
  await page.getByRole("button", { name: "Create the round" }).click();
  await expect(page.getByRole("alert")).toContainText("The split must start in one of the round’s years");
  await expectAccessible(page);
  await page.getByLabel("First financial year the split applies to").fill("2025/26");
  await page.getByRole("group", { name: "Proposal deadline (optional)" }).getByLabel("Day").fill("31");
  await page.getByRole("group", { name: "Proposal deadline (optional)" }).getByLabel("Month").fill("1");
  await page.getByRole("group", { name: "Proposal deadline (optional)" }).getByLabel("Year").fill("2024");
  await page.getByRole("button", { name: "Create the round" }).click();
  await expect(page.getByText(`Funding round “${ROUND}” created`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Change the round" })).toBeVisible();
  await expectAccessible(page);
});

/** From the admin home to the new round's allocations page. */
async function openAllocations(page: Page) {
  await signIn(page, "admin@mopac.test");
  await page.goto("/admin/rounds");
  await page.getByRole("link", { name: ROUND, exact: true }).click();
  await page.getByRole("link", { name: "Boroughs’ allocations for this round" }).click();
  await expect(page.getByRole("heading", { name: "Allocations", level: 1 })).toBeVisible();
}

test("a file with one bad row is refused by its line, and nothing can be confirmed", async ({ page }) => {
  await openAllocations(page);
  await expectAccessible(page);

  // One bad row: the preview names it and offers no confirmation.
  await page.getByRole("button", { name: "Import allocations from a CSV file" }).click();
  await expectAccessible(page);
  await page
    .getByLabel("CSV file of allocations")
    .setInputFiles({ name: "allocations.csv", mimeType: "text/csv", buffer: Buffer.from(allocationsFile(17)) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("alert")).toContainText("1 row has a problem: nothing has been imported");
  await expect(page.getByRole("alert")).toContainText("Line 17: Unknown borough “Gotham”");
  await expect(page.getByRole("button", { name: /^Confirm/ })).toHaveCount(0);
  await expectAccessible(page);
});

test("the whole file is previewed, confirmed and recorded in the history", async ({ page }) => {
  await openAllocations(page);
  await page.getByRole("button", { name: "Import allocations from a CSV file" }).click();
  await page
    .getByLabel("CSV file of allocations")
    .setInputFiles({ name: "allocations.csv", mimeType: "text/csv", buffer: Buffer.from(allocationsFile()) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByTestId("import-status")).toContainText("64 rows, no problems");
  await expect(page.getByTestId("import-rows").getByRole("row")).toHaveCount(65);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm: import 64 allocations" }).click();
  await expect(
    page.getByText("Allocations imported from allocations.csv: 64 new, 0 changed, 0 unchanged"),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "CSV import" })).toHaveCount(64);
  await expectAccessible(page);
});

test("Newham’s officer sees the new round’s allocation with the split worked out", async ({ page }) => {
  await signIn(page, "officer@newham.test");
  await page.goto("/borough");
  const allocations = page.getByRole("table", { name: "Newham’s allocation for each financial year" });
  // 2024/25 is all direct (the split starts in 2025/26); then 30% of £423,001 is £126,900.30.
  await expect(allocations.getByRole("row", { name: /^2024\/25/ })).toContainText("£500,000.00");
  const second = allocations.getByRole("row", { name: /^2025\/26/ });
  await expect(second).toContainText("£423,001.00");
  await expect(second).toContainText("£296,100.70");
  await expect(second).toContainText("£126,900.30");
  await expect(page.getByText("Deadline passed: 31 January 2024")).toBeVisible();
  await expectAccessible(page);
});
