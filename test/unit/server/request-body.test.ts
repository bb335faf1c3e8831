import { describe, expect, it } from "vitest";
import { fieldNameProblem, MAX_FIELDS, MAX_FILE_BYTES, reservedFieldsProblem } from "~/server/field-names";
import { checkHeaders, parseMultipart, parseUrlEncoded, Refusal } from "~/server/request-body";
import { publicOrigin } from "~/server/public-origin";

function refusalOf(fn: () => unknown): { status: number } | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof Refusal) return { status: error.status };
    throw error;
  }
}

describe("field names are bounded before any parser allocates", () => {
  it.each(["email", "password", "partners[0].name", "partners[999].name", "a[1][2]", "__intent__", "measures"])(
    "accepts %j",
    (name) => {
      expect(fieldNameProblem(name)).toBeNull();
    },
  );
  it.each([
    "email[99999999]",
    "measures[1000000]",
    "title[1000]",
    "a[01]",
    "a[-1]",
    "a[1e3]",
    "a[ 1]",
    "a[x]",
    "a[]",
    "a[0",
    "a]0[",
    "a[0]]",
    "",
    "x".repeat(201),
    "a\u0000b",
  ])("refuses %j", (name) => {
    expect(fieldNameProblem(name)).not.toBeNull();
  });
});

describe("the content type and size are checked before the body is read", () => {
  const limit = 1024;
  it("passes the two form encodings within the limit", () => {
    expect(
      refusalOf(() => checkHeaders({ contentType: "application/x-www-form-urlencoded", contentLength: "10" }, limit)),
    ).toBeNull();
    expect(refusalOf(() => checkHeaders({ contentType: "Multipart/Form-Data; boundary=x" }, limit))).toBeNull();
  });
  it.each([undefined, "", "application/json", "text/plain", "application/xml", "application/x-www-form-urlencodedx"])(
    "answers 415 to the content type %j",
    (contentType) => {
      expect(refusalOf(() => checkHeaders({ contentType }, limit))).toEqual({ status: 415 });
    },
  );
  it("answers 413 to a declared length over the limit and 400 to a nonsense length", () => {
    expect(
      refusalOf(() => checkHeaders({ contentType: "application/x-www-form-urlencoded", contentLength: "1025" }, limit)),
    ).toEqual({ status: 413 });
    expect(
      refusalOf(() => checkHeaders({ contentType: "application/x-www-form-urlencoded", contentLength: "-1" }, limit)),
    ).toEqual({ status: 400 });
  });
});

describe("urlencoded bodies are parsed strictly", () => {
  it("reads names and values, with + as a space and repeated keys kept", () => {
    expect(parseUrlEncoded(Buffer.from("a=1+2&b=%C2%A3&a=3&flag"))).toEqual([
      ["a", "1 2"],
      ["b", "£"],
      ["a", "3"],
      ["flag", ""],
    ]);
  });
  it.each(["a=%", "a=%zz", "a=%C2", "%E0%A4%A=1"])("answers 400 to the malformed escape in %j", (body) => {
    expect(refusalOf(() => parseUrlEncoded(Buffer.from(body)))).toEqual({ status: 400 });
  });
  it("answers 400 to bytes that are not UTF-8", () => {
    expect(refusalOf(() => parseUrlEncoded(Buffer.from([0x61, 0x3d, 0xff, 0xfe])))).toEqual({ status: 400 });
  });
  it("answers 400 to a value far longer than any form allows, and keeps one just within", () => {
    expect(refusalOf(() => parseUrlEncoded(Buffer.from(`description=${"a".repeat(50_001)}`)))).toEqual({ status: 400 });
    expect(parseUrlEncoded(Buffer.from(`description=${"a".repeat(50_000)}`))[0]![1]).toHaveLength(50_000);
  });
  it("answers 400 to a NUL in a value, which no database text may hold, and keeps other control characters", () => {
    expect(refusalOf(() => parseUrlEncoded(Buffer.from("description=before%00after")))).toEqual({ status: 400 });
    expect(parseUrlEncoded(Buffer.from("description=tab%09bell%07"))[0]![1]).toBe("tab\tbell\u0007");
  });
  it("answers 400 to a huge index and to too many fields", () => {
    expect(refusalOf(() => parseUrlEncoded(Buffer.from("email%5B99999999%5D=1&password=x")))).toEqual({ status: 400 });
    const many = Array.from({ length: MAX_FIELDS + 1 }, (_, i) => `f${i}=1`).join("&");
    expect(refusalOf(() => parseUrlEncoded(Buffer.from(many)))).toEqual({ status: 400 });
    const enough = Array.from({ length: MAX_FIELDS }, (_, i) => `f${i}=1`).join("&");
    expect(parseUrlEncoded(Buffer.from(enough))).toHaveLength(MAX_FIELDS);
  });
});

