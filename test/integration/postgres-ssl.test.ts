import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type PostgresSettings } from "../../db/connection";
import { startCluster, type Cluster } from "../../scripts/postgres-cluster";

// DATABASE_SSL against a real server that speaks TLS with a self-signed certificate: a cluster of this
// file's own, started only in the PostgreSQL run (where the server packages are known to be there).
describe.skipIf(!process.env.TEST_DATABASE_URL)("DATABASE_SSL on PostgreSQL", () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster({ tls: true });
  }, 60_000);
  afterAll(() => cluster?.stop());

  /** Whether this connection is encrypted, as the server sees it; throws when it cannot connect. */
  async function encrypted(settings: PostgresSettings): Promise<boolean> {
    const db = createDatabase(cluster.url, settings);
    try {
      const { rows } = await sql<{ ssl: boolean }>`select ssl from pg_stat_ssl where pid = pg_backend_pid()`.execute(
        db,
      );
      return rows[0]!.ssl;
    } finally {
      await db.destroy();
    }
  }

  it("off connects in the clear", async () => {
    expect(await encrypted({ poolSize: 1, ssl: "off" })).toBe(false);
  });

  it("require encrypts without checking the certificate", async () => {
    expect(await encrypted({ poolSize: 1, ssl: "require" })).toBe(true);
  });

  it("verify refuses a certificate no known authority signed", async () => {
    await expect(encrypted({ poolSize: 1, ssl: "verify" })).rejects.toThrow(/self[- ]signed|certificate/i);
  });

  it("verify with DATABASE_SSL_CA trusts the authority given, and encrypts", async () => {
    expect(await encrypted({ poolSize: 1, ssl: "verify", sslCaFile: cluster.certificateFile })).toBe(true);
  });
});
