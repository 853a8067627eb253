// `npm start`: installs on first run, then ingests the example organisation's feeds (listed in
// sightline.yaml, read from examples/org/feeds) into the embedded Meilisearch and says what it
// indexed. Nothing is fetched from the network.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ensureInstalled } from "./ensure-installed.mjs";

ensureInstalled();
const root = fileURLToPath(new URL("..", import.meta.url));
const result = spawnSync(
  process.execPath,
  [
    "--conditions=@sightline/source",
    "--import",
    "tsx",
    "workers/ingest/src/cli.ts",
    "ingest",
    "--once",
    "--all",
  ],
  {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, SIGHTLINE_LOG: process.env.SIGHTLINE_LOG ?? "pretty" },
  },
);
// 2: the pass ran but some feeds failed (shown above); what was indexed can still be searched.
if (result.status === 0 || result.status === 2) {
  console.log(`
Try it:
  pnpm sightline search kubernetes          # typos are forgiven: try "kubernets"
  pnpm sightline search passkeys --audience security
  pnpm sightline status
  pnpm --filter @sightline/example-personal-stream start   # a learner's next three drops`);
}
process.exitCode = result.status ?? 1;
