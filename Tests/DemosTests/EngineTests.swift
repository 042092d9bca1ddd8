import DemoContract
import Demos
import FoundationEssentials
import Measure
import Render
import Testing

@Suite("Parameters are refused before anything starts")
struct ParameterTests {
  enum Sync: String, ParameterChoice { case none, atomic, mutex }
  enum Mode: String, ParameterChoice { case fast, slow }
  struct Keys: ParameterSet {
    let processes = IntParameter("processes", default: 2, range: 1...64, help: "workers")
    let duration = DecimalParameter("duration", default: 0.2, range: 0...5, help: "seconds")
    let sync = EnumListParameter<Sync>("sync", default: [.none], help: "variants")
    let mode = EnumParameter<Mode>("mode", default: .fast, help: "mode")
    let pin = FlagParameter("pin", default: false, help: "pin")
  }
  let spec = Keys.specs

  func typed(_ words: [String]) throws -> DemoParameters<Keys> {
    DemoParameters(try spec.validate(words, demo: "d"))
  }

  @Test("defaults fill in what is not given")
  func defaults() throws {
    let p = try typed([])
    #expect(p.processes == 2)
    #expect(p.duration == 0.2)
    #expect(p.sync == [.none])
    #expect(p.mode == .fast)
    #expect(p.pin == false)
    #expect(
      p.validated.arguments == [
        "processes=2", "duration=0.2", "sync=none", "mode=fast", "pin=false",
      ])
  }

  @Test(
    "each bad value is one line naming the parameter and what is allowed",
    arguments: [
      ("processes=100000", "processes=100000: must be between 1 and 64"),
      ("processes=0", "processes=0: must be between 1 and 64"),
      ("processes=-3", "processes=-3: must be between 1 and 64"),
      (
        "processes=123456789012345678901234567890",
        "processes=123456789012345678901234567890: must be between 1 and 64"
      ),
      ("processes=two", "processes=two: not a whole number; must be between 1 and 64"),
      ("processes=", "processes=: needs a value: a whole number between 1 and 64"),
      ("duration=9", "duration=9: must be between 0 and 5"),
      ("duration=abc", "duration=abc: not a number; must be between 0 and 5"),
      ("sync=none,bogus", "sync=none,bogus: unknown item 'bogus'; allowed: none,atomic,mutex"),
      ("mode=medium", "mode=medium: must be one of fast, slow"),
      ("pin=maybe", "pin=maybe: must be on or off (also true/false, yes/no, 1/0)"),
      (
        "color=red",
        "unknown parameter 'color' for d; it takes processes, duration, sync, mode, pin"
      ),
      (
        "processes",
        "'processes': parameters are written name=value; d takes processes, duration, sync, mode, pin"
      ),
    ])
  func refusals(word: String, message: String) {
    #expect(throws: ParameterError(message: message)) { try spec.validate([word], demo: "d") }
  }

  @Test("lists are comma-separated, duplicates dropped; durations take s and ms")
  func listsAndUnits() throws {
    let p = try typed(["sync=atomic,none,atomic", "duration=500ms", "processes=6_4"])
    #expect(p.processes == 64)
    #expect(p.sync == [.atomic, .none])
    #expect(p.duration == 0.5)
    let q = try typed(["duration=2s", "pin=on"])
    #expect(q.duration == 2)
    #expect(q.pin)
  }
}
