// Staff writes on schemes: a new draft (empty or from an Excel sheet), a node added, edited or
// removed, a new version. A frozen scheme (used by a round or an evaluation) never changes: an
// edit starts from "新版本", which copies it to version + 1 under the same key (decision 009).
import crypto from "node:crypto";
import { recordAudit } from "~/modules/audit/audit.server";
import { WorkflowError } from "~/modules/workflow/state-machine";
import { prisma, type Tx } from "~/utils/db.server";
import { fail, succeed, type WriteResult } from "~/utils/write-result";
import { type NodeInput, nodeFromInput } from "./node-form";
import { recordSourceProblem } from "./record-sources";
import { withLeafRule } from "./row-text";
import {
  type FlatNode,
  flatten,
  levelOf,
  parentCode,
  parseRules,
  type SchemePurpose,
  type SchemeRules,
} from "./scheme";
import { createScheme, loadSchemeTree } from "./scheme.server";

export const SCHEME_ENTITY_TYPE = "IndicatorScheme";

type Actor = { id: string };

export type SchemeMetaInput = {
  title: string;
  purpose: SchemePurpose;
  orgType: string | null;
  subtype: string | null;
  totalPoints: number;
  bonusCap: number;
};

function newKey(meta: SchemeMetaInput) {
  const type = (meta.orgType ?? "any").toLowerCase().replace(/_/g, "-");
  return `${meta.purpose.toLowerCase().replace(/_/g, "-")}-${type}-${crypto.randomBytes(3).toString("hex")}`;
}

/** A new scheme (a new key, version 1), empty or with the rows of an imported sheet. */
export async function createDraftScheme(input: {
  actor: Actor;
  meta: SchemeMetaInput;
  sheet?: { nodes: FlatNode[]; rules: SchemeRules };
  request?: Request;
}): Promise<WriteResult<{ id: string }>> {
  const { actor, meta, sheet, request } = input;
  return prisma.$transaction(async (tx) => {
    const rules = sheet?.rules ?? { caps: [], vetoes: [] };
    const created = await createScheme(
      tx,
      { ...meta, key: newKey(meta), rules, createdById: actor.id },
      sheet?.nodes ?? [],
    );
    await audit(
      tx,
      actor,
      created.id,
      sheet ? "indicator_scheme.import" : "indicator_scheme.create",
      meta.title,
      request,
    );
    return succeed({ id: created.id });
  });
}

/** The next version of a scheme's key: a copy of this one, or the rows of an imported sheet. */
export async function createNextVersion(input: {
  actor: Actor;
  schemeId: string;
  sheet?: { nodes: FlatNode[]; rules: SchemeRules };
  request?: Request;
}): Promise<WriteResult<{ id: string; version: number }>> {
  const { actor, schemeId, sheet, request } = input;
  return prisma.$transaction(async (tx) => {
    const tree = await loadSchemeTree(tx, schemeId);
    if (!tree) throw new WorkflowError("指标体系不存在", 400);
    const { id: _id, version: _version, frozenAt: _frozenAt, roots: _roots, rules, ...meta } = tree;
    const wrongSource = sheet?.nodes
      .map((node) => ({ node, problem: recordSourceProblem(node, tree.purpose) }))
      .find((n) => n.problem);
    if (wrongSource) return fail(`指标 ${wrongSource.node.code}：${wrongSource.problem}`, { field: "file" });
    const created = await createScheme(
      tx,
      { ...meta, rules: sheet?.rules ?? rules, createdById: actor.id },
      sheet?.nodes ?? flatten(tree),
    );
    const action = sheet ? "indicator_scheme.import" : "indicator_scheme.new_version";
    await audit(tx, actor, created.id, action, `${tree.title} 第 ${created.version} 版`, request);
    return succeed(created);
  });
}

