import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createPostgresDatabase } from "../support/postgres";
import { freePort, SERVER_ENTRY, startInstance, waitUntilServing, type Instance } from "../support/instances";
import { expectAccessible, saveDescriptionSection } from "./helpers";

// The deployment for more than one machine, for real: two compiled servers on one fresh PostgreSQL
// database, behind nginx sending requests to each in turn, and the demo journey in Chromium through it.
// Only run when TEST_DATABASE_URL names a PostgreSQL server (playwright.config.ts adds the project then).

const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";

/**
 * Round robin over two instances (nginx's default for an upstream), plain HTTP. The access log records
 * which instance answered each request, so the test can show both did. A deployment terminates TLS here
 * too, as test/e2e/proxy.spec.ts does.
 */
function nginxConfig(dir: string, listenPort: number, appPorts: number[]): string {
  return `
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
daemon off;
worker_processes 1;
events { worker_connections 256; }
http {
  log_format upstream '$request_method $request_uri $status $upstream_addr';
  access_log ${dir}/access.log upstream;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;

  upstream lcpf {
${appPorts.map((port) => `    server 127.0.0.1:${port};`).join("\n")}
    keepalive 8;
  }

  server {
    listen 127.0.0.1:${listenPort};
    server_name localhost;
    client_max_body_size 2m;

    location / {
      proxy_pass http://lcpf;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
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
let database: { url: string; drop: () => Promise<void> } | undefined;
let instances: Instance[] = [];
let nginx: ChildProcess | undefined;
let publicUrl = "";

test.beforeAll(async () => {
  test.setTimeout(180_000);
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run \`npm run build\` first.`);
  dir = mkdtempSync(join(tmpdir(), "lcpf-instances-"));
  database = await createPostgresDatabase(process.env.TEST_DATABASE_URL!);
  const [proxyPort, portA, portB] = [await freePort(), await freePort(), await freePort()];
  publicUrl = `http://localhost:${proxyPort}`;
  const env = (name: string) => ({
    DATABASE_URL: database!.url,
    DATABASE_POOL_SIZE: "5",
    OUTBOX_DIR: join(dir, `outbox-${name}`),
    SMTP_URL: "",
    APP_URL: publicUrl,
    TRUST_PROXY: "loopback",
    // localhost counts as local, so this is the default; said outright because the test depends on it.
    DEMO_ACCOUNTS: "true",
    REMINDERS: "false",
    // The README asks several instances to share it: a message signed by one is read by the other.
    SESSION_SECRET: "postgres-instances-spec-0123456789abcdef",
  });
  instances = await Promise.all([
    startInstance({ port: portA, env: env("a"), label: "instance A", echo: true }),
    startInstance({ port: portB, env: env("b"), label: "instance B", echo: true }),
  ]);

  writeFileSync(join(dir, "nginx.conf"), nginxConfig(dir, proxyPort, [portA, portB]));
  nginx = spawn(NGINX, ["-p", dir, "-e", join(dir, "error.log"), "-c", join(dir, "nginx.conf")], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitUntilServing(`http://127.0.0.1:${proxyPort}/sign-in`, nginx, "nginx");
});

test.afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx!.once("exit", resolve));
    nginx.kill("SIGTERM");
    await exited;
  }
  await Promise.all(instances.map((instance) => instance.stop()));
  await database?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Each request through nginx so far, in the order they finished: its address and the instance's port. */
function upstreamLog(): { uri: string; port: string }[] {
  return readFileSync(join(dir, "access.log"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split(" "))
    .filter((fields) => fields.at(-1) !== "-")
    .map((fields) => ({ uri: fields[1]!, port: fields.at(-1)!.split(":").at(-1)! }));
}

function envelopeCell(page: Page, rowName: string, column: number) {
  return page
    .locator("table", { hasText: "Funding and planned spend for each year" })
    .getByRole("row", { name: new RegExp(`^${rowName}`) })
    .getByRole("cell")
    .nth(column);
}

test("two instances on one PostgreSQL behind nginx serve the demo journey, one request on each in turn", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(`${publicUrl}/sign-in`);
  await expectAccessible(page);
  await page.getByLabel("Email address").fill("officer@barking-dagenham.test");
  await page.getByLabel("Password").fill("lcpf-demo-2017");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();

  // The demo proposal's figures, the same as on SQLite.
  await page.goto(`${publicUrl}/borough`);
  await page.getByRole("link", { name: /View the proposal for Period 1/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /LCPF proposal, Period 1/ })).toBeVisible();
  await expect(envelopeCell(page, "Direct borough funding", 0)).toHaveText("£644,000.00");
  await expect(envelopeCell(page, "Direct borough funding", 1)).toHaveText("£450,800.00 Demo figure");
  await expect(envelopeCell(page, "Co-commissioned services", 1)).toHaveText("£193,200.00 Demo figure");
  await expect(page.getByTestId("candidates-2018/19")).toContainText("£193,200.00");
  await expectAccessible(page);

  // A write on one instance, read back (the next requests go to the other in turn).
  await page.getByRole("link", { name: "VAWG Counselling", exact: true }).first().click();
  await page.getByRole("link", { name: "Description, aims and outcomes", exact: true }).click();
  await expectAccessible(page);
  const aims = "Fewer repeat victims of domestic abuse (saved through two instances).";
  await saveDescriptionSection(page, aims);
  // The message after the redirect, signed by whichever instance saved and shown by whichever serves the page.
  await expect(page.getByText("Description, aims and outcomes: saved")).toBeVisible();
  await expectAccessible(page);
  for (let read = 0; read < 2; read += 1) {
    await page.getByRole("link", { name: "Description, aims and outcomes", exact: true }).click();
    await expect(page.getByLabel("Overarching aims")).toHaveValue(aims);
    await page.goBack();
  }

  // Both instances served the journey's pages and their data, not only its scripts and styles.
  const [a, b] = instances.map((instance) => String(instance.port));
  const pages = upstreamLog().filter((entry) => !entry.uri.startsWith("/assets/"));
  expect(pages.filter((entry) => entry.port === a).length).toBeGreaterThanOrEqual(3);
  expect(pages.filter((entry) => entry.port === b).length).toBeGreaterThanOrEqual(3);

  // One request on each in turn: the log orders requests by when they finished, so the page's parallel
  // requests can land out of turn; requests made one after another must alternate strictly. The page is
  // left first, so that nothing of its own (a script, the session keep-alive) takes a turn in between.
  await page.goto("about:blank");
  for (let i = 0; i < 10; i += 1) {
    const response = await page.request.get(`${publicUrl}/accessibility?turn=${i}`, { maxRedirects: 0 });
    expect(response.status()).toBe(200);
  }
  const inTurn = upstreamLog()
    .filter((entry) => entry.uri.startsWith("/accessibility?turn="))
    .map((entry) => entry.port);
  expect(inTurn).toHaveLength(10);
  expect(inTurn, `instances in order: ${inTurn.join(" ")}`).toEqual(
    inTurn.map((_, i) => (i % 2 === 0 ? inTurn[0] : inTurn[0] === a ? b : a)),
  );
});
