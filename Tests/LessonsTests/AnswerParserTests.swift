import Testing

@testable import Lessons

@Suite("Answer parser")
struct AnswerParserTests {
  static let four = ["one", "two", "three", "four"].enumerated().map {
    Choice(label: Choice.label(at: $0), text: $1)
  }

  @Test(arguments: [
    ("b", [1]), ("B", [1]), ("b)", [1]), ("(b)", [1]), ("b.", [1]), ("a, c", [0, 2]),
    ("a c", [0, 2]), ("A,C", [0, 2]), ("a and c", [0, 2]), ("ac", [0, 2]), ("c a c", [2, 0]),
    ("two", [1]), ("  Three ", [2]), ("2", [1]), ("1 4", [0, 3]),
  ])
  func letters(typed: String, picks: [Int]) throws {
    #expect(try AnswerParser.choices(typed, from: Self.four) == picks)
  }

  @Test(arguments: ["", "e", "z", "a, e", "5", "0", "hello", "a 2", "abcde"])
  func badLetters(typed: String) {
    #expect(throws: AnswerError.self) { try AnswerParser.choices(typed, from: Self.four) }
  }

  @Test func outOfRangeLetterSaysSo() {
    do {
      _ = try AnswerParser.choices("e", from: Self.four)
      Issue.record("accepted e")
    } catch {
      #expect(error.message == "there is no choice 'e'; from a to d")
    }
  }

  @Test func numericChoicesAreMatchedByText() throws {
    let choices = ["0", "1", "2"].enumerated().map { Choice(label: Choice.label(at: $0), text: $1) }
    // "1" is the text of choice b, not the position of choice a.
    #expect(try AnswerParser.choices("1", from: choices) == [1])
    #expect(throws: AnswerError.self) { try AnswerParser.choices("3", from: choices) }
  }

  @Test(arguments: [
    ("true", true), ("T", true), ("yes", true), ("Y", true), ("o", true), ("O", true), ("1", true),
    ("참", true), ("네", true), ("예.", true), ("false", false), ("f", false), ("No", false),
    ("x", false), ("X", false), ("0", false), ("거짓", false), ("아니요", false), (" false! ", false),
  ])
  func truth(typed: String, value: Bool) {
    #expect(AnswerParser.truth(typed) == value)
  }

  @Test(arguments: ["", "maybe", "tru", "yes no", "2"])
  func notTruth(typed: String) {
    #expect(AnswerParser.truth(typed) == nil)
  }

  @Test(
    arguments: [
      ("4", "s", 4.0), ("4 s", "s", 4), ("4s", "s", 4), ("4000ms", "s", 4), ("4,000 ms", "s", 4),
      ("4 sec", "s", 4), ("4 seconds", "s", 4), ("1.5e3", "ms", 1500), ("1.5e3 ms", "s", 1.5),
      ("2 min", "s", 120), ("4초", "s", 4), ("500 밀리초", "s", 0.5), ("250 us", "ms", 0.25),
      ("1,234,567", nil, 1_234_567), ("2_000_000", nil, 2_000_000), ("-3", nil, -3),
      ("−3", nil, -3), ("+0.5", nil, 0.5), (".5", nil, 0.5), ("64 KiB", "B", 65536),
      ("2 MB", "KB", 2000), ("25%", "%", 25), ("3.5x", "x", 3.5), ("3 processes", "processes", 3),
      ("1 process", "processes", 1), ("1e-3", nil, 0.001),
    ] as [(String, String?, Double)])
  func numbers(typed: String, unit: String?, value: Double) throws {
    let n = try AnswerParser.number(typed, unit: unit)
    #expect(abs(n - value) <= 1e-9 * max(1, abs(value)), "\(typed) → \(n)")
  }

  @Test(
    arguments: [
      ("", nil), ("abc", nil), ("1,5", nil), ("4 s", nil), ("4 kg", "s"), ("4 KiB", "s"),
      ("1,23,456", nil), ("1__0", nil), ("1e", "s"), ("nan", nil), ("inf", nil), ("1e999", nil),
      ("0x10", nil), ("4 threads", "processes"), ("--3", nil), ("1.2.3", nil),
    ] as [(String, String?)])
  func badNumbers(typed: String, unit: String?) {
    #expect(throws: AnswerError.self) { try AnswerParser.number(typed, unit: unit) }
  }

  @Test func numberMessages() {
    func message(_ typed: String, _ unit: String?) -> String {
      do {
        _ = try AnswerParser.number(typed, unit: unit)
        return "accepted"
      } catch { return error.message }
    }
    #expect(message("1,5", nil) == "'1,5' is not a number; write decimals with a dot, as in 1.5")
    #expect(message("4 KiB", "s") == "'KiB' does not fit here; give a time such as 4 s or 4000 ms")
    #expect(message("4 s", nil) == "give a plain number, without 's'")
  }

  static let items = ["fork", "exec", "wait"].enumerated().map {
    Choice(label: Choice.label(at: $0), text: $1)
  }

