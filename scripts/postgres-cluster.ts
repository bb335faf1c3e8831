// A throwaway PostgreSQL cluster for tests and the bench: initdb in a temporary folder, started on a
// free loopback port, trusted connections only from this machine, removed again by stop().
// Uses Debian's server packages (/usr/lib/postgresql/<version>/bin) or the folder in PG_BIN.
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { selfSignedCertificateArgs } from "./certificate";
import { freePort } from "./free-port";

export type Cluster = {
  url: string;
  stop: () => void;
  /** With `tls`: the self-signed certificate the server presents (for localhost and 127.0.0.1). */
  certificateFile?: string;
};

/** Where initdb and pg_ctl live, or null when the server packages are not installed. */
export function postgresBinaries(): string | null {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, "initdb")) ? process.env.PG_BIN : null;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0]!, "bin") : null;
}

/** PostgreSQL will not run as root: as root, the cluster belongs to the `postgres` user. */
function asOwner(): { run: (command: string, args: string[]) => void; uid: number | null } {
  if (process.getuid?.() !== 0) {
    return { run: (command, args) => execFileSync(command, args, { stdio: "pipe" }), uid: null };
  }
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  return {
    run: (command, args) => execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe" }),
    uid,
  };
}

export async function startCluster(options: { tls?: boolean } = {}): Promise<Cluster> {
  const bin = postgresBinaries();
  if (!bin) throw new Error("PostgreSQL's server is not installed: apt-get install postgresql (or set PG_BIN).");
  const dir = mkdtempSync(join(tmpdir(), "lcpf-pg-"));
  const owner = asOwner();
  if (owner.uid !== null) {
    chownSync(dir, owner.uid, owner.uid);
    chmodSync(dir, 0o700);
  }
  const data = join(dir, "data");
  owner.run(join(bin, "initdb"), [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth=trust",
    "--no-sync",
    "-E",
    "UTF8",
    "--locale=C",
  ]);
  const port = await freePort();
  // A test cluster: durability to disk is traded for speed (the data dies with the folder anyway).
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c full_page_writes=off",
    "-c max_connections=200",
  ];
  const certificateFile = join(dir, "server.crt");
  if (options.tls) {
    const keyFile = join(dir, "server.key");
    // Made by the cluster's owner, so the key is theirs and private, as PostgreSQL insists.
    owner.run("openssl", selfSignedCertificateArgs(keyFile, certificateFile));
    owner.run("chmod", ["600", keyFile]);
    settings.push("-c ssl=on", `-c ssl_cert_file=${certificateFile}`, `-c ssl_key_file=${keyFile}`);
  }
  owner.run(join(bin, "pg_ctl"), ["-D", data, "-o", settings.join(" "), "-l", join(dir, "server.log"), "-w", "start"]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    certificateFile: options.tls ? certificateFile : undefined,
    stop: () => {
      try {
        owner.run(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

// `tsx scripts/postgres-cluster.ts` starts one and prints its address until interrupted.
if (import.meta.url === `file://${process.argv[1]}`) {
  const cluster = await startCluster();
  console.log(cluster.url);
  const stop = () => {
    cluster.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  setInterval(() => {}, 1 << 30);
}
