import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  closeTestMeilisearch,
  testMeilisearch,
  uniqueIndexName,
} from "../../../../packages/search/test/meilisearch-for-tests.ts";
import { sightline as runSightline } from "../robustness/sightline-process.ts";

const root = fileURLToPath(new URL("../../../..", import.meta.url));
const feeds = join(root, "examples/org/feeds");

let dir = "";
let configPath = "";

/** `sightline <args>` run to its end against the shared test Meilisearch, logging JSON. */
async function sightline(args: string[], env: Record<string, string> = {}) {
  const connection = await testMeilisearch();
  const meili = { MEILI_URL: connection.url, MEILI_MASTER_KEY: connection.masterKey };
  return await runSightline(args, { ...meili, SIGHTLINE_LOG: "json", ...env });
}

test.before(async () => {
  dir = await mkdtemp(join(tmpdir(), "sightline-cli-"));
  configPath = join(dir, "sightline.yaml");
  await writeFile(
    configPath,
    `# Our experts
search:
  index: ${uniqueIndexName("cli-items")}
  stateIndex: ${uniqueIndexName("cli-feeds")}
experts:
  - id: ada
    name: Ada Okafor
    topics: [kubernetes]
    feeds:
      - { url: ${join(feeds, "ada.xml")}, id: ada-notes }
  - id: gone
    name: Missing Feed
    feeds:
      - { url: ${join(dir, "missing.xml")}, id: missing-feed }
`,
  );
});

test.after(async () => {
  await closeTestMeilisearch();
  await rm(dir, { recursive: true, force: true });
});

test("status shows every feed's health after a run: last success, next check, errors, items", async () => {
  const ingest = await sightline(["--config", configPath, "ingest", "--once"]);
  assert.is(ingest.code, 2, `the missing feed failed, so --once exits 2: ${ingest.stderr}`);
  const status = await sightline(["--config", configPath, "status", "--json"]);
  assert.is(status.code, 0, status.stderr);
  const rows = JSON.parse(status.stdout) as {
    feed: string;
    health: string;
    items: number;
    errors: number;
    lastError: string | null;
    nextCheck: string | null;
    lastSuccess: string | null;
  }[];
  const ada = rows.find((row) => row.feed === "ada-notes");
  const missing = rows.find((row) => row.feed === "missing-feed");
  assert.equal([ada?.health, ada?.items, ada?.errors], ["ok", 6, 0]);
  assert.ok(ada?.lastSuccess !== null && ada?.nextCheck !== null);
  assert.equal([missing?.health, missing?.errors], ["failing", 1]);
  assert.match(missing?.lastError ?? "", /missing\.xml/);
  const table = await sightline(["--config", configPath, "status"]);
  assert.match(
    table.stdout,
    /^feed\s+expert\s+health\s+last success\s+next check\s+errors\s+items/,
  );
  assert.match(table.stdout, /ada\s+ok/);
});

test("search finds indexed items from the terminal, as text or JSON", async () => {
  const json = await sightline(["--config", configPath, "search", "readiness probes", "--json"]);
  assert.is(json.code, 0, json.stderr);
  const result = JSON.parse(json.stdout) as {
    totalHits: number;
    hits: { title: string; expertId: string }[];
  };
  assert.is(result.hits[0]?.title, "Readiness probes that do not lie");
  const text = await sightline([
    "--config",
    configPath,
    "search",
    "autoscalng",
    "--topic",
    "kubernetes",
  ]);
  // The typo still finds the post, and the match is marked.
  assert.match(text.stdout, /Why our clusters stopped \*autoscalin/);
});

test("feeds export prints OPML; import adds new feeds, keeps comments, skips known ones", async () => {
  const exported = await sightline(["--config", configPath, "feeds", "export"]);
  assert.is(exported.code, 0, exported.stderr);
  assert.match(exported.stdout, /<opml version="2\.0">/);
  assert.match(exported.stdout, /sightlineExpert="ada"/);
  const opml = join(dir, "subscriptions.opml");
  await writeFile(
    opml,
    `<?xml version="1.0"?><opml version="2.0"><head><title>Reader</title></head><body>
      <outline text="SRE"><outline text="Grace Lindqvist" type="rss" xmlUrl="https://grace.example.com/rss"/></outline>
    </body></opml>`,
  );
  const imported = await sightline(["--config", configPath, "feeds", "import", opml]);
  assert.is(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /Added 1 feed/);
  const text = await readFile(configPath, "utf8");
  assert.match(text, /^# Our experts/);
  assert.match(text, /https:\/\/grace\.example\.com\/rss/);
  const again = await sightline(["--config", configPath, "feeds", "import", opml]);
  assert.match(again.stdout, /Added 0 feeds .*1 already listed/);
});

test("a bad configuration is one clear error naming the field, exit 1, no stack trace", async () => {
  const bad = join(dir, "bad.yaml");
  await writeFile(bad, "experts:\n  - id: ada\n    trust: 4\n");
  const run = await sightline(["--config", bad, "status"]);
  assert.is(run.code, 1);
  assert.match(
    run.stdout,
    /error INVALID_CONFIG: .*bad\.yaml.*experts\[0\]\.name.*experts\[0\]\.trust/,
  );
  assert.not.match(run.stdout + run.stderr, /\n\s+at /);
});

test("a Meilisearch URL without its key is refused without echoing anything secret", async () => {
  const run = await sightline(["--config", configPath, "status"], { MEILI_MASTER_KEY: "" });
  assert.is(run.code, 1);
  assert.match(run.stdout, /INVALID_ENVIRONMENT: MEILI_URL is set but MEILI_MASTER_KEY is not/);
});

test.run();
