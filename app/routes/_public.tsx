import { Outlet } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Footer, PublicHeader } from "~/components/layout";
import { CartLink } from "~/modules/showroom/cart-link";

export default function PublicLayout() {
  return (
    <div className="flex min-h-screen flex-col">
      <PublicHeader actions={<CartLink />} />
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        <Outlet />
      </main>
      <Footer />
    </div>
  );
}

export function ErrorBoundary() {
  return (
    <div className="flex min-h-screen flex-col">
      <PublicHeader actions={<CartLink />} />
      <GeneralErrorBoundary />
    </div>
  );
}
