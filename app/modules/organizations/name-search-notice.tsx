// What the directory and the staff organization list say when a name search read
// only part of the names matching a common term (decision 027).
import { Notice } from "~/components/notice";
import { formatCount } from "~/utils/format";

export function NameSearchCappedNotice({ term, listed }: { term: string; listed: number }) {
  return (
    <Notice tone="info" className="mt-4" testId="name-search-capped">
      名称与“{term}”相符的社会组织很多，这里只列出其中 {formatCount(listed)}{" "}
      家，名称与所填完全相同或以其开头的排在最前。 请输入更完整的名称，或用其他条件缩小范围。
    </Notice>
  );
}
