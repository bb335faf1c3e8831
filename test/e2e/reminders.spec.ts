import SQLite from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// MOPAC's admin reads the reminders sent and the next due. The server here runs with REMINDERS=false (so
// no spec's notification counts change under it); this spec records one sent reminder of its own, to the
// admin, directly in the database, and changes nothing any other spec reads.
const MESSAGE = "Reminders spec: Barking and Dagenham’s review is overdue";

test.beforeAll(() => {
  const sqlite = new SQLite(process.env.E2E_DATABASE!);
  try {
    sqlite.pragma("busy_timeout = 5000");
    const admin = sqlite.prepare("select id from users where email = ?").get("admin@mopac.test") as { id: number };
    sqlite
      .prepare(
        `insert into reminders (kind, subject, occasion, recipient_user_id, proposal_id, message, created_at)
         values ('review_overdue', 'reminders-spec', ?, ?, null, ?, ?)
         on conflict do nothing`,
      )
      .run(new Date().toISOString(), admin.id, MESSAGE, new Date().toISOString());
  } finally {
    sqlite.close();
  }
});

test("an admin reads the reminders sent and what comes next, at 320px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  await signIn(page, "admin@mopac.test");
  await page.goto("/admin/reminders");
  await expect(page.getByRole("heading", { name: "Reminders", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Next due" })).toBeVisible();
  const sent = page.getByRole("region", { name: /reminders? sent/ });
  await expect(sent.getByRole("row").filter({ hasText: MESSAGE })).toContainText("Review overdue");
  await expect(sent.getByRole("row").filter({ hasText: MESSAGE })).toContainText("Demo Admin");
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    view: document.documentElement.clientWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.view);
  await expectAccessible(page);
});