describe("multipart bodies", () => {
  const type = "multipart/form-data; boundary=XyZ";
  const part = (name: string, value: string) =>
    `--XyZ\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  it("are read when well formed", async () => {
    const form = await parseMultipart(Buffer.from(part("title", "Safer streets") + "--XyZ--\r\n"), type);
    expect(form.get("title")).toBe("Safer streets");
  });
  it("answer 400 when malformed, without a boundary, or with a hostile field name", async () => {
    await expect(parseMultipart(Buffer.from("--XyZ\r\ngarbage"), type)).rejects.toMatchObject({ status: 400 });
    await expect(
      parseMultipart(Buffer.from(part("a", "1") + "--XyZ--\r\n"), "multipart/form-data"),
    ).rejects.toMatchObject({ status: 400 });
    await expect(parseMultipart(Buffer.from(part("a[5000]", "1") + "--XyZ--\r\n"), type)).rejects.toMatchObject({
      status: 400,
    });
  });
  const file = (bytes: number) =>
    `--XyZ\r\nContent-Disposition: form-data; name="file"; filename="allocations.csv"\r\nContent-Type: text/csv\r\n\r\n${"a".repeat(bytes)}\r\n--XyZ--\r\n`;
  it("take an uploaded file longer than any text field (an allocations CSV), up to the file limit", async () => {
    const form = await parseMultipart(Buffer.from(file(100_000)), type);
    expect((form.get("file") as File).size).toBe(100_000);
    await expect(parseMultipart(Buffer.from(file(MAX_FILE_BYTES + 1)), type)).rejects.toMatchObject({ status: 400 });
  });
  it("still refuse a text field over the text limit", async () => {
    await expect(
      parseMultipart(Buffer.from(part("note", "a".repeat(50_001)) + "--XyZ--\r\n"), type),
    ).rejects.toMatchObject({
      status: 400,
    });
  });
});

describe("the public origin", () => {
  it("is APP_URL whatever the request says", () => {
    expect(publicOrigin("https://lcpf.example.org", { protocol: "http", host: "10.0.0.5:3000" })).toBe(
      "https://lcpf.example.org",
    );
  });
  it("is otherwise the request's own scheme and host", () => {
    expect(publicOrigin(null, { protocol: "https", host: "portal.example:8443" })).toBe("https://portal.example:8443");
    expect(publicOrigin(null, { protocol: "http", host: "localhost:3000" })).toBe("http://localhost:3000");
  });
  it.each([undefined, "", "evil.example/path", "user@evil.example", "a b"])(
    "is null for the Host header %j",
    (host) => {
      expect(publicOrigin(null, { protocol: "http", host })).toBeNull();
    },
  );
});

describe("conform's reserved fields are checked before conform parses them", () => {
  const intent = (value: unknown) => JSON.stringify(value);
  it.each([
    intent({ type: "validate", payload: { name: "title" } }),
    intent({ type: "insert", payload: { name: "partners", index: 2 } }),
    intent({ type: "remove", payload: { name: "partners", index: 0 } }),
    intent({ type: "reorder", payload: { name: "partners", from: 0, to: 3 } }),
    "",
  ])("accepts the intent %j", (value) => {
    expect(reservedFieldsProblem([["__intent__", value]])).toBeNull();
  });
  it.each([
    "\u0000",
    "not json",
    "[]",
    intent({ type: 1, payload: {} }),
    intent({ type: "insert" }),
    intent({ type: "insert", payload: { name: "partners[99999999]" } }),
    intent({ type: "insert", payload: { name: "partners", index: 99999999 } }),
    intent({ type: "reorder", payload: { name: "partners", from: -1, to: 0 } }),
    intent({ type: "remove", payload: { name: "partners", index: 1.5 } }),
  ])("refuses the intent %j", (value) => {
    expect(reservedFieldsProblem([["__intent__", value]])).not.toBeNull();
  });
  it("refuses a repeated reserved field, a file, or unreadable state", () => {
    expect(
      reservedFieldsProblem([
        ["__intent__", ""],
        ["__intent__", ""],
      ]),
    ).not.toBeNull();
    expect(reservedFieldsProblem([["__intent__", new File(["{}"], "x")]])).not.toBeNull();
    expect(reservedFieldsProblem([["__state__", "{"]])).not.toBeNull();
    expect(reservedFieldsProblem([["__state__", "{}"]])).toBeNull();
  });
  it("answers 400 through the parser", () => {
    expect(refusalOf(() => parseUrlEncoded(Buffer.from("__intent__=%00")))).toEqual({ status: 400 });
  });
});
