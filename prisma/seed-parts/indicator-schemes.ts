// Demo indicator schemes: one 1000-point rating scheme per organization type, shaped after the
// published local 评分细则 (docs/DOMAIN.md "Rating"), and a 100-point mid-term evaluation of a
// funded project. Written with indicators/define.ts, so every parent adds up by construction.
import { bonusBlock, branch, checklist, manual, type NodeDef, tiers, yesNo } from "~/modules/indicators/define";
import type { SchemePurpose } from "~/modules/indicators/scheme";

type Kind = "SOCIAL_GROUP" | "SOCIAL_SERVICE" | "FOUNDATION";

const PARTY_CAP = { cap: { maxLevel: 3, label: "应建立党组织而未建立的，不得评为4A及以上" } };

function basics(kind: Kind): NodeDef {
  const capital = { SOCIAL_GROUP: "活动资金", SOCIAL_SERVICE: "开办资金", FOUNDATION: "原始基金" }[kind];
  const registration = [
    yesNo("名称、住所、法定代表人等登记事项变更及时办理", 10, "变更登记核准文件"),
    checklist(
      "印章、银行账户按规定备案",
      [
        ["印章式样已备案", 5],
        ["银行账户已备案", 5],
      ],
      "印章备案表、开户许可证",
    ),
  ];
  if (kind !== "FOUNDATION") {
    registration.push(
      tiers(
        "按时参加年度检查",
        [
          ["近两年均合格", 10],
          ["近两年有一年基本合格", 6],
          ["有不合格或未参检", 0],
        ],
        "近两年年检结论",
      ),
    );
  }
  const charter =
    kind === "FOUNDATION"
      ? [
          yesNo("章程经核准并符合示范文本", 5, "核准的章程"),
          manual("按章程规定的宗旨和业务范围开展活动", 5, "年度工作总结"),
        ]
      : [
          yesNo("章程经核准并符合示范文本", 10, "核准的章程"),
          manual("按章程规定的宗旨和业务范围开展活动", 10, "年度工作总结"),
        ];
  return branch("基础条件", [
    branch("法人资格", [
      branch("法定代表人", [
        yesNo("按章程规定程序选举产生", 4, "选举法定代表人的会议纪要、表决票"),
        yesNo("年龄不超过70周岁，任期符合章程", 3, "法定代表人身份证复印件"),
        yesNo("按规定办理变更登记或备案", 3, "登记证书副本"),
      ]),
      tiers(
        `${capital}`,
        [
          ["年末净资产不低于注册资金", 10],
          ["不低于注册资金的80%", 6],
          ["低于注册资金的80%", 0],
        ],
        "上年度审计报告、资产负债表",
      ),
      tiers(
        "办公场所",
        [
          ["面积≥80㎡", 10],
          ["50–80㎡", 8],
          ["20–50㎡", 5],
          ["不足20㎡", 2],
        ],
        "房屋产权证明或租赁合同",
      ),
    ]),
    branch("登记备案", registration),
    branch("章程", charter),
  ]);
}

