import { XMLBuilder } from "fast-xml-parser";
import type { OpmlDocument, OpmlOutline } from "./opml-document.ts";

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributesGroupName: "@",
  attributeNamePrefix: "",
  format: true,
  indentBy: "  ",
  suppressEmptyNode: true,
});

function outlineNode(outline: OpmlOutline): Record<string, unknown> {
  return {
    "@": outline.attributes,
    ...(outline.children.length === 0 ? {} : { outline: outline.children.map(outlineNode) }),
  };
}

/** Writes an OPML document; `parseOpml(writeOpml(document))` gives the document back. */
export function writeOpml(document: OpmlDocument): string {
  const xml = builder.build({
    opml: {
      "@": { version: document.version },
      head: document.head,
      body: { outline: document.outlines.map(outlineNode) },
    },
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}
