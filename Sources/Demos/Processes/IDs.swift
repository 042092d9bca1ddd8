import DemoContract
import Glibc
import Localization
import OSKit
import Render

/// The process demos: ids, spawn, fork, zombie, orphan, subprocess.
public enum ProcessDemos {}

/// The identity of one process, read live.
struct ProcessIdentity: Sendable {
  var pid: Int32
  var ppid: Int32
  var pgid: Int32
  var sid: Int32
  var uid: UInt32
  var euid: UInt32
  var gid: UInt32
  var cwd: String
  var command: String

  /// This process, from the system calls themselves.
  static func current() -> ProcessIdentity {
    ProcessIdentity(
      pid: getpid(), ppid: getppid(), pgid: getpgrp(), sid: getsid(0), uid: getuid(),
      euid: geteuid(), gid: getgid(), cwd: currentDirectory(),
      command: ProcStat.read(getpid())?.command ?? "proclab")
  }

  /// Another process, from /proc (the same facts its own getpid… calls would return).
  static func of(_ pid: Int32) -> ProcessIdentity? {
    guard let stat = ProcStat.read(pid) else { return nil }
    let status = ProcStatus.read(pid)
    let uids = status?.values("Uid") ?? []
    let uid = uids.first.flatMap { UInt32($0) } ?? 0
    let euid = uids.dropFirst().first.flatMap { UInt32($0) } ?? 0
    let gid = status?.values("Gid").first.flatMap { UInt32($0) } ?? 0
    return ProcessIdentity(
      pid: pid, ppid: stat.ppid, pgid: stat.pgid, sid: stat.sid, uid: uid, euid: euid, gid: gid,
      cwd: readLink("/proc/\(pid)/cwd") ?? "?", command: stat.command)
  }

  var json: [String: JSONValue] {
    [
      "pid": JSONValue(pid), "ppid": JSONValue(ppid), "pgid": JSONValue(pgid),
      "sid": JSONValue(sid), "uid": .number(Double(uid)), "euid": .number(Double(euid)),
      "gid": .number(Double(gid)), "cwd": .string(cwd), "command": .string(command),
    ]
  }
}

func currentDirectory() -> String {
  var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
  guard getcwd(&buffer, buffer.count) != nil else { return "?" }
  return String(
    decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

func readLink(_ path: String) -> String? {
  var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
  let n = readlink(path, &buffer, buffer.count - 1)
  guard n > 0 else { return nil }
  return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

struct IDsKeys: ParameterSet {
  let python = FlagParameter(
    "python", default: true,
    help:
      "also ask a CPython child (lessons/python/process-tutorial/ids.py) for its ids, as the process tutorial does"
  )
}

extension ProcessDemos {
  static let ids = DemoDefinition(
    name: "ids",
    summary: "pid, ppid, pgid, sid, uid, euid, gid and cwd of ProcLab and of a child process",
    lesson: "processes", metrics: ProcessMetrics.ids,
    parameters: IDsKeys.self
  ) { params, context in
    let me = ProcessIdentity.current()
    guard let parent = ProcessIdentity.of(me.ppid) else {
      throw DemoError(Catalog.text("demo.error.parentGone", ["pid": String(me.ppid)]))
    }
    let parentLabel =
      parent.command == "proclab"
      ? Catalog.text("demo.ids.parentNamed", ["command": parent.command])
      : Catalog.text("demo.ids.parent")
    var rows: [[String]] = [
      ["pid", "getpid()", String(parent.pid), String(me.pid)],
      ["ppid", "getppid()", String(parent.ppid), String(me.ppid)],
      ["pgid", "getpgrp()", String(parent.pgid), String(me.pgid)],
      ["sid", "getsid(0)", String(parent.sid), String(me.sid)],
      ["uid", "getuid()", String(parent.uid), String(me.uid)],
      ["euid", "geteuid()", String(parent.euid), String(me.euid)],
      ["gid", "getgid()", String(parent.gid), String(me.gid)],
      ["cwd", "getcwd()", parent.cwd, me.cwd],
    ]
    var columns: [Table.Column] = [
      .init(name: "id", align: .left), .init(name: "call", align: .left),
      .init(name: parentLabel, align: .right),
      .init(name: Catalog.text("demo.ids.column.child"), align: .right),
    ]
    var footer: [String] = []
    let python =
      params.python
      ? try CPython.program("process-tutorial/ids.py", [], timeout: 20, context: context) : nil
    if let python {
      columns.append(
        .init(name: Catalog.text("demo.ids.column.python", ["python": python.label]), align: .right)
      )
      for (index, key) in ["pid", "ppid", "pgid", "sid", "uid", "euid", "gid", "cwd"].enumerated() {
        let value = python.metric(key)
        rows[index].append(
          value.map { v in
            if case .string(let text) = v { return text }
            return v.double.map { String(Int($0)) } ?? "?"
          } ?? "?")
      }
      footer.append(
        CPython.footer(python, Catalog.text("demo.ids.pythonFooter")))
    }
    context.note(Catalog.text("demo.ids.twoProcesses"))
    context.table(
      Table(
        title: Catalog.text("demo.ids.title"),
        columns: columns, rows: rows, footer: footer))
    context.note(
      Catalog.text("demo.ids.ppidIsParent", ["ppid": String(me.ppid), "pid": String(parent.pid)]))
    if me.pgid != parent.pgid {
      context.note(Catalog.text("demo.ids.ownGroup", ["pgid": String(me.pgid)]))
    }
    if me.uid == parent.uid && me.gid == parent.gid && me.cwd == parent.cwd {
      context.note(Catalog.text("demo.ids.inherited"))
    }
    if let python, let ppid = python.double("ppid") {
      let arguments = ["ppid": String(Int(ppid)), "pid": String(me.pid)]
      context.note(
        Int32(ppid) == me.pid
          ? Catalog.text("demo.ids.pythonChild", arguments)
          : Catalog.text("demo.ids.pythonOther", arguments))
    }
    if me.uid == 0 {
      context.note(Catalog.text("demo.ids.root"))
    }
    for (key, value) in me.json { context.metric(key, value) }
    for (key, value) in parent.json { context.metric("parent.\(key)", value) }
  }
}
