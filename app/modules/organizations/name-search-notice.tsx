// What the directory and the staff organization list say when a name search read
// only part of the names matching a common term (decision 027, 034): which part is
// listed, that the chosen order ranks only that part, and, when the visitor filtered,
// that the filters were applied to that part only.
import { Notice } from "~/components/notice";
import { formatCount } from "~/utils/format";

export function NameSearchCappedNotice({
  term,
  listed,
  filtered,
}: {
  term: string;
  listed: number;
  filtered: boolean;
}) {
  return (
    <Notice tone="info" className="mt-4" testId="name-search-capped">
      名称与“{term}”相符的社会组织很多，这里只列出其中 {formatCount(listed)}{" "}
      家：名称与所填完全相同或以其开头的排在最前，其余是按系统编号顺序读到的一部分，所选排序只在这一部分中进行。
      {filtered ? "筛选条件也只用于这一部分，可能还有符合条件的组织没有列出。" : null}
      请输入更完整的名称。
    </Notice>
  );
}
