import DemoContract  // Alignment

// Block structure of the Markdown that lessons are written in: a forgiving subset of
// CommonMark with GitHub's pipe tables. Malformed input never fails: whatever is not
// recognised is a paragraph, an unterminated fence runs to the end. This file scans the blocks;
// quotes, lists and tables are read in MarkdownContainers.swift, single lines in MarkdownLines.swift.

/// A block of a Markdown document.
indirect enum MarkdownBlock: Equatable {
  case heading(level: Int, text: String)
  /// Inline text; "\n" marks a hard line break.
  case paragraph(String)
  case code(lines: [String], info: String)
  case quote([MarkdownBlock])
  case list(ordered: Bool, start: Int, items: [[MarkdownBlock]], loose: Bool)
  case table(header: [String], alignments: [Alignment], rows: [[String]])
  case rule
}

enum MarkdownParser {
  /// How deeply block quotes and lists may nest. Deeper markers are read as text, so that
  /// neither parsing nor rendering recurses further (15,000 nested `>` once overflowed the
  /// stack), and the work stays linear in the input times this bound.
  static let maximumNesting = 32

  /// Where nesting went past `maximumNesting`, if it did: the first such line.
  final class NestingWatch {
    var firstTooDeep: Int?
  }

  /// The blocks of `markdown`.
  static func parse(_ markdown: String) -> [MarkdownBlock] {
    let lines = normalizedLines(markdown)
    return parseBlocks(lines, Array(lines.indices), depth: 0, NestingWatch())
  }

  /// The 0-based index of the first line of `markdown` whose quotes and lists nest more than
  /// `maximumNesting` deep, or nil.
  static func tooDeeplyNestedLine(_ markdown: String) -> Int? {
    let lines = normalizedLines(markdown)
    let watch = NestingWatch()
    _ = parseBlocks(lines, Array(lines.indices), depth: 0, watch)
    return watch.firstTooDeep
  }

  /// Lines without "\r", tabs expanded to stops every 4 columns.
  static func normalizedLines(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { raw in
      var line = raw
      if line.last == "\r" { line = line.dropLast() }
      guard line.contains("\t") else { return String(line) }
      var expanded = ""
      var column = 0
      for character in line {
        if character == "\t" {
          let spaces = 4 - column % 4
          expanded += String(repeating: " ", count: spaces)
          column += spaces
        } else {
          expanded.append(character)
          column += 1
        }
      }
      return expanded
    }
  }

  /// The blocks of `lines`, whose line numbers in the document are `origins`, inside `depth`
  /// quotes and lists.
  static func parseBlocks(
    _ lines: [String], _ origins: [Int], depth: Int, _ watch: NestingWatch
  ) -> [MarkdownBlock] {
    var blocks: [MarkdownBlock] = []
    var paragraph: [String] = []
    var i = 0

    func flushParagraph() {
      guard !paragraph.isEmpty else { return }
      blocks.append(.paragraph(joinParagraph(paragraph)))
      paragraph = []
    }

    while i < lines.count {
      let line = lines[i]
      let indent = leadingSpaces(line)
      if indent == line.utf8.count {  // blank
        flushParagraph()
        i += 1
        continue
      }
      let trimmed = droppingSpaces(line, indent)

      if indent >= 4 {
        if !paragraph.isEmpty {  // lazy continuation of the paragraph
          paragraph.append(String(trimmed))
          i += 1
          continue
        }
        blocks.append(indentedCode(lines, &i))
        continue
      }

      if let block = fenceOrHeading(lines, &i, trimmed, indent: indent) {
        flushParagraph()
        blocks.append(block)
        continue
      }

      if !paragraph.isEmpty, let level = setextLevel(trimmed) {
        let text = joinParagraph(paragraph)
        paragraph = []
        blocks.append(.heading(level: level, text: text))
        i += 1
        continue
      }

      if isThematicBreak(trimmed) {
        flushParagraph()
        blocks.append(.rule)
        i += 1
        continue
      }

      let opensContainer =
        trimmed.first == ">"
        || (listMarker(line).map { paragraph.isEmpty || !$0.ordered || $0.number == 1 } ?? false)
      if opensContainer && depth >= maximumNesting {
        // Too deep: the marker is text (the linter reports the line).
        if watch.firstTooDeep == nil { watch.firstTooDeep = origins[i] }
        paragraph.append(String(trimmed))
        i += 1
        continue
      }

      if let block = containerOrTable(
        lines, origins, &i, opensContainer: opensContainer, depth: depth, watch)
      {
        flushParagraph()
        blocks.append(block)
        continue
      }

      paragraph.append(String(trimmed))
      i += 1
    }
    flushParagraph()
    return blocks
  }

  /// The fenced code block or ATX heading that line `i` (whose text after its `indent` spaces
  /// is `trimmed`) opens, or nil; `i` moves past the block.
  static func fenceOrHeading(
    _ lines: [String], _ i: inout Int, _ trimmed: Substring, indent: Int
  ) -> MarkdownBlock? {
    if let fence = fenceOpening(trimmed) {
      return fencedCode(lines, &i, fence, indent: indent)
    }
    if let heading = atxHeading(trimmed) {
      i += 1
      return .heading(level: heading.level, text: heading.text)
    }
    return nil
  }

  /// The block quote, list (when `opensContainer` says a marker may open one here) or pipe
  /// table that starts at line `i`, or nil; `i` moves past the block.
  static func containerOrTable(
    _ lines: [String], _ origins: [Int], _ i: inout Int, opensContainer: Bool, depth: Int,
    _ watch: NestingWatch
  ) -> MarkdownBlock? {
    let line = lines[i]
    if droppingSpaces(line, leadingSpaces(line)).first == ">" {
      return parseQuote(lines, origins, &i, depth: depth, watch)
    }
    if opensContainer {
      return parseList(lines, origins, &i, depth: depth, watch)
    }
    if i + 1 < lines.count, line.contains("|"),
      let alignments = delimiterRow(lines[i + 1]),
      alignments.count == splitTableRow(line).count
    {
      return parseTable(lines, &i, alignments: alignments)
    }
    return nil
  }

  /// The indented code block starting at line `i` (indented 4 or more), blank lines inside it
  /// kept and trailing ones dropped; `i` moves past it.
  static func indentedCode(_ lines: [String], _ i: inout Int) -> MarkdownBlock {
    var code: [String] = []
    while i < lines.count {
      let candidate = lines[i]
      let candidateIndent = leadingSpaces(candidate)
      if candidateIndent == candidate.utf8.count {
        code.append("")
      } else if candidateIndent >= 4 {
        code.append(String(droppingSpaces(candidate, 4)))
      } else {
        break
      }
      i += 1
    }
    while code.last?.isEmpty == true { code.removeLast() }
    return .code(lines: code, info: "")
  }

  /// The fenced code block whose opening fence is line `i`, indented `indent`: its lines up to
  /// the closing fence or the end; `i` moves past the closing fence.
  static func fencedCode(
    _ lines: [String], _ i: inout Int, _ fence: (character: Character, length: Int, info: String),
    indent: Int
  ) -> MarkdownBlock {
    var code: [String] = []
    i += 1
    while i < lines.count {
      if isFenceClose(lines[i], fence: fence.character, length: fence.length) {
        i += 1
        break
      }
      code.append(stripSpaces(lines[i], upTo: indent))
      i += 1
    }
    return .code(lines: code, info: fence.info)
  }
}
