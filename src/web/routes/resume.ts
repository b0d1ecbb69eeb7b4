import { Router } from "express";
import { answerAction } from "../action-notice.js";
import { authenticatedPage } from "../context.js";

/**
 * The admin's Resume, the button of the banner while a pause whose cause an admin fixes holds (mounted under /admin
 * only). It ends the pause; a pause that ends by itself, and the rejected-request fuse, hold whatever is pressed.
 * The banner is on every page: the answer is the page it was pressed on.
 */
export function resumeRoutes(resumeSending: () => boolean): Router {
  const router = Router();
  router.post("/wapi/resume", (req, res, next) => {
    const page = authenticatedPage(res);
    answerAction(req, res, next, "/", { notice: page.t(resumeSending() ? "action.resumed" : "action.notPaused") });
  });
  return router;
}
