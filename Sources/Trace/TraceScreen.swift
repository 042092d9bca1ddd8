public import DemoContract
public import Render

/// The trace's tables as they fit a terminal, with every cell whole (docs/trace.md, "On the
/// screen"): instead of cutting a cell, a table wraps its cells between words (never inside a
/// number, a pid or a "pid: bytes" entry), stacks two columns into one, or leaves out what the
/// tree shows already (the program). Identical pipes are one row ("pipe ×4"), their bytes
/// added up. The JSON report keeps every row and column as it is.
public enum TraceScreen {
  /// `table` of a trace's report as it is shown `style.width` columns wide.
  public static func onScreen(_ table: Table, style: TerminalStyle) -> Table {
    let columns: [ScreenColumn]
    switch table.title {
    case TraceReport.processesTitle:
      return processes(table, style: style)
    case TraceReport.channelsTitle:
      columns = channels(table)
    default:
      columns = table.columns.indices.map { i in
        ScreenColumn(
          table.columns[i], cells: table.rows.map { words(i < $0.count ? $0[i] : "") })
      }
    }
    return render(
      fit(columns, style: style) ?? columns, title: table.title, footer: table.footer, style: style)
  }

  // MARK: processes and threads

  /// Without "reaped by" (the tree names who adopted an orphan), ProcLab's pid as a number,
  /// programs without their directory; then, until it fits: without the program (the tree
  /// shows each process's), start over end, exit over zombie, CPU over switches.
  static func processes(_ table: Table, style: TerminalStyle) -> Table {
    typealias C = TraceReport.ProcessColumn
    func cell(_ row: [String], _ c: C) -> String { c.rawValue < row.count ? row[c.rawValue] : "" }
    func column(_ c: C) -> ScreenColumn {
      let cells = table.rows.map { row -> [String] in
        var text = cell(row, c)
        if text.hasPrefix("ProcLab ") { text = String(text.dropFirst(8)) }
        guard c == .program else { return [text] }
        // The program's name without its directory: the arguments tell workers apart.
        var words = text.split(separator: " ").map(String.init)
        if let first = words.first { words[0] = TraceReport.basename(first) }
        return words
      }
      var declared = table.columns[c.rawValue]
      if declared.name == "switches vol/invol" { declared.name = "switches vol/inv" }
      return ScreenColumn(declared, cells: cells)
    }
    let all: [C] = [.pid, .parent, .kind, .program, .start, .end, .exit, .zombie, .cpu, .switches]
    guard table.columns.count > C.switches.rawValue else {
      return render(
        table.columns.indices.map { i in
          ScreenColumn(table.columns[i], cells: table.rows.map { [i < $0.count ? $0[i] : ""] })
        }, title: table.title, footer: table.footer, style: style)
    }
    var columns = all.map(column)
    var candidates = [columns]
    columns.remove(at: all.firstIndex(of: .program)!)
    candidates.append(columns)
    for (top, bottom) in [(C.start, C.end), (.exit, .zombie), (.cpu, .switches)] {
      let names = [table.columns[top.rawValue].name, table.columns[bottom.rawValue].name]
      guard let i = columns.firstIndex(where: { $0.name == [names[0]] }),
        let j = columns.firstIndex(where: { $0.name == [names[1]] })
      else { continue }
      columns[i] = columns[i].stacked(over: columns[j])
      columns.remove(at: j)
      candidates.append(columns)
    }
    for candidate in candidates {
      if let fitted = fit(candidate, style: style) {
        return render(fitted, title: table.title, footer: table.footer, style: style)
      }
    }
    return render(columns, title: table.title, footer: table.footer, style: style)
  }

  // MARK: pipes and sockets

