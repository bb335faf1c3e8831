// Loaded with --import through NODE_OPTIONS (which refuses --cpu-prof): profiles this process and
// writes a .cpuprofile to BENCH_CPU_PROF when it is told to stop.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { join } from "node:path";

const session = new Session();
session.connect();
session.post("Profiler.enable");
session.post("Profiler.start");
process.once("SIGTERM", () => {
  session.post("Profiler.stop", (error, result) => {
    if (!error)
      writeFileSync(
        join(process.env.BENCH_CPU_PROF ?? ".", `server-${process.pid}.cpuprofile`),
        JSON.stringify(result.profile),
      );
    process.exit(0);
  });
});
