public import DemoContract
public import Localization
import Render

/// The trace's words on the screen in the chosen language. The report itself (the JSON, which
/// lesson rules, exercises' checks, grading and `trace --json` read by name) keeps the English
/// titles, column names and cells; the screen translates them here, just before drawing, so
/// the code that lays the tables out (TraceCommand's `onScreen`) reads the same names in both
/// languages.
extension TraceReport {
  /// The label of metric `path` in the process's language: its declared label through the
  /// metrics' catalog (Messages+Metrics.swift), else its path.
  public static func label(_ path: String) -> String {
    metrics.first { $0.path == path }?.screenLabel(for: path) ?? path
  }

  /// The catalog key of each title and column name the trace's tables and figures carry.
  static let nameKeys: [String: String] = [
    "processes and threads": "demo.trace.screen.title.processes",
    "pipes and sockets": "demo.trace.screen.title.channels",
    "POSIX IPC objects": "demo.trace.screen.title.objects",
    "the program's stdout": "demo.trace.screen.title.stdout",
    "the program's stderr": "demo.trace.screen.title.stderr",
    "what it did": "demo.trace.screen.title.summary",
    "process tree": "demo.trace.screen.title.tree",
    "timeline (one lane per process and thread)": "demo.trace.screen.title.timeline",
    "pid": "demo.trace.screen.column.pid", "parent": "demo.trace.screen.column.parent",
    "kind": "demo.trace.screen.column.kind", "program": "demo.trace.screen.column.program",
    "start": "demo.trace.screen.column.start", "end": "demo.trace.screen.column.end",
    "exit": "demo.trace.screen.column.exit", "zombie": "demo.trace.screen.column.zombie",
    "reaped by": "demo.trace.screen.column.reapedBy", "CPU": "demo.trace.screen.column.cpu",
    "switches vol/invol": "demo.trace.screen.column.switches",
    "switches vol/inv": "demo.trace.screen.column.switchesShort",
    "made by": "demo.trace.screen.column.madeBy",
    "read end held by": "demo.trace.screen.column.readers",
    "write end held by": "demo.trace.screen.column.writers",
    "waited": "demo.trace.screen.column.waited",
    "left open (pid fd)": "demo.trace.screen.column.leftOpen",
    "name": "demo.trace.screen.column.name", "made": "demo.trace.screen.column.made",
    "opened by": "demo.trace.screen.column.openedBy",
    "unlinked by": "demo.trace.screen.column.unlinkedBy",
    "at the end": "demo.trace.screen.column.atTheEnd",
    "stdout": "demo.trace.screen.column.stdout", "stderr": "demo.trace.screen.column.stderr",
    "metric": "demo.trace.screen.column.metric", "value": "demo.trace.screen.column.value",
  ]

  /// The catalog key of each whole cell of ProcLab's own (a kind, a state, a stop code).
  static let cellKeys: [String: String] = [
    "thread": "demo.trace.screen.cell.thread", "process": "demo.trace.screen.cell.process",
    "orphan": "demo.trace.screen.cell.orphan", "running": "demo.trace.screen.cell.running",
    "ended": "demo.trace.screen.cell.ended", "pipe": "demo.trace.screen.cell.pipe",
    "socket": "demo.trace.screen.cell.socket", "shm": "demo.trace.screen.cell.shm",
    "sem": "demo.trace.screen.cell.sem", "mq": "demo.trace.screen.cell.mq",
    "(either end)": "demo.trace.screen.cell.eitherEnd",
    "left: removed by ProcLab": "demo.trace.screen.cell.removed",
    "unlinked": "demo.trace.screen.cell.unlinked", "gone": "demo.trace.screen.cell.gone",
    "not made by this run: kept": "demo.trace.screen.cell.kept",
    "timeout": "demo.trace.screen.cell.timeout",
    "process_limit": "demo.trace.screen.cell.processLimit",
    "interrupted": "demo.trace.screen.cell.interrupted",
    "polling": "demo.trace.screen.cell.polling", "run": "demo.trace.screen.cell.run",
    "zombie": "demo.trace.screen.cell.zombie",
    "(tracer, child subreaper)": "demo.trace.screen.cell.tracer",
  ]

  /// Every title and column name the screen knows (TraceTextsTests: a report's table with a
  /// name missing here would stay English in Korean).
  public static var screenNames: Set<String> { Set(nameKeys.keys) }

  /// A title or column name in `language`; a name the screen does not know as it is.
  public static func screenName(_ name: String, in language: Language? = nil) -> String {
    nameKeys[name].map { Catalog.text($0, in: language) } ?? name
  }

