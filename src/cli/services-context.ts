import { loadConfig } from "../config/load.js";
import { createServices, type Services } from "../main.js";
import type { CliIo } from "./command.js";
import { configuredPanel } from "./panel-context.js";

/** All services, for the commands that provision (serve, import). */
export function openServices(io: CliIo): Services {
  const config = loadConfig(io.env);
  return createServices(config, io.clock, configuredPanel(config));
}
