import { createHash } from "node:crypto";

/** SHA-256 of a text (UTF-8), as lower-case hex: how secrets are kept and compared without being stored. */
export const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");