  /// One of the trace's own cells in `language`: a kind or a state word, `exit 3`, a duration
  /// (`3.39 ms`: the same digits with the language's unit), `4242 at 1.20 ms`, an object left
  /// behind, the output tables' footer. Anything else (a pid, a program's argv, a signal's
  /// name) as it is.
  public static func screenCell(_ cell: String, in language: Language? = nil) -> String {
    let language = language ?? Catalog.language
    guard language != .en else { return cell }
    if let key = cellKeys[cell] { return Catalog.text(key, in: language) }
    if let korean = duration(cell, in: language) { return korean }
    if let code = cell.dropping(prefix: "exit "), Int(code) != nil {
      return Catalog.text("demo.trace.screen.cell.exit", in: language, ["code": code])
    }
    if let at = cell.firstRange(of: " at ") {
      let pid = String(cell[..<at.lowerBound])
      let time = String(cell[at.upperBound...])
      return Catalog.text(
        "demo.trace.screen.cell.madeAt", in: language,
        ["pid": pid, "time": duration(time, in: language) ?? time])
    }
    if let why = cell.dropping(prefix: "left: not removed ("), why.hasSuffix(")") {
      return Catalog.text(
        "demo.trace.screen.cell.notRemoved", in: language, ["error": String(why.dropLast())])
    }
    if let total = cell.firstRange(of: " written; the first "), cell.hasSuffix(" shown") {
      let shown = cell[total.upperBound...].dropLast(" shown".count)
      return Catalog.text(
        "demo.trace.screen.cell.outputCut", in: language,
        ["total": String(cell[..<total.lowerBound]), "shown": String(shown)])
    }
    return cell
  }

  /// A process tree's note (`exit 0, 3 threads, zombie 3.39 ms, orphan: reaped by 4242`) in
  /// `language`, part by part.
  public static func screenNote(_ note: String, in language: Language? = nil) -> String {
    let language = language ?? Catalog.language
    guard language != .en else { return note }
    if let key = cellKeys[note] { return Catalog.text(key, in: language) }
    let parts = note.split(separator: ", ", omittingEmptySubsequences: false).map { part in
      let part = String(part)
      if let count = part.split(separator: " ").first.flatMap({ Int($0) }),
        part == "\(count) thread" || part == "\(count) threads"
      {
        return Catalog.plural("demo.trace.screen.note.threads", count: count, in: language)
      }
      if let time = part.dropping(prefix: "zombie ") {
        return Catalog.text(
          "demo.trace.screen.note.zombie", in: language,
          ["time": duration(time, in: language) ?? time])
      }
      if let who = part.dropping(prefix: "orphan: reaped by ") {
        return Catalog.text("demo.trace.screen.note.orphan", in: language, ["who": who])
      }
      return screenCell(part, in: language)
    }
    return parts.joined(separator: ", ")
  }

  /// `table` as the screen shows it in `language`: its title, column names and ProcLab's own
  /// cells translated. The program's output tables keep their rows (the program's own text).
  public static func onScreen(_ table: Table, in language: Language? = nil) -> Table {
    let language = language ?? Catalog.language
    guard language != .en else { return table }
    var t = table
    t.title = table.title.map { screenName($0, in: language) }
    t.columns = table.columns.map { column in
      var c = column
      c.name = screenName(column.name, in: language)
      return c
    }
    t.footer = table.footer.map { screenCell($0, in: language) }
    // Which columns hold the program's own text: its output, its argv.
    let programText: Set<String> = ["stdout", "stderr", "program", "name"]
    let translated = table.columns.map { !programText.contains($0.name) }
    t.rows = table.rows.map { row in
      row.enumerated().map { i, cell in
        i < translated.count && translated[i] ? screenCell(cell, in: language) : cell
      }
    }
    return t
  }

  /// `figure` as the screen shows it in `language`: titles, the tree's notes, the timeline's
  /// span and lane words.
  public static func onScreen(_ figure: Figure, in language: Language? = nil) -> Figure {
    let language = language ?? Catalog.language
    guard language != .en else { return figure }
    switch figure {
    case .processTree(var tree):
      tree.title = tree.title.map { screenName($0, in: language) }
      tree.processes = tree.processes.map { process in
        var p = process
        p.note = screenNote(process.note, in: language)
        return p
      }
      return .processTree(tree)
    case .timeline(var timeline):
      timeline.title = timeline.title.map { screenName($0, in: language) }
      timeline.lanes = timeline.lanes.map { lane in
        var l = lane
        if let tid = lane.label.dropping(suffix: " thread"), Int(tid) != nil {
          l.label = tid + " " + screenCell("thread", in: language)
        }
        l.spans = lane.spans.map { span in
          var s = span
          s.label = screenCell(span.label, in: language)
          return s
        }
        return l
      }
      return .timeline(timeline)
    default:
      return figure
    }
  }

  /// `3.39 ms`, `0 s`, `812 ns` as `Units.duration` writes it in English, in `language`:
  /// the same digits with that language's unit. Nil when `text` is no such duration.
  static func duration(_ text: String, in language: Language) -> String? {
    let units: [(String, Double)] = [(" s", 1), (" ms", 1e-3), (" µs", 1e-6), (" ns", 1e-9)]
    for (suffix, scale) in units {
      guard let digits = text.dropping(suffix: suffix), let n = Double(digits) else { continue }
      // Units.duration rounds a value the same way in both languages: the same digits.
      return Units.duration(n * scale, language: language)
    }
    return text == "n/a" ? Units.duration(.nan, language: language) : nil
  }
}

extension String {
  /// The rest of the string after `prefix`, or nil when it does not start with it.
  fileprivate func dropping(prefix: String) -> String? {
    hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
  }

  /// The string before `suffix`, or nil when it does not end with it.
  fileprivate func dropping(suffix: String) -> String? {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : nil
  }
}
