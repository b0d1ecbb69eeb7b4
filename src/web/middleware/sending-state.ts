import type { RequestHandler } from "express";
import type { SendingEstimates } from "../../provisioning/estimate.js";
import { authenticatedPage } from "../context.js";

/**
 * Gives every authenticated page what holds back sending to WEDOS (a pause, a spent budget) and the way to ask
 * when a domain's waiting changes are expected there; the layout's banner and the domain views read it.
 */
export function sendingState(estimates: SendingEstimates): RequestHandler {
  return (_req, res, next) => {
    const page = authenticatedPage(res);
    page.sending = {
      blocking: () => estimates.blocking(),
      changesExpected: () => estimates.queueDrain("records"),
      waiting: (domains) => estimates.forDomains(domains),
    };
    next();
  };
}
