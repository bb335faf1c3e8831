/** Every setting the portal reads, with its default. The README lists the same. */
export const config = {
  get port(): number {
    return Number.parseInt(process.env.PORT ?? "3000", 10);
  },
  get databaseUrl(): string {
    return process.env.DATABASE_URL ?? "file:data/lcpf.sqlite";
  },
  get isProduction(): boolean {
    return process.env.NODE_ENV === "production";
  },
  /** Public address of the portal, used in links inside emails. */
  get appUrl(): string {
    return process.env.APP_URL ?? `http://localhost:${this.port}`;
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
  get mailFrom(): string {
    return process.env.MAIL_FROM ?? "London Crime Prevention Fund <lcpf-noreply@localhost>";
  },
};
