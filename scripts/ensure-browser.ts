import { aptInstall } from "./apt";
import { chromiumExecutable } from "./browser";

// Playwright cannot download its own browsers here, so the tests use Debian's Chromium.
if (chromiumExecutable()) process.exit(0);

console.log("No Chromium found for the browser tests: installing Debian's chromium package.");
if (!aptInstall(["chromium"])) {
  console.error(
    [
      "Could not install Chromium automatically.",
      "Install it yourself, then run the tests again:",
      "  sudo apt-get install -y chromium        (Debian or Ubuntu)",
      "or point CHROMIUM_PATH at any Chromium or Chrome binary:",
      "  CHROMIUM_PATH=/path/to/chrome npm test",
    ].join("\n"),
  );
  process.exit(1);
}
if (!chromiumExecutable()) {
  console.error("chromium was installed but no binary was found at /usr/bin/chromium; set CHROMIUM_PATH.");
  process.exit(1);
}
