// Indicator schemes (评估指标体系): a tree of up to 4 levels with points at every node and a
// scoring method at every leaf. Pure: the rating rounds, the funded-project evaluations, the
// builder and the Excel import all read schemes through this module (decision 009).
export * from "./tree";
export { checkTree, type TreeIssue } from "./tree-check";
export { allowedScores, checklistScore, validateLeafScore } from "./leaf-score";
export { scoreSheet, type BlockScore, type ScoreSheet } from "./score-sheet";
