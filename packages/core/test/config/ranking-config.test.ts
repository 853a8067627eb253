import { DEFAULT_RANKING_CONFIG, resolveRankingConfig, SightlineError } from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";

test("an empty configuration is the defaults", () => {
  assert.equal(resolveRankingConfig(), DEFAULT_RANKING_CONFIG);
});

test("a partial configuration keeps every other default", () => {
  const config = resolveRankingConfig({ weights: { topic: 5 }, diversity: { maxPerExpert: 1 } });
  assert.is(config.weights.topic, 5);
  assert.is(config.weights.followed, DEFAULT_RANKING_CONFIG.weights.followed);
  assert.is(config.diversity.maxPerExpert, 1);
  assert.equal(config.halfLifeHours, DEFAULT_RANKING_CONFIG.halfLifeHours);
});

test("a bad value or an unknown key is named in an INVALID_CONFIG error", () => {
  try {
    resolveRankingConfig({
      weights: { topic: -2 },
      halfLifeHours: { post: 0 },
      typo: true,
    } as never);
    assert.unreachable();
  } catch (error) {
    assert.instance(error, SightlineError);
    assert.is((error as SightlineError).code, "INVALID_CONFIG");
    const paths = (error as SightlineError).issues.map((issue) => issue.path);
    assert.ok(paths.includes("weights.topic"), paths.join());
    assert.ok(paths.includes("halfLifeHours.post"), paths.join());
    assert.match((error as Error).message, /typo/);
  }
});

test.run();
