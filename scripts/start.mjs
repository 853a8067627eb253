// `npm start`: installs on first run, then shows a learner's next three drops.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ensureInstalled } from "./ensure-installed.mjs";

ensureInstalled();
const example = fileURLToPath(new URL("../examples/personal-stream", import.meta.url));
const result = spawnSync(
  process.execPath,
  ["--conditions=@sightline/source", "--import", "tsx", "src/main.ts"],
  { cwd: example, stdio: "inherit" },
);
process.exitCode = result.status ?? 1;
