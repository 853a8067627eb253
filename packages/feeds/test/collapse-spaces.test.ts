import { test } from "uvu";
import * as assert from "uvu/assert";
import { collapseSpaces } from "../src/collapse-spaces.ts";

test("every run of whitespace becomes one space, as with /\\s+/g", () => {
  const texts = [
    "one two",
    "a  b",
    " a\tb\n",
    "a\u00a0 b",
    "a\r\nb",
    "a \u2028 b",
    "a\u3000b",
    "",
    "  ",
  ];
  for (const text of texts) assert.is(collapseSpaces(text), text.replace(/\s+/g, " "), text);
});

test.run();
