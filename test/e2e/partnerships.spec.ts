import SQLite from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./helpers";

// Tri-borough bids jointly: an admin sets its allocation for period 1, an officer of Westminster starts its
// joint proposal, an officer of Hammersmith and Fulham adds a project to it, and the envelope by borough adds
// up. The two officers are made here in the database (with the demo password); no demo proposal is touched.
test.describe.configure({ mode: "serial" });

const OFFICERS = {
  westminster: { email: "officer@westminster.test", gss: "E09000033", name: "Westminster Officer" },
  hammersmith: { email: "officer@hammersmith-fulham.test", gss: "E09000013", name: "Hammersmith and Fulham Officer" },
} as const;

function database() {
  const sqlite = new SQLite(process.env.E2E_DATABASE!);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return sqlite;
}

test.beforeAll(() => {
  const sqlite = database();
  try {
    const stamp = new Date().toISOString();
    // The demo password's hash, borrowed from a demo account so these officers sign in the same way.
    const { password_hash } = sqlite
      .prepare("select password_hash from users where email = ?")
      .get("officer@barking-dagenham.test") as { password_hash: string };
    for (const officer of Object.values(OFFICERS)) {
      const borough = sqlite.prepare("select id from organisations where gss_code = ?").get(officer.gss) as {
        id: number;
      };
      sqlite
        .prepare(
          `insert into users (email, name, password_hash, organisation_id, role, can_endorse, active, created_at, updated_at)
           values (?, ?, ?, ?, 'borough_officer', 0, 1, ?, ?) on conflict (email) do nothing`,
        )
        .run(officer.email, officer.name, password_hash, borough.id, stamp, stamp);
    }
  } finally {
    sqlite.close();
  }
});

async function signInAs(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

test("an admin sets Tri-borough’s allocation and sees its envelope by borough", async ({ page }) => {
  await signInAs(page, "admin@mopac.test");
  await page.goto("/admin/partnerships");
  await expect(page.getByRole("heading", { level: 1, name: "Partnerships" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Allocations of Tri-borough" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Allocations" })).toBeVisible();
  await expectAccessible(page);

  // A bad amount is refused with what was typed kept.
  await page.getByLabel("Tri-borough’s own allocation for 2017/18").fill("lots");
  await page.getByRole("button", { name: "Save allocations" }).click();
  await expect(page.getByRole("alert")).toContainText("Tri-borough’s own allocation for 2017/18");
  await expect(page.getByLabel("Tri-borough’s own allocation for 2017/18")).toHaveValue("lots");
  await expectAccessible(page);

  await page.getByLabel("Tri-borough’s own allocation for 2017/18").fill("£160,000");
  await page.getByLabel("Tri-borough’s own allocation for 2018/19").fill("£160,000");
  await page.getByLabel("Hammersmith and Fulham’s share moved in for 2018/19").fill("100,000.01");
  await page.getByLabel("Kensington and Chelsea’s share moved in for 2018/19").fill("50,000.03");
  await page.getByLabel("Westminster’s share moved in for 2018/19").fill("25,000.05");
  await page.getByRole("button", { name: "Save allocations" }).click();
  await expect(page.getByText("Tri-borough’s allocations saved")).toBeVisible();
  const year2 = page.getByRole("table", { name: "2018/19: Tri-borough’s envelope by borough" }).first();
  await expect(year2.getByRole("row", { name: /Total/ })).toContainText("£335,000.09");
  await expect(year2.getByRole("row", { name: /Total/ })).toContainText("£100,500.03");
  await expect(year2.getByRole("row", { name: /Total/ })).toContainText("£234,500.06");
  // Each share split on its own: Westminster's £25,000.05 gives a pot of £7,500.02 (7,500,015 rounded half up).
  await expect(year2.getByRole("row", { name: /Westminster/ })).toContainText("£7,500.02");
  await expectAccessible(page);
  await signOut(page);
});

test("a Westminster officer starts the joint proposal and a Hammersmith and Fulham officer edits it", async ({
  page,
}) => {
  await signInAs(page, OFFICERS.westminster.email);
  await page.goto("/borough");
  await expect(page.getByRole("heading", { name: "Tri-borough’s joint proposals" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: /Start the joint proposal for Period 1/i }).click();
  await expect(page.getByText("Joint proposal started")).toBeVisible();
  const proposalUrl = page.url();
  await expect(page.locator(".govuk-caption-l").first()).toContainText("Tri-borough");
  await expectAccessible(page);
  await signOut(page);

  await signInAs(page, OFFICERS.hammersmith.email);
  await page.goto("/borough");
  await page.getByRole("link", { name: /View the joint proposal for Period 1/i }).click();
  await expect(page).toHaveURL(proposalUrl);
  await page.getByRole("button", { name: "Add a project" }).click();
  await page.getByLabel("Project title").fill("Tri-borough gangs outreach");
  await page.getByLabel("Children and Young People").first().check();
  await page.getByLabel("Gang crime").check();
  await page.getByRole("button", { name: "Add the project" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tri-borough gangs outreach" })).toBeVisible();
  await expectAccessible(page);

  await page.goto(proposalUrl);
  await expect(page.getByRole("link", { name: "Tri-borough gangs outreach", exact: true })).toBeVisible();
  const byBorough = page.getByTestId("joint-envelope");
  const year2 = byBorough.getByRole("table", { name: "2018/19: Tri-borough’s envelope by borough" });
  await expect(year2.getByRole("row", { name: /Hammersmith and Fulham/ })).toContainText("£70,000.01");
  await expect(year2.getByRole("row", { name: /Total/ })).toContainText("£234,500.06");
  const year1 = byBorough.getByRole("table", { name: "2017/18: Tri-borough’s envelope by borough" });
  await expect(year1.getByRole("row", { name: /Total/ })).toContainText("£160,000");
  await expectAccessible(page);
});
