// Lets `npm start` and `npm test` work on a fresh clone with only Node and npm: the first run
// installs the workspace with pnpm (fetched through npx when it is not on the PATH).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const PNPM = "pnpm@12.21.0";

function hasPnpm() {
  return spawnSync("pnpm", ["--version"], { stdio: "ignore" }).status === 0;
}

export function ensureInstalled() {
  if (existsSync(`${root}/node_modules/.modules.yaml`)) return;
  console.error("First run: installing the workspace with pnpm …");
  const [command, args] = hasPnpm()
    ? ["pnpm", ["install", "--frozen-lockfile"]]
    : ["npx", ["--yes", PNPM, "install", "--frozen-lockfile"]];
  execFileSync(command, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
}
