import Glibc
import Measure
import OSKit
import Render

/// Runs small CPython scripts for comparisons, when `python3` is on the PATH.
///
/// The script is passed with `-c`; Python runs in a process group of its own so that it and
/// any processes its `multiprocessing` starts can be stopped together on a time-out or
/// Ctrl-C. Its output comes back through pipes.
enum CPython {
  /// What a script printed and how it ended.
  struct Output {
    var stdout: String
    var stderr: String
    var status: ExitStatus
    var version: String

    /// One line about a failure: the exit status and the last line of stderr.
    var summary: String {
      let last = stderr.split(separator: "\n").last.map(String.init) ?? ""
      return "python3 \(status)" + (last.isEmpty ? "" : ": \(last)")
    }
  }

  /// The first executable `python3` in the directories of `PATH`, or nil.
  static func find() -> String? {
    guard let path = ProcessEnvironment.value("PATH") else { return nil }
    for directory in path.split(separator: ":", omittingEmptySubsequences: true) {
      let candidate = "\(directory)/python3"
      var info = stat()
      if access(candidate, X_OK) == 0, stat(candidate, &info) == 0,
        info.st_mode & S_IFMT == S_IFREG
      {
        return candidate
      }
    }
    return nil
  }

  /// Runs `python3 -c script arguments…` and collects its output.
  /// - Throws: one line when Python cannot be started, overruns `timeout`, or Ctrl-C arrives.
  static func run(
    _ path: String, script: String, arguments: [String], timeout: Double, context: DemoContext
  ) throws -> Output {
    let out = try PipeEnds()
    let err: PipeEnds
    do { err = try PipeEnds() } catch {
      out.closeBoth()
      throw error
    }
    let child: ChildProcess
    do {
      // Through `proclab worker exec`, so python3 dies with this demo even if it is killed.
      child = try Workers.spawnProgram(
        path, arguments: ["python3", "-c", script] + arguments, newProcessGroup: true,
        stdout: out.write, stderr: err.write)
    } catch {
      out.closeBoth()
      err.closeBoth()
      throw DemoError("could not start \(path): \(error)")
    }
    FileIO.closeQuietly(out.write)
    FileIO.closeQuietly(err.write)
    context.onCleanup { child.stop(first: SIGKILL, grace: 0.5) }
    defer {
      FileIO.closeQuietly(out.read)
      FileIO.closeQuietly(err.read)
    }
    var stdout: [UInt8] = []
    var stderr: [UInt8] = []
    var open = [out.read, err.read]
    let deadline = MonotonicClock.seconds() + timeout
    while !open.isEmpty {
      if context.stopRequested {
        child.stop(first: SIGKILL, grace: 0.5)
        throw DemoError("stopped while python3 was running")
      }
      if MonotonicClock.seconds() > deadline {
        child.stop(first: SIGKILL, grace: 0.5)
        throw DemoError("python3 took longer than \(Units.duration(timeout)) and was stopped")
      }
      var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      let ready = poll(&fds, nfds_t(fds.count), 100)
      guard ready > 0 else { continue }
      for entry in fds where entry.revents != 0 {
        let chunk = (try? FileIO.read(entry.fd, upTo: 65536)) ?? []
        if chunk.isEmpty {
          open.removeAll { $0 == entry.fd }
        } else if entry.fd == out.read {
          stdout += chunk
        } else {
          stderr += chunk
        }
      }
    }
    // Output closed: Python is ending; stop its group if it lingers.
    let status = child.wait(timeout: 5) ?? child.stop(first: SIGKILL, grace: 0.5)
    let text = String(decoding: stdout, as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var version = "CPython"
    if let first = lines.first, first.hasPrefix("version ") {
      version = "CPython " + first.dropFirst("version ".count)
      lines.removeFirst()
    }
    return Output(
      stdout: lines.joined(separator: "\n"), stderr: String(decoding: stderr, as: UTF8.self),
      status: status, version: version)
  }

  /// The GIL tutorial's countdown in CPython. Arguments: kind (thread or process), workers, n, runs.
  /// Prints the version, then "wall-seconds cpu-seconds" for each run. Processes use the fork start method
  /// (functions defined in a -c script cannot be found by "spawn").
  static let countdownScript = """
    import sys, time, threading, resource, platform
    import multiprocessing as mp
    print("version", platform.python_version(), flush=True)
    def countdown(n):
        while n > 0:
            n -= 1
    def cpu(who):
        u = resource.getrusage(who)
        return u.ru_utime + u.ru_stime
    kind, k, n, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    for _ in range(runs):
        if kind == "thread":
            workers = [threading.Thread(target=countdown, args=(n,)) for _ in range(k)]
            who = resource.RUSAGE_SELF
        else:
            ctx = mp.get_context("fork")
            workers = [ctx.Process(target=countdown, args=(n,)) for _ in range(k)]
            who = resource.RUSAGE_CHILDREN
        c0 = cpu(who)
        t0 = time.perf_counter()
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        t1 = time.perf_counter()
        print(t1 - t0, cpu(who) - c0, flush=True)
    """

  /// CPython's `multiprocessing.Pool.map(f, range(n), chunksize=1)` with an empty `f`.
  /// Arguments: workers, n, runs. Prints the version, then seconds per task for each run.
  static let poolOverheadScript = """
    import sys, time, platform
    import multiprocessing as mp
    print("version", platform.python_version(), flush=True)
    def f(x):
        return None
    w, n, runs = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    with mp.get_context("fork").Pool(w) as pool:
        pool.map(f, range(w * 4), chunksize=1)
        for _ in range(runs):
            t0 = time.perf_counter()
            pool.map(f, range(n), chunksize=1)
            print((time.perf_counter() - t0) / n, flush=True)
    """
}
