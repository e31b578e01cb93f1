import path from "node:path";

export const TEST_DATA_DIR = path.resolve("tests/.data");
export const BASE_DB_FILE = path.join(TEST_DATA_DIR, "base.db");

export function workerDbFile(poolId: string) {
  return path.join(TEST_DATA_DIR, `worker-${poolId}.db`);
}
