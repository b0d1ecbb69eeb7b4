import { DnsDataError } from "./errors.js";
import type { Labels } from "./normalise.js";

/** Reads wire-format rdata field by field; every read past the end is a DnsDataError naming the type. */
export class Reader {
  private at = 0;

  constructor(
    private readonly bytes: string,
    private readonly type: string,
  ) {}

  private need(count: number): void {
    if (this.at + count > this.bytes.length) throw new DnsDataError(`${this.type} wire data is too short`);
  }

  u8(): number {
    this.need(1);
    return this.bytes.charCodeAt(this.at++);
  }

  u16(): number {
    return (this.u8() << 8) | this.u8();
  }

  u32(): number {
    return this.u16() * 0x10000 + this.u16();
  }

  take(count: number): string {
    this.need(count);
    const out = this.bytes.slice(this.at, this.at + count);
    this.at += count;
    return out;
  }

  rest(): string {
    return this.take(this.bytes.length - this.at);
  }

  get done(): boolean {
    return this.at >= this.bytes.length;
  }

  labels(): Labels {
    const labels: string[] = [];
    for (;;) {
      const length = this.u8();
      if (length === 0) return labels;
      if (length > 63) throw new DnsDataError(`${this.type} wire data has a compressed or invalid name`);
      labels.push(this.take(length));
    }
  }

  end(): void {
    if (!this.done) throw new DnsDataError(`extra input data: ${this.type} wire data is longer than its fields`);
  }
}
