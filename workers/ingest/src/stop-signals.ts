/** The signals that ask `sightline` to stop: a service manager's SIGTERM, a terminal's Ctrl-C. */
export const STOP_SIGNALS = ["SIGTERM", "SIGINT"] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];