  /// One row per group of identical pipes and sockets (same kind, maker, holders, waits and
  /// peers), "pipe ×N" with the span of their making and the bytes added up; a column that is
  /// "—" in every row is left out.
  static func channels(_ table: Table) -> [ScreenColumn] {
    let (made, leftOpen, bytes) = (1, 5, [6, 7])
    struct Group {
      var rows: [[String]]
    }
    var groups: [Group] = []
    var index: [[String]: Int] = [:]
    for row in table.rows {
      var key = row
      if made < key.count { key[made] = String(key[made].split(separator: " ").first ?? "") }
      for b in bytes where b < key.count { key[b] = "" }
      if let i = index[key] {
        groups[i].rows.append(row)
      } else {
        index[key] = groups.count
        groups.append(Group(rows: [row]))
      }
    }
    var columns: [ScreenColumn] = []
    for i in table.columns.indices {
      let cells = groups.map { group -> [String] in
        let first = group.rows[0]
        let text = i < first.count ? first[i] : ""
        switch i {
        case 0:
          return [group.rows.count > 1 ? "\(text) ×\(group.rows.count)" : text]
        case made:
          let times = group.rows.compactMap { row -> String? in
            guard made < row.count else { return nil }
            let parts = row[made].split(separator: " ", maxSplits: 2)
            return parts.count == 3 && parts[1] == "at" ? String(parts[2]) : nil
          }
          let pid = String(text.split(separator: " ").first ?? "")
          guard let firstTime = times.first, let lastTime = times.last else { return [text] }
          return [pid, "at", firstTime == lastTime ? firstTime : "\(firstTime)–\(lastTime)"]
        case _ where bytes.contains(i):
          var sums: [Int32: Int] = [:]
          for row in group.rows where i < row.count {
            for (pid, n) in byteEntries(row[i]) { sums[pid, default: 0] += n }
          }
          guard !sums.isEmpty else { return ["—"] }
          return sums.sorted { $0.key < $1.key }.map { "\($0.key): \(Units.bytes($0.value))" }
        case leftOpen:
          // "pid fd" entries stay together.
          return text.split(separator: ",").map { $0.split(separator: " ").joined(separator: " ") }
        default:
          // Pids (and words) wrap between them.
          return words(text)
        }
      }
      guard cells.contains(where: { $0 != ["—"] && !$0.isEmpty }) else { continue }
      var column = ScreenColumn(table.columns[i], cells: cells)
      if bytes.contains(i) || i == leftOpen { column.joiner = ", " }
      columns.append(column)
    }
    return columns
  }

  /// The "pid: bytes" entries of a bytes cell of the report.
  static func byteEntries(_ cell: String) -> [(Int32, Int)] {
    cell.split(separator: ",").compactMap { entry in
      let parts = entry.split(separator: ":")
      guard parts.count == 2,
        let pid = Int32(parts[0].split(separator: " ").joined()),
        let n = Int(parts[1].split(separator: " ").joined())
      else { return nil }
      return (pid, n)
    }
  }

  // MARK: fitting

  /// The words of a cell, a number kept with its unit ("96.8 ms", "6 B").
  static func words(_ text: String) -> [String] {
    var out: [String] = []
    for word in text.split(separator: " ").map(String.init) {
      if let last = out.last, last.last?.isNumber == true, isUnit(word) {
        out[out.count - 1] = last + " " + word
      } else {
        out.append(word)
      }
    }
    return out.isEmpty ? [""] : out
  }

  static func isUnit(_ word: String) -> Bool {
    (word.count <= 3 && word.allSatisfy { $0.isLetter || $0 == "µ" })
      || ["초", "밀리초", "마이크로초", "나노초", "바이트"].contains(word)
  }

