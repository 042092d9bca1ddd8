// The Markdown containers: block quotes and lists, whose lines are parsed again as blocks one
// level deeper, and pipe tables.
import DemoContract  // Alignment

extension MarkdownParser {
  static func parseQuote(
    _ lines: [String], _ origins: [Int], _ i: inout Int, depth: Int, _ watch: NestingWatch
  ) -> MarkdownBlock {
    var inner: [String] = []
    var innerOrigins: [Int] = []
    while i < lines.count {
      let line = lines[i]
      let indent = leadingSpaces(line)
      let trimmed = droppingSpaces(line, indent)
      if indent < 4, trimmed.first == ">" {
        var content = trimmed.dropFirst()
        if content.first == " " { content = content.dropFirst() }
        inner.append(String(content))
        innerOrigins.append(origins[i])
        i += 1
        continue
      }
      // Lazy continuation: paragraph text right after quoted text.
      if indent < line.utf8.count, let last = inner.last, !isBlank(last), !startsBlock(line),
        listMarker(line) == nil
      {
        inner.append(String(trimmed))
        innerOrigins.append(origins[i])
        i += 1
        continue
      }
      break
    }
    return .quote(parseBlocks(inner, innerOrigins, depth: depth + 1, watch))
  }

  static func parseList(
    _ lines: [String], _ origins: [Int], _ i: inout Int, depth: Int, _ watch: NestingWatch
  ) -> MarkdownBlock {
    guard let first = listMarker(lines[i]) else {
      i += 1
      return .paragraph(lines[i - 1])
    }
    var items: [[MarkdownBlock]] = []
    var loose = false
    while i < lines.count, let marker = listMarker(lines[i]), marker.ordered == first.ordered,
      marker.delimiter == first.delimiter, !isThematicBreak(lines[i].drop(while: { $0 == " " }))
    {
      if !items.isEmpty && i > 0 && isBlank(lines[i - 1]) { loose = true }
      var itemLines = [marker.content]
      var itemOrigins = [origins[i]]
      i += 1
      var previousBlank = false
      while i < lines.count {
        let line = lines[i]
        if isBlank(line) {
          itemLines.append("")
          itemOrigins.append(origins[i])
          previousBlank = true
          i += 1
          continue
        }
        if leadingSpaces(line) >= marker.contentOffset {
          itemLines.append(String(droppingSpaces(line, marker.contentOffset)))
          itemOrigins.append(origins[i])
          previousBlank = false
          i += 1
          continue
        }
        if previousBlank || listMarker(line) != nil || startsBlock(line) { break }
        // Lazy continuation of the item's paragraph.
        itemLines.append(String(line.drop(while: { $0 == " " })))
        itemOrigins.append(origins[i])
        i += 1
      }
      // Blank lines after the item belong between items, not to the item.
      while let last = itemLines.last, isBlank(last), itemLines.count > 1 {
        itemLines.removeLast()
        itemOrigins.removeLast()
        i -= 1
      }
      if itemLines.count == 1 && isBlank(itemLines[0]) {
        itemLines = []
        itemOrigins = []
      }
      items.append(parseBlocks(itemLines, itemOrigins, depth: depth + 1, watch))
      // Skip the blank lines between this item and the next one.
      var next = i
      while next < lines.count && isBlank(lines[next]) { next += 1 }
      if next > i, next < lines.count, let following = listMarker(lines[next]),
        following.ordered == first.ordered, following.delimiter == first.delimiter
      {
        i = next
        loose = true
      }
    }
    if items.isEmpty {  // Cannot happen for a line that has a marker; never loop forever.
      i += 1
      return .paragraph(lines[i - 1])
    }
    return .list(ordered: first.ordered, start: first.number, items: items, loose: loose)
  }

  static func parseTable(_ lines: [String], _ i: inout Int, alignments: [Alignment])
    -> MarkdownBlock
  {
    let header = splitTableRow(lines[i])
    i += 2
    var rows: [[String]] = []
    while i < lines.count, !isBlank(lines[i]), !startsBlock(lines[i]) {
      rows.append(splitTableRow(lines[i]))
      i += 1
    }
    return .table(header: header, alignments: alignments, rows: rows)
  }
}
