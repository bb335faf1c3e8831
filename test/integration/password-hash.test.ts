import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "~/auth/password.server";

// ASVS 4.0.3 V2.4.1 and V2.4.2 (docs/security.md): Argon2id with OWASP's parameters, and a fresh random
// salt for every hash, read back from the encoded hash itself.

describe("stored password hashes", () => {
  it("use Argon2id with 19 MiB, 2 iterations and 1 lane, and a different 16-byte salt each time", async () => {
    const first = await hashPassword("a long passphrase of several words");
    const second = await hashPassword("a long passphrase of several words");
    const parts = (hash: string) =>
      /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(hash);
    const a = parts(first);
    const b = parts(second);
    expect(a?.slice(1, 4)).toEqual(["19456", "2", "1"]);
    // 16 bytes are 22 characters of unpadded base64.
    expect(a?.[4]).toHaveLength(22);
    expect(a?.[4]).not.toBe(b?.[4]);
    expect(first).not.toBe(second);
    expect(await verifyPassword(second, "a long passphrase of several words")).toBe(true);
  });
});
