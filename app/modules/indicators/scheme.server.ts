// Reading and writing indicator schemes. Other areas (rating rounds, project evaluations) read a
// scheme with loadSchemeTree, list the usable ones with schemesFor, and freeze the one they use
// with freezeScheme in the transaction that starts using it (decision 009).
import type { PrismaClient } from "~/generated/prisma/client";
import { WorkflowError } from "~/modules/workflow/state-machine";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import {
  buildTree,
  checkTree,
  type FlatNode,
  flatten,
  isLeafMethod,
  levelOf,
  parentCode,
  parseItems,
  parseRules,
  type SchemePurpose,
  type SchemeRules,
  type SchemeTree,
} from "./scheme";

type Db = PrismaClient | Tx;

const SCHEME_SELECT = {
  id: true,
  key: true,
  version: true,
  title: true,
  purpose: true,
  orgType: true,
  subtype: true,
  totalPoints: true,
  bonusCap: true,
  rules: true,
  frozenAt: true,
} as const;

/** The scheme with its tree, or null when there is none with this id. */
export async function loadSchemeTree(db: Db, schemeId: string): Promise<SchemeTree | null> {
  const scheme = await db.indicatorScheme.findUnique({
    where: { id: schemeId },
    select: {
      ...SCHEME_SELECT,
      nodes: {
        select: {
          code: true,
          title: true,
          points: true,
          method: true,
          items: true,
          evidence: true,
          bonus: true,
          source: true,
        },
        orderBy: [{ level: "asc" }, { position: "asc" }],
      },
    },
  });
  if (!scheme) return null;
  const { nodes, rules, ...meta } = scheme;
  // Level by level, in sibling order: every parent comes before its children.
  const rows: FlatNode[] = nodes.map((node) => ({
    ...node,
    method: isLeafMethod(node.method) ? node.method : null,
    items: parseItems(node.items),
  }));
  return { ...meta, purpose: meta.purpose as SchemePurpose, rules: parseRules(rules), roots: buildTree(rows) };
}

/** The schemes an area may choose from: for this purpose and organization type (or any type), newest version first. */
export async function schemesFor(purpose: SchemePurpose, orgType: string | null) {
  return prisma.indicatorScheme.findMany({
    where: { purpose, ...(orgType ? { OR: [{ orgType }, { orgType: null }] } : {}) },
    select: { ...SCHEME_SELECT, rules: false },
    orderBy: [{ key: "asc" }, { version: "desc" }],
  });
}

/**
 * Marks a scheme as used (a round or an evaluation scores on it): it can no longer change, and an
 * edit makes a new version. Refuses a scheme whose tree does not add up. Freezing twice is harmless.
 */
export async function freezeScheme(tx: Tx, schemeId: string) {
  const tree = await loadSchemeTree(tx, schemeId);
  if (!tree) throw new WorkflowError("指标体系不存在", 400);
  const issues = checkTree({ totalPoints: tree.totalPoints, rules: tree.rules, nodes: flatten(tree) });
  if (issues.length > 0) throw new WorkflowError(`指标体系“${tree.title}”尚未完成：${issues[0].message}`, 400);
  if (!tree.frozenAt) await tx.indicatorScheme.update({ where: { id: schemeId }, data: { frozenAt: new Date() } });
}

/** Replaces a (draft) scheme's nodes with these rows, parents first. */
export async function writeNodes(tx: Tx, schemeId: string, rows: FlatNode[]) {
  await tx.indicatorNode.deleteMany({ where: { schemeId } });
  const ids = new Map<string, string>();
  const positions = new Map<string, number>();
  for (const row of rows) {
    const parent = parentCode(row.code);
    const key = parent ?? "";
    const position = positions.get(key) ?? 0;
    positions.set(key, position + 1);
    const created = await tx.indicatorNode.create({
      data: {
        schemeId,
        parentId: parent ? (ids.get(parent) ?? null) : null,
        code: row.code,
        title: row.title,
        level: levelOf(row.code),
        position,
        points: row.points,
        method: row.method,
        items: row.items.length > 0 ? JSON.stringify(row.items) : null,
        evidence: row.evidence,
        bonus: row.bonus,
        source: row.source,
      },
      select: { id: true },
    });
    ids.set(row.code, created.id);
  }
}

export type NewScheme = {
  key: string;
  title: string;
  purpose: SchemePurpose;
  orgType: string | null;
  subtype: string | null;
  totalPoints: number;
  bonusCap: number;
  rules: SchemeRules;
  createdById: string | null;
};

/** A new scheme (version 1 of a new key, or the next version of a key) with its rows. */
export async function createScheme(tx: Tx, scheme: NewScheme, rows: FlatNode[]) {
  const latest = await tx.indicatorScheme.findFirst({
    where: { key: scheme.key },
    select: { version: true },
    orderBy: { version: "desc" },
  });
  const created = await tx.indicatorScheme.create({
    data: { ...scheme, version: (latest?.version ?? 0) + 1, rules: JSON.stringify(scheme.rules) },
    select: { id: true, version: true },
  });
  await writeNodes(tx, created.id, rows);
  return created;
}

/** Every scheme version for the staff list, by purpose, type and key, newest version first. */
export async function listSchemeVersions() {
  return prisma.indicatorScheme.findMany({
    select: {
      id: true,
      key: true,
      version: true,
      title: true,
      purpose: true,
      orgType: true,
      subtype: true,
      totalPoints: true,
      frozenAt: true,
      createdAt: true,
      _count: { select: { nodes: true } },
    },
    orderBy: [{ purpose: "desc" }, { orgType: "asc" }, { key: "asc" }, { version: "desc" }],
  });
}

/** The other versions of a scheme's key, for the scheme page. */
export async function versionsOf(key: string) {
  return prisma.indicatorScheme.findMany({
    where: { key },
    select: { id: true, version: true, frozenAt: true, createdAt: true },
    orderBy: { version: "desc" },
  });
}
