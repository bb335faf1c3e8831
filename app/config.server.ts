/** Every setting the portal reads, with its default. The README lists the same. */

/** True for an address that only this machine can reach: demo accounts are safe there and nowhere else. */
function isLocalAddress(url: URL): boolean {
  return (
    url.hostname === "localhost" ||
    url.hostname === "127.0.0.1" ||
    url.hostname === "[::1]" ||
    url.hostname.endsWith(".localhost")
  );
}

function flag(name: string): boolean | undefined {
  const value = process.env[name]?.trim().toLowerCase();
  if (value === undefined || value === "") return undefined;
  if (["1", "true", "yes", "on"].includes(value)) return true;
  if (["0", "false", "no", "off"].includes(value)) return false;
  throw new Error(`${name} must be true or false, not "${process.env[name]}".`);
}

export const config = {
  get port(): number {
    return Number.parseInt(process.env.PORT ?? "3000", 10);
  },
  get databaseUrl(): string {
    return process.env.DATABASE_URL ?? "file:data/lcpf.sqlite";
  },
  /**
   * The portal's public address as people's browsers see it: links in emails, the same-origin check,
   * Secure cookies and HSTS all follow it. Unset, it is this machine on PORT.
   */
  get appUrl(): string {
    const explicit = process.env.APP_URL?.trim();
    if (!explicit) return `http://localhost:${this.port}`;
    const url = new URL(explicit);
    if (url.protocol !== "http:" && url.protocol !== "https:")
      throw new Error(`APP_URL must be an http or https address, not "${explicit}".`);
    return url.origin;
  },
  /** True when APP_URL was given: then it, not the request's Host header, is the public origin. */
  get appUrlIsExplicit(): boolean {
    return Boolean(process.env.APP_URL?.trim());
  },
  /** Cookies carry Secure exactly when the public address is https. */
  get secureCookies(): boolean {
    return new URL(this.appUrl).protocol === "https:";
  },
  /** Create the demo accounts on an empty database. Never on an address other people can reach. */
  get demoAccounts(): boolean {
    const local = isLocalAddress(new URL(this.appUrl));
    return local && (flag("DEMO_ACCOUNTS") ?? true);
  },
  /** Largest request body accepted, in bytes (forms carry text only). */
  get maxBodyBytes(): number {
    const raw = process.env.MAX_BODY_BYTES?.trim();
    if (!raw) return 1024 * 1024;
    if (!/^[1-9]\d{0,9}$/.test(raw)) throw new Error(`MAX_BODY_BYTES must be a whole number of bytes, not "${raw}".`);
    return Number(raw);
  },
  /**
   * Which proxies may tell the portal the client's address and scheme (X-Forwarded-For/-Proto/-Host),
   * in Express's "trust proxy" terms: unset or "false" trusts none; "loopback", addresses or subnets
   * separated by commas, or a number of hops.
   */
  get trustProxy(): boolean | number | string {
    const raw = process.env.TRUST_PROXY?.trim();
    if (!raw || raw.toLowerCase() === "false") return false;
    if (raw.toLowerCase() === "true") return true;
    if (/^\d+$/.test(raw)) return Number(raw);
    return raw;
  },
  /**
   * Whether `npm start` checks for due reminders each minute (default on). Turn it off where something
   * else runs `npm run cli -- remind`, such as cron; several instances checking at once is safe either way.
   */
  get reminders(): boolean {
    return flag("REMINDERS") ?? true;
  },
  /** SMTP connection URL; without it emails are written to the outbox folder. */
  get smtpUrl(): string | undefined {
    return process.env.SMTP_URL || undefined;
  },
  get outboxDir(): string {
    return process.env.OUTBOX_DIR ?? "data/outbox";
  },
  /**
   * Minutes without use before a session ends: 30 unless SESSION_IDLE_MINUTES sets fewer (tests use
   * it to see the timeout quickly). Never more than 30, the OWASP ASVS L2 limit.
   */
  get sessionIdleMinutes(): number {
    const minutes = Number(process.env.SESSION_IDLE_MINUTES);
    return Number.isFinite(minutes) && minutes >= 1 && minutes <= 30 ? minutes : 30;
  },
  /**
   * Keys that sign the short-lived cookie carrying the message after an action, comma-separated: the
   * first signs, all verify (so a key can be rotated). Empty when unset.
   */
  get sessionSecrets(): string[] {
    return (process.env.SESSION_SECRET ?? "")
      .split(",")
      .map((secret) => secret.trim())
      .filter(Boolean);
  },
  get mailFrom(): string {
    return process.env.MAIL_FROM ?? "London Crime Prevention Fund <lcpf-noreply@localhost>";
  },
};
