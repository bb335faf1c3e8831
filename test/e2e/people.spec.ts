import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./helpers";

// An admin invites someone new; the invitee opens the link from the email the server wrote to its
// outbox folder, sets a password and signs in; the link then no longer works. The same person then
// resets a forgotten password, with JavaScript off. Everyone here is made by this spec (a Newham
// officer of its own), so no other spec's data changes.
test.describe.configure({ mode: "serial" });

const OUTBOX = join(process.env.E2E_DATABASE!, "..", "outbox");
const INVITEE = `people-spec-${Date.now()}@newham.test`;
const FIRST_PASSWORD = "plane trees along the high road";
const SECOND_PASSWORD = "a kestrel over the marshes";

/** Quoted-printable, as nodemailer writes a long text body: soft line breaks and =XX bytes. */
function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/** The path of the newest one-time link emailed to the address, once the worker has written it. */
async function linkFromEmail(address: string, kind: "invitation" | "reset-password", seen: number): Promise<string> {
  const pattern = new RegExp(`/${kind}/[a-z2-7]{32}`);
  let found = "";
  await expect
    .poll(
      () => {
        let files: string[] = [];
        try {
          files = readdirSync(OUTBOX).filter((name) => name.includes(address.replace(/[^A-Za-z0-9._@-]+/g, "_")));
        } catch {
          return 0;
        }
        const links = files
          .sort()
          .map((name) => decodeQuotedPrintable(readFileSync(join(OUTBOX, name), "utf8")).match(pattern)?.[0])
          .filter((link): link is string => Boolean(link));
        found = links.at(-1) ?? "";
        return links.length;
      },
      { message: `an email with a ${kind} link to ${address}`, timeout: 15_000 },
    )
    .toBeGreaterThan(seen);
  return found;
}

async function setPassword(page: Page, password: string) {
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Type the new password again").fill(password);
}

test("an admin invites someone, who sets a password from the emailed link and signs in; the link works once", async ({
  page,
}) => {
  await signIn(page, "admin@mopac.test");
  await page.goto("/admin/people");
  await expect(page.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Invite someone" }).click();
  await expect(page.getByRole("heading", { name: "Invite someone" })).toBeVisible();
  await expectAccessible(page);
  // Nothing filled in: the error summary, each message beside its field.
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByRole("alert").getByText("Enter their email address")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Email address").fill(INVITEE);
  await page.getByLabel("Full name").fill("People Spec Officer");
  await page.getByLabel("Organisation").selectOption({ label: "Newham" });
  await page.getByLabel("Borough officer").check();
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${INVITEE}`)).toBeVisible();

  await page.getByLabel("Show the people of").selectOption({ label: "Newham" });
  await page.getByRole("button", { name: "Show" }).click();
  await page.getByRole("link", { name: "People Spec Officer" }).click();
  await expect(page.getByRole("heading", { name: "People Spec Officer" })).toBeVisible();
  await expect(page.getByText("Invitation sent", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  const link = await linkFromEmail(INVITEE, "invitation", 0);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Set your password" })).toBeVisible();
  await expectAccessible(page);
  // Too short first: told why, beside the field.
  await setPassword(page, "too short");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByRole("alert").getByText("Password must be 12 characters or more")).toBeVisible();
  await expectAccessible(page);
  await setPassword(page, FIRST_PASSWORD);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Your password is set.")).toBeVisible();

  await signIn(page, INVITEE, FIRST_PASSWORD);
  await expect(page.getByTestId("signed-in-as")).toContainText("People Spec Officer");
  await page.getByRole("link", { name: /People with access in Newham/ }).click();
  await expect(page.getByRole("heading", { name: "People with access" })).toBeVisible();
  await expect(page.getByRole("cell", { name: INVITEE })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await page.goto(link);
  await expect(page.getByTestId("spent-link")).toHaveText("This link has already been used. Each link works once.");
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a forgotten password is reset from the emailed link, once", async ({ page, browser }) => {
    // axe runs inside the page, so a second window with JavaScript checks each page this one opens.
    const checking = await browser.newContext({ javaScriptEnabled: true, baseURL: test.info().project.use.baseURL });
    const checker = await checking.newPage();
    const expectPageAccessible = async (path: string) => {
      await checker.goto(path);
      await expectAccessible(checker);
    };
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgotten your password?" }).click();
    await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
    await expectPageAccessible("/forgot-password");
    await page.getByLabel("Email address").fill(INVITEE);
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await expectPageAccessible("/forgot-password/sent");

    const link = await linkFromEmail(INVITEE, "reset-password", 0);
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    // Opening the link does not use it up: only setting the password does.
    await expectPageAccessible(link);
    // Two passwords that differ: the server says so, the page keeps working without JavaScript.
    await page.getByLabel("New password", { exact: true }).fill(SECOND_PASSWORD);
    await page.getByLabel("Type the new password again").fill(`${SECOND_PASSWORD}.`);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("alert").getByText("The passwords do not match")).toBeVisible();
    await setPassword(page, SECOND_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Your password has been changed.")).toBeVisible();

    await page.getByLabel("Email address").fill(INVITEE);
    await page.getByLabel("Password").fill(SECOND_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText("People Spec Officer");
    await signOut(page);

    await page.goto(link);
    await expect(page.getByTestId("spent-link")).toHaveText("This link has already been used. Each link works once.");
    await expectPageAccessible(link);
    await checking.close();
  });
});

test.describe("at 320 pixels wide", () => {
  test.use({ viewport: { width: 320, height: 720 } });

  async function fits(page: Page, path: string) {
    await page.goto(path);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
    }));
    expect.soft(widths.scroll, `${path} is ${widths.scroll}px wide`).toBeLessThanOrEqual(widths.inner);
    await expectAccessible(page);
  }

  test("every people page fits a phone's width, and is accessible there", async ({ page }) => {
    for (const path of ["/forgot-password", "/forgot-password/sent", `/invitation/${"a".repeat(32)}`])
      await fits(page, path);
    await signIn(page, "admin@mopac.test");
    await fits(page, "/admin/people");
    await fits(page, "/admin/people/invite");
    await page.goto("/admin/people");
    await page.getByRole("link", { name: "People Spec Officer" }).click();
    await fits(page, new URL(page.url()).pathname);
    await fits(page, "/account/password");
    await signOut(page);
    await signIn(page, INVITEE, SECOND_PASSWORD);
    await fits(page, "/borough/people");
  });
});
