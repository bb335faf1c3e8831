import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import routes from "../../app/routes";
import { PROJECT_SECTIONS } from "~/domain/project-sections";
import { MAX_FIELDS, MAX_LIST_INDEX } from "~/server/field-names";
import { freePort } from "../../scripts/free-port";

// Hostile requests against the compiled production server (build/node/start.js), as an attacker would
// send them: on a free port, with a throwaway database seeded with the demo data. Every answer must be
// a 4xx or better within a second, the server's memory must settle, and requests the edge refuses must
// leave the database exactly as it was.

const MB = 1024 * 1024;
const LIMIT = 1 * MB;
const ANSWER_WITHIN_MS = 1000;

type Identity = "anonymous" | "officer";
type Sent = { method: string; path: string; headers: Record<string, string>; body?: Buffer };
type Answer = { status: number; ms: number };

/** Counterexamples print as a line, not a megabyte of body bytes. */
function described<T extends { sent: Sent } | Sent>(value: T): T {
  const sent: Sent = "sent" in value ? value.sent : (value as Sent);
  const text = `${sent.method} ${sent.path} [${sent.headers["Content-Type"] ?? "no type"}${sent.headers.Cookie ? ", signed in" : ""}] ${sent.body?.length ?? 0} bytes: ${sent.body?.subarray(0, 300).toString("latin1") ?? ""}`;
  return Object.assign(value, { [fc.toStringMethod]: () => text });
}

let dir = "";
let server: ChildProcess | undefined;
let port = 0;
let base = "";
let officerCookie = "";
let databaseFile = "";
let paths: string[] = [];
/** The end of the server's error output, shown beside a failed expectation. */
let serverLog = "";

/** One request over a fresh connection, timed from the first byte sent to the end of the answer. */
function send(sent: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let answered = false;
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        method: sent.method,
        path: sent.path,
        // Framed as a client would frame it (Node sends DELETE bodies unframed otherwise), unless the case sets its own.
        headers: {
          Connection: "close",
          ...(sent.body && !sent.headers["Transfer-Encoding"] ? { "Content-Length": String(sent.body.length) } : {}),
          ...sent.headers,
        },
        agent: false,
      },
      (res) => {
        answered = true;
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
        res.on("error", reject);
      },
    );
    // A request left unanswered is a failure in its own right, reported with the request that caused it.
    req.setTimeout(5000, () => req.destroy(new Error(`No answer within 5 s to ${sent.method} ${sent.path}`)));
    // The server may answer and close before a large body is all written; that answer is what counts.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    if (sent.body) req.end(sent.body);
    else req.end();
  });
}

function rssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(line?.replace(/\D/g, "") ?? 0) * 1024;
}

/** A digest of every row of every table: equal digests, unchanged database. */
function databaseChecksum(): string {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash("sha256");
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    for (const { name } of tables) {
      hash.update(name);
      for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate())
        hash.update(JSON.stringify(row));
    }
    return hash.digest("hex");
  } finally {
    db.close();
  }
}

function routePaths(ids: { proposalId: number; projectId: number }): string[] {
  type Entry = { path?: string; children?: Entry[] };
  const out = new Set<string>();
  const walk = (entries: Entry[], prefix: string) => {
    for (const entry of entries) {
      const path = entry.path === undefined ? prefix : `${prefix}/${entry.path}`;
      for (const step of path.includes(":step") ? ["withdraw", "endorse", "return"] : [""]) {
        for (const section of path.includes(":section") ? PROJECT_SECTIONS.map((s) => s.id) : [""]) {
          const concrete = path
            .replace(":proposalId", String(ids.proposalId))
            .replace(":projectId", String(ids.projectId))
            .replace(":step", step)
            .replace(":section", section)
            .replace("*", "no-such-page");
          out.add(concrete === "" ? "/?index" : concrete);
        }
      }
      if (entry.children) walk(entry.children, path);
    }
  };
  walk(routes as Entry[], "");
  return [...out];
}

function headersFor(identity: Identity, extra: Record<string, string>): Record<string, string> {
  return { Origin: base, ...(identity === "officer" ? { Cookie: officerCookie } : {}), ...extra };
}

