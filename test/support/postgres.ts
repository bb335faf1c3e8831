import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { createDatabase } from "../../db/connection";

/** A new, empty database on the PostgreSQL server at `serverUrl`, and how to drop it. */
export async function createPostgresDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `lcpf_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = createDatabase(serverUrl, { poolSize: 1, ssl: "off" });
  await sql`create database ${sql.id(name)}`.execute(admin);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
      await admin.destroy();
    },
  };
}
