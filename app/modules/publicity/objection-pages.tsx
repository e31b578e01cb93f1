// The public pages around the shared form and status view (decision 013): the header naming the
// publication with a link back to it, and the notice that stands in for the form while the
// publication takes no objections. Each area's route brings its words and its entries.
import type { ComponentProps, ReactNode } from "react";
import { PageHeader } from "~/components/layout";
import { PublicObjectionForm } from "./objection-form";
import { ObjectionStatusView } from "./objection-status";

/** The entry the page was opened for (`?<param>=id` from a 提出异议 link), when it is on the list. */
export function preselectedEntry(entries: { value: string }[], url: string, param: string) {
  const wanted = new URL(url).searchParams.get(param);
  return entries.some((e) => e.value === wanted) ? wanted : null;
}

export function PublicObjectionPage({
  title,
  publication,
  closed,
  form,
}: {
  title: string;
  /** the link back to the publication, and what else the header says of it */
  publication: ReactNode;
  /** why no objection is taken now ("…不受理异议"), or null while the form is open */
  closed: string | null;
  form: ComponentProps<typeof PublicObjectionForm>;
}) {
  return (
    <div className="space-y-6">
      <PageHeader title={title} description={publication} />
      {closed ? (
        <p
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
          data-testid="objection-closed"
        >
          {closed}。
        </p>
      ) : (
        <PublicObjectionForm {...form} />
      )}
    </div>
  );
}

/** The objector's page behind the secret link. */
export function ObjectionStatusPage({
  publication,
  ...view
}: { publication: ReactNode } & ComponentProps<typeof ObjectionStatusView>) {
  return (
    <div className="space-y-6">
      <PageHeader title="异议处理情况" description={publication} />
      <ObjectionStatusView {...view} />
    </div>
  );
}
