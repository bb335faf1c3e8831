// Made once: building an Intl.DateTimeFormat costs far more than formatting with one, and the review
// pages format a date or timestamp many times a request.
const LONDON_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
// Numbers only, on a 24-hour clock: the words and the 12-hour clock are ours (formatDateTime). Left
// to ICU, "en-GB" with hour12 writes the hour after midnight and after midday as 0 in Node ("0:12pm")
// and as 12 in Chrome, so a page the browser took over showed a different time from the server's.
const LONDON_TIMESTAMP = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

/** Today's date in London as yyyy-mm-dd: the portal's users and deadlines are all in London. */
export function todayInLondon(now: Date = new Date()): string {
  return LONDON_DAY.format(now);
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

/**
 * A timestamp as people read it, in London time and GOV.UK's style: "23 February 2017 at 2:05pm",
 * "at 12:30am", "at midday", "at midnight".
 */
export function formatDateTime(isoTimestamp: string): string {
  const parts = LONDON_TIMESTAMP.formatToParts(new Date(isoTimestamp));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  // Some engines write midnight as 24 even on a 0-23 clock.
  const hour = part("hour") % 24;
  const minute = part("minute");
  const date = `${part("day")} ${MONTHS[part("month") - 1]} ${part("year")}`;
  if (minute === 0 && hour === 0) return `${date} at midnight`;
  if (minute === 0 && hour === 12) return `${date} at midday`;
  return `${date} at ${hour % 12 || 12}:${String(minute).padStart(2, "0")}${hour < 12 ? "am" : "pm"}`;
}

/**
 * A month as people type it (GOV.UK's date input guidance): a number ("6", "06"), the name ("June") or
 * an abbreviation of at least three letters ("jun", "Sept."), in any case. Null when it is none of these.
 */
export function parseMonth(typed: string): number | null {
  const text = typed.trim().toLowerCase().replace(/\.$/, "");
  if (/^\d{1,2}$/.test(text)) {
    const month = Number(text);
    return month >= 1 && month <= 12 ? month : null;
  }
  if (text.length < 3) return null;
  const index = MONTHS.findIndex((name) => name.toLowerCase().startsWith(text));
  return index === -1 ? null : index + 1;
}

export type DatePartName = "day" | "month" | "year";

/**
 * Builds yyyy-mm-dd from what someone typed in a GOV.UK date input, or says what is wrong and which
 * box to fix. `message` completes a sentence that starts with the field's label: "The date of the CSP
 * meeting must include a year".
 */
export function parseDateParts(
  day: string | undefined,
  month: string | undefined,
  year: string | undefined,
): { ok: true; date: string } | { ok: false; message: string; part: DatePartName } | { ok: "empty" } {
  const d = (day ?? "").trim();
  const m = (month ?? "").trim();
  const y = (year ?? "").trim();
  if (!d && !m && !y) return { ok: "empty" };
  if (!d) return { ok: false, message: "must include a day", part: "day" };
  if (!m) return { ok: false, message: "must include a month", part: "month" };
  if (!y) return { ok: false, message: "must include a year", part: "year" };
  if (!/^\d{1,2}$/.test(d) || Number(d) < 1 || Number(d) > 31) {
    return { ok: false, message: "must be a real date: the day is a number from 1 to 31", part: "day" };
  }
  const monthNumber = parseMonth(m);
  if (monthNumber === null) {
    return { ok: false, message: "must be a real date: the month is a number from 1 to 12 or its name", part: "month" };
  }
  // Two digits could be 1917 or 2017; GOV.UK asks for all four rather than guessing.
  if (!/^\d{4}$/.test(y))
    return { ok: false, message: "must include a year with 4 numbers, for example 2017", part: "year" };
  const iso = `${y}-${String(monthNumber).padStart(2, "0")}-${d.padStart(2, "0")}`;
  const check = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== iso) {
    // Only the day can be wrong here: the month and year are valid, but the month is shorter.
    return {
      ok: false,
      message: `must be a real date: ${MONTHS[monthNumber - 1]} ${y} has no day ${Number(d)}`,
      part: "day",
    };
  }
  return { ok: true, date: iso };
}

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
  // parseDateParts already names the box to fix, month names and impossible days included.
  if (parsed.ok === false) return { ok: false, part: parsed.part, problem: parsed.message };
  // Same-format ISO dates compare correctly as strings.
  if (parsed.date > today) return { ok: false, part: null, problem: "must be today or in the past" };
  return parsed;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date (yyyy-mm-dd) moved by whole days, forwards or back: "2016-12-23", -14 -> "2016-12-09". */
export function addDays(isoDate: string, days: number): string {
  // Noon UTC keeps the arithmetic on the same calendar day whatever the offset; dates carry no time.
  const date = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  return new Date(date.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another: "2016-12-09" to "2016-12-23" is 14. */
export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  const from = Date.parse(`${fromIsoDate.slice(0, 10)}T12:00:00Z`);
  const to = Date.parse(`${toIsoDate.slice(0, 10)}T12:00:00Z`);
  return Math.round((to - from) / DAY_MS);
}
