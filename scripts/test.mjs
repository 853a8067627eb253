// Runs every *.test.ts under the given folders (default: the whole workspace) from source with uvu,
// then prints the one closing line CI reads: "N passed, N failed".
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureInstalled } from "./ensure-installed.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
ensureInstalled();
const roots = process.argv.slice(2);
const searchIn = roots.length > 0 ? roots : ["packages", "workers", "examples", "test"];

function* testFiles(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* testFiles(path);
    else if (entry.name.endsWith(".test.ts")) yield path;
  }
}

// One process per test file: a file that leaks a handle or crashes cannot hide another's result.
function runFile(file) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        "--conditions=@sightline/source",
        "--import",
        "tsx",
        join(root, "node_modules/uvu/bin.js"),
        join(file, ".."),
        `^${file.split("/").pop().replaceAll(".", "\\.")}$`,
      ],
      { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on("close", (code) => {
      const total = Number(/Total:\s+(\d+)/.exec(out)?.[1] ?? 0);
      const passed = Number(/Passed:\s+(\d+)/.exec(out)?.[1] ?? 0);
      const skipped = Number(/Skipped:\s+(\d+)/.exec(out)?.[1] ?? 0);
      // A file that dies before uvu's summary counts as one failure, never as silence.
      const failed = total - passed - skipped + (code !== 0 && total === passed + skipped ? 1 : 0);
      resolve({ passed, failed, skipped });
    });
  });
}

const files = searchIn.flatMap((dir) => [...testFiles(join(root, dir))]);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  process.stdout.write(`\n# ${relative(root, file)}\n`);
  const result = await runFile(file);
  passed += result.passed;
  failed += result.failed;
  skipped += result.skipped;
}
if (files.length === 0) failed += 1;
console.log(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
process.exitCode = failed > 0 ? 1 : 0;
