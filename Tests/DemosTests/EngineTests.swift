import DemoContract
import Demos
import FoundationEssentials
import Measure
import Render
import Testing

@Suite("Parameters are refused before anything starts")
struct ParameterTests {
  let spec: [ParameterSpec] = [
    ParameterSpec("processes", .integer(min: 1, max: 64), default: "2", help: "workers"),
    ParameterSpec("duration", .decimal(min: 0, max: 5), default: "0.2", help: "seconds"),
    ParameterSpec("sync", .list(["none", "atomic", "mutex"]), default: "none", help: "variants"),
    ParameterSpec("mode", .choice(["fast", "slow"]), default: "fast", help: "mode"),
    ParameterSpec("pin", .flag, default: "false", help: "pin"),
  ]

  @Test("defaults fill in what is not given")
  func defaults() throws {
    let p = try spec.validate([], demo: "d")
    #expect(p.int("processes") == 2)
    #expect(p.double("duration") == 0.2)
    #expect(p.words("sync") == ["none"])
    #expect(p.word("mode") == "fast")
    #expect(p.flag("pin") == false)
    #expect(p.arguments == ["processes=2", "duration=0.2", "sync=none", "mode=fast", "pin=false"])
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
      ("pin=maybe", "pin=maybe: must be true or false"),
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
    let p = try spec.validate(
      ["sync=atomic,none,atomic", "duration=500ms", "processes=6_4"], demo: "d")
    #expect(p.int("processes") == 64)
    #expect(p.words("sync") == ["atomic", "none"])
    #expect(p.double("duration") == 0.5)
    let q = try spec.validate(["duration=2s", "pin=on"], demo: "d")
    #expect(q.double("duration") == 2)
    #expect(q.flag("pin"))
  }
}
