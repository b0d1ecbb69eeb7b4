import type { enLive } from "./en-live.js";

/** Czech texts of actions' answers and their progress (part of cs.ts's catalogue). */
export const csLive: Record<keyof typeof enLive, string> = {
  "settings.testNoAnswerYet":
    "WEDOS neodpověděl do {seconds} sekund. Test dál běží; jeho odpověď se zobrazí níže, jakmile přijde — otevřete tuto stránku znovu za minutu.",
};
