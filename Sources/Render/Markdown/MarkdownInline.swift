/// Inline Markdown (code spans, emphasis, links, escapes) turned into terminal text.
///
/// Linear in the text, whatever it holds: one pass first finds every code span, emphasis
/// closer, bracket pair and parenthesis pair (`InlineScan`), then rendering looks each opener's
/// closer up instead of scanning ahead for it, so unclosed `[`, `*` or `` ` `` cost nothing
/// more than the characters themselves (as cmark's delimiter stack does). Nesting (emphasis in
/// a link in emphasis…) is rendered at most 16 levels deep; deeper text is shown as written.
struct MarkdownInline {
  let style: TerminalStyle
  /// Asked every 4096 characters; when true, the rest of the text is left out.
  var shouldStop: (@Sendable () -> Bool)? = nil

  /// `text` with its inline markup rendered for the terminal.
  func render(_ text: String) -> String {
    guard text.contains(where: { "\\`*_~[]<!".contains($0) }) else { return text }
    let scan = InlineScan(Array(text))
    return render(scan, scan.characters.indices, depth: 0)
  }

  private func render(_ scan: InlineScan, _ range: Range<Int>, depth: Int) -> String {
    let s = scan.characters
    if depth > 16 { return String(s[range]) }
    var out = ""
    var i = range.lowerBound
    let end = range.upperBound
    var nextCheck = i + 4096
    while i < end {
      if i >= nextCheck {
        if shouldStop?() == true { break }
        nextCheck = i + 4096
      }
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
        let run = scan.runLength(at: i, end: end)
        if let close = scan.codeSpanClose(at: i, run: run, end: end) {
          out += codeSpan(String(s[(i + run)..<close]))
          i = close + run
        } else {
          out += String(repeating: "`", count: run)
          i += run
        }

      case "*", "_", "~":
        let run = scan.runLength(at: i, end: end)
        if let (close, used) = scan.emphasisClose(open: i, run: run, in: range) {
          let inner = render(scan, (i + used)..<close, depth: depth + 1)
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
        if let link = link(scan, open: open, end: end) {
          let text = render(scan, (open + 1)..<link.textEnd, depth: depth + 1)
          out += linkText(text, destination: link.destination)
          i = link.end
        } else {
          out.append(c)
          i += 1
        }

      case "<":
        if let (url, next) = autolink(s, at: i, end: end) {
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

  private struct Link {
    var textEnd: Int
    var destination: String
    var end: Int
  }

  /// A link `[text](destination)` whose "[" is at `open`, ending before `end`.
  private func link(_ scan: InlineScan, open: Int, end: Int) -> Link? {
    let s = scan.characters
    guard let close = scan.bracketClose[open], close + 1 < end, s[close + 1] == "(",
      let paren = scan.parenthesisClose[close + 1], paren < end
    else { return nil }
    var destination = String(s[(close + 2)..<paren]).trimmingSpaces()
    if destination.first == "<", let angle = destination.firstIndex(of: ">") {
      destination = destination[destination.index(after: destination.startIndex)..<angle]
    } else if let space = destination.firstIndex(of: " ") {
      destination = destination[..<space]  // drop a title: [a](url "title")
    }
    return Link(textEnd: close, destination: String(destination), end: paren + 1)
  }

  /// An autolink `<scheme:…>` or `<user@host>` at `index`: the address and what follows. The
  /// look-ahead stops at the next space or `<`, so every character is looked at at most twice.
  private func autolink(_ s: [Character], at index: Int, end: Int) -> (String, Int)? {
    var j = index + 1
    while j < end, s[j] != ">" {
      if s[j] == " " || s[j] == "<" { return nil }
      j += 1
    }
    guard j < end, j > index + 1 else { return nil }
    let address = String(s[(index + 1)..<j])
    guard address.contains(":") || address.contains("@") else { return nil }
    return (address, j + 1)
  }

}

func isASCIIPunctuation(_ c: Character) -> Bool {
  guard c.isASCII, let value = c.asciiValue else { return false }
  return (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value)
    || (0x5B...0x60).contains(value) || (0x7B...0x7E).contains(value)
}

func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
