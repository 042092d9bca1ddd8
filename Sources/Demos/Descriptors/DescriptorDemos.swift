import CProcLab
import Glibc
import Localization
import OSKit

/// The file-descriptor demos: `fds` (the table across fork, dup2 and exec; a shared offset;
/// O_CLOEXEC; a pipeline; a missing end-of-file) and `exec` (what execve keeps and replaces).
enum DescriptorDemos {
  static let all: [DemoDefinition] = [FdsDemo.definition, ExecDemo.definition]

  /// `proclab worker <role> …` entry points of the descriptor demos.
  static let workerRoles: [String: Workers.Role] = [
    // Prints its own descriptor table (`FDTable.encode`) on stdout: what survived its execve.
    "fd-list": { _ in
      let table = FDTable.read(getpid()) ?? []
      return (try? FileIO.writeAll(1, FDTable.encode(table))) == nil ? 1 : 0
    },
    // Says it is ready, reads stdin to end-of-file, then prints `<bytes> <last data> <eof>` (monotonic seconds).
    "fd-drain": { _ in
      // One byte first: the demo writes its data only once the reader is there to read it.
      guard (try? FileIO.writeAll(1, [UInt8(ascii: "r")])) != nil else { return 1 }
      var total = 0
      var lastData = Descriptors.now()
      while let chunk = try? FileIO.read(0, upTo: 1 << 16), !chunk.isEmpty {
        total += chunk.count
        lastData = Descriptors.now()
      }
      let eof = Descriptors.now()
      return (try? FileIO.writeAll(1, "\(total) \(lastData) \(eof)\n")) == nil ? 1 : 0
    },
  ]
}

/// Helpers the descriptor demos share.
enum Descriptors {
  /// The longest any of the demos' fork children lives (they take milliseconds).
  static let childLifetime: UInt32 = 10

  /// CLOCK_MONOTONIC in seconds: the same clock in every process, so a child's times and
  /// the demo's can be compared.
  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  /// A fork child (C, `pl_fd_fork_hold`) reaped however the demo ends; `release` lets it go.
  final class HeldChild: Sendable {
    let process: ChildProcess
    private let release: PipeEnds

    init(_ process: ChildProcess, release: PipeEnds) {
      self.process = process
      self.release = release
    }

    var pid: Int32 { process.pid }

    /// Lets the child leave and reaps it.
    func finish() {
      try? FileIO.writeAll(release.write, [1])
      _ = try? process.wait()
    }
  }

  /// Forks a child that keeps its table (after an optional dup2 and a line written) and waits.
  static func hold(
    _ context: DemoContext, dup from: Int32 = -1, to: Int32 = -1, line: String? = nil
  ) throws -> HeldChild {
    let release = try PipeEnds()
    let ready: PipeEnds
    do { ready = try PipeEnds() } catch {
      release.closeBoth()
      throw error
    }
    defer { FileIO.closeQuietly(ready.read) }
    let pid: pid_t = (line ?? "").withCString { text in
      var spec = pl_fd_hold(
        release_read: release.read, ready_read: ready.read, ready_write: ready.write,
        dup_from: from, dup_to: to,
        line: line == nil ? nil : text, line_length: line?.utf8.count ?? 0,
        seconds: childLifetime)
      return pl_fd_fork_hold(&spec)
    }
    // Only the child holds the write end now: if it dies before it is ready, the read ends.
    FileIO.closeQuietly(ready.write)
    guard pid > 0 else {
      release.closeBoth()
      throw SystemError("forking a child")
    }
    let child = HeldChild(ChildProcess.adopting(pid: pid), release: release)
    context.onCleanup {
      child.process.signal(SIGKILL, group: false)
      _ = try? child.process.wait()
      release.closeBoth()
    }
    // Set up once it says so; a child that died first ends the wait too (its status shows).
    guard FileIO.waitReadable(ready.read, timeout: 5),
      (try? FileIO.read(ready.read, upTo: 1))?.count == 1
    else {
      let how = child.process.poll().map(DemoText.status) ?? Catalog.text("demo.status.running")
      throw DemoError(Catalog.text("demo.error.forkChildNotReady", ["status": how]))
    }
    return child
  }

  /// Forks a child wired as a shell wires a command, then execve's `path`.
  /// - Returns: the child, and the read end of an O_CLOEXEC pipe that gives end-of-file once
  ///   execve succeeded (an errno first when it failed).
  static func forkExec(
    _ context: DemoContext, path: String, argv: [String], environment: [String],
    stdin: Int32 = -1, stdout: Int32 = -1, go: Int32 = -1
  ) throws -> (child: ChildProcess, execDone: Int32) {
    let report = try PipeEnds()
    let pid: pid_t = withCStrings(argv) { args in
      withCStrings(environment) { env in
        path.withCString { file in
          args.withUnsafeBufferPointer { a in
            env.withUnsafeBufferPointer { e in
              var spec = pl_fd_exec(
                path: file, argv: a.baseAddress!, envp: e.baseAddress!, stdin_fd: stdin,
                stdout_fd: stdout, close_fds: nil, close_count: 0, go_read: go,
                failure_write: report.write, seconds: childLifetime)
              return pl_fd_fork_exec(&spec)
            }
          }
        }
      }
    }
    FileIO.closeQuietly(report.write)
    guard pid > 0 else {
      FileIO.closeQuietly(report.read)
      throw SystemError("forking a child for \(argv.first ?? path)")
    }
    let child = ChildProcess.adopting(pid: pid)
    context.onCleanup {
      child.signal(SIGKILL, group: false)
      _ = try? child.wait()
      FileIO.closeQuietly(report.read)
    }
    return (child, report.read)
  }

  /// Waits for the pipe `forkExec` returned: nil once execve succeeded, else why it failed.
  static func execFailure(_ execDone: Int32, program: String) -> String? {
    guard FileIO.waitReadable(execDone, timeout: 5) else {
      return Catalog.text("demo.error.programNotStarted", ["program": program])
    }
    guard let bytes = try? FileIO.read(execDone, upTo: 4), bytes.count == 4 else { return nil }
    let code = bytes.withUnsafeBytes { $0.load(as: Int32.self) }
    return Catalog.text(
      "demo.error.cannotRun", ["program": program, "why": String(cString: strerror(code))])
  }

  /// Waits (at most 2 s) until descriptor `fd` of `pid` points at `target`.
  static func waitForTarget(_ pid: Int32, fd: Int32, _ target: String) {
    let deadline = now() + 2
    while FDTable.link("/proc/\(pid)/fd/\(fd)") != target, now() < deadline { usleep(1000) }
  }

  /// The first of `paths` that is an executable file.
  static func program(_ paths: [String]) -> String? {
    paths.first { access($0, X_OK) == 0 }
  }
}