function governance(kind: Kind): NodeDef {
  const assembly = kind === "FOUNDATION" ? "理事会" : kind === "SOCIAL_GROUP" ? "会员（代表）大会" : "举办者会议";
  const staff = [
    tiers(
      "专职工作人员",
      [
        ["5人及以上", 20],
        ["3–4人", 15],
        ["1–2人", 8],
        ["无专职人员", 0],
      ],
      "工作人员名册、劳动合同",
    ),
    checklist(
      "劳动合同与社会保险",
      [
        ["与专职人员签订劳动合同", 10],
        ["依法缴纳社会保险", 10],
      ],
      "社会保险缴费记录",
    ),
    manual("培训与激励机制", 10, "培训记录、薪酬制度"),
  ];
  if (kind === "SOCIAL_SERVICE") {
    staff.push(
      tiers(
        "持证专业人员（社会工作者等）占比",
        [
          ["30%及以上", 20],
          ["10%–30%", 12],
          ["不足10%", 5],
        ],
        "职业资格证书",
      ),
    );
  }
  const finance: NodeDef[] = [
    branch("会计制度", [
      yesNo("执行《民间非营利组织会计制度》", 10, "会计制度文本、记账凭证"),
      checklist(
        "会计人员配备",
        [
          ["会计人员持证上岗", 5],
          ["会计与出纳分设", 5],
        ],
        "会计人员名单及证书",
      ),
    ]),
    branch("票据与账簿", [
      yesNo("使用合法票据", 10, "票据领用登记簿"),
      manual("账簿设置规范、记账及时准确", 10, "总账、明细账"),
    ]),
    tiers(
      "财务报告",
      [
        ["按时报送且经审计", 20],
        ["按时报送未经审计", 12],
        ["未按时报送", 0],
      ],
      "年度财务报告、审计报告",
    ),
    branch("资产管理", [
      checklist(
        "固定资产管理",
        [
          ["建立固定资产台账", 10],
          ["每年盘点一次", 10],
        ],
        "固定资产台账、盘点表",
      ),
      manual("对外投资符合规定并经决策机构同意", 20, "投资决议、投资协议"),
    ]),
    branch("收支管理", [
      checklist(
        kind === "SOCIAL_GROUP" ? "会费收取" : "服务收费",
        [
          ["收费标准经决策机构通过", 10],
          ["收费标准在住所公示", 10],
        ],
        "收费标准决议、公示照片",
      ),
      manual("支出审批制度执行到位", 20, "支出审批单"),
    ]),
  ];
  if (kind !== "SOCIAL_GROUP") finance.push(yesNo("换届和法定代表人离任时进行财务审计", 10, "离任审计报告"));
  if (kind === "FOUNDATION") {
    finance.push(
      tiers(
        "公益事业支出比例",
        [
          ["不低于上年总收入的70%", 20],
          ["60%–70%", 10],
          ["低于60%", 0],
        ],
        "年度工作报告、审计报告",
      ),
    );
  }
  const disclosure = [
    yesNo("年度工作报告按时向社会公开", 15, "公开网页截图"),
    manual("重大事项及时公开", 15, "公开记录"),
  ];
  if (kind === "FOUNDATION") {
    disclosure.push(
      checklist(
        "募捐及项目信息公开",
        [
          ["公开募捐方案", 10],
          ["公开项目实施情况", 10],
        ],
        "慈善中国平台截图",
      ),
    );
  }
  return branch("内部治理", [
    branch("党建工作", [
      branch("党组织建设", [
        yesNo("具备条件的建立党组织，不具备条件的有党建工作指导员或联络员", 10, "党组织成立批复或党建指导员委派文件", {
          rule: PARTY_CAP,
        }),
        checklist(
          "党组织活动",
          [
            ["党组织按期换届", 4],
            ["“三会一课”记录完整", 3],
            ["开展主题党日活动", 3],
          ],
          "会议记录、活动照片",
        ),
      ]),
      yesNo("党建工作写入章程", 10, "章程相关条款"),
    ]),
    branch("组织机构", [
      branch(assembly, [
        checklist(
          `${assembly}按章程召开`,
          [
            ["按期换届", 8],
            ["会议有记录、纪要", 4],
            ["重大事项经会议表决", 3],
          ],
          "会议通知、签到表、纪要",
        ),
        yesNo("表决程序和到会人数符合章程", 10, "表决票、计票记录"),
        manual("成员履职情况", 15, "履职记录"),
      ]),
      branch("执行机构", [
        tiers(
          "每年召开理事会次数",
          [
            ["2次及以上", 15],
            ["1次", 8],
            ["未召开", 0],
          ],
          "理事会会议纪要",
        ),
        manual("理事会决议执行到位", 15, "决议执行情况报告"),
      ]),
      branch("监督机构", [
        yesNo("设立监事或监事会", 10, "监事选举记录"),
        manual("监事列席理事会并履行监督职责", 10, "监事工作报告"),
      ]),
      checklist(
        "内设与分支机构管理",
        [
          ["内设机构职责明确", 5],
          ["分支机构不具法人资格、不另订章程", 5],
        ],
        "机构设置文件",
      ),
    ]),
    branch("人力资源", staff),
    branch("财务管理", finance),
    branch("档案与证章管理", [
      checklist(
        "档案管理",
        [
          ["建立档案管理制度", 5],
          ["档案分类归档", 5],
        ],
        "档案管理制度、档案目录",
      ),
      yesNo("证书、印章专人保管，使用有登记", 10, "印章使用登记簿"),
    ]),
    branch("信息公开", disclosure),
  ]);
}

