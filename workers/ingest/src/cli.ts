#!/usr/bin/env node
import { buildProgram } from "./program.ts";

const program = buildProgram(
  {
    write: (text) => process.stdout.write(text),
    now: () => Date.now(),
    interactive: process.stdout.isTTY === true,
  },
  (code) => {
    process.exitCode = code;
  },
);
await program.parseAsync(process.argv);
