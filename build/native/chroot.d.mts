import type { ChildProcess, SpawnOptions, SpawnSyncOptions, SpawnSyncReturns } from "node:child_process";
export declare class RootOverlay {
  readonly work: string;
  readonly root: string;
  constructor(lower: string, work: string);
  bind(hostDir: string, inside: string, options?: { writable?: boolean }): void;
  path(inside: string): string;
  run(argv: readonly string[], options?: SpawnSyncOptions): SpawnSyncReturns<string>;
  start(argv: readonly string[], options?: SpawnOptions): ChildProcess;
  close(): void;
}
