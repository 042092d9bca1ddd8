// Terminal column widths of Unicode scalars, from Unicode data rather than the C locale:
// East Asian Wide and Fullwidth characters and emoji take two columns, combining marks and
// format characters none, everything else one.

/// Columns that `value` takes on its own: 0, 1 or 2. Controls count as 0.
@inline(__always)
func scalarWidth(_ value: UInt32) -> Int {
  if value < 0x7F { return value >= 0x20 ? 1 : 0 }
  if value < 0xA0 { return 0 }
  if value < 0x300 { return 1 }
  // The two big blocks first: CJK ideographs and Hangul syllables.
  if value >= 0x4E00 && value <= 0x9FFF { return 2 }
  if value >= 0xAC00 && value <= 0xD7A3 { return 2 }
  return uncommonScalarWidth(value)
}

private func uncommonScalarWidth(_ value: UInt32) -> Int {
  // Hangul Jamo medial vowels and final consonants join the initial consonant before them.
  if (value >= 0x1160 && value <= 0x11FF) || (value >= 0xD7B0 && value <= 0xD7FF) { return 0 }
  guard let scalar = Unicode.Scalar(value) else { return 1 }
  switch scalar.properties.generalCategory {
  case .nonspacingMark, .enclosingMark:
    return 0
  case .format:
    // The soft hyphen is shown as a hyphen by terminals.
    return value == 0xAD ? 1 : 0
  default:
    break
  }
  if inRanges(value, wideRanges) { return 2 }
  if value >= 0x2300 && scalar.properties.isEmojiPresentation { return 2 }
  return 1
}

/// Binary search in a sorted list of disjoint closed ranges.
private func inRanges(_ value: UInt32, _ ranges: [(UInt32, UInt32)]) -> Bool {
  if value < ranges[0].0 || value > ranges[ranges.count - 1].1 { return false }
  var low = 0
  var high = ranges.count - 1
  while low <= high {
    let middle = (low + high) / 2
    if value < ranges[middle].0 {
      high = middle - 1
    } else if value > ranges[middle].1 {
      low = middle + 1
    } else {
      return true
    }
  }
  return false
}

/// East Asian Wide (W) and Fullwidth (F) ranges, Unicode 15.1, without the emoji (those are
/// found through the Emoji_Presentation property).
private let wideRanges: [(UInt32, UInt32)] = [
  (0x1100, 0x115F),  // Hangul Jamo initial consonants
  (0x2329, 0x232A),  // angle brackets
  (0x2E80, 0x2E99),  // CJK radicals supplement
  (0x2E9B, 0x2EF3),
  (0x2F00, 0x2FD5),  // Kangxi radicals
  (0x2FF0, 0x2FFF),  // ideographic description characters
  (0x3000, 0x303E),  // CJK symbols and punctuation, ideographic space
  (0x3041, 0x3096),  // Hiragana
  (0x3099, 0x30FF),  // Katakana
  (0x3105, 0x312F),  // Bopomofo
  (0x3131, 0x318E),  // Hangul compatibility Jamo
  (0x3190, 0x31E3),  // Kanbun, Bopomofo extended, CJK strokes
  (0x31EF, 0x321E),  // Katakana phonetic extensions, enclosed CJK
  (0x3220, 0x3247),
  (0x3250, 0x4DBF),  // enclosed CJK, CJK compatibility, CJK extension A
  (0x4E00, 0x9FFF),  // CJK unified ideographs
  (0xA000, 0xA48C),  // Yi syllables
  (0xA490, 0xA4C6),  // Yi radicals
  (0xA960, 0xA97C),  // Hangul Jamo extended A
  (0xAC00, 0xD7A3),  // Hangul syllables
  (0xF900, 0xFAFF),  // CJK compatibility ideographs
  (0xFE10, 0xFE19),  // vertical forms
  (0xFE30, 0xFE52),  // CJK compatibility forms
  (0xFE54, 0xFE66),
  (0xFE68, 0xFE6B),
  (0xFF01, 0xFF60),  // fullwidth forms
  (0xFFE0, 0xFFE6),
  (0x16FE0, 0x16FE4),  // ideographic symbols
  (0x16FF0, 0x16FF1),
  (0x17000, 0x187F7),  // Tangut
  (0x18800, 0x18CD5),
  (0x18D00, 0x18D08),
  (0x1AFF0, 0x1AFFE),  // Kana extended B
  (0x1B000, 0x1B122),  // Kana supplement, Kana extended A
  (0x1B132, 0x1B132),
  (0x1B150, 0x1B152),  // small Kana
  (0x1B155, 0x1B155),
  (0x1B164, 0x1B167),
  (0x1B170, 0x1B2FB),  // Nushu
  (0x1F200, 0x1F202),  // enclosed ideographic supplement
  (0x1F210, 0x1F23B),
  (0x1F240, 0x1F248),
  (0x1F250, 0x1F251),
  (0x1F260, 0x1F265),
  (0x20000, 0x2FFFD),  // CJK extensions B–F, compatibility supplement
  (0x30000, 0x3FFFD),  // CJK extensions G–H
]
