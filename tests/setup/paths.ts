import crypto from "node:crypto";
import path from "node:path";

// One folder per vitest run (the id is set once in the main process and
// inherited by the workers), so two runs in one checkout never share files.
process.env.YIMIAO_TEST_RUN ??= crypto.randomBytes(4).toString("hex");

export const TEST_DATA_DIR = path.resolve("tests/.data", `vitest-${process.env.YIMIAO_TEST_RUN}`);
export const BASE_DB_FILE = path.join(TEST_DATA_DIR, "base.db");

export function workerDbFile(poolId: string) {
  return path.join(TEST_DATA_DIR, `worker-${poolId}.db`);
}
