import ArgumentParser
import DemoContract
import Glibc
import Localization
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
    guard let state else { return ("proclab: " + Catalog.text("results.noState"), 1) }
    do {
      guard let me = try StudentIdentity.load(from: state) else {
        return ("proclab: " + Catalog.text("results.noName"), 1)
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
    guard let state else { return ("proclab: " + Catalog.text("results.noStateToSave"), 1) }
    do {
      try me.save(in: state)
    } catch {
      return ("proclab: " + Catalog.text("results.cannotSave", ["error": "\(error)"]), 1)
    }
    return (Catalog.text("results.youAre", ["who": describe(me)]), 0)
  }

  static func describe(_ me: StudentIdentity) -> String {
    Catalog.text(
      "results.who", ["name": TerminalSafe.escape(me.name), "id": TerminalSafe.escape(me.id)])
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
    let usage = Catalog.text("results.whoami.usage")
    guard first == "set" else {
      refuse(Catalog.text("results.whoami.notSet", ["word": first, "usage": usage]))
      return
    }
    guard let idFlag = args.firstIndex(of: "--id"), idFlag + 1 < args.count else {
      refuse(Catalog.text("results.whoami.needsID", ["usage": usage]))
      return
    }
    let name = args[1..<idFlag].joined(separator: " ").filter { $0 != "\"" }
    let (text, status) = StudentDesk.set(name: name, id: args[idFlag + 1], state: stateDirectory)
    if status == 0 { say(text) } else { refuse(String(text.dropFirst("proclab: ".count))) }
  }
}
