import { chmod, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  EmbeddedMeilisearch,
  MASTER_KEY_FILE,
  openMeilisearch,
  SearchError,
} from "@sightline/search";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadOrCreateMasterKey } from "../../src/server/load-or-create-master-key.ts";

// This file is about the embedded server itself, so it always starts one (and only one), even
// when MEILI_URL points elsewhere.
let dataDir = "";
test.before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "sightline-embedded-"));
});
test.after(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test("starts on a free 127.0.0.1 port with a 0600 key file, and stop() ends the process", async () => {
  const binaryPath = process.env.MEILI_BIN;
  const connection = await openMeilisearch(binaryPath ? { dataDir, binaryPath } : { dataDir });
  const server = connection.embedded;
  assert.ok(server instanceof EmbeddedMeilisearch);
  try {
    const url = new URL(server.url);
    assert.is(url.hostname, "127.0.0.1");
    assert.ok(Number(url.port) > 0);
    assert.is(connection.features.version, "1.21.0");
    const keyFile = await stat(join(dataDir, MASTER_KEY_FILE));
    assert.is(keyFile.mode & 0o777, 0o600);
    assert.ok(isAlive(server.pid));
    // Analytics off, loopback only, and the key not in argv where any local user could read it.
    const argv = (await readFile(`/proc/${server.pid}/cmdline`, "utf8")).split("\0");
    assert.ok(argv.includes("--no-analytics"));
    assert.ok(argv.includes(`127.0.0.1:${url.port}`));
    assert.not.ok(argv.some((arg) => arg.includes(connection.masterKey)));
    // The key is required: production mode, and a key that is not enumerable on the objects.
    const anonymous = await fetch(new URL("indexes", server.url));
    assert.is(anonymous.status, 401);
    assert.not.ok(JSON.stringify(connection).includes(connection.masterKey));
    assert.not.ok(Object.values(server).includes(server.masterKey));
  } finally {
    await connection.stop();
  }
  assert.not.ok(server.running);
  assert.not.ok(isAlive(server.pid));
});

test("the key file is created once, 0600, and tightened if loosened", async () => {
  const keyDir = join(dataDir, "keys");
  const key = await loadOrCreateMasterKey(keyDir);
  assert.ok(key.length >= 32);
  await chmod(join(keyDir, MASTER_KEY_FILE), 0o644);
  assert.is(await loadOrCreateMasterKey(keyDir), key);
  assert.is((await stat(join(keyDir, MASTER_KEY_FILE))).mode & 0o777, 0o600);
});

test("a missing binary gives one error that says how to fix it", async () => {
  const error = await openMeilisearch({
    dataDir,
    binaryPath: join(dataDir, "no-such-binary"),
  }).catch((caught: unknown) => caught);
  assert.ok(error instanceof SearchError);
  assert.is(error.code, "BINARY_NOT_FOUND");
  assert.match(error.message, "MEILI_URL");
  assert.match(error.message, "MEILI_BIN");
});

test.run();
