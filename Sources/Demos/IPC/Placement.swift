// Where the pipe demo's parent and child run (`cpus=`), and the CPUs they were seen on
// after each timed transfer.
import DemoContract
import Glibc
import Localization
import Measure
import OSKit

/// Where the pipe demo's parent and child run (`cpus=`): wherever the scheduler puts them, both
/// pinned to one CPU, or each pinned to its own.
struct Placement: Sendable {
  /// The `cpus=` choices.
  enum Mode: String, ParameterChoice {
    case any, same, apart
  }

  var mode: Mode
  var parentCPU: Int32?
  var childCPU: Int32?

  static let any = Placement(mode: .any, parentCPU: nil, childCPU: nil)

  init(mode: Mode, parentCPU: Int32?, childCPU: Int32?) {
    self.mode = mode
    self.parentCPU = parentCPU
    self.childCPU = childCPU
  }

  /// - Parameter allowed: the CPUs this process may use, ascending.
  init(_ mode: Mode, allowed: [Int]) throws {
    switch mode {
    case .same:
      guard let first = allowed.first else {
        throw DemoError(Catalog.text("demo.error.sameEmpty"))
      }
      self.init(mode: mode, parentCPU: Int32(first), childCPU: Int32(first))
    case .apart:
      guard allowed.count >= 2 else {
        throw DemoError(
          Catalog.text(
            "demo.error.apartNeedsTwo", ["cpus": MachineEnvironment.formatCPUList(allowed)]))
      }
      self.init(mode: mode, parentCPU: Int32(allowed[0]), childCPU: Int32(allowed[1]))
    case .any:
      self = .any
    }
  }

  /// Pins the demo process (sched_setaffinity) where this placement wants it.
  func pinParent() throws {
    guard let parentCPU else { return }
    guard CPUAffinity.pin([parentCPU]) else {
      throw DemoError(
        Catalog.text(
          "demo.error.pinParent",
          ["cpu": String(parentCPU), "why": String(cString: strerror(errno))]))
    }
  }

  /// Runs `spawn` with the demo process pinned to the child's CPU, so the child inherits it,
  /// then pins the demo process back.
  func spawningChild<T>(_ spawn: () throws -> T) throws -> T {
    guard let childCPU, let parentCPU, childCPU != parentCPU else { return try spawn() }
    guard CPUAffinity.pin([childCPU]) else {
      throw DemoError(
        Catalog.text(
          "demo.error.pinChild", ["cpu": String(childCPU), "why": String(cString: strerror(errno))])
      )
    }
    defer { _ = CPUAffinity.pin([parentCPU]) }
    return try spawn()
  }
}

/// The CPUs the parent and its child were last seen on, after each timed transfer.
struct CPUsSeen {
  private var counts: [String: Int] = [:]
  private var order: [String] = []

  /// Notes where this process runs now and where `child` last ran (/proc/<pid>/stat).
  mutating func record(child: pid_t) {
    let parent = CPUAffinity.current().map(String.init) ?? "?"
    let child = ProcStat.read(child)?.lastCPU.map(String.init) ?? "?"
    let key = "\(parent)/\(child)"
    if counts[key] == nil { order.append(key) }
    counts[key, default: 0] += 1
  }

  /// Each parent/child pair seen, once per distinct pair ("0/1").
  var pairs: [String] { order }

  /// One footer line: the placement, and what was seen.
  func summary(_ placement: Placement) -> String {
    let seen = Catalog.text(
      "demo.pipe.cpus.seen",
      [
        "pairs": order.map { counts[$0] == 1 ? $0 : "\($0) ×\(counts[$0] ?? 0)" }
          .joined(separator: ", ")
      ])
    let parent = String(placement.parentCPU ?? 0)
    switch placement.mode {
    case .same:
      return Catalog.text("demo.pipe.cpus.same", ["cpu": parent, "seen": seen])
    case .apart:
      return Catalog.text(
        "demo.pipe.cpus.apart",
        ["parent": parent, "child": String(placement.childCPU ?? 0), "seen": seen])
    case .any:
      return Catalog.text("demo.pipe.cpus.any", ["seen": seen])
    }
  }
}
