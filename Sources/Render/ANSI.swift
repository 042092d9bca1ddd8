// Escape sequences and the unit of text the renderers measure, cut and wrap: a "cluster" is a
// printable character with the zero-width scalars that attach to it (combining marks,
// variation selectors, emoji modifiers, zero-width-joined emoji, the second regional indicator
// of a flag), or a whole escape sequence, or a control character.

/// One piece of a string as the terminal sees it.
struct TextPiece {
  /// Where the piece is in the string (unicode-scalar indices).
  var range: Range<String.Index>
  /// Terminal columns the piece takes: 0, 1 or 2 (a zero-width-joined emoji counts once).
  var width: Int
  /// Whether the piece is an escape sequence (CSI, OSC or a two-character escape).
  var isEscape: Bool
  /// Whether the piece is an SGR sequence (CSI … m), which changes colours and attributes.
  var isSGR: Bool
}

private let escape: UInt32 = 0x1B
private let zeroWidthJoiner: UInt32 = 0x200D
private let variationSelector16: UInt32 = 0xFE0F

@inline(__always)
private func isRegionalIndicator(_ v: UInt32) -> Bool { v >= 0x1F1E6 && v <= 0x1F1FF }

@inline(__always)
private func isEmojiModifier(_ v: UInt32) -> Bool { v >= 0x1F3FB && v <= 0x1F3FF }

/// Calls `body` for each piece of `text`, in order. Never traps on malformed input: an
/// unterminated escape sequence runs to the end of the string.
func forEachPiece(in text: String, _ body: (TextPiece) -> Void) {
  let scalars = text.unicodeScalars
  var index = scalars.startIndex
  let end = scalars.endIndex
  while index < end {
    let start = index
    let value = scalars[index].value
    scalars.formIndex(after: &index)

    if value == escape {
      var isSGR = false
      if index < end {
        let next = scalars[index].value
        scalars.formIndex(after: &index)
        switch next {
        case 0x5B:  // "[": CSI parameters, intermediates, then a final byte 0x40–0x7E.
          while index < end {
            let v = scalars[index].value
            if v >= 0x40 && v <= 0x7E {
              scalars.formIndex(after: &index)
              isSGR = v == 0x6D  // "m"
              break
            }
            // Anything but a parameter or intermediate byte cuts a malformed sequence short.
            guard v >= 0x20 && v <= 0x3F else { break }
            scalars.formIndex(after: &index)
          }
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F:  // OSC, DCS, SOS, PM, APC: up to BEL or ESC "\".
          while index < end {
            let v = scalars[index].value
            scalars.formIndex(after: &index)
            if v == 0x07 { break }
            if v == escape, index < end, scalars[index].value == 0x5C {
              scalars.formIndex(after: &index)
              break
            }
          }
        default:
          break  // A two-character escape such as ESC 7.
        }
      }
      body(TextPiece(range: start..<index, width: 0, isEscape: true, isSGR: isSGR))
      continue
    }

    var width = scalarWidth(value)
    if value < 0x20 || (value >= 0x7F && value < 0xA0) {
      body(TextPiece(range: start..<index, width: 0, isEscape: false, isSGR: false))
      continue
    }
    // Attach the zero-width scalars that belong to this character.
    let regional = isRegionalIndicator(value)
    var pairedRegional = false
    while index < end {
      let v = scalars[index].value
      if v == zeroWidthJoiner {
        scalars.formIndex(after: &index)
        // The joined scalar (and its own modifiers) draw inside the same two columns.
        if index < end, scalars[index].value != escape, scalars[index].value >= 0x20 {
          scalars.formIndex(after: &index)
        }
        continue
      }
      if v == variationSelector16 {
        width = max(width, 2)
        scalars.formIndex(after: &index)
        continue
      }
      if isEmojiModifier(v) && width == 2 {
        scalars.formIndex(after: &index)
        continue
      }
      if regional && !pairedRegional && isRegionalIndicator(v) {
        pairedRegional = true
        scalars.formIndex(after: &index)
        continue
      }
      if v >= 0x300 && v != escape && scalarWidth(v) == 0 {
        scalars.formIndex(after: &index)
        continue
      }
      break
    }
    body(TextPiece(range: start..<index, width: width, isEscape: false, isSGR: false))
  }
}

/// The graphic rendition (colours and attributes) in force at a point of a string, so that a
/// line cut out of a styled string can be closed with a reset and the next line reopened in
/// the same style.
struct SGRState: Equatable {
  var bold = false
  var dim = false
  var italic = false
  var underline = false
  var blink = false
  var inverse = false
  var strikethrough = false
  /// The parameters that set the foreground colour ("36", "38;5;208"), or nil for default.
  var foreground: String?
  /// The parameters that set the background colour, or nil for default.
  var background: String?

  var isDefault: Bool { self == SGRState() }

  /// The escape sequence that establishes this state from the default one ("" when default).
  var sequence: String {
    if isDefault { return "" }
    var parameters: [String] = []
    if bold { parameters.append("1") }
    if dim { parameters.append("2") }
    if italic { parameters.append("3") }
    if underline { parameters.append("4") }
    if blink { parameters.append("5") }
    if inverse { parameters.append("7") }
    if strikethrough { parameters.append("9") }
    if let foreground { parameters.append(foreground) }
    if let background { parameters.append(background) }
    return "\u{1B}[" + parameters.joined(separator: ";") + "m"
  }

  /// Applies an SGR escape sequence ("\u{1B}[1;36m").
  mutating func apply(sequence: Substring) {
    // Strip ESC "[" and the final "m".
    var body = sequence.dropFirst(2)
    if body.last == "m" { body = body.dropLast() }
    let parameters = body.split(separator: ";", omittingEmptySubsequences: false)
    if parameters.isEmpty {
      self = SGRState()
      return
    }
    var i = 0
    while i < parameters.count {
      let parameter = parameters[i]
      // "4:3" (curly underline) and friends: the part before ":" names the attribute.
      let code = Int(parameter.split(separator: ":").first ?? "") ?? 0
      switch code {
      case 0: self = SGRState()
      case 1: bold = true
      case 2: dim = true
      case 3: italic = true
      case 4, 21: underline = true
      case 5, 6: blink = true
      case 7: inverse = true
      case 9: strikethrough = true
      case 22:
        bold = false
        dim = false
      case 23: italic = false
      case 24: underline = false
      case 25: blink = false
      case 27: inverse = false
      case 29: strikethrough = false
      case 30...37, 90...97: foreground = String(parameter)
      case 39: foreground = nil
      case 40...47, 100...107: background = String(parameter)
      case 49: background = nil
      case 38, 48:
        // 38;5;n or 38;2;r;g;b (and the same for 48).
        var taken = 1
        if i + 1 < parameters.count {
          switch parameters[i + 1] {
          case "5": taken = 3
          case "2": taken = 5
          default: taken = 1
          }
        }
        let last = min(parameters.count, i + taken)
        let colour = parameters[i..<last].joined(separator: ";")
        if code == 38 { foreground = colour } else { background = colour }
        i = last
        continue
      default:
        break
      }
      i += 1
    }
  }
}

/// `text` without its escape sequences.
func withoutEscapes(_ text: String) -> String {
  guard text.utf8.contains(0x1B) else { return text }
  var result = ""
  forEachPiece(in: text) { piece in
    if !piece.isEscape { result += text[piece.range] }
  }
  return result
}

/// The reset sequence: every attribute and colour back to default.
let sgrReset = "\u{1B}[0m"
