/** English texts of actions' answers and their progress (part of en.ts's catalogue). */
export const enLive = {
  "settings.testNoAnswerYet":
    "WEDOS has not answered within {seconds} seconds. The test goes on; its answer is shown below once it comes — open this page again in a minute.",
} as const;
