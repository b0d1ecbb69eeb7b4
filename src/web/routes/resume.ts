import { Router } from "express";
import type { JobQueue } from "../../provisioning/queue.js";
import { authenticatedPage } from "../context.js";
import { showHome } from "./home.js";

/**
 * The admin's Resume, the button of the banner while a pause whose cause an admin fixes holds (mounted under /admin
 * only). It ends the pause; a pause that ends by itself, and the rejected-request fuse, hold whatever is pressed.
 */
export function resumeRoutes(queue: JobQueue, resumeSending: () => boolean): Router {
  const router = Router();
  router.post("/wapi/resume", async (_req, res) => {
    const page = authenticatedPage(res);
    await showHome(res, queue, page.t(resumeSending() ? "action.resumed" : "action.notPaused"));
  });
  return router;
}