/** Adds a node (originalCode null) or changes one (its code stays). Adding under a leaf makes it a branch. */
export async function saveNode(input: {
  actor: Actor;
  schemeId: string;
  originalCode: string | null;
  value: NodeInput;
  request?: Request;
}): Promise<WriteResult> {
  const { actor, schemeId, originalCode, value, request } = input;
  return prisma.$transaction(async (tx) => {
    const scheme = await loadDraft(tx, schemeId);
    const { node, rule } = nodeFromInput({ ...value, code: originalCode ?? value.code });
    const sourceProblem = recordSourceProblem(node, scheme.purpose as SchemePurpose);
    if (sourceProblem) return fail(sourceProblem, { field: "source" });
    const data = {
      title: node.title,
      points: node.points,
      method: node.method,
      items: node.items.length > 0 ? JSON.stringify(node.items) : null,
      evidence: node.evidence,
      bonus: node.bonus,
      source: node.source,
    };
    let rules = withLeafRule(parseRules(scheme.rules), node.code, rule);
    if (originalCode) {
      const updated = await tx.indicatorNode.updateMany({ where: { schemeId, code: originalCode }, data });
      if (updated.count === 0) throw new WorkflowError(`指标 ${originalCode} 已不存在，请刷新页面`, 409);
    } else {
      const taken = await tx.indicatorNode.findUnique({ where: { schemeId_code: { schemeId, code: node.code } } });
      if (taken) return fail(`编码 ${node.code} 已存在`, { field: "code" });
      const parentAt = parentCode(node.code);
      const parent = parentAt
        ? await tx.indicatorNode.findUnique({
            where: { schemeId_code: { schemeId, code: parentAt } },
            select: { id: true },
          })
        : null;
      if (parentAt && !parent) return fail(`上级指标 ${parentAt} 不存在，请先添加上级指标`, { field: "code" });
      const last = await tx.indicatorNode.findFirst({
        where: { schemeId, parentId: parent?.id ?? null },
        select: { position: true },
        orderBy: { position: "desc" },
      });
      await tx.indicatorNode.create({
        data: {
          ...data,
          schemeId,
          code: node.code,
          parentId: parent?.id ?? null,
          level: levelOf(node.code),
          position: (last?.position ?? -1) + 1,
        },
        select: { id: true },
      });
      // The parent is no longer scored itself.
      if (parent) {
        await tx.indicatorNode.update({
          where: { id: parent.id },
          data: { method: null, items: null },
          select: { id: true },
        });
        rules = withLeafRule(rules, parentAt!, null);
      }
    }
    await tx.indicatorScheme.update({
      where: { id: schemeId },
      data: { rules: JSON.stringify(rules) },
      select: { id: true },
    });
    const verb = originalCode ? "修改" : "添加";
    await audit(tx, actor, schemeId, "indicator_scheme.update", `${verb}指标 ${node.code} ${node.title}`, request);
    return succeed();
  });
}

/** Removes a node with everything under it. */
export async function removeNode(input: {
  actor: Actor;
  schemeId: string;
  code: string;
  request?: Request;
}): Promise<WriteResult> {
  const { actor, schemeId, code, request } = input;
  return prisma.$transaction(async (tx) => {
    const scheme = await loadDraft(tx, schemeId);
    const removed = await tx.indicatorNode.deleteMany({
      where: { schemeId, OR: [{ code }, { code: { startsWith: `${code}.` } }] },
    });
    if (removed.count === 0) throw new WorkflowError(`指标 ${code} 已不存在，请刷新页面`, 409);
    const rules = parseRules(scheme.rules);
    const kept = (leafCode: string) => leafCode !== code && !leafCode.startsWith(`${code}.`);
    const next = {
      caps: rules.caps.filter((r) => kept(r.leafCode)),
      vetoes: rules.vetoes.filter((r) => kept(r.leafCode)),
    };
    await tx.indicatorScheme.update({
      where: { id: schemeId },
      data: { rules: JSON.stringify(next) },
      select: { id: true },
    });
    await audit(
      tx,
      actor,
      schemeId,
      "indicator_scheme.update",
      `删除指标 ${code}（含下级 ${removed.count - 1} 项）`,
      request,
    );
    return succeed();
  });
}

async function loadDraft(tx: Tx, schemeId: string) {
  const scheme = await tx.indicatorScheme.findUnique({
    where: { id: schemeId },
    select: { id: true, rules: true, frozenAt: true, purpose: true },
  });
  if (!scheme) throw new WorkflowError("指标体系不存在", 400);
  if (scheme.frozenAt) throw new WorkflowError("该版本已被评估使用，不能修改；请先创建新版本", 409);
  return scheme;
}

function audit(tx: Tx, actor: Actor, schemeId: string, action: string, reason: string, request?: Request) {
  return recordAudit(tx, {
    actorId: actor.id,
    action,
    entityType: SCHEME_ENTITY_TYPE,
    entityId: schemeId,
    reason,
    request,
  });
}
