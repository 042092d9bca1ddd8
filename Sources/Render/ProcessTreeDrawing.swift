public import DemoContract

/// Drawing a tree of processes (its data, `ProcessTreeFigure`, is DemoContract's), each under
/// its parent:
///
/// ```
/// bash 4100  (started this demo)
/// └─ demo 4211  ppid 4100  (called fork() 2×)
///    ├─ child 4212  ppid 4211  → wait(): exited 1
///    └─ child 4213  ppid 4211  → wait(): exited 2
/// ```
///
/// A root (whose parent is not in the figure) shows no ppid. A line wider than the terminal
/// wraps under its own branch. Labels and notes may hold what /proc says of a process (a
/// command name), so their control characters are made visible.
extension ProcessTreeFigure {
  /// Draws the tree to fit `style.width`.
  ///
  /// - Returns: The lines joined by "\n", without a final newline.
  public func render(_ style: TerminalStyle) -> String {
    var lines: [String] = []
    if let title, !title.isEmpty {
      lines += DisplayWidth.wrap(style.asciiFallback(title), width: style.width).map(style.bold)
    }
    let pids = Set(processes.map(\.pid))
    var children: [Int32: [Int]] = [:]
    for (index, process) in processes.enumerated()
    where process.ppid != process.pid && pids.contains(process.ppid) {
      children[process.ppid, default: []].append(index)
    }
    let branch =
      style.unicode
      ? (mid: "├─ ", last: "└─ ", bar: "│  ") : (mid: "|- ", last: "`- ", bar: "|  ")
    var drawn = Set<Int>()

    func draw(_ index: Int, prefix: String, connector: String, continuation: String, root: Bool) {
      guard drawn.insert(index).inserted else { return }
      let process = processes[index]
      var ids = TerminalSafe.escape(process.label) + " \(process.pid)"
      if !root { ids += "  ppid \(process.ppid)" }
      let head = style.asciiFallback(ids)
      let note = style.asciiFallback(TerminalSafe.escape(process.note))
      let room = max(10, style.width - DisplayWidth.of(prefix + continuation))
      // One line when it fits; else the ids, then the note under them. Wrapping closes up
      // the double spaces between fields, so only what does not fit is wrapped.
      var wrapped: [String]
      if DisplayWidth.of(head) + (note.isEmpty ? 0 : 2 + DisplayWidth.of(note)) <= room {
        wrapped = [note.isEmpty ? head : head + "  " + note]
      } else {
        wrapped = DisplayWidth.of(head) <= room ? [head] : DisplayWidth.wrap(head, width: room)
        if !note.isEmpty { wrapped += DisplayWidth.wrap(note, width: room) }
      }
      for (number, line) in wrapped.enumerated() {
        lines.append((number == 0 ? prefix + connector : prefix + continuation) + line)
      }
      let rest = prefix + continuation
      let mine = (children[process.pid] ?? []).filter { !drawn.contains($0) }
      for (position, child) in mine.enumerated() {
        let last = position == mine.count - 1
        draw(
          child, prefix: rest, connector: last ? branch.last : branch.mid,
          continuation: last ? "   " : branch.bar, root: false)
      }
    }

    // Roots first, in order; then whatever a loop of ppids kept from being reached.
    for (index, process) in processes.enumerated()
    where process.ppid == process.pid || !pids.contains(process.ppid) {
      draw(index, prefix: "", connector: "", continuation: "", root: true)
    }
    for index in processes.indices where !drawn.contains(index) {
      draw(index, prefix: "", connector: "", continuation: "", root: true)
    }
    return lines.joined(separator: "\n")
  }
}

extension Figure {
  /// Draws the figure to fit `style.width`.
  ///
  /// - Returns: The lines joined by "\n", without a final newline.
  public func render(_ style: TerminalStyle) -> String {
    switch self {
    case .timeline(let timeline): timeline.render(style)
    case .barChart(let chart): chart.render(style)
    case .histogram(let histogram): histogram.render(style)
    case .processTree(let tree): tree.render(style)
    }
  }
}
