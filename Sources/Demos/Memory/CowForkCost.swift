import CProcLab
import Glibc
import Measure
import OSKit

/// The ways the cow demo starts a child while the parent holds its region, in table order.
enum StartWay: String, CaseIterable, Sendable {
  case fork
  case vfork
  case forkExec = "fork-exec"
  case posixSpawn = "posix_spawn"
}

/// The cost of starting a child against the parent's size: at each size, the parent maps and
/// writes that much, then times each way of starting (and reaping) a child.
struct CowForkCost: Sendable {
  var mebibytes: Int
  /// VmPTE of the demo process with the region written: the page tables fork copies.
  var pageTableKiB: Int
  var results: [StartWay: TimingResult]

  /// Seconds each timed run should last at least (the loop count is picked to reach it).
  static let target = 0.02

  static func measure(
    mebibytes: Int, runs: Int, truePath: String, environment: [String]
  ) throws -> CowForkCost {
    let region = try CowRegion(mebibytes: mebibytes)
    defer { region.unmap() }
    let pageTables = ProcStatus.read()?.kibibytes("VmPTE") ?? 0
    var results: [StartWay: TimingResult] = [:]
    for way in StartWay.allCases {
      let label = "\(way.rawValue), \(mebibytes) MiB"
      switch way {
      case .fork:
        results[way] = TimeIt.measure(label, targetRunSeconds: target, runs: runs) {
          reap(pl_fork_exit(0))
        }
      case .vfork:
        results[way] = TimeIt.measure(label, targetRunSeconds: target, runs: runs) {
          reap(pl_vfork_exit(0))
        }
      case .forkExec, .posixSpawn:
        results[way] = withCStrings([truePath]) { argv in
          withCStrings(environment) { envp in
            TimeIt.measure(label, targetRunSeconds: target, runs: runs) {
              if way == .forkExec {
                reap(pl_fork_exec(truePath, argv, envp))
              } else {
                var pid: pid_t = 0
                if posix_spawn(&pid, truePath, nil, nil, argv, envp) == 0 { reap(pid) }
              }
            }
          }
        }
      }
    }
    return CowForkCost(mebibytes: mebibytes, pageTableKiB: pageTables, results: results)
  }

  private static func reap(_ pid: pid_t) {
    var status: Int32 = 0
    if pid > 0 { waitpid(pid, &status, 0) }
  }
}
