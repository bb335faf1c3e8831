import { describe, expect, it } from "vitest";
import { checkNewPassword, listedForms, PASSWORD_MESSAGES } from "~/domain/password-policy";

const LIST = new Set(["password", "qwertyuiop", "123qweasdzxc", "sunshine"]);
const check = (password: string, email?: string) => checkNewPassword(password, { commonPasswords: LIST, email });

describe("a new password", () => {
  it("is refused when empty", () => {
    expect(check("")).toEqual({ ok: false, message: PASSWORD_MESSAGES.missing });
  });

  it("needs at least 12 characters: 11 is refused, 12 accepted", () => {
    expect(check("correcthors")).toEqual({ ok: false, message: PASSWORD_MESSAGES.tooShort });
    expect(check("correcthorse")).toEqual({ ok: true });
  });

  it("counts characters as people see them, not UTF-16 units", () => {
    // Six emoji are twelve UTF-16 units but six characters.
    expect(check("🐱🐶🐭🐹🐰🦊")).toEqual({ ok: false, message: PASSWORD_MESSAGES.tooShort });
  });

  it("is refused over 256 characters", () => {
    expect(check("abcd".repeat(65))).toEqual({ ok: false, message: PASSWORD_MESSAGES.tooLong });
  });

  it("is refused when it is on the list, in any capitals", () => {
    expect(check("123qweasdzxc")).toEqual({ ok: false, message: PASSWORD_MESSAGES.common });
    expect(check("QWERTYUIOP12")).toEqual({ ok: false, message: PASSWORD_MESSAGES.common });
  });

  it("is refused when it is a listed password with digits or symbols added at either end", () => {
    expect(check("Password2024!")).toEqual({ ok: false, message: PASSWORD_MESSAGES.common });
    expect(check("!!2024sunshine")).toEqual({ ok: false, message: PASSWORD_MESSAGES.common });
  });

  it("is accepted when a listed word is only part of a longer phrase", () => {
    expect(check("sunshine over the allotment")).toEqual({ ok: true });
  });

  it("is refused when it repeats too few characters", () => {
    expect(check("aaaaaaaaaaaaaaa")).toEqual({ ok: false, message: PASSWORD_MESSAGES.repetitive });
    expect(check("abcabcabcabc")).toEqual({ ok: false, message: PASSWORD_MESSAGES.repetitive });
  });

  it("is refused when it is little more than the email address or the service's name", () => {
    expect(check("ana.cruz@newham.test", "ana.cruz@newham.test")).toEqual({
      ok: false,
      message: PASSWORD_MESSAGES.personal,
    });
    expect(check("anacruz12345", "ana.cruz@newham.test")).toEqual({ ok: false, message: PASSWORD_MESSAGES.personal });
    expect(check("LCPF-2017-21!")).toEqual({ ok: false, message: PASSWORD_MESSAGES.personal });
  });

  it("accepts the demo accounts' password, a phrase that only mentions the service", () => {
    expect(check("lcpf-demo-2017")).toEqual({ ok: true });
  });

  it("without the list (in the browser) checks everything else", () => {
    expect(checkNewPassword("qwertyuiop12")).toEqual({ ok: true });
    expect(checkNewPassword("short")).toEqual({ ok: false, message: PASSWORD_MESSAGES.tooShort });
  });
});

describe("the forms of a password looked up in the list", () => {
  it("are the password in lower case, and without digits and symbols at its end or start", () => {
    expect(listedForms("Password2024!")).toEqual(["password2024!", "password"]);
    expect(listedForms("!!2024Sunshine")).toEqual(["!!2024sunshine", "sunshine"]);
    expect(listedForms("12345678")).toEqual(["12345678"]);
  });
});
