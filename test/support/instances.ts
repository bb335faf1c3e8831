// Real processes for tests: free ports, the compiled server started as `npm start` starts it in a
// deployment, and waiting until something answers. No Vitest or Playwright here, so both can use it.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { freePort } from "../../scripts/free-port";

export { freePort };

/** Polls until the address answers (or the child it depends on exits, or the deadline passes). */
export async function waitUntilServing(
  url: string,
  child: ChildProcess,
  label: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = child.exitCode !== null || child.signalCode !== null;
  child.once("exit", () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${label} exited before serving ${url}`);
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${label} did not serve ${url} within ${Math.round(timeoutMs / 1000)} s`);
}

/** Where the compiled server lives; `npm run build` makes it. */
export const SERVER_ENTRY = resolve("build/node/start.js");

export type Instance = {
  /** http://127.0.0.1:<port>, the instance's own address (not necessarily its APP_URL). */
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far, for a failing test's message. */
  output: () => string;
  /** SIGTERM, then waits for the process to exit (a graceful stop, as systemd does it). */
  stop: () => Promise<void>;
  /** SIGKILL, then waits for the process to be gone: a machine failing, not a shutdown. */
  kill: () => Promise<void>;
};

export type InstanceOptions = {
  port: number;
  /** Added to this process's environment; PORT is set from `port`. */
  env: Record<string, string>;
  /** Shown in errors and before each line of the server's output when `echo` is on. */
  label?: string;
  /** Copy the server's output to this process's stderr as it comes (default off: kept for errors). */
  echo?: boolean;
  timeoutMs?: number;
};

/**
 * Starts `node build/node/start.js` (migrates and seeds first, as in production) and resolves once it
 * answers on its port. A server that exits first, or does not answer in time, rejects with its output.
 */
export async function startInstance(options: InstanceOptions): Promise<Instance> {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`${SERVER_ENTRY} is missing: run \`npm run build\` first.`);
  }
  const label = options.label ?? `the portal on port ${options.port}`;
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { ...process.env, ...options.env, PORT: String(options.port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    if (options.echo) process.stderr.write(text.replace(/^(?=.)/gm, `[${label}] `));
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitUntilServing(`${url}/sign-in`, child, label, options.timeoutMs);
  } catch (error) {
    await end("SIGKILL");
    throw new Error(`${(error as Error).message}\n--- its output ---\n${output}`);
  }
  return {
    url,
    port: options.port,
    child,
    output: () => output,
    stop: () => end("SIGTERM"),
    kill: () => end("SIGKILL"),
  };
}
