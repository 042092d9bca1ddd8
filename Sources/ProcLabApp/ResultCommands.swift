import ArgumentParser
import DemoContract
import Glibc
import Measure
import OSKit
import Render
import Results

/// `proclab whoami [set NAME --id ID]`: who the student says they are, for `submit`.
struct WhoamiCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "whoami", abstract: "Show or set your name and student id (for submit).",
    subcommands: [WhoamiShow.self, WhoamiSet.self], defaultSubcommand: WhoamiShow.self)
}

struct WhoamiShow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show your name and student id.")

  func run() throws {
    let (text, status) = StudentDesk.show(state: Paths.stateDirectory(warn: { Console.warn($0) }))
    try FileIO.writeAll(status == 0 ? 1 : 2, text + "\n")
    if status != 0 { throw ExitCode(status) }
  }
}

struct WhoamiSet: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set", abstract: "Set your name and student id, kept in the state directory.")

  @Argument(help: "Your name as your teacher knows it, in quotes (Hangul welcome).")
  var name: String

  @Option(help: "Your student id: ASCII letters, digits, - and _.")
  var id: String

  func run() throws {
    let (text, status) = StudentDesk.set(
      name: name, id: id, state: Paths.stateDirectory(warn: { Console.warn($0) }))
    try FileIO.writeAll(status == 0 ? 1 : 2, text + "\n")
    if status != 0 { throw ExitCode(status) }
  }
}

/// What `whoami` does, at the shell and at the prompt: one line to show, and an exit status.
enum StudentDesk {
  static func show(state: String?) -> (String, Int32) {
    guard let state else { return ("proclab: no state directory, so no name is kept", 1) }
    do {
      guard let me = try StudentIdentity.load(from: state) else {
        return (
          "proclab: no name set; set it with: proclab whoami set \"Your Name\" --id STUDENT-ID", 1
        )
      }
      return (describe(me), 0)
    } catch {
      return ("proclab: " + TerminalSafe.escape(error.message), 1)
    }
  }

  static func set(name: String, id: String, state: String?) -> (String, Int32) {
    let me: StudentIdentity
    do {
      me = try StudentIdentity(name: name, id: id)
    } catch {
      return ("proclab: " + error.message, 2)
    }
    guard let state else { return ("proclab: no state directory to keep your name in", 1) }
    do {
      try me.save(in: state)
    } catch {
      return ("proclab: could not save your name: \(error)", 1)
    }
    return ("you are " + describe(me), 0)
  }

  static func describe(_ me: StudentIdentity) -> String {
    "\(TerminalSafe.escape(me.name)) (student id \(TerminalSafe.escape(me.id)))"
  }
}

extension Session {
  /// `whoami` and `whoami set "Name" --id ID` at the prompt.
  func whoami(_ args: [String]) {
    guard let first = args.first else {
      let (text, status) = StudentDesk.show(state: stateDirectory)
      if status == 0 { say(text) } else { refuse(String(text.dropFirst("proclab: ".count))) }
      return
    }
    let usage = "whoami set \"Your Name\" --id STUDENT-ID"
    guard first == "set" else {
      refuse("whoami takes set or nothing, not '\(first)': whoami shows you, \(usage) sets you")
      return
    }
    guard let idFlag = args.firstIndex(of: "--id"), idFlag + 1 < args.count else {
      refuse("whoami set needs your name and --id with your student id: \(usage)")
      return
    }
    let name = args[1..<idFlag].joined(separator: " ").filter { $0 != "\"" }
    let (text, status) = StudentDesk.set(name: name, id: args[idFlag + 1], state: stateDirectory)
    if status == 0 { say(text) } else { refuse(String(text.dropFirst("proclab: ".count))) }
  }
}
