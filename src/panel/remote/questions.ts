import { z } from "zod";
import { ACCOUNT_LEVELS, type PanelAccount, type PanelDomain } from "../../model/account.js";
import type { AccountAccess, Panel, PanelZoneFile, PanelZoneFileVersion } from "../panel.js";

/**
 * The questions the panel reader answers: exactly the methods of {@link Panel}, each with the schema of its
 * arguments and of its answer as they travel over the reader's socket (JSON). Adding a method to Panel makes this
 * table fail to compile until the method has its entry here — and RemotePanel, until it forwards it.
 *
 * Answers are zod codecs: the reader encodes what the panel returned (`undefined` travels as `null`, bytes as
 * base64), the daemon decodes and validates it, so an answer that is not what the panel would return is refused
 * on arrival rather than passed on.
 */

/** The names of Panel's methods (its data members, such as `kind`, are not questions). */
export type PanelMethod = {
  [K in keyof Panel]: Panel[K] extends (...args: never[]) => unknown ? K : never;
}[keyof Panel];

/** One question: its arguments, and its answer (decoded: the method's result; encoded: JSON). */
export interface Question<M extends PanelMethod> {
  args: z.ZodType<Parameters<Panel[M]>>;
  answer: z.ZodType<Awaited<ReturnType<Panel[M]>>>;
}

/** A user or domain name as a question carries it; the panel itself decides whether it is valid. */
const name = z.string().min(1).max(255);

/** A value that may be absent: `undefined` in the code, `null` on the wire (JSON has no undefined). */
function absentAsNull<T extends z.ZodType>(schema: T) {
  return z.codec(schema.nullable(), z.custom<z.output<T> | undefined>(), {
    decode: (value) => value ?? undefined,
    encode: (value) => value ?? null,
  });
}

const bytes = z.codec(z.base64(), z.instanceof(Uint8Array), {
  decode: (text) => z.util.base64ToUint8Array(text),
  encode: (value) => z.util.uint8ArrayToBase64(value),
});

const panelDomain: z.ZodType<PanelDomain> = z.strictObject({
  domain: name,
  kind: z.enum(["domain", "pointer"]),
  target: name.optional(),
});

const panelAccount = z.strictObject({
  username: name,
  package: absentAsNull(z.string()),
  ips: z.array(z.string()),
  suspended: z.boolean(),
  creator: absentAsNull(z.string()),
  domains: z.array(panelDomain),
}) satisfies z.ZodType<PanelAccount>;

const panelZoneFile = z.strictObject({
  path: z.string(),
  content: absentAsNull(bytes),
}) satisfies z.ZodType<PanelZoneFile>;

const panelZoneFileVersion = z.strictObject({
  path: z.string(),
  version: absentAsNull(z.string().max(200)),
  size: z.number().int().min(0),
  settled: z.boolean(),
}) satisfies z.ZodType<PanelZoneFileVersion>;

const accountAccess = z.strictObject({
  level: z.enum(ACCOUNT_LEVELS),
  language: absentAsNull(z.string()),
}) satisfies z.ZodType<AccountAccess>;

export const PANEL_QUESTIONS = {
  listAccounts: { args: z.tuple([]), answer: z.array(panelAccount) },
  account: { args: z.tuple([name]), answer: absentAsNull(panelAccount) },
  accountAccess: { args: z.tuple([name]), answer: absentAsNull(accountAccess) },
  ownerOf: { args: z.tuple([name]), answer: absentAsNull(z.string()) },
  packages: { args: z.tuple([]), answer: z.array(z.string().min(1).max(255)).max(100_000) },
  zoneFile: { args: z.tuple([name]), answer: panelZoneFile },
  zoneFileVersion: { args: z.tuple([name]), answer: panelZoneFileVersion },
} satisfies { [M in PanelMethod]: Question<M> };

/** Whether `method` names a question (own keys only: `toString` or `__proto__` are not questions). */
export function isPanelMethod(method: string): method is PanelMethod {
  return Object.hasOwn(PANEL_QUESTIONS, method);
}