  /// The columns narrowed, by wrapping between words, until the table is at most
  /// `style.width` wide; nil when a word is too wide for that.
  static func fit(_ columns: [ScreenColumn], style: TerminalStyle) -> [ScreenColumn]? {
    var columns = columns
    let frame = 3 * columns.count + 1
    var widths = columns.map { $0.width(style) }
    var narrowest = columns.map { $0.narrowest(style) }
    while widths.reduce(frame, +) > style.width {
      // The widest column that can still give.
      guard
        let widest = columns.indices.filter({ widths[$0] > narrowest[$0] }).max(by: {
          widths[$0] < widths[$1]
        })
      else { return nil }
      columns[widest].limit = widths[widest] - 1
      let narrower = columns[widest].width(style)
      // Nothing narrower (a word as wide as the column): it gives no more.
      if narrower >= widths[widest] { narrowest[widest] = widths[widest] }
      widths[widest] = narrower
    }
    return columns
  }

  /// The columns as a Table whose cells are never cut (each is at most its column's width).
  static func render(
    _ columns: [ScreenColumn], title: String?, footer: [String], style: TerminalStyle
  ) -> Table {
    let rows = columns.first.map { first in
      first.cells.indices.map { r in columns.map { $0.text(row: r, style: style) } }
    }
    return Table(
      title: title,
      columns: columns.map { Table.Column($0.header(style), align: $0.align, whole: true) },
      rows: rows ?? [], footer: footer)
  }
}

/// One column on the screen: its heading's words and each cell's words ("\n" forces a new
/// line), wrapped between words at `limit` columns.
struct ScreenColumn {
  var name: [String]
  var align: Alignment
  var cells: [[String]]
  var joiner = " "
  var limit = Int.max

  init(_ column: Table.Column, cells: [[String]]) {
    name = column.name.split(separator: " ").map(String.init)
    align = column.align
    self.cells = cells
  }

  /// This column on top of `other`: its heading and cells over theirs.
  func stacked(over other: ScreenColumn) -> ScreenColumn {
    var c = self
    c.name = name + ["\n"] + other.name
    c.cells = cells.indices.map { r in
      let below = r < other.cells.count ? other.cells[r] : []
      return below.isEmpty || below == [""] ? cells[r] : cells[r] + ["\n"] + below
    }
    return c
  }

  /// `words` in lines of at most `limit` columns (wider words on their own line).
  func lines(_ words: [String], joiner: String, style: TerminalStyle) -> [String] {
    var lines: [String] = []
    var current: String?
    let ending = joiner.trimmingTrailingSpaces
    for word in words {
      if word == "\n" {
        lines.append(current ?? "")
        current = nil
        continue
      }
      if let c = current {
        // Room kept for the joiner's comma, should the line end after this word.
        let joined = c + joiner + word
        if DisplayWidth.of(style.asciiFallback(joined + ending)) <= limit {
          current = joined
        } else {
          lines.append(c + ending)
          current = word
        }
      } else {
        current = word
      }
    }
    if let current { lines.append(current) }
    return lines
  }

  /// The heading, wrapped as the cells are.
  func header(_ style: TerminalStyle) -> String {
    lines(name, joiner: " ", style: style).joined(separator: "\n")
  }

  /// A cell, wrapped.
  func text(row: Int, style: TerminalStyle) -> String {
    lines(row < cells.count ? cells[row] : [], joiner: joiner, style: style).joined(
      separator: "\n")
  }

  /// Its width now: its widest line, heading included.
  func width(_ style: TerminalStyle) -> Int {
    let all =
      [lines(name, joiner: " ", style: style)]
      + cells.map { lines($0, joiner: joiner, style: style) }
    return all.joined().map { DisplayWidth.of(style.asciiFallback($0)) }.max() ?? 0
  }

  /// What ends a line that the cell goes on after: the joiner without its space (",").
  var ending: String { joiner.trimmingTrailingSpaces }

  /// The least it can be: its widest word (with the comma a line may end with).
  func narrowest(_ style: TerminalStyle) -> Int {
    let words = name.map { $0 } + cells.joined().map { $0 + ending }
    return words.filter { $0 != "\n" && $0 != "\n" + ending }.map {
      DisplayWidth.of(style.asciiFallback($0))
    }.max() ?? 0
  }
}

extension String {
  fileprivate var trimmingTrailingSpaces: String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
