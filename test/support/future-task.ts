import { defineTask } from "../../src/provisioning/task-definition.js";
import { domainPayload } from "../../src/provisioning/tasks/domain-payload.js";

/** A task the worker's registry does not know, like a job written by a newer wedos-panel. */
export const taskFromTheFuture = defineTask({
  name: "from-the-future",
  payload: domainPayload,
  domainOf: (payload) => payload.domain,
  lane: "records",
  run: () => Promise.reject(new Error("never run: the registry does not hold this task")),
});
