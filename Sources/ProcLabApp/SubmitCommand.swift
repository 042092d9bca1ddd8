import ArgumentParser
import DemoContract
import Glibc
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
      Console.warn("no state directory, so there is no quiz record to submit")
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
    let recorded = Set(records.map(\.record.lesson))
    for id in lesson where !recorded.contains(id) {
      Console.warn(
        "no recorded answers for lesson '\(TerminalSafe.escape(id))'; "
          + "recorded: \(recorded.sorted().joined(separator: ", ").nonEmpty ?? "none yet")")
      throw ExitCode(2)
    }
    guard !records.isEmpty else {
      Console.warn("no quiz answers recorded yet: take a quiz first (proclab quiz <lesson>)")
      throw ExitCode(1)
    }
    if let problem = RecordChain.verify(records) {
      Console.warn(
        "your quiz record does not verify: \(problem); written as it is, and your teacher will see it"
      )
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
      Console.warn("could not write \(TerminalSafe.escape(path)): \(error)")
      throw ExitCode(1)
    }
    let counted = records.filter { result.lessons.contains($0.record.lesson) }.count
    try FileIO.writeAll(
      1,
      "wrote \(TerminalSafe.escape(path)): \(counted) answer\(counted == 1 ? "" : "s") of "
        + "\(result.lessons.joined(separator: ", ")) for \(StudentDesk.describe(me))\n")
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
      Console.warn(
        "no name set and no terminal to ask on: first run proclab whoami set \"Your Name\" --id STUDENT-ID"
      )
      throw ExitCode(2)
    }
    try FileIO.writeAll(1, "Your teacher will see your name and student id on this file.\n")
    let name = try ask("Your name: ", StudentIdentity.validName)
    let id = try ask("Your student id: ", StudentIdentity.validID)
    let me = try StudentIdentity(name: name, id: id)
    do { try me.save(in: state) } catch { Console.warn("could not save your name: \(error)") }
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