beforeAll(async () => {
  if (!existsSync("build/server/index.js")) execFileSync("npx", ["react-router", "build"], { stdio: "ignore" });
  // Always from the current source: compiling the Node entry points takes well under a second.
  execFileSync("node", ["scripts/build.mjs", "--node-only"], { stdio: "ignore" });

  dir = mkdtempSync(join(tmpdir(), "lcpf-fuzz-"));
  databaseFile = join(dir, "lcpf.sqlite");
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn("node", ["build/node/start.js"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:${databaseFile}`,
      OUTBOX_DIR: join(dir, "outbox"),
      SMTP_URL: "",
      APP_URL: "",
      TRUST_PROXY: "",
      MAX_BODY_BYTES: String(LIMIT),
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  server.stderr!.on("data", (chunk: Buffer) => {
    serverLog = (serverLog + chunk.toString()).slice(-4000);
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error("The server exited while starting");
    try {
      if ((await send({ method: "GET", path: "/sign-in", headers: {} })).status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error("The server did not start within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const signIn = await new Promise<string>((resolve, reject) => {
    const body = Buffer.from(
      new URLSearchParams({ email: "officer@barking-dagenham.test", password: "lcpf-demo-2017" }).toString(),
    );
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/sign-in",
        agent: false,
        headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": body.length },
      },
      (res) => {
        res.resume();
        const cookie = [res.headers["set-cookie"] ?? []]
          .flat()
          .map((c) => c.split(";")[0])
          .join("; ");
        res.on("end", () =>
          cookie ? resolve(cookie) : reject(new Error(`Sign-in set no cookie (status ${res.statusCode})`)),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
  officerCookie = signIn;

  const db = new Database(databaseFile, { readonly: true });
  const project = db.prepare("SELECT id, proposal_id AS proposalId FROM projects ORDER BY id LIMIT 1").get() as {
    id: number;
    proposalId: number;
  };
  db.close();
  paths = routePaths({ proposalId: project.proposalId, projectId: project.id });
}, 120_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// ---- generators -------------------------------------------------------------------------------

const identity = fc.constantFrom<Identity>("anonymous", "officer");
const path = () => fc.constantFrom(...paths);
const hugeIndex = fc.oneof(
  fc.integer({ min: MAX_LIST_INDEX, max: 2 ** 31 }).map(String),
  fc.constantFrom("99999999", "1e9", "0x10", "01", "-1", "", " 1", "１"),
);
const longUnicode = fc.string({ unit: "binary", minLength: 0, maxLength: 3000 });
const realNames = fc.constantFrom(
  "email",
  "password",
  "redirectTo",
  "version",
  "intent",
  "title",
  "description",
  "aims",
  "outcomes",
  "measures",
  "categories",
  "note",
  "comment",
  "reviewerId",
  "projectId",
  "periodId",
  "meetingDay",
  "partners[0].name",
  "__intent__",
);

/** Field names a form of ours never sends but the edge must refuse before any parser allocates. */
const hostileName = fc.oneof(
  fc.tuple(realNames, hugeIndex).map(([name, index]) => `${name}[${index}]`),
  fc.tuple(realNames, hugeIndex).map(([name, index]) => `${name}[0].items[${index}]`),
  fc.nat({ max: 4 }).map((n) => `a${"[".repeat(n + 1)}0`),
  fc.constant("x".repeat(5000)),
);

/** Requests the edge itself must refuse (400, 413 or 415): they never reach an action. */
const refusedRequest = () =>
  fc.oneof(
    // Huge or malformed bracketed indices, among ordinary fields.
    fc
      .tuple(identity, path(), hostileName, fc.array(fc.tuple(realNames, longUnicode), { maxLength: 5 }))
      .map(([who, to, bad, rest]) => {
        const body = new URLSearchParams([...rest, [bad, "1"]]).toString();
        return {
          expect: [400],
          sent: {
            method: "POST",
            path: to,
            headers: headersFor(who, { "Content-Type": "application/x-www-form-urlencoded" }),
            body: Buffer.from(body),
          },
        };
      }),
    // The same through multipart.
    fc.tuple(identity, path(), hostileName).map(([who, to, bad]) => {
      const body = `--B0und\r\nContent-Disposition: form-data; name="${bad.replace(/"/g, "")}"\r\n\r\n1\r\n--B0und--\r\n`;
      return {
        expect: [400],
        sent: {
          method: "POST",
          path: to,
          headers: headersFor(who, { "Content-Type": "multipart/form-data; boundary=B0und" }),
          body: Buffer.from(body),
        },
      };
    }),
    // Too many fields.
    fc.tuple(identity, path(), fc.integer({ min: MAX_FIELDS + 1, max: MAX_FIELDS * 3 })).map(([who, to, count]) => {
      const body = Array.from({ length: count }, () => "email=a").join("&");
      return {
        expect: [400],
        sent: {
          method: "POST",
          path: to,
          headers: headersFor(who, { "Content-Type": "application/x-www-form-urlencoded" }),
          body: Buffer.from(body),
        },
      };
    }),
    // Content types no form sends, and none at all.
    fc
      .tuple(
        identity,
        path(),
        fc.constantFrom(
          "application/json",
          "text/plain",
          "application/xml",
          "text/html",
          "application/octet-stream",
          "",
          "multipart/mixed; boundary=x",
          "application/x-www-form-urlencoded-nope",
        ),
        fc.json(),
        fc.constantFrom("POST", "PUT", "PATCH", "DELETE"),
      )
      .map(([who, to, type, json, method]) => {
        const headers = headersFor(who, type ? { "Content-Type": type } : {});
        return { expect: [415], sent: { method, path: to, headers, body: Buffer.from(json) } };
      }),
    // Malformed percent-encoding and bytes that are not UTF-8.
    fc
      .tuple(
        identity,
        path(),
        fc.constantFrom("email=%", "email=%zz", "email=%C2", "a=%ED%A0%80", "%=1", "email=%E0%A4%A"),
      )
      .map(([who, to, body]) => ({
        expect: [400],
        sent: {
          method: "POST",
          path: to,
          headers: headersFor(who, { "Content-Type": "application/x-www-form-urlencoded" }),
          body: Buffer.from(body),
        },
      })),
    // Malformed multipart.
    fc
      .tuple(
        identity,
        path(),
        fc.constantFrom(
          "--B0und\r\nnonsense",
          "garbage",
          "--B0und\r\nContent-Disposition: form-data\r\n\r\nx\r\n--B0und--\r\n",
          '--B0und\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated',
        ),
      )
      .map(([who, to, body]) => ({
        expect: [400],
        sent: {
          method: "POST",
          path: to,
          headers: headersFor(who, { "Content-Type": "multipart/form-data; boundary=B0und" }),
          body: Buffer.from(body),
        },
      })),
  );