function performance(kind: Kind): NodeDef {
  if (kind === "SOCIAL_GROUP") {
    return branch("工作绩效", [
      branch("提供服务", [
        branch("为会员服务", [
          tiers(
            "开展培训、交流活动",
            [
              ["每年6次及以上", 30],
              ["3–5次", 20],
              ["1–2次", 10],
              ["未开展", 0],
            ],
            "活动通知、签到表、照片",
          ),
          manual("维护会员合法权益", 30, "维权案例材料"),
          yesNo("开展会员满意度调查", 20, "调查问卷及分析报告"),
        ]),
        branch("为政府服务", [
          tiers(
            "承接政府购买服务或转移职能",
            [
              ["3项及以上", 40],
              ["1–2项", 25],
              ["无", 0],
            ],
            "购买服务合同",
          ),
          manual("参与政策制定、提出意见建议", 40, "建议材料、采纳证明"),
        ]),
      ]),
      branch("反映诉求与行业自律", [
        checklist(
          "制定自律规范",
          [
            ["制定自律公约", 30],
            ["建立会员诚信档案", 30],
          ],
          "自律公约、诚信档案",
        ),
        manual("反映会员诉求", 60, "诉求反映材料"),
      ]),
      branch("社会公益", [
        tiers(
          "开展公益活动",
          [
            ["每年4次及以上", 50],
            ["2–3次", 30],
            ["1次", 15],
            ["未开展", 0],
          ],
          "活动方案、总结、照片",
        ),
        manual("组织会员参与志愿服务", 30, "志愿服务记录"),
      ]),
      branch("宣传与研究", [
        yesNo("网站或公众号正常运行", 30, "网站或公众号截图"),
        manual("调研课题成果", 30, "调研报告"),
      ]),
    ]);
  }
  if (kind === "FOUNDATION") {
    return branch("工作绩效", [
      branch("公益项目", [
        branch("项目管理", [
          checklist(
            "项目立项与评估制度",
            [
              ["项目立项论证", 20],
              ["项目结项评估", 20],
            ],
            "项目管理制度、评估报告",
          ),
          manual("项目执行符合捐赠协议", 60, "捐赠协议、项目执行报告"),
        ]),
        branch("项目成效", [
          tiers(
            "年受益人次",
            [
              ["10000人次及以上", 50],
              ["1000–9999人次", 35],
              ["不足1000人次", 20],
            ],
            "受益人名册、项目总结",
          ),
          manual("项目获得表彰或推广", 50, "表彰文件"),
        ]),
      ]),
      branch("募捐与捐赠管理", [
        checklist(
          "捐赠票据与协议",
          [
            ["开具捐赠票据", 30],
            ["签订捐赠协议", 30],
          ],
          "捐赠票据存根、协议",
        ),
        yesNo("公开募捐依法备案并按方案开展", 60, "募捐方案备案回执"),
      ]),
      branch("保值增值", [yesNo("投资决策经理事会审议", 40, "理事会决议"), manual("投资收益情况", 40, "投资收益明细")]),
    ]);
  }
  return branch("业务活动和诚信建设", [
    branch("业务活动", [
      branch("服务开展", [
        tiers(
          "年服务人次",
          [
            ["5000人次及以上", 60],
            ["1000–4999人次", 40],
            ["不足1000人次", 20],
          ],
          "服务台账",
        ),
        checklist(
          "服务质量管理",
          [
            ["制定服务标准", 20],
            ["服务流程公示", 20],
            ["收集服务对象反馈", 20],
          ],
          "服务标准、公示照片、反馈表",
        ),
      ]),
      tiers(
        "承接政府购买服务",
        [
          ["3项及以上", 60],
          ["1–2项", 40],
          ["无", 0],
        ],
        "购买服务合同",
      ),
      manual("服务创新与品牌建设", 40, "品牌项目材料"),
      // Computed from the organization's record (decision 025): nobody types it.
      tiers(
        "近两年公益创投项目结项且终期评估合格及以上",
        [
          ["2个及以上", 20],
          ["1个", 10],
          ["无", 0],
        ],
        "无需准备，由系统根据资助项目记录计算",
        { source: "org.passedProjects.2y" },
      ),
    ]),
    branch("诚信建设", [
      checklist(
        "诚信承诺与收费公示",
        [
          ["公开诚信承诺", 30],
          ["收费项目及标准公示", 30],
        ],
        "承诺书、公示照片",
      ),
      yesNo("近两年无违法违规记录", 60, "信用中国查询截图"),
      manual("投诉受理与处理", 40, "投诉处理登记"),
    ]),
  ]);
}

