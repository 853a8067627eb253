import type { Meilisearch, Task } from "meilisearch";
import { meiliCall } from "../connection/meili-call.ts";
import type { SearchAdmin } from "../connection/search-admin.ts";
import { SearchError, type TaskFailure } from "../errors.ts";
import { pollDelays } from "./poll-delays.ts";

/** An enqueued task and what it was for, so a failure can name its documents. */
export interface PendingTask {
  readonly taskUid: number;
  readonly operation: string;
  readonly documentIds?: readonly string[];
}

const UIDS_PER_POLL = 100;
const IDS_IN_MESSAGE = 5;

/**
 * Waits for every task, checks each status and returns the finished tasks. The client's own wait
 * resolves a failed task without throwing, so this is where failures surface. One poll covers
 * many tasks. Polls start 2 ms apart and slow down to `taskPollIntervalMs`: a small write is
 * confirmed within milliseconds of finishing, a long one costs the server few polls.
 */
export async function awaitTasks(
  admin: Pick<SearchAdmin, "client" | "config">,
  pending: readonly PendingTask[],
  timeoutMs = admin.config.taskTimeoutMs,
): Promise<Task[]> {
  const { client, config } = admin;
  const deadline = Date.now() + timeoutMs;
  const waiting = new Map(pending.map((task) => [task.taskUid, task]));
  const failures: TaskFailure[] = [];
  const done: Task[] = [];
  const delays = pollDelays(config.taskPollIntervalMs);
  while (waiting.size > 0) {
    for (const task of await finishedAmong([...waiting.keys()], client)) {
      const sent = waiting.get(task.uid);
      waiting.delete(task.uid);
      done.push(task);
      if (sent !== undefined && task.status !== "succeeded") failures.push(failureOf(sent, task));
    }
    if (waiting.size === 0) break;
    if (Date.now() >= deadline) throw timedOut([...waiting.values()], timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, delays.next().value));
  }
  if (failures.length > 0) throw failed(failures, pending.length);
  return done;
}

async function finishedAmong(uids: readonly number[], client: Meilisearch): Promise<Task[]> {
  const finished: Task[] = [];
  for (let i = 0; i < uids.length; i += UIDS_PER_POLL) {
    const chunk = uids.slice(i, i + UIDS_PER_POLL);
    const { results } = await meiliCall("Checking task status", () =>
      client.tasks.getTasks({ uids: chunk, limit: chunk.length }),
    );
    for (const task of results) {
      if (task.status !== "enqueued" && task.status !== "processing") finished.push(task);
    }
  }
  return finished;
}

function failureOf(sent: PendingTask, task: Task): TaskFailure {
  return {
    taskUid: task.uid,
    operation: sent.operation,
    documentIds: sent.documentIds ?? [],
    reason: task.error?.code ?? task.status,
    message: task.error?.message ?? `the task was ${task.status}`,
  };
}

function failed(failures: readonly TaskFailure[], total: number): SearchError {
  const listed = failures
    .map(
      (failure) =>
        `task ${failure.taskUid} (${failure.operation}${namedDocuments(failure.documentIds)}): ` +
        `${failure.reason}: ${failure.message}`,
    )
    .join("; ");
  return new SearchError(
    "TASK_FAILED",
    `${failures.length} of ${total} Meilisearch tasks failed: ${listed}. A failed task writes ` +
      "none of its documents: fix the documents named and write them again (see error.failures).",
    { failures },
  );
}

function namedDocuments(ids: readonly string[]): string {
  if (ids.length === 0) return "";
  const shown = ids.slice(0, IDS_IN_MESSAGE).join(", ");
  const more = ids.length > IDS_IN_MESSAGE ? ` and ${ids.length - IDS_IN_MESSAGE} more` : "";
  return `; documents ${shown}${more}`;
}

function timedOut(waiting: readonly PendingTask[], timeoutMs: number): SearchError {
  const listed = waiting.map((task) => `${task.taskUid} (${task.operation})`).join(", ");
  return new SearchError(
    "TASK_TIMEOUT",
    `Meilisearch did not finish tasks ${listed} within ${timeoutMs} ms. They stay queued and may ` +
      "still succeed: raise taskTimeoutMs for large writes, or check the server's load and disk.",
  );
}
