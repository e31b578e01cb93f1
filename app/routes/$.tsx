import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Footer, PublicHeader } from "~/components/layout";

// Unknown paths render the Chinese 404 page inside the public shell.
export async function loader() {
  throw new Response("您访问的页面不存在。", { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return (
    <div className="flex min-h-screen flex-col">
      <PublicHeader />
      <main className="flex-1">
        <GeneralErrorBoundary />
      </main>
      <Footer />
    </div>
  );
}
