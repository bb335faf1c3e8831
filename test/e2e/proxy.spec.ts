import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { freePort, waitUntilServing } from "../support/instances";
import { selfSignedCertificateArgs } from "../../scripts/certificate";
import { expectAccessible, saveDescriptionSection } from "./helpers";

// The documented deployment, for real: nginx terminating TLS (a throwaway self-signed certificate) in
// front of the compiled server, which trusts it (TRUST_PROXY=loopback) and knows its public address
// (APP_URL=https://localhost:PORT). The server and nginx get their own ports, database and temp folder.

const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";

/** The configuration the README shows, with the paths a non-root run needs. */
function nginxConfig(dir: string, listenPort: number, appPort: number): string {
  return `
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
daemon off;
worker_processes 1;
events { worker_connections 64; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;

  server {
    listen 127.0.0.1:${listenPort} ssl;
    server_name localhost;
    ssl_certificate ${dir}/cert.pem;
    ssl_certificate_key ${dir}/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;

    # A little above the portal's own limit (MAX_BODY_BYTES, 1 MB), so the portal gives the answer.
    client_max_body_size 2m;

    location / {
      proxy_pass http://127.0.0.1:${appPort};
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
    }
  }
}
`;
}

let dir = "";
let app: ChildProcess | undefined;
let nginx: ChildProcess | undefined;
let publicUrl = "";

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "lcpf-proxy-"));
  const [appPort, proxyPort] = [await freePort(), await freePort()];
  publicUrl = `https://localhost:${proxyPort}`;

  execFileSync("openssl", selfSignedCertificateArgs(join(dir, "key.pem"), join(dir, "cert.pem")), { stdio: "ignore" });

  app = spawn("node", ["build/node/start.js"], {
    env: {
      ...process.env,
      PORT: String(appPort),
      DATABASE_URL: `file:${join(dir, "lcpf.sqlite")}`,
      OUTBOX_DIR: join(dir, "outbox"),
      SMTP_URL: "",
      APP_URL: publicUrl,
      TRUST_PROXY: "loopback",
      // localhost counts as local, so this is the default; said outright because the test depends on it.
      DEMO_ACCOUNTS: "true",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitUntilServing(`http://127.0.0.1:${appPort}/sign-in`, app, "the portal");

  writeFileSync(join(dir, "nginx.conf"), nginxConfig(dir, proxyPort, appPort));
  nginx = spawn(NGINX, ["-p", dir, "-e", join(dir, "error.log"), "-c", join(dir, "nginx.conf")], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  // Node's fetch would refuse the self-signed certificate; nginx answering plain HTTP on its TLS port
  // with 400 is enough to know it is listening.
  await waitUntilServing(`http://127.0.0.1:${proxyPort}/`, nginx, "nginx");
});

test.afterAll(async () => {
  for (const child of [nginx, app]) {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test.use({ ignoreHTTPSErrors: true });

test("through a TLS-terminating nginx: sign in, save a section, __Host- Secure cookie, HSTS", async ({ page }) => {
  test.setTimeout(120_000);
  const first = await page.goto(`${publicUrl}/sign-in`);
  expect(first?.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  expect(first?.headers()["cache-control"]).toBe("no-store");

  // signIn() uses relative addresses; the page is already on the proxy's origin.
  await page.goto(`${publicUrl}/sign-in`);
  await page.getByLabel("Email address").fill("officer@barking-dagenham.test");
  await page.getByLabel("Password").fill("lcpf-demo-2017");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();

  const cookies = await page.context().cookies(publicUrl);
  // Over https the session cookie carries the __Host- prefix, and with it Secure, Path=/ and no Domain.
  const session = cookies.find((cookie) => cookie.name === "__Host-lcpf_session");
  expect(session, `session cookie among ${cookies.map((c) => c.name).join(", ")}`).toBeDefined();
  expect(session!.secure).toBe(true);
  expect(session!.httpOnly).toBe(true);
  expect(session!.path).toBe("/");
  expect(cookies.some((cookie) => cookie.name === "lcpf_session")).toBe(false);

  await page.goto(`${publicUrl}/borough`);
  await page.getByRole("link", { name: /View the proposal for Period 1/ }).click();
  await page.getByRole("link", { name: "VAWG Counselling", exact: true }).first().click();
  await page.getByRole("link", { name: "Description, aims and outcomes", exact: true }).click();
  const aims = "Fewer repeat victims of domestic abuse (saved through the proxy).";
  await saveDescriptionSection(page, aims);
  await expect(page.getByRole("link", { name: "Description, aims and outcomes", exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Description, aims and outcomes", exact: true }).click();
  await expect(page.getByLabel("Overarching aims")).toHaveValue(aims);
  await expectAccessible(page);
});

test("through the proxy, a POST from another origin is still refused and one from the portal is not", async ({
  playwright,
}) => {
  const api = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  const form = { email: "officer@barking-dagenham.test", password: "wrong" };
  const crossSite = await api.post(`${publicUrl}/sign-in`, {
    form,
    headers: { Origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
  // The browser's Origin is https while nginx talks plain http to the portal: it must still match.
  const sameSite = await api.post(`${publicUrl}/sign-in`, { form, headers: { Origin: publicUrl }, maxRedirects: 0 });
  expect(sameSite.status()).not.toBe(403);
  expect(sameSite.status()).toBeLessThan(500);
  expect(sameSite.headers()["strict-transport-security"]).toContain("max-age=31536000");
  await api.dispose();
});
