import { ExposureLedger, SightlineError } from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";

const DAY = 86_400_000;
const record = (exposure: Record<string, number>, merit: Record<string, number>) => ({
  exposure: new Map(Object.entries(exposure)),
  merit: new Map(Object.entries(merit)),
});

test("lifts an expert whose exposure lags their merit, not one who is ahead", () => {
  const ledger = new ExposureLedger();
  ledger.record(record({ loud: 1 }, { loud: 0.5, quiet: 0.5 }), 0);
  assert.is(ledger.liftFor("loud"), 0);
  assert.is(ledger.liftFor("quiet"), 1);
  assert.is(ledger.liftFor("unknown"), 0);
});

test("the lift is capped so relevance stays in charge", () => {
  const ledger = new ExposureLedger({ halfLifeDays: 14, maxBoost: 0.3 });
  ledger.record(record({ loud: 1 }, { quiet: 1 }), 0);
  assert.is(ledger.liftFor("quiet"), 0.3);
});

test("the lift shrinks as exposure catches up with merit", () => {
  const ledger = new ExposureLedger();
  ledger.record(record({ loud: 1 }, { loud: 0.5, quiet: 0.5 }), 0);
  const before = ledger.liftFor("quiet");
  ledger.record(record({ quiet: 0.8 }, { loud: 0.5, quiet: 0.5 }), 1);
  const after = ledger.liftFor("quiet");
  assert.ok(after < before, `${before} → ${after}`);
});

test("old exposure fades with the half-life", () => {
  const ledger = new ExposureLedger({ halfLifeDays: 10, maxBoost: 1 });
  ledger.record(record({ a: 1 }, {}), 0);
  ledger.record(record({ b: 1 }, {}), 10 * DAY);
  assert.ok(Math.abs(ledger.exposureOf("a") - 0.5) < 1e-12);
  assert.is(ledger.exposureOf("b"), 1);
});

test("low exposure is 1 for a new expert and falls as exposure grows", () => {
  const ledger = new ExposureLedger();
  ledger.record(record({ a: 3, b: 1 }, {}), 0);
  assert.is(ledger.lowExposureFor("new"), 1);
  assert.ok(ledger.lowExposureFor("a") < ledger.lowExposureFor("b"));
});

test("persists and restores to the same behaviour", () => {
  const ledger = new ExposureLedger();
  ledger.record(record({ a: 1, b: 0.3 }, { a: 0.2, b: 0.8 }), 5 * DAY);
  const restored = ExposureLedger.restore(JSON.parse(JSON.stringify(ledger)));
  for (const id of ["a", "b", "c"]) {
    assert.is(restored.liftFor(id), ledger.liftFor(id));
    assert.is(restored.lowExposureFor(id), ledger.lowExposureFor(id));
  }
  assert.equal(restored.toJSON(), ledger.toJSON());
});

test("refuses a corrupt saved ledger with the bad field named", () => {
  try {
    ExposureLedger.restore({
      version: 1,
      halfLifeDays: 14,
      maxBoost: 1,
      updatedAt: null,
      experts: { a: { exposure: -1, merit: 0 } },
    });
    assert.unreachable();
  } catch (error) {
    assert.instance(error, SightlineError);
    assert.is((error as SightlineError).code, "INVALID_LEDGER");
    assert.is((error as SightlineError).issues[0]?.path, "experts.a.exposure");
  }
});

test.run();
