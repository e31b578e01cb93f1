// The app's redirect: Remix's, with the URL encoded first. A Location holding
// Chinese or any other non-Latin-1 character (a search term, a user's
// redirectTo) would otherwise throw "Cannot convert argument to a ByteString"
// and answer 500. Routes and modules import redirect from here, never from
// @remix-run/node (tests/unit/architecture.test.ts keeps it so).
import { redirect as remixRedirect } from "@remix-run/node";
import { encodeLocation } from "./http";

export function redirect(url: string, init?: number | ResponseInit) {
  return remixRedirect(encodeLocation(url), init);
}
