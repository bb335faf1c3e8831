import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// The browser's clock is Playwright's, so the 30-minute countdown can be fast-forwarded without
// shortening anything in the portal. The server keeps real time: these tests drive the warning, and
// test/integration/session-lifetime.test.ts proves the server's own timeouts.
const WARNING_AFTER = "27:00"; // signs out 29 minutes after the last request (a minute's margin), warns 2 before

test.beforeEach(async ({ page }) => {
  await page.clock.install();
});

test("the warning appears 2 minutes before the timeout, is accessible, and Stay signed in keeps the session", async ({
  page,
}) => {
  const cspViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await signIn(page, "officer@newham.test");
  await expect(page).toHaveURL("/borough");
  const dialog = page.getByRole("dialog", { name: "You’re about to be signed out" });
  await expect(dialog).toBeHidden();

  await page.clock.fastForward(WARNING_AFTER);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("You will be signed out in 2 minutes");
  await expect(dialog).toBeFocused();
  await expectAccessible(page);

  const keepAlive = page.waitForResponse((response) => response.url().endsWith("/session/keep-alive"));
  await dialog.getByRole("button", { name: "Stay signed in" }).click();
  expect((await keepAlive).status()).toBe(204);
  await expect(dialog).toBeHidden();

  // The countdown started again: nothing after another 26 minutes, the warning after 27.
  await page.clock.fastForward("26:00");
  await expect(dialog).toBeHidden();
  await page.clock.fastForward("01:00");
  await expect(dialog).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  // Everything above ran under the portal's nonce-based Content-Security-Policy.
  expect(cspViolations).toEqual([]);
});

test("Escape keeps the person signed in too", async ({ page }) => {
  await signIn(page, "csp@barking-dagenham.test");
  const dialog = page.getByRole("dialog", { name: "You’re about to be signed out" });
  await page.clock.fastForward(WARNING_AFTER);
  await expect(dialog).toBeVisible();
  const keepAlive = page.waitForResponse((response) => response.url().endsWith("/session/keep-alive"));
  await page.keyboard.press("Escape");
  expect((await keepAlive).status()).toBe(204);
  await expect(dialog).toBeHidden();
});

test("the countdown is announced once a minute, not every second", async ({ page }) => {
  await signIn(page, "reviewer@mopac.test");
  const dialog = page.getByRole("dialog", { name: "You’re about to be signed out" });
  await page.clock.fastForward(WARNING_AFTER);
  await expect(dialog).toBeVisible();
  const announced = dialog.locator("[aria-live=polite]");
  await expect(announced).toHaveText("You will be signed out in 2 minutes.");
  await page.clock.runFor(5_000);
  await expect(dialog).toContainText("1 minute 55 seconds");
  await expect(announced).toHaveText("You will be signed out in 2 minutes.");
  await page.clock.runFor(60_000);
  await expect(announced).toHaveText("You will be signed out in 1 minute.");
});

test("letting it run out signs the person out and says why", async ({ page }) => {
  await signIn(page, "admin@mopac.test");
  await page.clock.fastForward(WARNING_AFTER);
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.clock.fastForward("02:00");
  await expect(page).toHaveURL("/sign-in?timeout=1");
  await expect(page.getByRole("region", { name: "Important" })).toContainText(
    "You were signed out because you had not used the portal for 30 minutes.",
  );
  await expectAccessible(page);
  // The session really ended: the home page asks for sign-in again.
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fadmin/);
});

test("Sign out in the warning signs the person out", async ({ page }) => {
  await signIn(page, "reviewer2@mopac.test");
  await page.clock.fastForward(WARNING_AFTER);
  const dialog = page.getByRole("dialog", { name: "You’re about to be signed out" });
  await dialog.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/sign-in?signedOut=1");
});

test("an idle tab does not sign out a person who is busy in another", async ({ page, context }) => {
  await signIn(page, "officer@barking-dagenham.test");
  const busy = await context.newPage();
  await page.clock.fastForward("20:00");
  const visited = await page.evaluate(() => Date.now());
  await busy.goto("/borough");
  await expect(busy.getByTestId("signed-in-as")).toBeVisible();
  // The page is server-rendered: wait until the busy tab has hydrated and shared its activity, as a
  // person's next click would find it.
  await expect
    .poll(() => busy.evaluate(() => Number(localStorage.getItem("lcpf-session-activity"))))
    .toBeGreaterThanOrEqual(visited);
  // 29 minutes after the idle tab's last request, but only 9 after the busy tab's: nobody is warned.
  await page.clock.fastForward("09:00");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page).toHaveURL("/borough");
  // 27 minutes after the busy tab's request, both warn.
  await page.clock.fastForward("18:00");
  await expect(page.getByRole("dialog")).toBeVisible();
  await expect(busy.getByRole("dialog")).toBeVisible();
  // Stay signed in in one tab closes the warning in the other.
  await busy.getByRole("button", { name: "Stay signed in" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("no warning is shown", async ({ page }) => {
    await signIn(page, "officer@barking-dagenham.test");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page.getByTestId("timeout-warning")).toHaveCount(0);
  });
});
