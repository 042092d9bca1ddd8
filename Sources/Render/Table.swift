public import DemoContract

/// Drawing a table (its data, `Table`, is DemoContract's: demos send it, reports keep it), with
/// box drawing on a UTF-8 terminal and with ASCII otherwise.
///
/// Widths are display widths, so Hangul and other wide characters line up. When the table is
/// wider than the terminal, the widest text columns are shortened with an ellipsis; numeric
/// columns (right-aligned, or all of whose cells start with a number) are never cut.
extension Table {
  /// Draws the table.
  ///
  /// - Parameter style: Box drawing or ASCII, colour (a bold title and heading, a dim footer)
  ///   and the width to fit.
  /// - Returns: The lines of the table joined by "\n", without a final newline.
  public func render(_ style: TerminalStyle) -> String {
    renderLines(style).joined(separator: "\n")
  }

  /// The lines of ``render(_:)``.
  func renderLines(_ style: TerminalStyle) -> [String] {
    var lines: [String] = []
    if let title, !title.isEmpty {
      for line in DisplayWidth.wrap(style.asciiFallback(title), width: style.width) {
        lines.append(style.bold(line))
      }
    }
    if !columns.isEmpty {
      lines += gridLines(style)
    }
    for entry in footer {
      // Between fields: the machine line must not break so that a piece reads as a bullet.
      let separator = style.unicode ? " · " : " - "
      for line in DisplayWidth.wrapFields(
        style.asciiFallback(entry), separator: separator, width: style.width)
      {
        lines.append(style.dim(line))
      }
    }
    return lines
  }

