// Chinese labels for audit actions and entity types, shown on the audit page.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "user.signup": "机构注册账号",
  "user.create_reviewer": "创建评审专家",
  "user.disable": "停用账号",
  "user.enable": "启用账号",
  "user.lock": "密码错误锁定",
  "user.unlock": "解除锁定",
  "user.password_reset_link": "生成密码重置链接",
  "user.password_reset": "重置密码",
  "organization.update_profile": "修改机构资料",
  "attachment.upload": "上传附件",
  "registration.create": "发起登记（备案）申请",
  "registration.transition": "登记申请办理",
  "organization.register": "准予登记并赋码",
  "incubation.apply": "申请入驻孵化基地",
  "incubation.transition": "孵化基地入驻办理",
  "incubation.service": "记录孵化服务",
  "inspection.round_open": "开启年检",
  "inspection.round_close": "年检填报截止",
  "inspection.transition": "年度报告办理",
  "inspection.supervisor_opinion": "登记业务主管单位初审意见",
  "rectification.open": "发出整改要求",
  "rectification.transition": "年检整改办理",
  "rule.set": "设置规则参数",
  "organization.change": "变更登记",
  "organization.transition": "注销、撤销登记",
  "credit.add": "记录信用信息",
  "credit.end": "移出活动异常名录",
  "grade.record": "记录评估等级",
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  User: "账号",
  Organization: "社会组织",
  Attachment: "附件",
  RegistrationApplication: "登记申请",
  IncubationApplication: "孵化基地入驻申请",
  InspectionRound: "年检年度",
  InspectionReport: "年度报告",
  Rectification: "年检整改",
  RuleParameter: "规则参数",
  CreditRecord: "信用信息",
  OrganizationGrade: "评估等级",
};

export function auditActionLabel(action: string) {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
