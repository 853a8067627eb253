import { test } from "uvu";
import * as assert from "uvu/assert";
import { nestedTooDeep } from "../../src/sanitise/nested-too-deep.ts";

test("counts elements open at once: start tags less end tags", () => {
  assert.ok(nestedTooDeep("<div>".repeat(11), 10));
  assert.not.ok(nestedTooDeep("<div>".repeat(10), 10));
  assert.not.ok(nestedTooDeep("<div><span>x</span></div>".repeat(100), 10));
  assert.ok(nestedTooDeep(`${"<section>".repeat(6)}${"<DIV>".repeat(5)}`, 10));
});

test("void elements and those closed by a sibling never pile up", () => {
  assert.not.ok(nestedTooDeep("<p>a<br><img src=x><li>b<td>c".repeat(1000), 10));
});

test("extra end tags do not make room for deeper nesting later", () => {
  assert.ok(nestedTooDeep(`${"</div>".repeat(50)}${"<div>".repeat(11)}`, 10));
});

test.run();