/** Form-shaped but hostile: real and unusual names, long unicode values, repeated keys. They reach the actions. */
const formRequest = () =>
  fc
    .tuple(
      identity,
      path(),
      fc.array(
        fc.tuple(
          fc.oneof(realNames, fc.string({ unit: "binary", minLength: 1, maxLength: 40 })),
          fc.oneof(longUnicode, fc.constant("a".repeat(40_000)), fc.integer().map(String)),
        ),
        { maxLength: 30 },
      ),
      fc.boolean(),
    )
    .map(([who, to, fields, multipart]): Sent => {
      // Sign-out would end the officer's session for the rest of the run.
      const asWho = to === "/sign-out" ? "anonymous" : who;
      if (!multipart) {
        return {
          method: "POST",
          path: to,
          headers: headersFor(asWho, { "Content-Type": "application/x-www-form-urlencoded" }),
          body: Buffer.from(new URLSearchParams(fields).toString()),
        };
      }
      const parts = fields.map(
        ([name, value]) =>
          `--B0und\r\nContent-Disposition: form-data; name="${encodeURIComponent(name)}"\r\n\r\n${value}\r\n`,
      );
      return {
        method: "POST",
        path: to,
        headers: headersFor(asWho, { "Content-Type": "multipart/form-data; boundary=B0und" }),
        body: Buffer.from(parts.join("") + "--B0und--\r\n"),
      };
    });

// ---- properties -------------------------------------------------------------------------------

