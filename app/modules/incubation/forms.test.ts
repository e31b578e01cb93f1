import { parseWithZod } from "@conform-to/zod";
import { describe, expect, test } from "vitest";
import { toDateInput } from "~/utils/dates";
import { AgreementSchema, ApplySchema, ExitSchema, FirstCheckSchema, ServiceSchema } from "./forms";

function form(entries: Array<[string, string]>) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

const PLAN = "入驻后开展社区老年人助餐和陪伴服务，培育十名社区志愿者骨干。";

describe("apply form", () => {
  test("needs a plan and at least one kind of support", () => {
    const empty = parseWithZod(form([["plan", ""]]), { schema: ApplySchema });
    expect(empty.status).toBe("error");
    expect(empty.reply().error).toMatchObject({ plan: ["请填写入驻计划"], needs: ["请至少选择一项需要的支持"] });

    const ok = parseWithZod(
      form([
        ["plan", PLAN],
        ["needs", "SPACE"],
        ["needs", "SEED_FUNDING"],
      ]),
      { schema: ApplySchema },
    );
    expect(ok.status).toBe("success");
    expect(ok.status === "success" && ok.value.needs).toEqual(["SPACE", "SEED_FUNDING"]);
  });

  test("a single checkbox is still a list, and unknown kinds are refused", () => {
    const one = parseWithZod(
      form([
        ["plan", PLAN],
        ["needs", "TRAINING"],
      ]),
      { schema: ApplySchema },
    );
    expect(one.status === "success" && one.value.needs).toEqual(["TRAINING"]);
    const bad = parseWithZod(
      form([
        ["plan", PLAN],
        ["needs", "CASH"],
      ]),
      { schema: ApplySchema },
    );
    expect(bad.status).toBe("error");
  });
});

describe("staff forms", () => {
  test("rejecting at the first check needs a reason; passing does not", () => {
    const reject = parseWithZod(
      form([
        ["intent", "first-check"],
        ["decision", "reject"],
        ["note", "  "],
      ]),
      { schema: FirstCheckSchema },
    );
    expect(reject.reply().error).toMatchObject({ note: ["初审不通过须填写理由"] });
    const pass = parseWithZod(
      form([
        ["intent", "first-check"],
        ["decision", "pass"],
      ]),
      { schema: FirstCheckSchema },
    );
    expect(pass.status).toBe("success");
  });

  test("the agreement's end date must follow its start", () => {
    const bad = parseWithZod(
      form([
        ["intent", "agreement"],
        ["agreementNo", "JNFH-2026-01"],
        ["termStart", "2026-12-01"],
        ["termEnd", "2026-12-01"],
      ]),
      { schema: AgreementSchema },
    );
    expect(bad.reply().error).toMatchObject({ termEnd: ["结束日期须晚于开始日期"] });
    const noEnd = parseWithZod(
      form([
        ["intent", "agreement"],
        ["agreementNo", "JNFH-2026-01"],
        ["termStart", "2026-12-01"],
      ]),
      {
        schema: AgreementSchema,
      },
    );
    expect(noEnd.status === "success" && noEnd.value.termEnd).toBeUndefined();
  });

  test("seed funding is typed in 元 and kept in 分; other services take no amount", () => {
    const today = toDateInput(new Date());
    const seed = parseWithZod(
      form([
        ["intent", "service"],
        ["kind", "SEED_FUNDING"],
        ["description", "首期种子资金"],
        ["providedAt", today],
        ["amount", "5,000.00"],
      ]),
      { schema: ServiceSchema },
    );
    expect(seed.status === "success" && seed.value.amountFen).toBe(500_000);

    const missing = parseWithZod(
      form([
        ["intent", "service"],
        ["kind", "SEED_FUNDING"],
        ["description", "首期种子资金"],
        ["providedAt", today],
      ]),
      { schema: ServiceSchema },
    );
    expect(missing.reply().error).toMatchObject({ amount: ["请填写种子资金金额"] });

    const extra = parseWithZod(
      form([
        ["intent", "service"],
        ["kind", "TRAINING"],
        ["description", "财务管理培训"],
        ["providedAt", today],
        ["amount", "100"],
      ]),
      { schema: ServiceSchema },
    );
    expect(extra.reply().error).toMatchObject({ amount: ["只有种子资金需要填写金额"] });

    const future = parseWithZod(
      form([
        ["intent", "service"],
        ["kind", "TRAINING"],
        ["description", "财务管理培训"],
        ["providedAt", "2999-01-01"],
      ]),
      { schema: ServiceSchema },
    );
    expect(future.reply().error).toMatchObject({ providedAt: ["服务日期不能晚于今天"] });
  });

  test("the exit review needs a reason, and 续驻 a new end date", () => {
    const noReason = parseWithZod(
      form([
        ["intent", "exit"],
        ["result", "GRADUATED"],
      ]),
      { schema: ExitSchema },
    );
    expect(noReason.reply().error).toMatchObject({ note: ["请填写评审意见"] });
    const extend = parseWithZod(
      form([
        ["intent", "exit"],
        ["result", "EXTENDED"],
        ["note", "需要继续陪伴"],
      ]),
      { schema: ExitSchema },
    );
    expect(extend.reply().error).toMatchObject({ newTermEnd: ["续驻须填写新的孵化期结束日期"] });
  });
});
