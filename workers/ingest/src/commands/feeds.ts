import { readFile, writeFile } from "node:fs/promises";
import { parseOpml, writeOpml } from "@sightline/feeds";
import { parseDocument } from "yaml";
import { WorkerError } from "../config/config-error.ts";
import { parseOrgConfig } from "../config/load-org-config.ts";
import { configToOpml, opmlToExperts } from "../config/opml-mapping.ts";
import type { OrgConfig } from "../config/org-config.ts";
import type { CommandIo } from "./command-io.ts";

/** `sightline feeds export`: the configured feeds as OPML, for any feed reader. */
export function feedsExportCommand(config: OrgConfig, io: CommandIo): number {
  io.write(writeOpml(configToOpml(config)));
  return 0;
}

/**
 * `sightline feeds import <file.opml>`: adds the OPML's feeds to the configuration file, keeping
 * its comments and everything already there; feeds already listed are skipped.
 */
export async function feedsImportCommand(
  configPath: string,
  opmlPath: string,
  io: CommandIo,
): Promise<number> {
  const opml = parseOpml(await readFile(opmlPath, "utf8"), opmlPath);
  const existingText = await readFile(configPath, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "";
    throw new WorkerError("CONFIG_NOT_FOUND", `Cannot read ${configPath}: ${error.code}.`, {
      cause: error,
    });
  });
  const current = parseOrgConfig(existingText, configPath);
  const known = new Set(current.experts.flatMap((expert) => expert.feeds.map((feed) => feed.url)));
  const document = parseDocument(existingText === "" ? "experts: []\n" : existingText);
  if (!document.has("experts")) document.set("experts", []);
  let added = 0;
  let skipped = 0;
  for (const expert of opmlToExperts(opml)) {
    const fresh = expert.feeds.filter((feed) => !known.has(feed.url));
    skipped += expert.feeds.length - fresh.length;
    if (fresh.length === 0) continue;
    added += fresh.length;
    const at = current.experts.findIndex((existing) => existing.id === expert.id);
    for (const feed of fresh) {
      if (at >= 0) document.addIn(["experts", at, "feeds"], document.createNode(compact(feed)));
    }
    if (at < 0)
      document.addIn(
        ["experts"],
        document.createNode({ ...compact(expert), feeds: fresh.map(compact) }),
      );
  }
  const text = document.toString();
  parseOrgConfig(text, configPath);
  await writeFile(configPath, text);
  io.write(
    `Added ${added} feed${added === 1 ? "" : "s"} to ${configPath}; ${skipped} already listed.\n`,
  );
  return 0;
}

/** Leaves out empty lists, so the file stays short and readable. */
function compact<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => !(Array.isArray(field) && field.length === 0)),
  ) as Partial<T>;
}