  private func gridLines(_ style: TerminalStyle) -> [String] {
    let box = BoxDrawing.for(style)
    let count = columns.count
    // Cells as lines of text, tabs expanded, symbols spelt for the style.
    func lines(of cell: String) -> [String] {
      let text = style.asciiFallback(cell).replacing("\t", with: "    ")
      return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
    let header = columns.map { lines(of: $0.name) }
    let body: [[[String]]] = rows.map { row in
      (0..<count).map { index in index < row.count ? lines(of: row[index]) : [""] }
    }

    // Natural widths; a column is numeric when right-aligned or when every cell is a number.
    let headerWidths = header.map { $0.map(DisplayWidth.of).max() ?? 0 }
    let (valueWidths, numeric) = measure(body)
    let natural = (0..<count).map { max(headerWidths[$0], valueWidths[$0], 1) }
    var widths = natural
    let frame = 3 * count + 1
    var excess = widths.reduce(frame, +) - style.width

    // Narrow in steps, each only as far as needed: wrap the headings of numeric columns at
    // spaces (nothing is lost); shorten text columns to 10; shorten the headings of numeric
    // columns down to their numbers' width; shorten text columns to 5. Cut text ends with
    // an ellipsis; numbers are never cut.
    let longestWords = header.map { lines in
      lines.flatMap { $0.split(separator: " ") }.map { DisplayWidth.of(String($0)) }.max() ?? 0
    }
    // Numbers, and columns kept whole, are never cut.
    let uncut = (0..<count).map { numeric[$0] || columns[$0].whole }
    let steps: [(Int) -> Int] = [
      { numeric[$0] ? max(valueWidths[$0], longestWords[$0], 1) : natural[$0] },
      { uncut[$0] ? widths[$0] : min(widths[$0], 10) },
      { numeric[$0] ? max(valueWidths[$0], min(widths[$0], 4), 1) : widths[$0] },
      { uncut[$0] ? widths[$0] : min(widths[$0], 5) },
    ]
    for minimum in steps where excess > 0 {
      excess = narrow(&widths, to: (0..<count).map(minimum), by: excess)
    }
    // Still too wide: one block of "heading  value" lines per row instead of a grid.
    if excess > 0 {
      return recordLines(header: header, body: body, style: style, box: box)
    }

    return grid(
      header: header, body: body, widths: widths, headerWidths: headerWidths, numeric: numeric,
      style: style, box: box)
  }

  /// The widest value line of each column, and whether each column is numeric.
  private func measure(_ body: [[[String]]]) -> (valueWidths: [Int], numeric: [Bool]) {
    let count = columns.count
    var valueWidths = [Int](repeating: 0, count: count)
    var numeric = columns.map { $0.align == .right }
    for column in 0..<count {
      var allNumbers = true
      var anyCell = false
      for row in body {
        for line in row[column] where !line.isEmpty {
          valueWidths[column] = max(valueWidths[column], DisplayWidth.of(line))
          anyCell = true
          if allNumbers && !looksNumeric(line) { allNumbers = false }
        }
      }
      if anyCell && allNumbers { numeric[column] = true }
    }
    return (valueWidths, numeric)
  }

  /// The grid itself, at the widths chosen: rules, the heading and the rows.
  private func grid(
    header: [[String]], body: [[[String]]], widths: [Int], headerWidths: [Int], numeric: [Bool],
    style: TerminalStyle, box: BoxDrawing
  ) -> [String] {
    let count = columns.count
    let headerLines: [[String]] = (0..<count).map { column in
      guard numeric[column], widths[column] < headerWidths[column] else { return header[column] }
      return header[column].flatMap { wrapAtSpaces($0, width: widths[column]) }
    }
    func fit(_ text: String, _ column: Int) -> String {
      let cut =
        DisplayWidth.of(text) > widths[column]
        ? DisplayWidth.truncate(text, to: widths[column], ellipsis: box.ellipsis) : text
      return DisplayWidth.pad(cut, to: widths[column], align: columns[column].align)
    }
    func rule(_ left: String, _ middle: String, _ right: String) -> String {
      left + widths.map { box.horizontal.repeated($0 + 2) }.joined(separator: middle) + right
    }
    func rowLines(_ cells: [[String]], bold: Bool) -> [String] {
      let height = cells.map(\.count).max() ?? 1
      return (0..<height).map { lineIndex in
        var line = box.vertical
        for column in 0..<count {
          let text = lineIndex < cells[column].count ? cells[column][lineIndex] : ""
          let fitted = fit(text, column)
          line += " " + (bold ? style.bold(fitted) : fitted) + " " + box.vertical
        }
        return line
      }
    }

    var lines = [rule(box.topLeft, box.topMiddle, box.topRight)]
    lines += rowLines(headerLines, bold: true)
    lines.append(rule(box.middleLeft, box.cross, box.middleRight))
    for row in body { lines += rowLines(row, bold: false) }
    lines.append(rule(box.bottomLeft, box.bottomMiddle, box.bottomRight))
    return lines
  }

  /// Takes up to `excess` columns from `widths`, never below `minimums`, always from the
  /// widest column that can still give (ties: the rightmost). Returns the excess left.
  private func narrow(_ widths: inout [Int], to minimums: [Int], by excess: Int) -> Int {
    var excess = excess
    while excess > 0 {
      var widest = -1
      for column in widths.indices where widths[column] > minimums[column] {
        if widest < 0 || widths[column] >= widths[widest] { widest = column }
      }
      guard widest >= 0 else { break }
      // Down to the next widest in one step; ties go one column at a time.
      var next = minimums[widest]
      for column in widths.indices where column != widest && widths[column] > minimums[column] {
        next = max(next, min(widths[column], widths[widest]))
      }
      let step = max(1, min(excess, widths[widest] - next))
      widths[widest] -= step
      excess -= step
    }
    return excess
  }

  /// The rows as blocks of "heading  value" lines separated by rules, for a terminal too
  /// narrow for the grid.
  private func recordLines(
    header: [[String]], body: [[[String]]], style: TerminalStyle, box: BoxDrawing
  ) -> [String] {
    let names = header.map { $0.joined(separator: " ") }
    let nameWidth = min(names.map(DisplayWidth.of).max() ?? 0, max(4, style.width / 3))
    let valueWidth = max(1, style.width - nameWidth - 2)
    let indent = " ".repeated(nameWidth + 2)
    var lines: [String] = [box.horizontal.repeated(style.width)]
    for row in body {
      for (column, cell) in row.enumerated() {
        let name = DisplayWidth.pad(
          DisplayWidth.truncate(names[column], to: nameWidth, ellipsis: box.ellipsis),
          to: nameWidth)
        let values = cell.flatMap { DisplayWidth.wrap($0, width: valueWidth) }
        lines.append(trimmingTrailingSpaces(style.bold(name) + "  " + (values.first ?? "")))
        for value in values.dropFirst() { lines.append(indent + value) }
      }
      lines.append(box.horizontal.repeated(style.width))
    }
    return lines
  }
}

/// `text` wrapped at spaces only: a word wider than `width` stays whole on its own line.
private func wrapAtSpaces(_ text: String, width: Int) -> [String] {
  var lines: [String] = []
  var line = ""
  for word in text.split(separator: " ") {
    if line.isEmpty {
      line = String(word)
    } else if DisplayWidth.of(line) + 1 + DisplayWidth.of(String(word)) <= width {
      line += " " + word
    } else {
      lines.append(line)
      line = String(word)
    }
  }
  lines.append(line)
  return lines
}

/// Whether a cell holds a number: "12", "-3.5", "1.23 ms", "45%", "±2", "~1,000", "2.0×".
func looksNumeric(_ text: String) -> Bool {
  let plain = withoutEscapes(text)
  var scalars = Substring(plain).unicodeScalars.drop(while: { $0 == " " })
  while let first = scalars.first, "+-−±~≈<>≤≥".unicodeScalars.contains(first) {
    scalars = scalars.dropFirst()
  }
  if scalars.first == "." { scalars = scalars.dropFirst() }
  guard let first = scalars.first else { return false }
  return first.value >= 0x30 && first.value <= 0x39
}
