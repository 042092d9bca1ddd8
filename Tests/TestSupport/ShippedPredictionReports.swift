public import DemoContract
import Glibc
import OSKit

/// The shipped lessons as the class generator reads them, and one live report per distinct
/// demo command line their predictions run (`proclab run <demo> <arguments…> --json`, about
/// fifty demos), made once per test process. ClassFixtureTests, ScriptedClassTests and
/// CurriculumTests' predict rules each ran every one of those demos for themselves; they read
/// these instead, and .ci/test-shards keeps the three in one test process, so the demos run
/// once there instead of three times. Every report is still a real run of the binary under
/// test, made in the test process's IPC namespace with a private state directory.
public enum ShippedPredictionReports {
  /// The lessons of `lessons/` and the reports keyed by `DemoInvocation.commandLine`, or the
  /// first problem (a lesson that does not parse, a demo that gave no report).
  public static let shared:
    Result<([ClassFixture.LessonFile], [String: DemoReport]), FixtureProblem> =
      {
        do throws(FixtureProblem) {
          let lessons = try ClassFixture.lessons(in: TestBinary.sourceRoot + "/lessons")
          let state = privateStateDirectory()
          defer { if let state { removeTree(state) } }
          let reports = try ClassFixture.liveReports(
            ClassFixture.predictionDemos(lessons), proclab: TestBinary.proclab,
            environment: environment(state: state))
          return .success((lessons, reports))
        } catch {
          return .failure(error)
        }
      }()

  /// The environment the end-to-end tests give the binary (Tests/EndToEndTests/Harness.swift's
  /// `TempState`): none of the runner's ProcLab, language or terminal settings, English, no
  /// colour, the tests' IPC namespace, and `state` as the state directory.
  static func environment(state: String?) -> [String] {
    let dropped = [
      "XDG_STATE_HOME=", "TERM=", "NO_COLOR=", "COLUMNS=", "EDITRC=", "PROCLAB_", "LC_ALL=",
      "LC_MESSAGES=", "LANGUAGE=",
    ]
    return ProcessEnvironment.current.filter { entry in
      !dropped.contains { entry.hasPrefix($0) }
    } + [
      "TERM=xterm-256color", "NO_COLOR=1", "LANG=C.UTF-8", "EDITRC=/dev/null",
      TestIPC.environmentEntry,
    ] + (state.map { ["XDG_STATE_HOME=\($0)"] } ?? [])
  }

  static func privateStateDirectory() -> String? {
    var template = Array("/tmp/proclab-test-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map {
      String(cString: $0)
    }
  }

  static func removeTree(_ path: String) {
    guard path.hasPrefix("/tmp/proclab-test-") else { return }
    _ = system("rm -rf '\(path)'")
  }
}
