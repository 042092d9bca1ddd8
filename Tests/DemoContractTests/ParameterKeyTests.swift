import DemoContract
import Testing

/// Typed parameter keys build the declaration and read the validated value, from one place.
@Suite struct ParameterKeyTests {
  enum CPUs: String, ParameterChoice { case any, same, split }
  enum Part: String, ParameterChoice { case latency, bandwidth, message }

  struct Keys: ParameterSet {
    let rounds = IntParameter("rounds", default: 2000, range: 10...200_000, help: "round trips")
    let timeout = DecimalParameter("timeout", default: 0.2, range: 0.01...5, help: "seconds")
    let python = FlagParameter("python", default: true, help: "also CPython")
    let cpus = EnumParameter<CPUs>("cpus", default: .any, help: "where the processes run")
    let what = EnumListParameter<Part>("what", help: "what to measure")
  }

  /// Keys of another demo: a parameter `Keys` does not declare.
  struct OtherKeys: ParameterSet {
    let volume = IntParameter("volume", default: 16, range: 1...256, help: "MiB")
  }

  @Test func theKeysAreTheDeclarationInOrder() {
    #expect(
      Keys.specs == [
        ParameterSpec(
          "rounds", .integer(min: 10, max: 200_000), default: "2000", help: "round trips"),
        ParameterSpec("timeout", .decimal(min: 0.01, max: 5), default: "0.2", help: "seconds"),
        ParameterSpec("python", .flag, default: "on", help: "also CPython"),
        ParameterSpec(
          "cpus", .choice(["any", "same", "split"]), default: "any",
          help: "where the processes run"),
        ParameterSpec(
          "what", .list(["latency", "bandwidth", "message"]), default: "latency,bandwidth,message",
          help: "what to measure"),
      ])
    #expect(Keys.keys.map(\.property) == ["rounds", "timeout", "python", "cpus", "what"])
    #expect(Keys.strayProperties.isEmpty)
  }

  @Test func defaultsReadBackTyped() throws {
    let p = DemoParameters<Keys>(try Keys.specs.validate([], demo: "pipe"))
    #expect(p.rounds == 2000)
    #expect(p.timeout == 0.2)
    #expect(p.python)
    #expect(p.cpus == .any)
    #expect(p.what == [.latency, .bandwidth, .message])
  }

  @Test func givenValuesReadBackTyped() throws {
    let p = DemoParameters<Keys>(
      try Keys.specs.validate(
        ["rounds=10", "timeout=50ms", "python=off", "cpus=split", "what=message,latency,message"],
        demo: "pipe"))
    #expect(p.rounds == 10)
    #expect(p.timeout == 0.05)
    #expect(!p.python)
    #expect(p.cpus == .split)
    #expect(p.what == [.message, .latency])
  }

  @Test(
    "an enum's cases are the allowed words, in messages too",
    arguments: [
      ("cpus=x", "cpus=x: must be one of any, same, split"),
      (
        "what=latency,speed",
        "what=latency,speed: unknown item 'speed'; allowed: latency,bandwidth,message"
      ),
    ])
  func enumRefusals(word: String, message: String) {
    #expect(throws: ParameterError(message: message)) {
      try Keys.specs.validate([word], demo: "pipe")
    }
  }

  @Test func aKeyOfAnotherDeclarationReadsItsDefaultAndDoesNotTrap() throws {
    let validated = try Keys.specs.validate([], demo: "pipe")
    #expect(validated[OtherKeys().volume] == 16)
  }

  struct Stray: ParameterSet {
    let count = IntParameter("count", default: 1, range: 1...2, help: "n")
    let note = "not a key"
  }

  @Test func aStoredPropertyThatIsNotAKeyIsFound() {
    #expect(Stray.strayProperties == ["note"])
    #expect(Stray.specs.map(\.name) == ["count"])
  }
}
