import type { IncomingMessage } from "node:http";
import {
  fieldNameProblem,
  MAX_FIELD_VALUE_LENGTH,
  MAX_FIELDS,
  MAX_FILE_BYTES,
  reservedFieldsProblem,
} from "./field-names";

/** A request the edge will not pass on, with the status and short plain message it gets instead. */
export class Refusal extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
    /** True when the body was not read to its end, so the connection cannot be reused. */
    readonly bodyLeftUnread = false,
  ) {
    super(message);
  }
}

export type FormBody = { kind: "urlencoded"; fields: [string, string][] } | { kind: "multipart"; form: FormData };

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/** The media type of a Content-Type header, lower-cased, without parameters. */
export function mediaType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const type = contentType.split(";", 1)[0]!.trim().toLowerCase();
  return type || null;
}

/** Refuses a body that is not a form or is declared too large, before a byte of it is read. */
export function checkHeaders(
  headers: { contentType?: string; contentLength?: string; transferEncoding?: string },
  limit: number,
): void {
  const type = mediaType(headers.contentType);
  if (!type || !FORM_TYPES.has(type)) {
    throw new Refusal(
      415,
      "This portal accepts only form submissions (application/x-www-form-urlencoded or multipart/form-data).",
      true,
    );
  }
  if (headers.contentLength !== undefined) {
    if (!/^\d{1,16}$/.test(headers.contentLength.trim()))
      throw new Refusal(400, "The Content-Length header is not a number.", true);
    if (Number(headers.contentLength) > limit)
      throw new Refusal(413, "The form is larger than this portal accepts.", true);
  }
}

/** Reads the body, stopping (and refusing) as soon as it passes the limit, whatever Content-Length said. */
export function readLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const finish = (error: Error | null, body?: Buffer) => {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("aborted", onAborted);
      if (error) reject(error);
      else resolve(body!);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        chunks.length = 0;
        req.pause();
        finish(new Refusal(413, "The form is larger than this portal accepts.", true));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(null, Buffer.concat(chunks, total));
    const onError = (error: Error) => finish(error);
    const onAborted = () => finish(new Error("The client went away while sending the form."));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("aborted", onAborted);
  });
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function decodeComponent(raw: string): string {
  // decodeURIComponent throws on a malformed escape or bytes that are not UTF-8: that is a 400.
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    throw new Refusal(400, "The form is not correctly encoded.");
  }
}

function checkFieldCount(count: number): void {
  if (count > MAX_FIELDS) throw new Refusal(400, "The form has too many fields.");
}

function checkName(name: string): void {
  const problem = fieldNameProblem(name);
  if (problem) throw new Refusal(400, problem);
}

function checkValue(value: string | File): void {
  if (typeof value === "string" ? value.length > MAX_FIELD_VALUE_LENGTH : value.size > MAX_FILE_BYTES)
    throw new Refusal(400, "A field in the form is far longer than any this portal accepts.");
  // No keyboard types a NUL, and PostgreSQL's text cannot hold one: refused here, the same on both databases.
  if (typeof value === "string" && value.includes("\u0000"))
    throw new Refusal(400, "A field in the form holds a character that no text can contain.");
}

function checkReserved(fields: Iterable<[string, string | File]>): void {
  const problem = reservedFieldsProblem(fields);
  if (problem) throw new Refusal(400, problem);
}

/** Parses an application/x-www-form-urlencoded body strictly: malformed escapes are refused, not guessed at. */
export function parseUrlEncoded(body: Buffer): [string, string][] {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new Refusal(400, "The form is not correctly encoded.");
  }
  const fields: [string, string][] = [];
  if (text.length === 0) return fields;
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    checkFieldCount(fields.length + 1);
    const equals = pair.indexOf("=");
    const name = decodeComponent(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? "" : decodeComponent(pair.slice(equals + 1));
    checkName(name);
    checkValue(value);
    fields.push([name, value]);
  }
  checkReserved(fields);
  return fields;
}

/** Parses multipart/form-data with the platform's parser (the body is already bounded), then checks its fields. */
export async function parseMultipart(body: Buffer, contentType: string): Promise<FormData> {
  if (!/;\s*boundary=/i.test(contentType)) throw new Refusal(400, "The form has no multipart boundary.");
  let form: FormData;
  try {
    form = await new Response(Uint8Array.from(body), { headers: { "Content-Type": contentType } }).formData();
  } catch {
    throw new Refusal(400, "The form is not correctly encoded.");
  }
  let count = 0;
  for (const [name, value] of form.entries()) {
    checkFieldCount(++count);
    checkName(name);
    checkValue(value);
  }
  checkReserved(form.entries());
  return form;
}

/** Reads and checks the body of a state-changing request. Throws a Refusal for anything a form of ours would not send. */
export async function readFormBody(req: IncomingMessage, limit: number): Promise<FormBody> {
  const contentType = req.headers["content-type"];
  checkHeaders(
    { contentType, contentLength: req.headers["content-length"], transferEncoding: req.headers["transfer-encoding"] },
    limit,
  );
  const body = await readLimited(req, limit);
  if (mediaType(contentType) === "multipart/form-data")
    return { kind: "multipart", form: await parseMultipart(body, contentType!) };
  return { kind: "urlencoded", fields: parseUrlEncoded(body) };
}

/** The checked body, in the form a Fetch Request carries it: exactly the fields that were checked. */
export function bodyForRequest(body: FormBody): URLSearchParams | FormData {
  return body.kind === "multipart" ? body.form : new URLSearchParams(body.fields);
}
