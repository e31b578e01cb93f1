// A workflow is a list of allowed transitions between named states, each tied
// to who may take it. Pure: every module's table is unit-tested through this.

export type Actor = "ADMIN" | "ORG_MEMBER" | "REVIEWER" | "SYSTEM";

export type TransitionRule<S extends string> = {
  from: S;
  to: S;
  by: Actor[];
  /** What the button or audit line says, in Chinese. */
  label: string;
  requiresReason?: boolean;
  /**
   * The audit action this move is logged as, when it must not be the default
   * "<workflow>.transition" (e.g. the account moves keep "user.disable").
   */
  auditAction?: string;
};

export class WorkflowError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 409 = 409,
  ) {
    super(message);
    this.name = "WorkflowError";
  }
}

export type Workflow<S extends string> = {
  name: string;
  stateLabels: Record<S, string>;
  transitions: TransitionRule<S>[];
  find(from: S, to: S): TransitionRule<S> | undefined;
  canTransition(from: S, to: S, actor: Actor): boolean;
  /** The transitions `actor` may take from `from`, for showing buttons. */
  available(from: S, actor: Actor): TransitionRule<S>[];
  /** Throws a WorkflowError with a Chinese message when the move is not allowed. */
  assert(from: S, to: S, actor: Actor, reason?: string | null): TransitionRule<S>;
  isState(value: string): value is S;
};

export function defineWorkflow<S extends string>(def: {
  name: string;
  stateLabels: Record<S, string>;
  transitions: TransitionRule<S>[];
}): Workflow<S> {
  const find = (from: S, to: S) => def.transitions.find((t) => t.from === from && t.to === to);
  const label = (s: S) => def.stateLabels[s] ?? s;
  return {
    ...def,
    find,
    canTransition: (from, to, actor) => find(from, to)?.by.includes(actor) ?? false,
    available: (from, actor) => def.transitions.filter((t) => t.from === from && t.by.includes(actor)),
    assert(from, to, actor, reason) {
      const rule = find(from, to);
      if (!rule) throw new WorkflowError(`当前状态「${label(from)}」不能变为「${label(to)}」`);
      if (!rule.by.includes(actor)) throw new WorkflowError(`您不能执行「${rule.label}」`, 403);
      if (rule.requiresReason && !reason?.trim()) throw new WorkflowError(`「${rule.label}」必须填写理由`, 400);
      return rule;
    },
    isState: (value: string): value is S => Object.prototype.hasOwnProperty.call(def.stateLabels, value),
  };
}
