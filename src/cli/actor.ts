import { userInfo } from "node:os";

/** Who a change made on the command line is by, as the billing audit log names it ("cli root"). */
export const cliActor = (): string => `cli ${userInfo().username}`;
