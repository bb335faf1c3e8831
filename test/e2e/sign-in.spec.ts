import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./helpers";

const ACCOUNTS = [
  { email: "officer@barking-dagenham.test", home: "/borough", heading: "Barking and Dagenham" },
  { email: "csp@barking-dagenham.test", home: "/borough", heading: "Barking and Dagenham" },
  { email: "officer@newham.test", home: "/borough", heading: "Newham" },
  { email: "reviewer@mopac.test", home: "/review", heading: "Proposals to review" },
  { email: "reviewer2@mopac.test", home: "/review", heading: "Proposals to review" },
  { email: "admin@mopac.test", home: "/admin", heading: "Administration" },
];

test("the sign-in page is accessible", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await expectAccessible(page);
});

for (const account of ACCOUNTS) {
  test(`${account.email} signs in to their home page and signs out`, async ({ page }) => {
    await signIn(page, account.email);
    await expect(page).toHaveURL(account.home);
    await expect(page.getByRole("heading", { level: 1, name: account.heading })).toBeVisible();
    await expectAccessible(page);
    await signOut(page);
    await page.goto(account.home);
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?redirectTo=${encodeURIComponent(account.home)}`));
  });
}

test("a wrong password shows the error summary without saying which field was wrong", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill("officer@newham.test");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("There is a problem");
  await expect(summary).toContainText("Enter a correct email address and password");
  await expect(page).toHaveTitle(/^Error: Sign in/);
  await expectAccessible(page);
});

test("an empty form is refused with a message for each field", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter your email address");
  await expect(page.getByRole("alert")).toContainText("Enter your password");
});

test("after signing in, a person goes back to the page they asked for", async ({ page }) => {
  await page.goto("/accessibility");
  await page.goto("/borough");
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fborough/);
  await page.getByLabel("Email address").fill("officer@barking-dagenham.test");
  await page.getByLabel("Password").fill("lcpf-demo-2017");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/borough");
});

test("a signed-in person without the role sees the not-allowed page", async ({ page }) => {
  await signIn(page, "officer@newham.test");
  const response = await page.goto("/review");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have permission to do this" })).toBeVisible();
  await expectAccessible(page);
});

test("the accessibility statement and a missing page are accessible", async ({ page }) => {
  await page.goto("/accessibility");
  await expect(page.getByRole("heading", { name: "Accessibility statement" })).toBeVisible();
  await expectAccessible(page);
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
});

test("pages carry the security headers", async ({ request }) => {
  const response = await request.get("/sign-in");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("a form post from another site is refused", async ({ request }) => {
  const response = await request.post("/sign-in", {
    headers: { Origin: "https://attacker.example" },
    form: { email: "officer@newham.test", password: "lcpf-demo-2017" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"]).toBeUndefined();
});

test("signing in works with the keyboard alone, and the skip link comes first", async ({ page }) => {
  await page.goto("/sign-in");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  const email = page.getByLabel("Email address");
  for (let presses = 0; presses < 10 && !(await email.evaluate((el) => el === document.activeElement)); presses++) {
    await page.keyboard.press("Tab");
  }
  await expect(email).toBeFocused();
  await page.keyboard.type("officer@newham.test");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type("lcpf-demo-2017");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/borough");
});
