import Testing

@testable import Lessons

@Suite("Answers file reader")
struct AnswersFileTests {
  static let questions = [
    ("processes", "pick"), ("processes", "tf"), ("threads", "pick"), ("threads", "order"),
  ].map { AnswersFile.QuestionID(lesson: $0, question: $1) }

  @Test(
    "LF, CRLF, CR alone and a byte-order mark split into the same lines",
    arguments: ["\n", "\r\n", "\r"], ["", "\u{FEFF}"])
  func lineBreaks(separator: String, mark: String) {
    let text =
      mark + ["# mine", "pick: b", "", "tf: false", "last: x"].joined(separator: separator)
    #expect(
      AnswersFile.splitLines(text) == ["# mine", "pick: b", "", "tf: false", "last: x"])
    let file = AnswersFile(text: text + separator)
    #expect(file.problems.isEmpty)
    #expect(file.lines.map(\.number) == [2, 4, 5])
    #expect(file.lines.map(\.answer) == ["b", "false", "x"])
  }

  @Test("a CRLF file answers every question, not one")
  func crlfAnswersAll() {
    let resolved = AnswersFile(text: "processes/pick: b\r\ntf: false\r\n").resolved(
      against: Self.questions)
    #expect(resolved.answers == ["processes/pick": "b", "processes/tf": "false"])
    #expect(resolved.problems.isEmpty)
  }

  @Test("a plain id answers that id in every lesson; lesson/id answers one")
  func plainAndQualified() {
    let resolved = AnswersFile(text: "pick: b\nthreads/order: c a b\n").resolved(
      against: Self.questions)
    #expect(
      resolved.answers == [
        "processes/pick": "b", "threads/pick": "b", "threads/order": "c a b",
      ])
  }

  @Test("an empty answer is no answer, and no problem (a template line left blank)")
  func emptyAnswer() {
    let resolved = AnswersFile(text: "pick:\ntf:   \npick: c\n").resolved(against: Self.questions)
    #expect(resolved.problems.isEmpty)
    #expect(resolved.answers["processes/pick"] == "c")
    #expect(resolved.answers["processes/tf"] == nil)
  }

  @Test("each mistake is one problem naming its line, what was wrong and what is allowed")
  func problems() {
    let text = [
      "tf: true",  // 1
      "no colon here",  // 2
      ": b",  // 3
      "Processes/TF: false",  // 4
      "tff: true",  // 5
      "nothing-like-it: 3",  // 6
      "processes/tf: false",  // 7
    ].joined(separator: "\r\n")
    let resolved = AnswersFile(text: text).resolved(against: Self.questions)
    #expect(resolved.answers == ["processes/tf": "true"])
    let messages = resolved.problems.map(\.description)
    #expect(
      messages == [
        "line 2: no ':' in this line; write 'question-id: answer', or start a comment with #",
        "line 3: no question id before ':'; write 'question-id: answer', or start a comment "
          + "with #",
        "line 4: 'Processes/TF' is not a question id (ids are case-sensitive); write "
          + "'processes/tf'",
        "line 5: no question 'tff' in this quiz; did you mean 'tf'?",
        "line 6: no question 'nothing-like-it' in this quiz; quiz --template lists the ids",
        "line 7: a second answer for 'processes/tf'; only the first, on line 1, is graded",
      ])
  }

  @Test("ids in messages are escaped and cut to one short line")
  func hostileIDs() {
    let long = String(repeating: "x", count: 500)
    let resolved = AnswersFile(text: "\u{1B}[2J: a\n\(long): b\n").resolved(
      against: Self.questions)
    let messages = resolved.problems.map(\.message)
    #expect(messages.count == 2)
    #expect(messages[0].contains("^[[2J"))
    #expect(!messages.joined().contains("\u{1B}"))
    #expect(messages[1].count < 120)
  }

  @Test("bytes: UTF-8 with or without a mark, UTF-16 with a mark; anything else is not text")
  func decode() {
    #expect(AnswersFile.decode(Array("pick: b\n".utf8)) == "pick: b\n")
    #expect(AnswersFile.decode([0xEF, 0xBB, 0xBF] + Array("pick: b".utf8)) == "\u{FEFF}pick: b")
    let utf16LE: [UInt8] =
      [0xFF, 0xFE]
      + Array("pick: 참".utf16).flatMap {
        [UInt8($0 & 0xFF), UInt8($0 >> 8)]
      }
    #expect(AnswersFile.decode(utf16LE) == "pick: 참")
    let utf16BE: [UInt8] =
      [0xFE, 0xFF]
      + Array("tf: o".utf16).flatMap {
        [UInt8($0 >> 8), UInt8($0 & 0xFF)]
      }
    #expect(AnswersFile.decode(utf16BE) == "tf: o")
    #expect(AnswersFile.decode([0x50, 0x4B, 0x03, 0x04, 0xFF, 0x00]) == nil)
    #expect(AnswersFile.decode(Array("a\0b".utf8)) == nil)
    #expect(AnswersFile.decode([0xFF, 0xFE, 0x41]) == nil)
  }
}
