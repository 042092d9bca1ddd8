import Testing

/// The quiz's own words about an answer in Korean, through the autograder (`quiz --answers`,
/// which reads what a student would type): what to type instead, unit hints, a prediction's
/// comparison line; English mode prints the same lines in English, as before.
@Suite("Answer errors and comparison lines in Korean", .serialized)
struct KoreanAnswerTests {
  static let answers = """
    processes/program-or-process: z
    processes/cd-in-child: maybe
    processes/first-process: abc
    processes/child-ppid: true
    measuring/timeit-unit: 4 kg
    measuring/set-vs-array: 9

    """

  /// Each answer's status and comparison line, from `quiz all --answers - --json`.
  static func grade(_ language: String) throws -> String {
    let state = TempState()
    defer { state.cleanUp() }
    let r = try runPiped(
      ["--lang", language, "quiz", "all", "--answers", "-", "--json"], input: answers,
      state: state, timeout: 120)
    #expect(r.status == .exited(0), "\(r.stderr)")
    return r.stdout
  }

  @Test("--lang ko: what to type instead, the unit hint and the comparison are Korean")
  func korean() throws {
    let out = try Self.grade("ko")
    for korean in [
      "'z'라는 보기는 없습니다", "참 또는 거짓으로 답하십시오", "'abc'은(는) 숫자가 아닙니다",
      "'kg'은(는) 모르는 단위입니다. 4초나 4000밀리초 같은 시간으로 답하십시오", "측정 결과",
    ] {
      #expect(out.contains(korean), "missing \(korean) in \(out)")
    }
    for english in ["there is no choice", "answer true or false", "is not a number", "measured "] {
      #expect(!out.contains(english), "English '\(english)' in \(out)")
    }
  }

  @Test("--lang en: the same answers get the English lines they always had")
  func english() throws {
    let out = try Self.grade("en")
    for english in [
      "there is no choice 'z'; from a to", "answer true or false (t/f, yes/no, o/x)",
      "'abc' is not a number", "unknown unit 'kg'; give a time such as 4 s or 4000 ms",
      "as you predicted",
    ] {
      #expect(out.contains(english), "missing \(english) in \(out)")
    }
  }

  @Test("--lang ko: the line under a question that takes a number is Korean")
  func unitHint() throws {
    let state = TempState()
    defer { state.cleanUp() }
    let input = "quiz measuring\n" + String(repeating: "skip\n", count: 12) + "quit\n"
    let korean = try runPiped(["--lang", "ko"], input: input, state: state, timeout: 120)
    #expect(korean.stdout.contains("µs 단위의 시간(다른 시간 단위도 됩니다"), "\(korean.stdout)")
    #expect(!korean.stdout.contains("other units of time work too"))
    let english = try runPiped(["--lang", "en"], input: input, state: state, timeout: 120)
    #expect(english.stdout.contains("a time in µs; other units of time work too, e.g. 250 ms"))
  }
}
