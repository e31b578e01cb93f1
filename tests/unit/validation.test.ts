import { describe, expect, test } from "vitest";
import { EmailSchema, MobileSchema, PasswordSchema, PersonNameSchema } from "~/modules/auth/validation";

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.success ? [] : result.error!.issues.map((i) => i.message);
}

describe("MobileSchema", () => {
  test.each(["13800138000", "19912345678", "15000000000", " 13800138000 "])("accepts %j", (input) => {
    expect(MobileSchema.safeParse(input)).toEqual({ success: true, data: input.trim() });
  });

  test.each([
    "12800138000",
    "10800138000",
    "1380013800",
    "138001380001",
    "+8613800138000",
    "1380013800a",
    "138 0013 8000",
    "",
  ])("refuses %j with the Chinese message", (input) => {
    expect(messages(MobileSchema.safeParse(input))).toEqual(["请输入有效的 11 位中国大陆手机号码"]);
  });

  test("asks for a number when there is none", () => {
    expect(messages(MobileSchema.safeParse(undefined))).toEqual(["请填写手机号码"]);
  });
});

describe("PasswordSchema", () => {
  test("accepts letters plus digits of 8–72 characters", () => {
    expect(PasswordSchema.safeParse("abcdefg1").success).toBe(true);
    expect(PasswordSchema.safeParse("Test1234pass").success).toBe(true);
    expect(PasswordSchema.safeParse("a1".repeat(36)).success).toBe(true);
  });

  test.each([
    ["abc123", "密码至少 8 位"],
    ["a1".repeat(36) + "x", "密码最多 72 位"],
    ["12345678", "密码需包含字母"],
    ["abcdefgh", "密码需包含数字"],
  ])("refuses %j: %s", (input, message) => {
    expect(messages(PasswordSchema.safeParse(input))).toEqual([message]);
  });

  test("does not trim (spaces are part of the password)", () => {
    expect(PasswordSchema.parse(" abcdef1 ")).toBe(" abcdef1 ");
  });

  test("asks for a password when there is none", () => {
    expect(messages(PasswordSchema.safeParse(undefined))).toEqual(["请填写密码"]);
  });
});

describe("EmailSchema", () => {
  test("trims and lower-cases", () => {
    expect(EmailSchema.parse("  Zhang.San@Example.COM ")).toBe("zhang.san@example.com");
  });

  test("refuses malformed addresses in Chinese", () => {
    expect(messages(EmailSchema.safeParse("not-an-email"))).toEqual(["电子邮箱格式不正确"]);
    expect(messages(EmailSchema.safeParse(undefined))).toEqual(["请填写电子邮箱"]);
  });

  test("refuses addresses over 254 characters", () => {
    const long = `${"a".repeat(64)}@${"b".repeat(185)}.com`;
    expect(long.length).toBe(254);
    expect(EmailSchema.safeParse(long).success).toBe(true);
    expect(messages(EmailSchema.safeParse(`a${long}`))).toContain("电子邮箱过长");
  });
});

describe("PersonNameSchema", () => {
  test("trims and enforces 2–30 characters", () => {
    expect(PersonNameSchema.parse(" 张三 ")).toBe("张三");
    expect(messages(PersonNameSchema.safeParse(" 张 "))).toEqual(["姓名至少 2 个字"]);
    expect(messages(PersonNameSchema.safeParse("张".repeat(31)))).toEqual(["姓名最多 30 个字"]);
  });
});
