/** What the worker process has used so far: all its threads' CPU and its resident-set peak. */
export interface ProcessUsage {
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
}

/** From getrusage: the kernel's own counts, which no sampling can miss. */
export function processUsage(): ProcessUsage {
  const usage = process.resourceUsage();
  return {
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    // maxRSS is in kibibytes.
    peakRssMb: usage.maxRSS / 1024,
  };
}
