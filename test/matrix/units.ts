import { readFileSync } from "node:fs";

/** What the matrix needs of a systemd unit the installer wrote, to start its service as systemd would. */
export interface ServiceUnit {
  name: string;
  /** User=, or for DynamicUser=yes a free uid standing for the one systemd would allocate. */
  user: string | undefined;
  group: string | undefined;
  supplementaryGroups: string[];
  environment: string[];
  execStartPre: string[][];
  execStart: string[];
  runtimeDirectories: string[];
  runtimeDirectoryMode: string;
  ambientCapabilities: string[];
  /** Other units this one is ordered after or needs. */
  after: string[];
}

/** A uid in systemd's DynamicUser= range, free in the matrix's root, for a unit that has no User= of its own. */
const DYNAMIC_UID = "61184";

/** What the matrix needs of a socket unit: where it listens, and for whom. */
export interface SocketUnit {
  name: string;
  listenStream: string;
  user: string;
  group: string;
  mode: string;
}

export function parseSocketUnit(name: string, file: string): SocketUnit {
  const values = new Map<string, string>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const match = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (match !== null) values.set(match[1] as string, match[2] as string);
  }
  const listenStream = values.get("ListenStream");
  if (listenStream === undefined) throw new Error(`${file} has no ListenStream=`);
  const user = values.get("SocketUser") ?? "root";
  return {
    name,
    listenStream,
    user,
    group: values.get("SocketGroup") ?? user,
    mode: values.get("SocketMode") ?? "0666",
  };
}

/** Reads the [Service] and [Unit] settings the matrix honours; anything else in the file is left to systemd. */
export function parseUnit(name: string, file: string): ServiceUnit {
  const values = new Map<string, string[]>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const match = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (match === null) continue;
    const [, key = "", value = ""] = match;
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  const all = (key: string) => values.get(key) ?? [];
  const last = (key: string) => all(key).at(-1);
  const words = (key: string) => all(key).flatMap((value) => value.split(/\s+/).filter((word) => word !== ""));
  const command = (line: string) =>
    line
      .replace(/^[-@+!:]+/, "")
      .split(/\s+/)
      .filter((word) => word !== "");
  const execStart = last("ExecStart");
  if (execStart === undefined) throw new Error(`${file} has no ExecStart=`);
  return {
    name,
    user: last("User") ?? (last("DynamicUser") === "yes" ? DYNAMIC_UID : undefined),
    group: last("Group") ?? (last("DynamicUser") === "yes" ? DYNAMIC_UID : undefined),
    supplementaryGroups: words("SupplementaryGroups"),
    environment: words("Environment"),
    execStartPre: all("ExecStartPre").map(command),
    execStart: command(execStart),
    runtimeDirectories: words("RuntimeDirectory"),
    runtimeDirectoryMode: last("RuntimeDirectoryMode") ?? "0755",
    ambientCapabilities: words("AmbientCapabilities").map((capability) =>
      capability.replace(/^CAP_/, "").toLowerCase(),
    ),
    after: [...words("After"), ...words("Requires"), ...words("Wants")],
  };
}

/** Units in an order that starts each after the units of `units` it names in After=/Requires=/Wants=. */
export function startOrder(units: readonly ServiceUnit[]): ServiceUnit[] {
  const ordered: ServiceUnit[] = [];
  const visit = (unit: ServiceUnit, path: string[]) => {
    if (ordered.includes(unit) || path.includes(unit.name)) return;
    for (const name of unit.after) {
      const dependency = units.find((candidate) => candidate.name === name);
      if (dependency !== undefined) visit(dependency, [...path, unit.name]);
    }
    ordered.push(unit);
  };
  for (const unit of units) visit(unit, []);
  return ordered;
}

/** The setpriv command that runs `argv` as the unit's account (root when it names none), with its capabilities. */
export function asUnitAccount(unit: ServiceUnit, argv: readonly string[]): string[] {
  if (unit.user === undefined)
    return ["/usr/bin/env", "-i", "PATH=/usr/local/bin:/usr/bin:/bin", ...unit.environment, ...argv];
  const groups =
    unit.supplementaryGroups.length > 0 ? [`--groups=${unit.supplementaryGroups.join(",")}`] : ["--clear-groups"];
  const capabilities =
    unit.ambientCapabilities.length > 0
      ? [`--inh-caps=+${unit.ambientCapabilities.join(",+")}`, `--ambient-caps=+${unit.ambientCapabilities.join(",+")}`]
      : [];
  return [
    "setpriv",
    `--reuid=${unit.user}`,
    `--regid=${unit.group ?? unit.user}`,
    ...groups,
    ...capabilities,
    "--",
    "/usr/bin/env",
    "-i",
    "PATH=/usr/local/bin:/usr/bin:/bin",
    ...unit.environment,
    ...argv,
  ];
}
