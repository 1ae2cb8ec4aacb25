/**
 * Letters of scripts other than Latin that buyers on the English site would not read.
 * Latin letters with accents (é, ß, ø) are fine.
 */
const FOREIGN_LETTERS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Greek}\p{Script=Armenian}\p{Script=Georgian}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Gujarati}\p{Script=Gurmukhi}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Ethiopic}\p{Script=Tibetan}\p{Script=Mongolian}\p{Script=Syriac}\p{Script=Thaana}]/gu

/** Up to a few non-Latin letters found in the text, or undefined when the text is in Latin script. */
export function foreignLetters(text: string): string | undefined {
  FOREIGN_LETTERS.lastIndex = 0
  if (!FOREIGN_LETTERS.test(text)) return undefined
  FOREIGN_LETTERS.lastIndex = 0
  const found = new Set<string>()
  for (const m of text.matchAll(FOREIGN_LETTERS)) {
    found.add(m[0])
    if (found.size >= 5) break
  }
  return [...found].join("")
}