function evaluation(kind: Kind): NodeDef {
  const insider = { SOCIAL_GROUP: "会员评价", SOCIAL_SERVICE: "服务对象评价", FOUNDATION: "理事及员工评价" }[kind];
  const full = kind === "SOCIAL_GROUP" ? 50 : 40;
  return branch("社会评价", [
    tiers(
      insider,
      [
        ["满意率90%及以上", full],
        ["80%–90%", full * 0.7],
        ["不足80%", full * 0.4],
      ],
      "满意度测评表（评估时现场发放）",
    ),
    branch("外部评价", [
      manual("登记管理机关评价", 20, "无需准备，由登记管理机关填写"),
      manual("业务主管单位或有关部门评价", 20, "评价意见表"),
      checklist(
        "媒体正面报道",
        [
          ["市级及以上媒体报道", 5],
          ["区级媒体报道", 5],
        ],
        "报道截图",
      ),
    ]),
    tiers(
      "表彰奖励",
      [
        ["省部级及以上", 30],
        ["市级", 20],
        ["区级", 10],
        ["无", 0],
      ],
      "表彰文件、奖牌照片",
    ),
  ]);
}

const BONUS = bonusBlock("加分项", [
  yesNo("近三年获得国家级表彰", 15, "表彰文件"),
  manual("参与乡村振兴、对口帮扶等重点工作", 15, "工作报告、受援方证明"),
]);

export type DemoScheme = {
  key: string;
  title: string;
  purpose: SchemePurpose;
  orgType: Kind | null;
  bonusCap: number;
  defs: NodeDef[];
};

const TITLES: Record<Kind, string> = {
  SOCIAL_GROUP: "社会团体评估指标",
  SOCIAL_SERVICE: "社会服务机构（民办非企业单位）评估指标",
  FOUNDATION: "基金会评估指标",
};

const KEYS: Record<Kind, string> = {
  SOCIAL_GROUP: "rating-social-group",
  SOCIAL_SERVICE: "rating-social-service",
  FOUNDATION: "rating-foundation",
};

export const RATING_SCHEMES: DemoScheme[] = (["SOCIAL_GROUP", "SOCIAL_SERVICE", "FOUNDATION"] as const).map((kind) => ({
  key: KEYS[kind],
  title: `江宁区${TITLES[kind]}`,
  purpose: "RATING",
  orgType: kind,
  bonusCap: 30,
  defs: [basics(kind), governance(kind), performance(kind), evaluation(kind), BONUS],
}));

/** A funded project's mid-term evaluation: 100 points, 合格 at 60, misuse of funds sets it to 0. */
export const GRANT_MIDTERM_SCHEME: DemoScheme = {
  key: "grant-midterm",
  title: "公益创投项目中期评估指标",
  purpose: "GRANT_EVALUATION",
  orgType: null,
  bonusCap: 0,
  defs: [
    branch("项目实施", [
      tiers(
        "服务人次完成率",
        [
          ["达到计划100%", 20],
          ["80%–100%", 14],
          ["60%–80%", 8],
          ["不足60%", 0],
        ],
        "服务台账",
        {
          source: "grant.outputRate",
        },
      ),
      manual("活动按计划开展", 20, "活动记录、照片"),
    ]),
    branch("人力和物资投入", [
      checklist(
        "项目团队到位",
        [
          ["项目负责人到岗", 5],
          ["专职社工到岗", 5],
        ],
        "人员名单、考勤",
      ),
      manual("物资使用与管理", 10, "物资台账"),
    ]),
    branch("财务管理", [
      tiers(
        "预算执行偏差",
        [
          ["偏差5%以内", 15],
          ["偏差5%–10%", 10],
          ["偏差超过10%", 5],
          ["擅自调整预算", 0],
        ],
        "财务报表",
        {
          source: "grant.budgetDeviation",
        },
      ),
      yesNo("项目资金专款专用", 5, "银行流水、支出凭证", {
        rule: { veto: { label: "挪用、侵占项目资金的，评估结果为0分" } },
      }),
    ]),
    branch("项目成效", [manual("服务对象满意度与项目成效", 20, "满意度调查、成效报告")]),
  ],
};
