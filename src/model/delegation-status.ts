/**
 * What DNS says about a domain's delegation: `seen` — every name server is one of WEDOS's; `partial` — some are
 * WEDOS's, some are not; `elsewhere` — none is; `unregistered` — DNS does not know the domain (NXDOMAIN);
 * `unanswered` — no usable answer (timeout, SERVFAIL, refused), worth asking again soon.
 */
export type DelegationStatus = "seen" | "partial" | "elsewhere" | "unregistered" | "unanswered";
