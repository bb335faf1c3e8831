import { execFileSync } from "node:child_process";

/**
 * Installs Debian packages the tests need, as root or with password-less sudo. Returns false when that
 * is not possible here (no apt, no rights), for the caller to say what to do instead.
 */
export function aptInstall(packages: string[]): boolean {
  const sudo = process.getuid?.() === 0 ? [] : ["sudo", "-n"];
  try {
    const run = (args: string[]) => {
      const [command, ...rest] = [...sudo, ...args];
      execFileSync(command!, rest, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    };
    run(["apt-get", "update", "-qq"]);
    run(["apt-get", "install", "-y", "-qq", ...packages]);
    return true;
  } catch {
    return false;
  }
}
