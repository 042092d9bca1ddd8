import DemoContract
import Testing

@testable import Lessons

@Suite("Quiz questions")
struct QuestionTests {
  static let allKinds =
    front("kinds") + """

      ## Questions

      ```quiz
      id: how-many
      kind: choice
      ask: You start the same program twice. How many processes?
      choices:
        a) one, shared
        b) two
        c) none
      answer: b
      hint: Each run is separate.
      hint: Compare their pids.
      explain: A program is a file;
        each run of it is a process.

        A second paragraph.
      feedback a: A program is not a process.
      retries: 2
      ```

      ```quiz
      id: inherited
      kind: multi
      ask: Which does a child inherit?
      choices:
      a) its pid
      b) its uid
      c) its cwd
         (working directory)
      answer: b, c
      feedback a: Every process has its own pid.
      ```

      ```quiz
      id: cd
      kind: truefalse
      ask: A child's cd changes the parent's cwd.
      answer: false
      feedback true: The cwd is per process.
      ```

      ```quiz
      id: seconds
      kind: number
      ask: How long?
      unit: s
      answer: 4
      tolerance: 5%
      feedback 8 s: That is two threads' time.
      ```

      ```quiz
      id: plusminus
      kind: number
      ask: How long?
      answer: 4 ± 0.5 s
      unit: s
      ```

      ```quiz
      id: ranged
      kind: number
      ask: How many?
      range: 3..5
      ```

      ```quiz
      id: name
      kind: text
      ask: The parent's pid is called?
      answer: ppid
      accept: parent pid
      accept: 부모 프로세스 ID
      pattern: p+pid
      ```

      ```quiz
      id: steps
      kind: order
      ask: Put in order.
      items:
        a) wait
        b) fork
        c) exec
      answer: b, c, a
      ```

      ```quiz
      id: final
      kind: predict
      ask: Final value?
      demo: shm-race processes=2 sync=none
      check: within ×1.25 of metric final
      feedback 2000000: That is the total without any lost update.
      ```
      """

  static func parsed() throws -> Lesson {
    let (l, problems) = lesson(allKinds, file: "kinds.md")
    #expect(problems.isEmpty, "\(lines(problems))")
    return try #require(l)
  }

