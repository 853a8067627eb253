// A machine zone far from UTC proves zone-less dates do not depend on it.
process.env.TZ = "America/Los_Angeles";

import { parseFeedDate } from "@sightline/feeds";
import { test } from "uvu";
import * as assert from "uvu/assert";

const iso = (raw: string) => {
  const value = parseFeedDate(raw);
  return value === undefined ? undefined : new Date(value).toISOString();
};

test("reads RFC 822 dates with numeric and named zones", () => {
  assert.is(iso("Mon, 26 Oct 2026 10:00:00 GMT"), "2026-10-26T10:00:00.000Z");
  assert.is(iso("Mon, 26 Oct 2026 10:00:00 +0200"), "2026-10-26T08:00:00.000Z");
  assert.is(iso("Tue, 10 Jun 2003 04:00:00 PST"), "2003-06-10T12:00:00.000Z");
  assert.is(iso("07 Nov 2015 12:00:00 EST"), "2015-11-07T17:00:00.000Z");
  assert.is(iso("Wed 02 Oct 2002 08:00:00 Z"), "2002-10-02T08:00:00.000Z");
});

test("reads full month names, two-digit years and colon-less times", () => {
  assert.is(iso("Tue, 9 June 2020 15:00:00 GMT"), "2020-06-09T15:00:00.000Z");
  assert.is(iso("03 Apr 02 1500 GMT"), "2002-04-03T15:00:00.000Z");
  assert.is(iso("03 Apr 99 1500 GMT"), "1999-04-03T15:00:00.000Z");
});

test("reads RFC 822 written in Portuguese, German and French", () => {
  assert.is(iso("Seg, 24 Set 2018 19:42:40 -0300"), "2018-09-24T22:42:40.000Z");
  assert.is(iso("Mo, 01 Okt 2018 08:00:00 +0200"), "2018-10-01T06:00:00.000Z");
  assert.is(iso("mar., 03 déc. 2019 10:00:00 +0100"), "2019-12-03T09:00:00.000Z");
  assert.is(iso("04 juil. 2019 10:00:00 GMT"), "2019-07-04T10:00:00.000Z");
});

test("reads ISO 8601, a zone-less one as UTC whatever the machine's zone", () => {
  assert.is(iso("2026-10-01T08:00:00+02:00"), "2026-10-01T06:00:00.000Z");
  assert.is(iso("2026-10-01T08:00:00.250Z"), "2026-10-01T08:00:00.250Z");
  assert.is(iso("2026-10-01T08:00:00"), "2026-10-01T08:00:00.000Z");
  assert.is(iso("2026-10-01 08:00"), "2026-10-01T08:00:00.000Z");
  assert.is(iso("2026-10-01"), "2026-10-01T00:00:00.000Z");
  assert.is(iso("Mon, 26 Oct 2026 10:00:00"), "2026-10-26T10:00:00.000Z");
});

test("gives undefined for what is not a date", () => {
  for (const raw of [
    "",
    "  ",
    "yesterday",
    "Seg, 99 Xyz 2018",
    "2026-13-45T99:00:00Z",
    undefined,
  ]) {
    assert.is(parseFeedDate(raw), undefined, String(raw));
  }
});

test.run();
