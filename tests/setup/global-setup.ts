import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { BASE_DB_FILE, TEST_DATA_DIR } from "./paths";

// Migrates one base database per run; each worker copies it before every test.
export default function setup() {
  fs.mkdirSync(TEST_DATA_DIR, { recursive: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: `file:${BASE_DB_FILE}` },
  });
  return () => fs.rmSync(TEST_DATA_DIR, { recursive: true, force: true });
}
