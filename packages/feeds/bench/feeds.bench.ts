// pnpm bench:feeds [--json]
// Reads and normalises every real-world fixture (bytes → decode → parse → sanitise → items) and
// compares it with bare rss-parser `parseString` on the same documents, already decoded, in the
// same run. Rounds alternate between the two; the first rounds are warm-up and are not counted.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { normaliseFeed, readFeedDocument } from "@sightline/feeds";
import Parser from "rss-parser";

const json = process.argv.includes("--json");
const WARM_UP_ROUNDS = 3;
const ROUNDS = 9;
const NOW = Date.UTC(2026, 10, 1);
// CI clones the repository with shared/ beside it: <repo root>/../shared/feeds/real-world.
const FIXTURES = fileURLToPath(new URL("../../../../shared/feeds/real-world/", import.meta.url));

const log = (line: string) => {
  if (!json) console.log(line);
};

const fixtures = readdirSync(FIXTURES)
  .filter((name) => name !== "LICENSE")
  .sort()
  .map((name) => {
    const bytes = readFileSync(`${FIXTURES}${name}`);
    return { name, bytes, text: bytes.toString("utf8"), url: `https://feeds.example.test/${name}` };
  });

async function pipelineRound(): Promise<number> {
  let items = 0;
  for (const { bytes, url } of fixtures) {
    try {
      const document = await readFeedDocument({ bytes, url });
      if (document.kind !== "feed") continue;
      const config = { feedUrl: url, expertId: "bench", sourceId: "bench" };
      items += normaliseFeed(document.feed, config, { now: NOW }).items.length;
    } catch {
      // A fixture that is not a feed costs its time on both sides and yields no items.
    }
  }
  return items;
}

const bare = new Parser();
async function bareRound(): Promise<number> {
  let items = 0;
  for (const { text } of fixtures) {
    try {
      items += (await bare.parseString(text)).items.length;
    } catch {
      // As above.
    }
  }
  return items;
}

async function timed(round: () => Promise<number>): Promise<{ ms: number; items: number }> {
  const start = performance.now();
  const items = await round();
  return { ms: performance.now() - start, items };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const samples = { pipeline: [] as number[], bare: [] as number[] };
let items = { pipeline: 0, bare: 0 };
for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
  const ours = await timed(pipelineRound);
  const theirs = await timed(bareRound);
  items = { pipeline: ours.items, bare: theirs.items };
  if (round < WARM_UP_ROUNDS) continue;
  samples.pipeline.push(ours.ms);
  samples.bare.push(theirs.ms);
}

const pipelineMs = median(samples.pipeline);
const bareMs = median(samples.bare);
const bytes = fixtures.reduce((sum, fixture) => sum + fixture.bytes.length, 0);
const results = {
  fixtures: fixtures.length,
  megabytes: Number((bytes / 1e6).toFixed(2)),
  rounds: ROUNDS,
  items: items.pipeline,
  medianMs: Number(pipelineMs.toFixed(1)),
  itemsPerSecond: Math.round(items.pipeline / (pipelineMs / 1000)),
  bareItems: items.bare,
  bareMedianMs: Number(bareMs.toFixed(1)),
  bareItemsPerSecond: Math.round(items.bare / (bareMs / 1000)),
  ratioVsBareParse: Number((pipelineMs / bareMs).toFixed(2)),
};

log(`${results.fixtures} real-world fixtures, ${results.megabytes} MB; median of ${ROUNDS} rounds`);
log(
  `pipeline (decode, parse, normalise, sanitise): ${results.medianMs} ms/round, ${results.items} items, ${results.itemsPerSecond} items/s`,
);
log(
  `bare rss-parser parseString:                   ${results.bareMedianMs} ms/round, ${results.bareItems} items, ${results.bareItemsPerSecond} items/s`,
);
log(`ratio vs bare parse: ${results.ratioVsBareParse}`);

const floors = { "ratioVsBareParse ≤ 2": results.ratioVsBareParse <= 2 };
if (json) console.log(JSON.stringify(results));
else
  for (const [floor, met] of Object.entries(floors))
    console.log(`${met ? "ok  " : "MISS"} ${floor}`);
if (Object.values(floors).some((met) => !met)) process.exitCode = 1;
