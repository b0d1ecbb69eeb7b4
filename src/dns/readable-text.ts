/**
 * The DNS layer holds names and values as bytes (one char per byte, 0–255), so that any byte survives. A message
 * that quotes such data must show it as the text it spells — 'bücher', not the UTF-8 bytes of 'ü' shown as the
 * two characters 'Ã¼' — and a byte that is not part of UTF-8 text as BIND writes it (`\252`). Message templates are
 * ASCII (or above U+00FF, such as '…'), so every char from U+0080 to U+00FF in a message is a byte of quoted data.
 */
const utf8 = new TextDecoder("utf-8", { fatal: true });

export function readableText(message: string): string {
  return message.replace(/[\u0080-\u00ff]+/g, (run) => {
    try {
      return utf8.decode(Buffer.from(run, "latin1"));
    } catch {
      return [...run].map((char) => `\\${String(char.charCodeAt(0)).padStart(3, "0")}`).join("");
    }
  });
}