  @Test(arguments: [
    ("a b c", [0, 1, 2]), ("c a b", [2, 0, 1]), ("C, A, B", [2, 0, 1]), ("3 1 2", [2, 0, 1]),
    ("3,1,2", [2, 0, 1]), ("312", [2, 0, 1]), ("cab", [2, 0, 1]), ("c > a > b", [2, 0, 1]),
    ("c → a → b", [2, 0, 1]), ("fork exec wait", [0, 1, 2]), ("wait, fork, exec", [2, 0, 1]),
    ("Fork → Exec → Wait", [0, 1, 2]),
  ])
  func order(typed: String, sequence: [Int]) throws {
    #expect(try AnswerParser.order(typed, items: Self.items) == sequence)
  }

  @Test(arguments: ["", "a b", "a b c d", "a a b", "1 2 4", "0 1 2", "fork exec", "x y z"])
  func badOrder(typed: String) {
    #expect(throws: AnswerError.self) { try AnswerParser.order(typed, items: Self.items) }
  }

  @Test(arguments: [
    ("PPID", "ppid"), ("  Parent   PID ", "parentpid"), ("`ppid`", "ppid"), ("\"ppid\".", "ppid"),
    ("자식 프로세스", "자식프로세스"), ("부모 프로세스 ID", "부모프로세스id"),
  ])
  func normalizedText(typed: String, normal: String) {
    #expect(AnswerParser.normalizedText(typed) == normal)
  }

  @Test func koreanTextAnswerInDecomposedForm() throws {
    let (l, _) = lesson(quizLesson("id: q\nkind: text\nask: ?\nanswer: 자식 프로세스"))
    let q = try #require(l?.questions.first)
    // The same words typed with conjoining jamo (NFD) are the same answer.
    let decomposed = "\u{110C}\u{1161}\u{1109}\u{1175}\u{11A8} 프로세스"
    #expect(q.isCorrect(try AnswerParser.parse(decomposed, for: q)))
    #expect(q.isCorrect(try AnswerParser.parse("자식프로세스", for: q)))
    #expect(!q.isCorrect(try AnswerParser.parse("부모 프로세스", for: q)))
  }

  @Test func predictionsFollowTheRule() throws {
    func question(_ check: String, _ extra: String = "") throws -> Question {
      let body = "id: q\nkind: predict\nask: ?\ndemo: ids\ncheck: \(check)\(extra)"
      let (l, problems) = lesson(quizLesson(body))
      #expect(problems.isEmpty, "\(lines(problems))")
      return try #require(l?.questions.first)
    }
    let truth = try question("metric ppid == metric parent.pid")
    #expect(try AnswerParser.parsePrediction("yes", for: truth) == .truth(true))
    #expect(throws: AnswerError.self) { try AnswerParser.parsePrediction("42", for: truth) }
    let number = try question("within ×1.1 of metric elapsed", "\nunit: s")
    #expect(try AnswerParser.parsePrediction("1500 ms", for: number) == .number(1.5))
    let value = try question("equals metric cwd")
    #expect(try AnswerParser.parsePrediction("/home/me", for: value) == .text("/home/me"))
    #expect(try AnswerParser.parsePrediction("4,242", for: value) == .number(4242))
    let choice = try question("equals metric sync", "\nchoices:\na) none\nb) atomic")
    #expect(
      try AnswerParser.parsePrediction("B", for: choice)
        == .choice(index: 1, label: "b", text: "atomic"))
  }

  @Test func randomInputNeverCrashes() {
    var generator = SplitMix(seed: 42)
    let alphabet = Array("abcxyzABC 0123456789.,_-+eE%±µs→>()초가\u{0}\t")
    let number = Question(
      id: "n", kind: .number, ask: "?", unit: "s", location: .init(file: "f", line: 1))
    for _ in 0..<2000 {
      let length = Int(generator.next() % 12)
      let text = String(
        (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
      _ = try? AnswerParser.choices(text, from: Self.four)
      _ = try? AnswerParser.order(text, items: Self.items)
      _ = try? AnswerParser.number(text, unit: "s")
      _ = try? AnswerParser.parse(text, for: number)
      _ = AnswerParser.truth(text)
      _ = AnswerParser.normalizedText(text)
      _ = try? CheckRule.parse(text)
    }
  }
}

/// A choice whose text is itself one letter (`Z` among R, S, Z, X) is named by that text when
/// the letter is past the last choice; a letter within the choices is still a letter.
@Suite("Choices whose text is a letter")
struct LetterTextChoiceTests {
  let states = ["R", "S", "Z", "X"].enumerated().map { i, t in
    Choice(label: String(UnicodeScalar(UInt8(97 + i))), text: t)
  }

  @Test("Z and z name choice c; c is still the letter c; b is b, not the choice S")
  func letterText() throws {
    #expect(try AnswerParser.choices("Z", from: states) == [2])
    #expect(try AnswerParser.choices("z", from: states) == [2])
    #expect(try AnswerParser.choices("c", from: states) == [2])
    #expect(try AnswerParser.choices("b", from: states) == [1])
    #expect(try AnswerParser.choices("X", from: states) == [3])
    #expect(throws: AnswerError.self) { try AnswerParser.choices("q", from: states) }
  }
}
