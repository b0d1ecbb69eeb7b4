import { DnsDataError } from "./errors.js";
import { bytesFromHex, hexFromBytes, parseUint } from "./text-codec.js";
import type { Token } from "./tokenizer.js";

/** Walks the rdata tokens with messages that say which field is wrong. */
export class Fields {
  private index = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly type: string,
  ) {}

  get done(): boolean {
    return this.index >= this.tokens.length;
  }

  any(what: string): Token {
    const token = this.tokens[this.index];
    if (token === undefined) throw new DnsDataError(`unexpected end of input: ${this.type} needs ${what}`);
    this.index += 1;
    return token;
  }

  word(what: string): string {
    const token = this.any(what);
    if (token.kind === "quoted")
      throw new DnsDataError(`unexpected quoted string "${token.text}" where ${this.type} needs ${what}`);
    return token.text;
  }

  uint(bits: 8 | 16 | 32, what: string): number {
    return parseUint(this.word(what), 2 ** bits - 1, `${this.type} ${what.replace(/^an? /, "")}`);
  }

  /** The remaining tokens as one hex string (BIND lets hex run over several words). */
  hexRest(what: string, allowEmpty: boolean): string {
    const words: string[] = [];
    while (!this.done) words.push(this.word(what));
    const hex = words.join("");
    if (hex === "" && !allowEmpty) throw new DnsDataError(`unexpected end of input: ${this.type} needs ${what}`);
    return hexFromBytes(bytesFromHex(hex, `${this.type} ${what}`));
  }

  rest(): Token[] {
    const rest = this.tokens.slice(this.index);
    this.index = this.tokens.length;
    return rest;
  }

  end(): void {
    const extra = this.tokens[this.index];
    if (extra !== undefined) throw new DnsDataError(`extra input text '${extra.text}' after the ${this.type} data`);
  }
}
