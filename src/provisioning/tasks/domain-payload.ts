import { z } from "zod";

/** The payload of a task about one domain: its name, as the inventory holds it (lower case, no trailing dot). */
export const domainPayload = z.object({ domain: z.string().min(1).max(253) });
