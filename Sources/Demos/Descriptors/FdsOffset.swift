import CProcLab
import DemoContract
import Glibc
import Localization
import OSKit
import Render

/// The offset part of `fds`: a parent and a fork child write lines into one file, three ways.
enum FdsOffset {
  /// How the two writers got their descriptors.
  enum Way: String, CaseIterable {
    /// One open() before fork: both use the same description, so the same offset.
    case sharedOffset = "shared_offset"
    /// Each opens the file itself: two descriptions, two offsets, both starting at 0.
    case separateOpen = "separate_open"
    /// Two open()s with O_APPEND: each write goes to the end, whatever the offset.
    case append

    /// The row's name, for a reader.
    var label: String {
      switch self {
      case .sharedOffset: Catalog.text("demo.fds.offset.way.shared")
      case .separateOpen: Catalog.text("demo.fds.offset.way.separate")
      case .append: Catalog.text("demo.fds.offset.way.append")
      }
    }
  }

  /// Every line is this long, newline included, so a line overwritten is overwritten whole.
  static let lineLength = 32

  /// `who line 0001` padded with dots to `lineLength`.
  static func lines(_ who: String, _ count: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count * lineLength)
    for i in 0..<count {
      var line = Array("\(who) line \(i + 1)".utf8)
      line += Array(repeating: UInt8(ascii: "."), count: max(0, lineLength - 1 - line.count))
      bytes += line.prefix(lineLength - 1) + [UInt8(ascii: "\n")]
    }
    return bytes
  }

  static func run(lines count: Int, _ directory: ScratchDirectory, _ context: DemoContext) throws {
    context.heading(Catalog.text("demo.fds.offset.heading", ["lines": String(count)]))
    let parentLines = lines("parent", count)
    let childLines = lines("child ", count)
    var rows: [[String]] = []
    var lost: [Way: Int] = [:]
    for way in Way.allCases {
      try context.checkStop()
      let name = "\(way.rawValue).txt"
      let path = directory.file(name)
      let extra: Int32 = way == .append ? O_APPEND : 0
      let fd = try directory.open(name, O_WRONLY | O_CLOEXEC | extra)
      defer { FileIO.closeQuietly(fd) }
      let go = try PipeEnds()
      defer { go.closeBoth() }
      let pid: pid_t = childLines.withUnsafeBufferPointer { buffer in
        path.withCString { file in
          buffer.withMemoryRebound(to: CChar.self) { chars in
            var spec = pl_fd_writer(
              go_read: go.read, fd: way == .sharedOffset ? fd : -1,
              path: way == .sharedOffset ? nil : file, open_flags: extra,
              lines: chars.baseAddress!, line_length: lineLength, count: Int32(count),
              seconds: Descriptors.childLifetime)
            return pl_fd_fork_writer(&spec)
          }
        }
      }
      guard pid > 0 else { throw SystemError("forking the second writer") }
      let child = ChildProcess.adopting(pid: pid)
      context.onCleanup {
        child.signal(SIGKILL, group: false)
        _ = try? child.wait()
      }
      // Both start together: the child on the byte, the parent at once.
      try FileIO.writeAll(go.write, [1])
      for i in 0..<count {
        try FileIO.writeAll(fd, Array(parentLines[(i * lineLength)..<((i + 1) * lineLength)]))
      }
      let status = try child.wait()
      guard status == .exited(0) else {
        throw DemoError(
          Catalog.text("demo.error.secondWriter", ["status": DemoText.status(status)]))
      }
      let contents = FileIO.readFile(path, limit: 4 * count * lineLength + 4096) ?? []
      let text = String(decoding: contents, as: UTF8.self).split(separator: "\n")
      let fromParent = text.filter { $0.hasPrefix("parent line ") && $0.count == lineLength - 1 }
      let fromChild = text.filter { $0.hasPrefix("child  line ") && $0.count == lineLength - 1 }
      let written = 2 * count * lineLength
      lost[way] = written - contents.count
      rows.append([
        way.label, String(written),
        String(contents.count), String(written - contents.count), String(fromParent.count),
        String(fromChild.count),
      ])
      context.metric("\(way.rawValue).bytes_written", JSONValue(written))
      context.metric("\(way.rawValue).file_bytes", JSONValue(contents.count))
      context.metric("\(way.rawValue).lost_bytes", JSONValue(written - contents.count))
      context.metric("\(way.rawValue).parent_lines", JSONValue(fromParent.count))
      context.metric("\(way.rawValue).child_lines", JSONValue(fromChild.count))
    }
    context.table(
      Table(
        title: Catalog.text(
          "demo.fds.offset.title", ["lines": String(count), "length": String(lineLength)]),
        columns: [
          .init(Catalog.text("demo.fds.offset.column.way")),
          .init(name: Catalog.text("demo.fds.offset.column.written"), align: .right),
          .init(name: Catalog.text("demo.fds.offset.column.file"), align: .right),
          .init(name: Catalog.text("demo.fds.offset.column.lost"), align: .right),
          .init(name: Catalog.text("demo.fds.offset.column.parent"), align: .right),
          .init(name: Catalog.text("demo.fds.offset.column.child"), align: .right),
        ],
        rows: rows, footer: []))
    context.note(
      Catalog.text(
        "demo.fds.offset.shared", ["lost": String(lost[.sharedOffset] ?? -1)]))
    context.note(
      Catalog.text(
        "demo.fds.offset.separate",
        ["lost": String(lost[.separateOpen] ?? -1), "lines": String(count)]))
    context.note(
      Catalog.text("demo.fds.offset.append", ["lost": String(lost[.append] ?? -1)]))
  }
}
