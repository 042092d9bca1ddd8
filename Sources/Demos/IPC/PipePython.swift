import DemoContract
import Glibc
import Localization
import Render

/// The `pipe` demo's CPython row: the IPC tutorial's `Pipe()` example, a child process
/// sending `[42, None, 'hello']` to its parent, run by
/// lessons/python/ipc-tutorial/pipe_send_recv.py beside ProcLab's own pipe.
enum PipePython {
  static func compare(
    _ swift: (message: Message?, child: Int32, parent: Int32), _ context: DemoContext
  ) throws {
    context.progress(0.5, "CPython: pipe_send_recv.py")
    guard
      let program = try CPython.program(
        "ipc-tutorial/pipe_send_recv.py", [], timeout: 30, context: context)
    else { return }
    let received: String
    if case .string(let text)? = program.metric("received") {
      received = text
    } else {
      received = "—"
    }
    let pid = { (key: String) in program.double(key).map { String(Int($0)) } ?? "?" }
    let text = { (key: String) -> String? in
      if case .string(let t)? = program.metric(key) { t } else { nil }
    }
    let swiftIntact = swift.message == PipeDemo.seedMessage
    context.table(
      Table(
        title: Catalog.text("demo.pipe.python.title"),
        columns: [
          .init(Catalog.text("demo.pipe.column.runtime")),
          .init(Catalog.text("demo.pipe.column.childToParent")),
          .init(Catalog.text("demo.pipe.column.received")),
          .init(Catalog.text("demo.pipe.column.intact")),
        ],
        rows: [
          [
            CPython.swiftLabel, "\(swift.child) → \(swift.parent)",
            swift.message?.description ?? Catalog.text("demo.pipe.nothing"),
            Catalog.text(swiftIntact ? "demo.pipe.yes" : "demo.pipe.no"),
          ],
          [
            program.label, "\(pid("child_pid")) → \(pid("parent_pid"))", received,
            Catalog.text(
              program.metric("intact") == .bool(true) ? "demo.pipe.yes" : "demo.pipe.no"),
          ],
        ],
        footer: [
          CPython.footer(
            program,
            Catalog.text(
              "demo.pipe.python.footer",
              [
                "type": text("received_type") ?? "?",
                "items": text("received_item_types")?.replacing(",", with: ", ") ?? "?",
              ]))
        ]))
    context.metric("python_intact", .bool(program.metric("intact") == .bool(true)))
  }
}
