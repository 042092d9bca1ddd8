/// Inline Markdown (code spans, emphasis, links, escapes) turned into terminal text.
struct MarkdownInline {
  let style: TerminalStyle

  /// `text` with its inline markup rendered for the terminal.
  func render(_ text: String) -> String {
    guard text.contains(where: { "\\`*_~[]<!".contains($0) }) else { return text }
    let characters = Array(text)
    return render(characters[...], depth: 0)
  }

  private typealias Slice = ArraySlice<Character>

  private func render(_ s: Slice, depth: Int) -> String {
    if depth > 16 { return String(s) }
    var out = ""
    var i = s.startIndex
    let end = s.endIndex
    while i < end {
      let c = s[i]
      switch c {
      case "\\":
        if i + 1 < end, isASCIIPunctuation(s[i + 1]) {
          out.append(s[i + 1])
          i += 2
        } else {
          out.append(c)
          i += 1
        }

      case "`":
        let run = runLength(s, at: i)
        if let close = backtickClose(s, from: i + run, run: run) {
          out += codeSpan(String(s[(i + run)..<close]))
          i = close + run
        } else {
          out += String(repeating: "`", count: run)
          i += run
        }

      case "*", "_", "~":
        let run = runLength(s, at: i)
        if let (close, used) = emphasisClose(s, open: i, run: run) {
          let inner = render(s[(i + used)..<close], depth: depth + 1)
          out += emphasis(inner, marker: c, count: used)
          i = close + used
        } else {
          out += String(repeating: String(c), count: run)
          i += run
        }

      case "[", "!":
        let isImage = c == "!"
        if isImage && !(i + 1 < end && s[i + 1] == "[") {
          out.append(c)
          i += 1
          continue
        }
        let open = isImage ? i + 1 : i
        if let link = link(s, open: open) {
          let text = render(s[(open + 1)..<link.textEnd], depth: depth + 1)
          out += linkText(text, destination: link.destination)
          i = link.end
        } else {
          out.append(c)
          i += 1
        }

      case "<":
        if let (url, next) = autolink(s, at: i) {
          out += style.underline(url)
          i = next
        } else {
          out.append(c)
          i += 1
        }

      default:
        out.append(c)
        i += 1
      }
    }
    return out
  }

  // MARK: - Pieces

  private func codeSpan(_ raw: String) -> String {
    var content = raw.replacing("\n", with: " ")
    if content.count >= 2, content.first == " ", content.last == " ",
      content.contains(where: { $0 != " " })
    {
      content = String(content.dropFirst().dropLast())
    }
    if style.color { return style.color(content, .cyan) }
    return content.contains("`") ? "`` " + content + " ``" : "`" + content + "`"
  }

  private func emphasis(_ inner: String, marker: Character, count: Int) -> String {
    if marker == "~" {
      return style.color ? style.strikethrough(inner) : "~~" + inner + "~~"
    }
    switch count {
    case 1: return style.italic(inner)
    case 2: return style.bold(inner)
    default: return style.bold(style.italic(inner))
    }
  }

  private func linkText(_ text: String, destination: String) -> String {
    if destination.isEmpty || withoutEscapes(text) == destination { return style.underline(text) }
    return style.underline(text) + " (" + style.dim(destination) + ")"
  }

  // MARK: - Scanning

  private func runLength(_ s: Slice, at index: Int) -> Int {
    let c = s[index]
    var j = index
    while j < s.endIndex && s[j] == c { j += 1 }
    return j - index
  }

  /// The start of the backtick run of exactly `run` that closes a code span, or nil.
  private func backtickClose(_ s: Slice, from start: Int, run: Int) -> Int? {
    var j = start
    while j < s.endIndex {
      if s[j] == "`" {
        let length = runLength(s, at: j)
        if length == run { return j }
        j += length
      } else {
        j += 1
      }
    }
    return nil
  }

  /// Where the emphasis opened by the delimiter run at `open` closes, and how many delimiter
  /// characters it uses; nil when it does not open emphasis or nothing closes it.
  private func emphasisClose(_ s: Slice, open: Int, run: Int) -> (Int, Int)? {
    let marker = s[open]
    let used: Int
    if marker == "~" {
      guard run == 2 else { return nil }
      used = 2
    } else {
      guard run <= 3 else { return nil }
      used = run
    }
    let after = open + run
    guard after < s.endIndex, !s[after].isWhitespace else { return nil }
    if marker == "_", open > s.startIndex, isWordCharacter(s[open - 1]) { return nil }

    var j = after
    while j < s.endIndex {
      let c = s[j]
      if c == "\\" {
        j += 2
        continue
      }
      if c == "`" {
        let length = runLength(s, at: j)
        if let close = backtickClose(s, from: j + length, run: length) {
          j = close + length
        } else {
          j += length
        }
        continue
      }
      if c == marker {
        let length = runLength(s, at: j)
        let closes =
          length == used && !s[j - 1].isWhitespace
          && !(marker == "_" && j + length < s.endIndex && isWordCharacter(s[j + length]))
        if closes && j > after { return (j, used) }
        j += length
        continue
      }
      j += 1
    }
    return nil
  }

  private struct Link {
    var textEnd: Int
    var destination: String
    var end: Int
  }

  /// A link `[text](destination)` whose "[" is at `open`.
  private func link(_ s: Slice, open: Int) -> Link? {
    var depth = 0
    var j = open
    var close: Int?
    while j < s.endIndex {
      let c = s[j]
      if c == "\\" {
        j += 2
        continue
      }
      if c == "`" {
        let length = runLength(s, at: j)
        if let end = backtickClose(s, from: j + length, run: length) {
          j = end + length
        } else {
          j += length
        }
        continue
      }
      if c == "[" { depth += 1 }
      if c == "]" {
        depth -= 1
        if depth == 0 {
          close = j
          break
        }
      }
      j += 1
    }
    guard let close, close + 1 < s.endIndex, s[close + 1] == "(" else { return nil }
    var parentheses = 0
    var k = close + 1
    var end: Int?
    while k < s.endIndex {
      let c = s[k]
      if c == "\\" {
        k += 2
        continue
      }
      if c == "(" { parentheses += 1 }
      if c == ")" {
        parentheses -= 1
        if parentheses == 0 {
          end = k
          break
        }
      }
      k += 1
    }
    guard let end else { return nil }
    var destination = String(s[(close + 2)..<end]).trimmingSpaces()
    if destination.first == "<", let angle = destination.firstIndex(of: ">") {
      destination = destination[destination.index(after: destination.startIndex)..<angle]
    } else if let space = destination.firstIndex(of: " ") {
      destination = destination[..<space]  // drop a title: [a](url "title")
    }
    return Link(textEnd: close, destination: String(destination), end: end + 1)
  }

  /// An autolink `<scheme:…>` or `<user@host>` at `index`: the address and what follows.
  private func autolink(_ s: Slice, at index: Int) -> (String, Int)? {
    var j = index + 1
    while j < s.endIndex, s[j] != ">" {
      if s[j] == " " || s[j] == "<" { return nil }
      j += 1
    }
    guard j < s.endIndex, j > index + 1 else { return nil }
    let address = String(s[(index + 1)..<j])
    guard address.contains(":") || address.contains("@") else { return nil }
    return (address, j + 1)
  }

  private func isASCIIPunctuation(_ c: Character) -> Bool {
    guard c.isASCII, let value = c.asciiValue else { return false }
    return (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value)
      || (0x5B...0x60).contains(value) || (0x7B...0x7E).contains(value)
  }

  private func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
}
