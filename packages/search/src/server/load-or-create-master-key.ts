import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SearchError } from "../errors.ts";

export const MASTER_KEY_FILE = "master-key";

/**
 * The embedded server's master key, kept next to its data so a restart opens the same database
 * with the same keys. Created once, readable by this user only (0600).
 */
export async function loadOrCreateMasterKey(dataDir: string): Promise<string> {
  const file = join(dataDir, MASTER_KEY_FILE);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const created = randomBytes(32).toString("base64url");
  try {
    await writeFile(file, created, { mode: 0o600, flag: "wx" });
    return created;
  } catch (error) {
    if (!isAlreadyThere(error)) throw keyFileError(file, error);
  }
  return readExisting(file);
}

async function readExisting(file: string): Promise<string> {
  try {
    // A key file that others can read is tightened rather than trusted as is.
    if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
    const key = (await readFile(file, "utf8")).trim();
    if (key.length >= 16) return key;
  } catch (error) {
    throw keyFileError(file, error);
  }
  throw new SearchError(
    "SERVER_START_FAILED",
    `The master key in ${file} is shorter than 16 characters. Delete the file to have a new key ` +
      "generated (the server's API keys change with it), or write a longer key into it.",
  );
}

function isAlreadyThere(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "EEXIST";
}

function keyFileError(file: string, cause: unknown): SearchError {
  return new SearchError(
    "SERVER_START_FAILED",
    `Cannot create or read the master key file ${file}. Check that the data folder is writable ` +
      "by this user, or choose another one (option dataDir).",
    { cause },
  );
}
