import ArgumentParser
import DemoContract
import Glibc
import Localization
import Measure
import OSKit
import Render
import Results

/// `proclab submit [lesson…] [-o FILE]`: the student's result file, from the quiz record kept
/// as they answered (no demo is run again). docs/grading.md describes the file.
struct SubmitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "submit",
    abstract: "Write your result file for your teacher: your recorded quiz answers and runs.")

  @Argument(help: "The lessons to submit (ids); none: every lesson you answered questions of.")
  var lesson: [String] = []

  @Option(
    name: [.customShort("o"), .long], help: "Where to write it (default proclab-result-<id>.json).")
  var output: String?

  func run() throws {
    guard let state = Paths.stateDirectory(warn: { Console.warn($0) }) else {
      Console.warn(Catalog.text("results.submit.noState"))
      throw ExitCode(1)
    }
    let me = try identity(state: state)
    let records: [ChainedRecord]
    do {
      records = try QuizRecordLog(directory: state).load()
    } catch {
      Console.warn(TerminalSafe.escape(error.message))
      throw ExitCode(1)
    }
    let recorded = Set(records.compactMap(\.entry.lesson))
    for id in lesson where !recorded.contains(id) {
      let list =
        recorded.sorted().joined(separator: ", ").nonEmpty
        ?? Catalog.text("results.submit.noneYet")
      Console.warn(
        Catalog.text(
          "results.submit.noLesson", ["lesson": TerminalSafe.escape(id), "recorded": list]))
      throw ExitCode(2)
    }
    guard !records.isEmpty else {
      Console.warn(Catalog.text("results.submit.empty"))
      throw ExitCode(1)
    }
    if let problem = RecordChain.verify(records) {
      Console.warn(Catalog.text("results.submit.unverified", ["problem": "\(problem)"]))
    }
    let result = ResultFile(
      proclabVersion: ProcLabMain.version, student: me, host: Self.hostName(),
      environment: MachineEnvironment.current(), submitted: Self.now(), lessons: lesson,
      records: records)
    let path = output ?? "proclab-result-\(me.id).json"
    let (directory, name) = Self.split(path)
    do {
      try FileIO.writeAtomically(
        directory: directory, name: name, bytes: result.encoded(), mode: 0o644)
    } catch {
      Console.warn(
        Catalog.text(
          "results.submit.cannotWrite", ["path": TerminalSafe.escape(path), "error": "\(error)"]))
      throw ExitCode(1)
    }
    let counted = records.filter { $0.entry.lesson.map(result.lessons.contains) ?? false }
    var wrote = Catalog.plural(
      "results.submit.wrote", count: counted.count { $0.record != nil },
      [
        "path": TerminalSafe.escape(path), "lessons": result.lessons.joined(separator: ", "),
        "who": StudentDesk.describe(me),
      ])
    let checks = counted.compactMap(\.exercise)
    if !checks.isEmpty {
      var exercises: [String] = []
      for c in checks where !exercises.contains(c.exercise) { exercises.append(c.exercise) }
      wrote +=
        "\n"
        + Catalog.plural(
          "results.submit.checks", count: checks.count,
          ["exercises": TerminalSafe.escape(exercises.joined(separator: ", "))])
    }
    try FileIO.writeAll(1, wrote + "\n")
  }

  /// The identity kept in the state directory; asked for on a terminal when there is none.
  func identity(state: String) throws -> StudentIdentity {
    do {
      if let me = try StudentIdentity.load(from: state) { return me }
    } catch {
      Console.warn(TerminalSafe.escape(error.message))
      throw ExitCode(1)
    }
    guard isatty(0) == 1 else {
      Console.warn(Catalog.text("results.submit.noTerminal"))
      throw ExitCode(2)
    }
    try FileIO.writeAll(1, Catalog.text("results.submit.seen") + "\n")
    let name = try ask(Catalog.text("results.submit.askName"), StudentIdentity.validName)
    let id = try ask(Catalog.text("results.submit.askID"), StudentIdentity.validID)
    let me = try StudentIdentity(name: name, id: id)
    do { try me.save(in: state) } catch {
      Console.warn(Catalog.text("results.cannotSave", ["error": "\(error)"]))
    }
    return me
  }

  /// Asks until `valid` accepts the line; end of input leaves.
  func ask(_ prompt: String, _ valid: (String) throws(IdentityProblem) -> String) throws -> String {
    while true {
      try FileIO.writeAll(1, prompt)
      guard let line = readLine() else { throw ExitCode(1) }
      do { return try valid(line) } catch { Console.warn(TerminalSafe.escape(error.message)) }
    }
  }

  static func split(_ path: String) -> (String, String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let dir = String(path[..<slash])
    return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
  }

  static func hostName() -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, 255) == 0 else { return "unknown" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}

extension String {
  fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
