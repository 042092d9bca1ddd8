/// What a student typed, brought to one spelling before it is read: the forms an input method
/// may produce for the same answer compare equal.
///
/// The standard library compares strings by canonical equivalence but has no public way to
/// normalise them, and FoundationEssentials has none either (Foundation's would bring ICU and
/// its start-up cost). So this does, with no tables:
/// - NFC for Hangul: conjoining jamo (a decomposed syllable, as some input methods and macOS
///   file names give it) composed into syllables, exactly as Unicode's algorithm does
///   (The Unicode Standard, §3.12); other scripts are left as typed (`==` still treats their
///   canonical equivalents as equal).
/// - The NFKC foldings a Korean keyboard meets: full-width ASCII (`４초`, `ｂ`, `Ｏ`) to ASCII,
///   the ideographic space to a space, the micro sign to μ, and the squared units `㎱ ㎲ ㎳ ㎅
///   ㎆ ㎇` to `ns μs ms KB MB GB`.
enum AnswerNormalization {
  /// `text` with Hangul composed and the compatibility forms above folded; ASCII text is
  /// returned as it is.
  static func normalized(_ text: some StringProtocol) -> String {
    let utf8 = text.utf8
    if utf8.allSatisfy({ $0 < 0x80 }) { return String(text) }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      for folded in fold(scalar) { compose(folded, into: &out) }
    }
    return String(out)
  }

  /// The scalars `scalar` folds to (itself unless it is one of the compatibility forms).
  static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
    let v = scalar.value
    switch v {
    case 0xFF01...0xFF5E:  // full-width ASCII
      return [Unicode.Scalar(v - 0xFEE0)].compactMap { $0 }
    case 0x3000:  // ideographic space
      return [" "]
    case 0x00B5:  // micro sign
      return ["\u{03BC}"]
    case 0x33B1: return ["n", "s"]
    case 0x33B2: return ["\u{03BC}", "s"]
    case 0x33B3: return ["m", "s"]
    case 0x3385: return ["K", "B"]
    case 0x3386: return ["M", "B"]
    case 0x3387: return ["G", "B"]
    default: return [scalar]
    }
  }

  // Hangul syllable composition constants (The Unicode Standard, §3.12).
  static let sBase: UInt32 = 0xAC00
  static let lBase: UInt32 = 0x1100
  static let vBase: UInt32 = 0x1161
  static let tBase: UInt32 = 0x11A7
  static let lCount: UInt32 = 19
  static let vCount: UInt32 = 21
  static let tCount: UInt32 = 28
  static let nCount = vCount * tCount
  static let sCount = lCount * nCount

  /// Appends `scalar` to `out`, composing it with the last scalar when they form a Hangul
  /// syllable (L + V → LV, LV + T → LVT).
  static func compose(_ scalar: Unicode.Scalar, into out: inout String.UnicodeScalarView) {
    let v = scalar.value
    if let last = out.last?.value {
      // A leading consonant and a vowel: an LV syllable.
      if last >= lBase, last < lBase + lCount, v >= vBase, v < vBase + vCount,
        let lv = Unicode.Scalar(sBase + ((last - lBase) * vCount + (v - vBase)) * tCount)
      {
        out.removeLast()
        out.append(lv)
        return
      }
      // An LV syllable and a trailing consonant: an LVT syllable.
      if last >= sBase, last < sBase + sCount, (last - sBase) % tCount == 0,
        v > tBase, v < tBase + tCount, let lvt = Unicode.Scalar(last + (v - tBase))
      {
        out.removeLast()
        out.append(lvt)
        return
      }
    }
    out.append(scalar)
  }
}
