import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * CI clones the repository with shared/ beside it, so the fixtures live at
 * `<repo root>/../shared/feeds/real-world` (this file is three levels below the root).
 */
export const REAL_WORLD_DIR = fileURLToPath(
  new URL("../../../../shared/feeds/real-world/", import.meta.url),
);

export interface Fixture {
  readonly name: string;
  readonly bytes: Buffer;
}

export function realWorldFixtures(): Fixture[] {
  return readdirSync(REAL_WORLD_DIR)
    .filter((name) => name !== "LICENSE")
    .sort()
    .map((name) => ({ name, bytes: readFileSync(`${REAL_WORLD_DIR}${name}`) }));
}
