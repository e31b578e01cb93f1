// A round's settings as staff set them: rules, schemes, bands, dates and panel.
import { DescriptionItem, DescriptionList } from "~/components/description-list";
import { SectionCard } from "~/components/section-card";
import { ORG_TYPE_LABELS, type OrgType } from "~/modules/organizations/labels";
import { describeBands } from "~/modules/rating/bands";
import type { StaffRound } from "~/modules/rating/round-queries.server";
import { RULES_VERSION_LABELS, type RulesVersion } from "~/modules/rating/rules-version";
import { formatDate } from "~/utils/format";

type Round = Omit<StaffRound, "applyOpensAt" | "applyClosesAt" | "reviewEndsAt"> & {
  applyOpensAt: string | Date;
  applyClosesAt: string | Date;
  reviewEndsAt: string | Date;
};

export function SettingsCard({ round }: { round: Round }) {
  return (
    <SectionCard id="round-settings" title="评估设置">
      <DescriptionList>
        <DescriptionItem label="适用办法">
          {RULES_VERSION_LABELS[round.rulesVersion as RulesVersion] ?? round.rulesVersion}
        </DescriptionItem>
        <DescriptionItem label="申报期">
          {formatDate(round.applyOpensAt)} – {formatDate(round.applyClosesAt)}
        </DescriptionItem>
        <DescriptionItem label="专家评估截止">{formatDate(round.reviewEndsAt)}</DescriptionItem>
        <DescriptionItem label="评估专家">
          每份申请 {round.reviewersPerApplication} 人{round.blind ? "，匿名评审" : ""}
        </DescriptionItem>
        <DescriptionItem label="公示天数">{round.publicityDays} 天</DescriptionItem>
        <DescriptionItem label="评估委员会">{round.committeeMembers} 名委员</DescriptionItem>
        <DescriptionItem label="指标体系" wide>
          <ul className="space-y-0.5">
            {round.schemes.map((s) => (
              <li key={s.orgType}>
                {ORG_TYPE_LABELS[s.orgType as OrgType] ?? s.orgType}：
                {s.scheme ? `${s.scheme.title}（第 ${s.scheme.version} 版，${s.scheme.totalPoints} 分）` : "—"}
              </li>
            ))}
          </ul>
        </DescriptionItem>
        <DescriptionItem label="等级分数线" wide>
          {describeBands(round.bands).join("；")}
        </DescriptionItem>
      </DescriptionList>
    </SectionCard>
  );
}
