/** JSON log lines below the chosen level are left out; a terminal's progress line has none. */
export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
