// `tsx scripts/with-postgres.ts <command> [args]`: runs the command with TEST_DATABASE_URL naming a
// PostgreSQL server, so the integration suite, the multi-instance tests and the PostgreSQL browser
// journey run on it. An existing TEST_DATABASE_URL is used as it is; otherwise a throwaway cluster is
// started (Debian's postgresql package, installed here when it can be) and removed afterwards.
import { spawnSync } from "node:child_process";
import { aptInstall } from "./apt";
import { postgresBinaries, startCluster, type Cluster } from "./postgres-cluster";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("Usage: tsx scripts/with-postgres.ts <command> [args]");
  process.exit(2);
}

let cluster: Cluster | undefined;
let url = process.env.TEST_DATABASE_URL;
if (!url) {
  if (!postgresBinaries()) {
    console.log("No PostgreSQL server found for the PostgreSQL tests: installing Debian's postgresql package.");
    if (!aptInstall(["postgresql"]) || !postgresBinaries()) {
      console.error(
        [
          "Could not install PostgreSQL automatically. Install it, then run the tests again:",
          "  sudo apt-get install -y postgresql        (Debian or Ubuntu; the tests start their own cluster)",
          "or point TEST_DATABASE_URL at a server where the tests may create and drop databases:",
          "  TEST_DATABASE_URL=postgres://user:password@host:5432/postgres npm test",
        ].join("\n"),
      );
      process.exit(1);
    }
  }
  cluster = await startCluster();
  url = cluster.url;
  console.log(`Throwaway PostgreSQL cluster for the tests at ${url}`);
}

const stop = () => cluster?.stop();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stop();
    process.exit(1);
  });
}
const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, TEST_DATABASE_URL: url } });
stop();
process.exit(result.status ?? 1);
