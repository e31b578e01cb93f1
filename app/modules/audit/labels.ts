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
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  User: "账号",
  Organization: "社会组织",
  Attachment: "附件",
  RegistrationApplication: "登记申请",
  IncubationApplication: "孵化基地入驻申请",
};

export function auditActionLabel(action: string) {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
