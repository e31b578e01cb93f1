import { z } from "zod";

// Mainland China mobile numbers: 11 digits starting 13–19.
export const MOBILE_RE = /^1[3-9]\d{9}$/;

export const MobileSchema = z
  .string({ required_error: "请填写手机号码" })
  .trim()
  .regex(MOBILE_RE, "请输入有效的 11 位中国大陆手机号码");

export const EmailSchema = z
  .string({ required_error: "请填写电子邮箱" })
  .trim()
  .toLowerCase()
  .max(254, "电子邮箱过长")
  .email("电子邮箱格式不正确");

export const PasswordSchema = z
  .string({ required_error: "请填写密码" })
  .min(8, "密码至少 8 位")
  .max(72, "密码最多 72 位")
  .regex(/[A-Za-z]/, "密码需包含字母")
  .regex(/\d/, "密码需包含数字");

export const PersonNameSchema = z
  .string({ required_error: "请填写姓名" })
  .trim()
  .min(2, "姓名至少 2 个字")
  .max(30, "姓名最多 30 个字");
