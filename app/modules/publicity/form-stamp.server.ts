// The signed stamp in the public objection form: when the form was shown,
// signed so it cannot be forged, so a robot that posts at once or replays an
// old form is refused (#6).
import crypto from "node:crypto";
import { loadSessionSecret } from "~/utils/session.server";
import { formAgeProblem, parseFormStamp } from "./objection";

function hmac(purpose: string, value: string) {
  return crypto.createHmac("sha256", loadSessionSecret()).update(`${purpose}:${value}`).digest("base64url");
}

/** A stamp for the hidden field: when the form was shown, signed so it cannot be forged. */
export function signFormStamp(now = Date.now()) {
  return `${now}.${hmac("objection-form", String(now))}`;
}

/** null when the stamp is genuine and the form's age plausible, else the message to show. */
export function formStampProblem(stamp: string | null | undefined, now = Date.now()): string | null {
  const parsed = parseFormStamp(stamp);
  const expected = parsed ? hmac("objection-form", String(parsed.issuedAt)) : "";
  if (
    !parsed ||
    expected.length !== parsed.signature.length ||
    !crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(parsed.signature))
  ) {
    return "表单已失效，请重新提交（填写的内容已保留）";
  }
  return formAgeProblem(parsed.issuedAt, now);
}
