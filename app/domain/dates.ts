/** Today's date in London as yyyy-mm-dd: the portal's users and deadlines are all in London. */
export function todayInLondon(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2017-02-23" -> "23 February 2017", the GOV.UK date style. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split("-").map(Number);
  if (!year || !month || !day) return isoDate;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** A timestamp as people read it: "23 February 2017 at 2:05pm", in London time. */
export function formatDateTime(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    hour12: true,
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("day")} ${part("month")} ${part("year")} at ${part("hour")}:${part("minute")}${part("dayPeriod").toLowerCase()}`;
}

/** Builds yyyy-mm-dd from what someone typed in a GOV.UK date input, or says what is wrong. */
export function parseDateParts(
  day: string | undefined,
  month: string | undefined,
  year: string | undefined,
): { ok: true; date: string } | { ok: false; message: string; part: "day" | "month" | "year" } | { ok: "empty" } {
  const d = (day ?? "").trim();
  const m = (month ?? "").trim();
  const y = (year ?? "").trim();
  if (!d && !m && !y) return { ok: "empty" };
  if (!d) return { ok: false, message: "must include a day", part: "day" };
  if (!m) return { ok: false, message: "must include a month", part: "month" };
  if (!y) return { ok: false, message: "must include a year", part: "year" };
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) {
    return { ok: false, message: "must be a real date", part: "day" };
  }
  const iso = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  const check = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== iso) {
    return { ok: false, message: "must be a real date", part: "day" };
  }
  return { ok: true, date: iso };
}

export type DatePartName = "day" | "month" | "year";

/**
 * A date typed in the three boxes that must be a real day no later than `today` (yyyy-mm-dd), such as
 * the date of the CSP meeting that endorsed a proposal. `part` names the box to fix; null means the
 * date as a whole (left blank, or in the future). `problem` completes "The date of … ".
 */
export function checkPastDateParts(
  parts: { day?: string | undefined; month?: string | undefined; year?: string | undefined },
  today: string,
): { ok: true; date: string } | { ok: false; part: DatePartName | null; problem: string } {
  const parsed = parseDateParts(parts.day, parts.month, parts.year);
  if (parsed.ok === "empty") return { ok: false, part: null, problem: "is missing" };
  if (parsed.ok === false) {
    if (parsed.message !== "must be a real date") return { ok: false, part: parsed.part, problem: parsed.message };
    return { ok: false, part: impossiblePart(parts), problem: "must be a real date" };
  }
  // Same-format ISO dates compare correctly as strings.
  if (parsed.date > today) return { ok: false, part: null, problem: "must be today or in the past" };
  return parsed;
}

/** Which box makes a date impossible: the one that cannot be right whatever the others say. */
function impossiblePart(parts: { day?: string | undefined; month?: string | undefined; year?: string | undefined }): DatePartName {
  const month = (parts.month ?? "").trim();
  const year = (parts.year ?? "").trim();
  if (!/^\d{4}$/.test(year)) return "year";
  if (!/^\d{1,2}$/.test(month) || Number(month) < 1 || Number(month) > 12) return "month";
  return "day";
}
