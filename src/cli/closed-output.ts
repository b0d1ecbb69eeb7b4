/** What a shell reports for a program that a closed pipe ended: 128 + SIGPIPE (13), as `yes | head -1` does. */
export const CLOSED_PIPE_STATUS = 141;

/**
 * Ends the process quietly, with CLOSED_PIPE_STATUS, once whoever reads its output has gone (`wedos-panel status |
 * head -1`): Node ignores SIGPIPE, so a write to a closed pipe fails with EPIPE, which would otherwise end the
 * command with a stack trace. There is no one left to tell, so nothing is written. Other write errors stay errors.
 */
export function endQuietlyWhenOutputCloses(
  streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr],
  exit: (status: number) => never = process.exit,
): void {
  for (const stream of streams) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") exit(CLOSED_PIPE_STATUS);
      throw error;
    });
  }
}
