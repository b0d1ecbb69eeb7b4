// A minimal, deterministic ustar writer. The archive states every mode and owner itself (root, 0/0), so what
// DirectAdmin unpacks does not depend on the modes of the build machine's checkout or its umask, and two builds of
// the same tree give the same bytes. GNU tar could do this with --sort/--owner/--mtime, but not every build machine
// has GNU tar; 60 lines of Node do the same everywhere.
import { gzipSync } from "node:zlib";

const BLOCK = 512;

/**
 * Packs the entries, in the order given, into a gzip-compressed ustar archive.
 * @param {Array<{ path: string, type: "dir" | "file", mode: number, data?: Buffer }>} entries
 * @param {number} mtime seconds since the epoch, the same for every entry
 * @returns {Buffer}
 */
export function tarGz(entries, mtime) {
  const blocks = [];
  for (const entry of entries) {
    const data = entry.type === "file" ? (entry.data ?? Buffer.alloc(0)) : Buffer.alloc(0);
    blocks.push(header(entry.type === "dir" ? `${entry.path}/` : entry.path, entry, data.length, mtime));
    if (data.length > 0) blocks.push(data, Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK));
  }
  blocks.push(Buffer.alloc(2 * BLOCK));
  return gzipSync(Buffer.concat(blocks), { level: 9 });
}

function header(path, entry, size, mtime) {
  const [prefix, name] = splitPath(path);
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, "utf8");
  octal(block, 100, 8, entry.mode);
  octal(block, 108, 8, 0); // uid root
  octal(block, 116, 8, 0); // gid root
  octal(block, 124, 12, size);
  octal(block, 136, 12, mtime);
  block.fill(" ", 148, 156); // the checksum is computed with its own field as spaces
  block.write(entry.type === "dir" ? "5" : "0", 156);
  block.write("ustar\u000000", 257, 8, "latin1");
  block.write("root", 265);
  block.write("root", 297);
  block.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, "0")}\u0000 `, 148, 8, "latin1");
  return block;
}

/** ustar keeps a path as prefix (155 bytes) + "/" + name (100 bytes). */
function splitPath(path) {
  if (Buffer.byteLength(path) <= 100) return ["", path];
  for (let cut = path.indexOf("/"); cut !== -1; cut = path.indexOf("/", cut + 1)) {
    const prefix = path.slice(0, cut);
    const name = path.slice(cut + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name !== "") return [prefix, name];
  }
  throw new Error(`${path}: too long for a ustar archive (at most 155 + 100 bytes, split at a slash)`);
}

function octal(block, offset, width, value) {
  block.write(`${value.toString(8).padStart(width - 1, "0")}\u0000`, offset, width, "latin1");
}