  @Test func everyKindParses() throws {
    let l = try Self.parsed()
    #expect(
      l.questions.map(\.id) == [
        "how-many", "inherited", "cd", "seconds", "plusminus", "ranged", "name", "steps", "final",
      ])
    #expect(
      l.questions.map(\.kind) == [
        .choice, .multi, .truefalse, .number, .number, .number, .text, .order, .predict,
      ])
    #expect(l.steps[0].questionIDs == l.questions.map(\.id))
    #expect(l.questions.allSatisfy { $0.stepID == "questions" })
  }

  @Test func choiceFields() throws {
    let q = try #require(try Self.parsed().question(id: "how-many"))
    #expect(q.ask == "You start the same program twice. How many processes?")
    #expect(
      q.choices == [
        Choice(label: "a", text: "one, shared"), Choice(label: "b", text: "two"),
        Choice(label: "c", text: "none"),
      ])
    #expect(q.answer == .choices([1]))
    #expect(q.hints == ["Each run is separate.", "Compare their pids."])
    #expect(
      q.explanation == "A program is a file;\neach run of it is a process.\n\nA second paragraph.")
    #expect(q.retries == 2)
    #expect(q.answerText == "b) two")
    #expect(q.location == SourceLocation(file: "kinds.md", line: 9, column: 1))
  }

  @Test func multiAndContinuedChoices() throws {
    let q = try #require(try Self.parsed().question(id: "inherited"))
    #expect(q.choices.map(\.text) == ["its pid", "its uid", "its cwd (working directory)"])
    #expect(q.answer == .choices([1, 2]))
    #expect(q.answerText == "b, c")
  }

  @Test func numberKeys() throws {
    let l = try Self.parsed()
    #expect(l.question(id: "seconds")?.answer == .number(.value(4, tolerance: .relative(0.05))))
    #expect(l.question(id: "seconds")?.answerText == "4 s ± 5%")
    #expect(l.question(id: "plusminus")?.answer == .number(.value(4, tolerance: .absolute(0.5))))
    #expect(l.question(id: "plusminus")?.answerText == "4 s ± 0.5 s")
    #expect(l.question(id: "ranged")?.answer == .number(.range(3, 5)))
    #expect(l.question(id: "ranged")?.answerText == "3..5")
  }

  @Test func isCorrectForEveryKind() throws {
    let l = try Self.parsed()
    func check(_ id: String, _ typed: String) throws -> Bool {
      let q = try #require(l.question(id: id))
      return q.isCorrect(try AnswerParser.parse(typed, for: q))
    }
    #expect(try check("how-many", "b"))
    #expect(try check("how-many", "B)"))
    #expect(try check("how-many", "two"))
    #expect(try !check("how-many", "a"))
    #expect(try check("inherited", "c b"))
    #expect(try check("inherited", "b, c, c"))
    #expect(try !check("inherited", "b"))
    #expect(try !check("inherited", "a, b, c"))
    #expect(try check("cd", "F"))
    #expect(try check("cd", "x"))
    #expect(try check("cd", "거짓"))
    #expect(try !check("cd", "yes"))
    #expect(try check("seconds", "4.1 s"))
    #expect(try check("seconds", "4000ms"))
    #expect(try check("seconds", "3,900 ms"))
    #expect(try !check("seconds", "4.3"))
    #expect(try check("plusminus", "4.5"))
    #expect(try !check("plusminus", "4.6s"))
    #expect(try check("ranged", "3"))
    #expect(try check("ranged", "5"))
    #expect(try !check("ranged", "5.01"))
    #expect(try check("name", "PPID"))
    #expect(try check("name", "  Parent   PID. "))
    #expect(try check("name", "부모프로세스 id"))
    #expect(try check("name", "pppid"))
    #expect(try !check("name", "pid"))
    #expect(try check("steps", "b c a"))
    #expect(try check("steps", "2 3 1"))
    #expect(try check("steps", "fork, exec, wait"))
    #expect(try !check("steps", "a b c"))
  }

  @Test func feedbackForMisconceptions() throws {
    let l = try Self.parsed()
    let choice = try #require(l.question(id: "how-many"))
    #expect(choice.feedback(for: .choices([0])) == "A program is not a process.")
    #expect(choice.feedback(for: .choices([2])) == nil)
    let multi = try #require(l.question(id: "inherited"))
    #expect(multi.feedback(for: .choices([0, 1])) == "Every process has its own pid.")
    #expect(multi.feedback(for: .choices([1])) == nil)
    let tf = try #require(l.question(id: "cd"))
    #expect(tf.feedback(for: .truth(true)) == "The cwd is per process.")
    let number = try #require(l.question(id: "seconds"))
    #expect(number.feedback(for: try AnswerParser.parse("8000 ms", for: number)) != nil)
    let predict = try #require(l.question(id: "final"))
    #expect(
      predict.feedback(forPrediction: .number(2_000_000))
        == "That is the total without any lost update.")
    #expect(predict.feedback(forPrediction: .number(1_999_999)) == nil)
  }

  @Test func predictIsNeverCorrectWithoutItsRule() throws {
    let q = try #require(try Self.parsed().question(id: "final"))
    #expect(!q.isCorrect(.number(1)))
    #expect(q.predictInput == .number)
    #expect(q.answerText == "within ×1.25 of metric final")
  }

  // MARK: Problems in quiz blocks

  @Test(arguments: [
    (
      "id: q\nkind: choice\nask: ?\nchoices:\na) x\nb) y",
      "test.md:11:1: question 'q' has no answer"
    ),
    (
      "id: q\nkind: choice\nask: ?\nchoices:\na) x\nb) y\nanswer: e",
      "test.md:17:9: answer 'e' of question 'q' is not among the choices (from a to b)"
    ),
    (
      "id: q\nkind: multi\nask: ?\nchoices:\na) x\nc) y\nanswer: a",
      "test.md:16:1: choices are lettered a), b), c)… in order; expected 'b)' here"
    ),
    (
      "id: q\nkind: predict\nask: ?\ncheck: metric x > 1",
      "test.md:11:1: predict question 'q' needs a 'demo:' line"
    ),
    (
      "id: q\nkind: predict\nask: ?\ndemo: ids",
      "test.md:11:1: predict question 'q' needs a 'check:' rule"
    ),
    (
      "id: q\nkind: predict\nask: ?\ndemo: ids\ncheck: metric ppid ==",
      "test.md:15:22: bad check rule: expected a metric, a number or 'answer', found the end of the rule"
    ),
    (
      "id: q\nkind: predict\nask: ?\ndemo: ids\ncheck: metric ppid = = 3",
      "test.md:15:22: bad check rule: expected a metric, a number or 'answer', found '='"
    ),
    (
      "id: q\nkind: truefalse\nask: ?\nanswer: maybe",
      "test.md:14:9: the answer of question 'q' is true or false"
    ),
    (
      "id: q\nkind: tf\nask: ?",
      "test.md:12:7: unknown question kind 'tf' (choice, multi, truefalse, number, text, order, predict); did you mean 'truefalse'?"
    ),
    (
      "id: q\nkind: text\nask: ?\nanser: x",
      "test.md:14:1: unknown key 'anser' in a quiz block; did you mean 'answer'?"
    ),
    ("kind: text\nask: ?\nanswer: x", "test.md:10:1: quiz question has no 'id:'"),
    (
      "id: q\nkind: text\nask: ?\nanswer: x\nanswer: y",
      "test.md:15:1: 'answer' is given twice (first at line 14)"
    ),
    (
      "id: q\nkind: text\nask: ?\nanswer: x\ntolerance: 5%",
      "test.md:15:1: 'tolerance' does not apply to a text question"
    ),
    (
      "id: q\nkind: number\nask: ?\nanswer: 4 parsecs\nunit: s",
      "test.md:14:9: the answer of question 'q': unknown unit 'parsecs'; give a time such as 4 s or 4000 ms"
    ),
    (
      "id: q\nkind: number\nask: ?\nrange: 5..3",
      "test.md:14:8: the range's low end is above its high end"
    ),
    (
      "id: q\nkind: order\nask: ?\nitems:\na) x\nb) y\nanswer: a, a",
      "test.md:17:9: the answer of question 'q' must name every item once, in order (e.g. c, a, b)"
    ),
    (
      "id: q\nkind: truefalse\nask: ?\nanswer: true\nfeedback: why",
      "test.md:15:1: write the answer the feedback is for: 'feedback b: …'"
    ),
    (
      "id: q\nkind: truefalse\nask: ?\nanswer: true\nfeedback maybe: why",
      "test.md:15:10: feedback for 'maybe': answer true or false (t/f, yes/no, o/x)"
    ),
    (
      "id: q\nkind: truefalse\nask: ?\nanswer: true\nretries: lots",
      "test.md:15:10: retries must be a whole number from 0 to 20"
    ),
    (
      "id: q\nkind: predict\nask: ?\ndemo: ids\ncheck: metric ppid == metric parent.pid\nchoices:\na) x\nb) y",
      "test.md:15:1: this rule is graded true or false; a predict question with choices needs a rule over the answer, such as 'equals metric …'"
    ),
    (
      "id: q\nkind: predict\nask: ?\ndemo: ids\ncheck: metric ppid > 0\nanswer: 3",
      "test.md:16:1: a predict question has no answer: its check rule grades it live"
    ),
  ])
  func quizProblems(body: String, expected: String) {
    let (l, problems) = lesson(quizLesson(body))
    #expect(lines(problems).contains(expected), "\(lines(problems))")
    // A question with an error is left out, so a quiz never asks it.
    #expect(l?.questions.isEmpty == true)
    #expect(l?.steps.first?.questionIDs.isEmpty == true)
  }

  @Test func questionsNameTheStepThatTeachesThem() throws {
    let quiz =
      "## Quiz {#quiz}\n```quiz\nid: a\nkind: truefalse\nask: ?\nanswer: t\nstep: first\n```\n"
      + "```quiz\nid: b\nkind: truefalse\nask: ?\nanswer: t\n```\n"
    let (l, problems) = lesson(front() + "## First {#first}\nText.\n" + quiz, file: "st.md")
    #expect(lines(problems).isEmpty)
    #expect(l?.questions.map(\.stepID) == ["first", "quiz"])
    #expect(l?.steps.last?.questionIDs == ["a", "b"], "the question is still asked where it is")

    let (m, wrong) = lesson(
      front() + "## First {#first}\nText.\n" + quiz.replacing("step: first", with: "step: frist"),
      file: "st.md")
    #expect(
      lines(wrong) == [
        "st.md:13:1: question 'a' names step 'frist', which this lesson does not have; did you mean 'first'?"
      ])
    #expect(m?.questions.first?.stepID == "quiz", "an unknown step falls back to the enclosing one")
  }

  @Test func duplicateQuestionIDs() throws {
    let block = "```quiz\nid: same\nkind: truefalse\nask: ?\nanswer: t\n```\n"
    let (l, problems) = lesson(front() + "## S\n" + block + "## T\n" + block, file: "dq.md")
    #expect(lines(problems) == ["dq.md:14:1: duplicate question id 'same' (also at line 7)"])
    #expect(l?.questions.count == 1)
  }

  @Test func feedbackForTheRightAnswerIsAWarning() throws {
    let (l, problems) = lesson(
      quizLesson("id: q\nkind: truefalse\nask: ?\nanswer: true\nfeedback yes: ok"))
    #expect(
      lines(problems) == [
        "test.md:15:10: warning: feedback for 'yes' is for the right answer, and a right answer gets the explanation instead"
      ])
    #expect(l?.questions.count == 1)
  }
}
