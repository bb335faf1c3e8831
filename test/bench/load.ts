import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { percentile } from "./timing";

/** A page put under load: where it is, who asks for it, and text that proves the real page came back. */
export type LoadPage = {
  name: string;
  path: string;
  /** The route's id in React Router's manifest (routes/<file name without extension>). */
  routeId: string;
  cookie: string | null;
  expectText: string;
  /** The least throughput allowed, as a fraction of the trivial page's. Null for the trivial page. */
  minRatio: number | null;
  /** A file download (CSV, XLSX): no page, so no JavaScript is shipped with it. */
  download?: boolean;
};

export type LoadResult = {
  page: LoadPage;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  requests: number;
};

/** A port nobody is listening on at the moment of asking. */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === "string") throw new Error("No port from the probe server");
  return address.port;
}

export type RunningServer = { child: ChildProcess; port: number; output: () => string };

/**
 * Starts the server exactly as `npm start` does, in its own process group so that stopping it
 * stops whatever npm starts beneath it.
 */
export async function startServer(root: string, env: NodeJS.ProcessEnv, port: number): Promise<RunningServer> {
  const child = spawn("npm", ["start", "--silent"], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, "exit").then(() => {
    throw new Error(`The server exited before it answered:\n${output}`);
  });
  const deadline = Date.now() + 120_000;
  // Poll until it answers: the start script migrates, seeds reference data and may build first.
  const ready = (async () => {
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/sign-in`);
        await response.arrayBuffer();
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((done) => setTimeout(done, 200));
    }
    throw new Error(`The server did not answer within 120 s:\n${output}`);
  })();
  await Promise.race([ready, exited]);
  exited.catch(() => {});
  return { child, port, output: () => output };
}

export async function stopServer(server: RunningServer): Promise<void> {
  if (server.child.exitCode !== null || server.child.pid === undefined) return;
  const exited = once(server.child, "exit");
  try {
    process.kill(-server.child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timeout = setTimeout(() => {
    try {
      process.kill(-server.child.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  }, 5_000);
  await exited;
  clearTimeout(timeout);
}

/** The socket inodes listening on this TCP port (IPv4 or IPv6), from /proc/net. */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is field 1 (addr:port), st is field 3 (0A = LISTEN), inode is field 9.
      if (fields.length > 9 && fields[1]!.endsWith(`:${hexPort}`) && fields[3] === "0A") inodes.add(fields[9]!);
    }
  }
  return inodes;
}

/** The process in this process group that holds the listening socket: the server itself, not npm or a wrapper. */
export function serverPid(processGroup: number, port: number): number {
  const inodes = listeningInodes(port);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The fields after the command name (which may hold spaces) start at state; pgrp is the third.
      const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (pgrp !== processGroup) continue;
      for (const fd of readdirSync(`/proc/${entry}/fd`)) {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return Number(entry);
      }
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  throw new Error(`No process of group ${processGroup} listens on port ${port}`);
}

/** Resident memory of a process in bytes, from /proc/<pid>/status (VmRSS). */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`No VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

/** Load that is not measured: it warms the JIT and the caches; only a failed request matters. */
export async function warmPage(base: string, page: LoadPage, connections: number, seconds: number): Promise<void> {
  const result = await autocannon({
    url: base + page.path,
    connections,
    duration: seconds,
    headers: page.cookie ? { Cookie: page.cookie } : {},
  });
  if (result.non2xx + result.errors > 0)
    throw new Error(`GET ${page.path} while warming up: a request did not answer 200`);
}

/** One request, checked: a redirect to sign-in or an error page would be fast and prove nothing. */
export async function checkPage(base: string, page: LoadPage): Promise<void> {
  const response = await fetch(base + page.path, {
    headers: page.cookie ? { Cookie: page.cookie } : {},
    redirect: "manual",
  });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(page.expectText)) {
    throw new Error(`Bench set-up is wrong: GET ${page.path} answered ${response.status} without "${page.expectText}"`);
  }
}

/** Puts one page under `connections` concurrent clients for `seconds`; every answer must be a 200. */
async function loadSlice(
  base: string,
  page: LoadPage,
  connections: number,
  seconds: number,
  latencies: number[],
): Promise<void> {
  const instance = autocannon({
    url: base + page.path,
    connections,
    duration: seconds,
    headers: page.cookie ? { Cookie: page.cookie } : {},
  });
  instance.on("response", (_client, _status, _bytes, responseTimeMs) => latencies.push(responseTimeMs));
  const result = await instance;
  const notOk = result.non2xx + result.errors + result.timeouts;
  if (notOk > 0)
    throw new Error(`GET ${page.path} under load: ${notOk} of ${result.requests.total} requests did not answer 200`);
}

/**
 * Loads every page for `seconds` in all, in `rounds` turns taken in order (page 1, 2, ... 1, 2, ...),
 * so that load from other work on a shared machine falls on every page alike and the ratios between
 * pages hold even when the absolute figures drift.
 */
export async function loadPages(
  base: string,
  pages: readonly LoadPage[],
  connections: number,
  seconds: number,
  rounds: number,
): Promise<LoadResult[]> {
  const slice = Math.max(1, Math.round(seconds / rounds));
  const latencies = pages.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (const [index, page] of pages.entries()) await loadSlice(base, page, connections, slice, latencies[index]!);
  }
  return pages.map((page, index) => {
    const sorted = latencies[index]!.sort((a, b) => a - b);
    if (sorted.length === 0) throw new Error(`GET ${page.path} under load: no answer within ${slice * rounds} s`);
    return {
      page,
      requestsPerSecond: sorted.length / (slice * rounds),
      p50Ms: percentile(sorted, 0.5),
      p95Ms: percentile(sorted, 0.95),
      requests: sorted.length,
    };
  });
}

type RouterManifest = {
  entry: { module: string; imports: string[] };
  routes: Record<string, { module?: string; imports?: string[] }>;
};

/**
 * The JavaScript a first visit to a route downloads, gzipped, as React Router's own manifest lists
 * it: the manifest script itself, the client entry, and the root and page route modules with every
 * chunk they import (each file counted once).
 */
export function shippedJavaScript(buildPath: string, routeId: string): { files: number; gzipBytes: number } {
  const assets = join(buildPath, "client/assets");
  const manifestFile = readdirSync(assets).find((name) => /^manifest-[\w-]+\.js$/.test(name));
  if (!manifestFile) throw new Error(`No React Router manifest in ${assets}`);
  const text = readFileSync(join(assets, manifestFile), "utf8");
  const manifest = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as RouterManifest;
  const page = manifest.routes[routeId];
  const root = manifest.routes.root;
  if (!page?.module || !root?.module) throw new Error(`The React Router manifest has no route ${routeId}`);
  const urls = new Set([
    `/assets/${manifestFile}`,
    manifest.entry.module,
    ...manifest.entry.imports,
    root.module,
    ...(root.imports ?? []),
    page.module,
    ...(page.imports ?? []),
  ]);
  let gzipBytes = 0;
  for (const url of urls) gzipBytes += gzipSync(readFileSync(join(buildPath, "client", url))).length;
  return { files: urls.size, gzipBytes };
}