describe("hostile requests against every route of the built server", () => {
  it("covers every route in the route table", () => {
    expect(paths.length).toBeGreaterThanOrEqual(routes.length);
    expect(paths).toContain("/sign-in");
  });

  it("refuses malformed, oversized and non-form bodies at the edge, quickly, leaving the database untouched", async () => {
    const before = databaseChecksum();
    await fc.assert(
      fc.asyncProperty(refusedRequest().map(described), async ({ expect: statuses, sent }) => {
        const answer = await send(sent);
        expect(statuses, `${sent.method} ${sent.path} ${sent.headers["Content-Type"] ?? "(no type)"}`).toContain(
          answer.status,
        );
        expect(answer.ms).toBeLessThan(ANSWER_WITHIN_MS);
      }),
      { numRuns: 250 },
    );
    expect(databaseChecksum()).toBe(before);
  }, 60_000);

  it("answers bodies over the limit with 413, declared or not, and the database is untouched", async () => {
    const before = databaseChecksum();
    const big = Buffer.alloc(LIMIT + 1, "a");
    for (const to of ["/sign-in", paths.find((p) => p.endsWith("/description"))!]) {
      for (const who of ["anonymous", "officer"] as const) {
        const declared = await send({
          method: "POST",
          path: to,
          headers: headersFor(who, {
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Length": String(100 * MB),
          }),
        });
        expect(declared.status).toBe(413);
        const streamed = await send({
          method: "POST",
          path: to,
          headers: headersFor(who, {
            "Content-Type": "application/x-www-form-urlencoded",
            "Transfer-Encoding": "chunked",
          }),
          body: big,
        });
        expect(streamed.status).toBe(413);
        expect(streamed.ms).toBeLessThan(ANSWER_WITHIN_MS);
      }
    }
    expect(databaseChecksum()).toBe(before);
  }, 30_000);

  it("never answers a form-shaped hostile request with a 5xx, and answers each within a second", async () => {
    await fc.assert(
      fc.asyncProperty(formRequest().map(described), async (sent) => {
        const answer = await send(sent);
        expect(answer.status, `${sent.method} ${sent.path}; the server said:\n${serverLog}`).toBeLessThan(500);
        expect(answer.ms, `${sent.method} ${sent.path}`).toBeLessThan(ANSWER_WITHIN_MS);
      }),
      { numRuns: 250 },
    );
  }, 60_000);

  it("refuses non-canonical ids with 404", async () => {
    const project = paths.find((p) => /\/projects\/\d+$/.test(p))!;
    const [, proposalId, projectId] = /\/proposals\/(\d+)\/projects\/(\d+)/.exec(project)!;
    for (const bad of [
      "0x" + Number(proposalId).toString(16),
      `${proposalId}.0`,
      `%20${proposalId}`,
      `0${proposalId}`,
      `+${proposalId}`,
    ]) {
      expect(
        (await send({ method: "GET", path: `/proposals/${bad}`, headers: headersFor("officer", {}) })).status,
      ).toBe(404);
      expect(
        (
          await send({
            method: "GET",
            path: `/proposals/${proposalId}/projects/${bad === `${proposalId}.0` ? `${projectId}.0` : bad}`,
            headers: headersFor("officer", {}),
          })
        ).status,
      ).toBe(404);
    }
    expect((await send({ method: "GET", path: project, headers: headersFor("officer", {}) })).status).toBe(200);
  });

  it("keeps the server's memory within bounds: a steady stream of 1 MB forms does not grow it", async () => {
    const body = Buffer.from(`description=${"a".repeat(LIMIT - 20)}`);
    const postMany = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const answer = await send({
          method: "POST",
          path: "/sign-in",
          headers: headersFor("anonymous", { "Content-Type": "application/x-www-form-urlencoded" }),
          body,
        });
        expect(answer.status).toBeLessThan(500);
      }
    };
    // The heap grows to its working size first (garbage is collected lazily); after that, nothing may be kept.
    await postMany(60);
    const settled = rssBytes(server!.pid!);
    await postMany(120);
    const end = rssBytes(server!.pid!);
    expect(end - settled, `RSS went from ${Math.round(settled / MB)} MB to ${Math.round(end / MB)} MB`).toBeLessThan(
      80 * MB,
    );
    expect(end).toBeLessThan(500 * MB);
    // And it still serves.
    expect((await send({ method: "GET", path: "/sign-in", headers: {} })).status).toBe(200);
  }, 60_000);
});
