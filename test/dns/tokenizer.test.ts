import { describe, expect, test } from "vitest";
import { DnsDataError } from "../../src/dns/index.js";
import { tokenizeValue, tokenizeZone } from "../../src/dns/tokenizer.js";

const texts = (input: string) =>
  tokenizeZone(input).entries.map((entry) =>
    entry.tokens.map((token) => (token.kind === "quoted" ? `"${token.text}"` : token.text)),
  );

describe("tokenizeZone", () => {
  test.each([
    [
      "a A 1\nb A 2\n",
      [
        ["a", "A", "1"],
        ["b", "A", "2"],
      ],
    ],
    ['a TXT ( "x"\n  "y" ) ; c\n', [["a", "TXT", '"x"', '"y"']]],
    ["; only a comment\n\n   \n\t; indented comment\n", []],
    ['a TXT "b;c" d\\;e ; f\n', [["a", "TXT", '"b;c"', "d\\;e"]]],
    ['a TXT "x"y"z"\n', [["a", "TXT", '"x"', "y", '"z"']]],
    ['a TXT "x\\"y"\n', [["a", "TXT", '"x\\"y"']]],
    ['a TXT "line\\\nbreak"\n', [["a", "TXT", '"line\\\nbreak"']]],
    [
      "a A 1\r\nb A 2\r\n",
      [
        ["a", "A", "1"],
        ["b", "A", "2"],
      ],
    ],
    ["a A 1", [["a", "A", "1"]]],
  ])("%j", (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  test("lines starting with white space omit the owner; tokens know their line and whether they touch the previous one", () => {
    const { entries } = tokenizeZone('a A 1\n  A 2\nb ( A\n 3 )\nc key="v"\n');
    expect(entries.map((entry) => [entry.line, entry.ownerOmitted])).toEqual([
      [1, false],
      [2, true],
      [3, false],
      [5, false],
    ]);
    expect(entries[2]?.tokens.map((token) => token.line)).toEqual([3, 3, 4]);
    expect(entries[3]?.tokens.map((token) => token.joined)).toEqual([false, false, true]);
  });

  test.each([
    ['a TXT "open\nb A 1\n', [[1, "unbalanced quotes"]], [["b", "A", "1"]]],
    ["a A ( 1\nb A 2\n", [[1, "'(' is never closed"]], []],
    ["a A 1 )\nb A 2\n", [[1, "')' without a matching '('"]], [["b", "A", "2"]]],
    ["a TXT x\\\ny\nb A 2\n", [[1, "a line break cannot be escaped outside quotes"]], [["y"], ["b", "A", "2"]]],
  ])("problems: %j", (input, problems, left) => {
    const result = tokenizeZone(input);
    expect(result.problems.map((problem) => [problem.line, problem.message])).toEqual(
      problems.map(([line, message]) => [line, expect.stringContaining(String(message))]),
    );
    expect(texts(input)).toEqual(left);
  });
});

describe("tokenizeValue", () => {
  test("one value, parentheses allowed", () => {
    expect(tokenizeValue('( "a" "b" )').map((token) => token.text)).toEqual(["a", "b"]);
    expect(() => tokenizeValue('"open')).toThrow(DnsDataError);
    expect(() => tokenizeValue("a\nb")).toThrow("the value continues on another line outside parentheses");
  });
});
