import { gumbelTopK, hashString32 } from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";

const scores = [2, 1, 0, 0.5];
const hashes = scores.map((_, i) => hashString32(`candidate-${i}`));

function firstPickFrequencies(temperature: number, trials: number): number[] {
  const counts = new Array(scores.length).fill(0);
  for (let seed = 0; seed < trials; seed++) {
    counts[gumbelTopK(scores, hashes, 1, temperature, seed)[0] as number] += 1;
  }
  return counts.map((count) => count / trials);
}

test("the first pick follows the softmax of score / temperature (Plackett–Luce)", () => {
  const temperature = 0.8;
  const weights = scores.map((score) => Math.exp(score / temperature));
  const total = weights.reduce((a, b) => a + b, 0);
  const observed = firstPickFrequencies(temperature, 40_000);
  weights.forEach((weight, i) => {
    assert.ok(
      Math.abs((observed[i] as number) - weight / total) < 0.01,
      `${i}: ${observed[i]} vs ${weight / total}`,
    );
  });
});

test("the second pick follows Plackett–Luce over what remains", () => {
  const temperature = 1;
  const weights = scores.map((score) => Math.exp(score / temperature));
  const total = weights.reduce((a, b) => a + b, 0);
  // P(second = 1) = Σ_{j≠1} P(first = j) · w1 / (total − wj)
  let expected = 0;
  weights.forEach((weight, j) => {
    if (j !== 1) expected += (weight / total) * ((weights[1] as number) / (total - weight));
  });
  let hits = 0;
  const trials = 40_000;
  for (let seed = 0; seed < trials; seed++)
    if (gumbelTopK(scores, hashes, 2, temperature, seed)[1] === 1) hits++;
  assert.ok(Math.abs(hits / trials - expected) < 0.01, `${hits / trials} vs ${expected}`);
});

test("temperature 0 is a deterministic top-k whatever the seed", () => {
  for (let seed = 0; seed < 20; seed++)
    assert.equal(gumbelTopK(scores, hashes, 3, 0, seed), [0, 1, 3]);
});

test("higher temperature spreads the picks", () => {
  const cold = firstPickFrequencies(0.2, 5_000);
  const hot = firstPickFrequencies(5, 5_000);
  assert.ok((cold[0] as number) > 0.95);
  assert.ok((hot[0] as number) < 0.45);
});

test("noise belongs to the item, not its position: reordering candidates changes nothing", () => {
  const order = [3, 0, 2, 1];
  const permutedScores = order.map((i) => scores[i] as number);
  const permutedHashes = order.map((i) => hashes[i] as number);
  for (let seed = 0; seed < 50; seed++) {
    const direct = gumbelTopK(scores, hashes, 2, 1, seed);
    const permuted = gumbelTopK(permutedScores, permutedHashes, 2, 1, seed).map((i) => order[i]);
    assert.equal(permuted, direct);
  }
});

test.run();
