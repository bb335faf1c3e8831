import { createServer } from "node:net";

/** A port nothing listens on at the moment of asking (the usual small race with whoever asks next). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    // A config file may ask at load time; the probe must not keep its process alive.
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
