/** What a command may touch of the outside world; tests pass their own. */
export interface CommandIo {
  write(text: string): void;
  now(): number;
  /** Whether output goes to a person at a terminal. */
  readonly interactive: boolean;
  /** Variables to read instead of the process environment (tests); absent means the real one. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}
