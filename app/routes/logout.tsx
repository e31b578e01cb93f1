import type { ActionFunctionArgs } from "@remix-run/node";
import { logout } from "~/modules/auth/auth.server";
import { redirect } from "~/utils/redirect.server";

// Logging out changes state, so it only answers POST.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  return logout(request, "/");
}
