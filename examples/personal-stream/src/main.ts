// A learner's next three drops, as an app would compute them: validate the catalogue an app
// loaded, describe the learner, and take three drops from their personal stream. Virtual time
// makes the preview instant; a real app passes no scheduler and gets a drop at each slot.
import { readFileSync } from "node:fs";
import {
  createPersonalStream,
  type Drop,
  ExposureLedger,
  newLearnerProfile,
  parseContentItem,
  parseExpert,
} from "@sightline/core";
import { of, take, VirtualTimeScheduler } from "rxjs";

const catalogue = JSON.parse(readFileSync(new URL("../catalogue.json", import.meta.url), "utf8"));
const experts = (catalogue.experts as unknown[]).map(parseExpert);
const items = (catalogue.items as unknown[]).map(parseContentItem);

const learner = newLearnerProfile({
  id: "priya",
  interests: { kubernetes: 1, sre: 0.7, security: 0.4 },
  followedExperts: ["grace"],
  cadence: { itemsPerDrop: 4, schedule: "0 9 * * 1-5", timezone: "Europe/London" },
});

// Start the virtual clock the evening before the preview.
class PreviewClock extends VirtualTimeScheduler {
  constructor(start: number) {
    super();
    this.frame = start;
  }
}
const clock = new PreviewClock(Date.UTC(2026, 10, 20, 18, 0));

const drops: Drop[] = [];
createPersonalStream({
  profile: learner,
  candidates: of(items),
  experts,
  ledger: new ExposureLedger(),
  scheduler: clock,
})
  .pipe(take(3))
  .subscribe((drop) => drops.push(drop));
clock.flush();

for (const drop of drops) {
  console.log(`\nDrop for ${drop.learnerId} at ${drop.dropKey}`);
  for (const entry of drop.items) {
    const expert =
      experts.find((candidate) => candidate.id === entry.item.expertId)?.name ??
      entry.item.expertId;
    console.log(`  [${entry.slot}] ${entry.item.title} (${entry.item.kind}, ${expert})`);
    console.log(`      ${entry.reasons.map((reason) => reason.text).join("; ")}`);
  }
}
