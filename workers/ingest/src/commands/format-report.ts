import type { InspectReport } from "./inspect-feed.ts";

const SHOWN_ITEMS = 5;

/** A report as a person reads it on a terminal: the verdict, the feed, a few items, warnings. */
export function formatReport(report: InspectReport): string {
  if (!report.ok) return `✘ ${report.input}\n  ${report.error?.code}: ${report.error?.message}`;
  const lines = [`✔ ${report.input}`];
  const feed = report.feed;
  if (feed !== undefined) {
    lines.push(
      `  ${feed.title || "(untitled)"} [${feed.format}]${feed.link ? ` ${feed.link}` : ""}`,
    );
  }
  lines.push(
    `  ${plural(report.items.length, "item")}, ${plural(report.warnings.length, "warning")}`,
  );
  for (const item of report.items.slice(0, SHOWN_ITEMS)) {
    const topics = item.topics.length > 0 ? `; ${item.topics.join(", ")}` : "";
    lines.push(`    ${item.publishedAt.slice(0, 10)}  ${item.title}  (${item.kind}${topics})`);
  }
  if (report.items.length > SHOWN_ITEMS)
    lines.push(`    … ${report.items.length - SHOWN_ITEMS} more`);
  for (const warning of report.warnings) lines.push(`  ! ${warning}`);
  return lines.join("\n");
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
