public import DemoContract
public import Localization
public import Render

/// The trace's tables as they fit a terminal, with every cell whole (docs/trace.md, "On the
/// screen"): instead of cutting a cell, a table wraps its cells between words (never inside a
/// number, a pid or a "pid: bytes" entry), stacks two columns into one, or leaves out what the
/// tree shows already (the program). Identical pipes are one row ("pipe ×4"), their bytes
/// added up. The JSON report keeps every row and column as it is. The table comes in English
/// (the report's own names, which the layout reads) and is shown in `language`: its title,
/// column names and ProcLab's own cells translated before they are measured
/// (`TraceReport.screenName`/`screenCell`), the program's own text as it is.
public enum TraceScreen {
  /// `table` of a trace's report as it is shown `style.width` columns wide, in `language`
  /// (the session's by default).
  public static func onScreen(
    _ table: Table, style: TerminalStyle, in language: Language? = nil
  ) -> Table {
    let language = language ?? Catalog.language
    let shown = Shown(table: table, language: language)
    let columns: [ScreenColumn]
    switch table.title {
    case TraceReport.processesTitle:
      return processes(table, shown: shown, style: style)
    case TraceReport.channelsTitle:
      columns = channels(table, shown: shown)
    default:
      columns = table.columns.indices.map { i in
        ScreenColumn(
          shown.column(table.columns[i]),
          cells: table.rows.map { words(shown.cell(i < $0.count ? $0[i] : "", column: i)) })
      }
    }
    return render(
      fit(columns, style: style) ?? columns, title: shown.title, footer: shown.footer,
      style: style)
  }

  /// What of a table is translated, and how: in English, nothing.
  struct Shown {
    let table: Table
    let language: Language
    /// Columns that hold the program's own text (its output, its argv): never translated.
    static let programText: Set<String> = ["stdout", "stderr", "program", "name"]

    var title: String? { table.title.map { TraceReport.screenName($0, in: language) } }
    var footer: [String] { table.footer.map { TraceReport.screenCell($0, in: language) } }

    func column(_ column: Table.Column) -> Table.Column {
      var c = column
      c.name = TraceReport.screenName(column.name, in: language)
      return c
    }

    func cell(_ text: String, column: Int) -> String {
      guard column < table.columns.count, !Self.programText.contains(table.columns[column].name)
      else { return text }
      return TraceReport.screenCell(text, in: language)
    }
  }

  // MARK: processes and threads

  /// Without "reaped by" (the tree names who adopted an orphan), ProcLab's pid as a number,
  /// programs without their directory; then, until it fits: without the program (the tree
  /// shows each process's), start over end, exit over zombie, CPU over switches.
  static func processes(_ table: Table, shown: Shown, style: TerminalStyle) -> Table {
    typealias C = TraceReport.ProcessColumn
    func cell(_ row: [String], _ c: C) -> String { c.rawValue < row.count ? row[c.rawValue] : "" }
    func column(_ c: C) -> ScreenColumn {
      let cells = table.rows.map { row -> [String] in
        var text = cell(row, c)
        if text.hasPrefix("ProcLab ") { text = String(text.dropFirst(8)) }
        guard c == .program else { return [shown.cell(text, column: c.rawValue)] }
        // The program's name without its directory: the arguments tell workers apart.
        var words = text.split(separator: " ").map(String.init)
        if let first = words.first { words[0] = TraceReport.basename(first) }
        return words
      }
      var declared = shown.column(table.columns[c.rawValue])
      if declared.name == "switches vol/invol" { declared.name = "switches vol/inv" }
      return ScreenColumn(declared, cells: cells)
    }
    let all: [C] = [.pid, .parent, .kind, .program, .start, .end, .exit, .zombie, .cpu, .switches]
    guard table.columns.count > C.switches.rawValue else {
      return render(
        table.columns.indices.map { i in
          ScreenColumn(
            shown.column(table.columns[i]),
            cells: table.rows.map { [shown.cell(i < $0.count ? $0[i] : "", column: i)] })
        }, title: shown.title, footer: shown.footer, style: style)
    }
    var columns = all.map(column)
    var candidates = [columns]
    columns.remove(at: all.firstIndex(of: .program)!)
    candidates.append(columns)
    for (top, bottom) in [(C.start, C.end), (.exit, .zombie), (.cpu, .switches)] {
      let (above, below) = (column(top).name, column(bottom).name)
      guard let i = columns.firstIndex(where: { $0.name == above }),
        let j = columns.firstIndex(where: { $0.name == below })
      else { continue }
      columns[i] = columns[i].stacked(over: columns[j])
      columns.remove(at: j)
      candidates.append(columns)
    }
    for candidate in candidates {
      if let fitted = fit(candidate, style: style) {
        return render(fitted, title: shown.title, footer: shown.footer, style: style)
      }
    }
    return render(columns, title: shown.title, footer: shown.footer, style: style)
  }

  // MARK: pipes and sockets

  /// One row per group of identical pipes and sockets (same kind, maker, holders, waits and
  /// peers), "pipe ×N" with the span of their making and the bytes added up; a column that is
  /// "—" in every row is left out.
  static func channels(_ table: Table, shown: Shown) -> [ScreenColumn] {
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
          let kind = shown.cell(text, column: i)
          return [group.rows.count > 1 ? "\(kind) ×\(group.rows.count)" : kind]
        case made:
          let times = group.rows.compactMap { row -> String? in
            guard made < row.count else { return nil }
            let parts = row[made].split(separator: " ", maxSplits: 2)
            return parts.count == 3 && parts[1] == "at" ? String(parts[2]) : nil
          }
          let pid = String(text.split(separator: " ").first ?? "")
          guard let firstTime = times.first, let lastTime = times.last else {
            return words(shown.cell(text, column: i))
          }
          guard shown.language != .en else {
            return [pid, "at", firstTime == lastTime ? firstTime : "\(firstTime)–\(lastTime)"]
          }
          let (first, last) = (shown.cell(firstTime, column: i), shown.cell(lastTime, column: i))
          let when = Catalog.text(
            "demo.trace.screen.cell.madeAt", in: shown.language,
            ["pid": pid, "time": first == last ? first : "\(first)–\(last)"])
          // The pid, then the time: they wrap between them, never inside the time.
          let space = when.firstIndex(of: " ") ?? when.endIndex
          let rest = when[space...].drop { $0 == " " }
          return rest.isEmpty ? [when] : [String(when[..<space]), String(rest)]
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
          return words(shown.cell(text, column: i))
        }
      }
      guard cells.contains(where: { $0 != ["—"] && !$0.isEmpty }) else { continue }
      var column = ScreenColumn(shown.column(table.columns[i]), cells: cells)
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
