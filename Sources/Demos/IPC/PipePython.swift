import DemoContract
import Glibc
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
    let swiftIntact = swift.message == PipeDemo.seedMessage
    context.table(
      Table(
        title:
          "The IPC tutorial's Pipe(): the child sends [42, None, 'hello'], the parent recv()s it",
        columns: [
          .init("runtime"), .init("child → parent"), .init("received"), .init("intact"),
        ],
        rows: [
          [
            CPython.swiftLabel, "\(swift.child) → \(swift.parent)",
            swift.message?.description ?? "nothing", swiftIntact ? "yes" : "NO",
          ],
          [
            program.label, "\(pid("child_pid")) → \(pid("parent_pid"))", received,
            program.metric("intact") == .bool(true) ? "yes" : "NO",
          ],
        ],
        footer: [
          CPython.footer(
            program,
            "recv() returned a \(program.metric("received_type").flatMap { if case .string(let t) = $0 { t } else { nil } } ?? "?") of \(program.metric("received_item_types").flatMap { if case .string(let t) = $0 { t.replacing(",", with: ", ") } else { nil } } ?? "?"), unpickled from the pipe"
          )
        ]))
    context.metric("python_intact", .bool(program.metric("intact") == .bool(true)))
  }
}
