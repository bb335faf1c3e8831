import { describe, expect, it } from "vitest";
import { dialectOfUrl, numberFromInt8, postgresSettingsFromEnv } from "../../../db/connection";

describe("DATABASE_URL", () => {
  it("selects PostgreSQL for postgres:// and postgresql:// addresses, SQLite for anything else", () => {
    expect(dialectOfUrl("postgres://lcpf@db.example.org/lcpf")).toBe("postgres");
    expect(dialectOfUrl("POSTGRESQL://lcpf@db.example.org/lcpf")).toBe("postgres");
    expect(dialectOfUrl("file:data/lcpf.sqlite")).toBe("sqlite");
    expect(dialectOfUrl("data/postgres://odd-name.sqlite")).toBe("sqlite");
  });
});

describe("the PostgreSQL settings", () => {
  it("default to a pool of ten without SSL", () => {
    expect(postgresSettingsFromEnv({})).toEqual({ poolSize: 10, ssl: "off", sslCaFile: undefined });
  });
  it("read the pool size, the SSL mode and the authority file", () => {
    expect(
      postgresSettingsFromEnv({
        DATABASE_POOL_SIZE: "25",
        DATABASE_SSL: "Verify",
        DATABASE_SSL_CA: "/etc/ssl/rds.pem",
      }),
    ).toEqual({ poolSize: 25, ssl: "verify", sslCaFile: "/etc/ssl/rds.pem" });
  });
  it("refuse a pool size or SSL mode they do not understand, naming the setting", () => {
    for (const size of ["0", "-1", "ten", "1.5", "1000"])
      expect(() => postgresSettingsFromEnv({ DATABASE_POOL_SIZE: size })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => postgresSettingsFromEnv({ DATABASE_SSL: "prefer" })).toThrow(/DATABASE_SSL/);
  });
});

describe("a bigint read from PostgreSQL", () => {
  it("is an exact number of pence", () => {
    expect(numberFromInt8("0")).toBe(0);
    expect(numberFromInt8("300000000000")).toBe(300_000_000_000);
    expect(numberFromInt8(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });
  it("stops rather than round when it is too large to hold exactly", () => {
    expect(() => numberFromInt8("9007199254740993")).toThrow(RangeError);
  });
});
