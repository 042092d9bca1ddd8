import FoundationEssentials
import Lessons
import Quiz
import Testing

/// A lesson of two questions, for the record's figures.
let recordLesson: Lesson? = {
  let text = """
    ---
    id: rec
    title: Record
    ---

    ## One step {#only}

    Text.

    ```quiz
    id: pick
    kind: choice
    ask: Which?
    choices:
      a) one
      b) two
      c) three
    answer: b
    ```

    ```quiz
    id: tf
    kind: truefalse
    ask: True?
    answer: false
    retries: 3
    ```
    """
  let (lesson, problems) = LessonParser.parse(text: text, file: "rec.md")
  return problems.contains(where: \.isError) ? nil : lesson
}()

func outcome(_ question: String, _ result: QuestionResult) -> QuestionOutcome {
  QuestionOutcome(
    lesson: "rec", question: question, stepID: "only", kind: "choice", ask: "", answer: "",
    correctAnswer: "", result: result, tries: 1, measured: nil, hintsShown: 0)
}

func quiz(
  _ score: Int, of total: Int, kind: QuizKind?, answered: Int, planned: Int, at date: Double
)
  -> QuizScore
{
  var q = QuizScore(lesson: "rec", score: score, total: total, date: date, seconds: 1)
  q.kind = kind
  if kind != nil {
    q.answered = answered
    q.planned = planned
  }
  return q
}

@Suite("What a quiz records and what each figure means")
struct RecordTests {
  @Test("not graded and not counted are out of the score, the total and review")
  func ungradedAndStoppedAreOut() {
    let s = QuizSummary(
      outcomes: [
        outcome("a", .rightFirstTry), outcome("b", .notGraded(reason: "no demo")),
        outcome("c", .notCounted), outcome("d", .wrong),
      ], planned: 4, seconds: 1)
    #expect(s.score == 1 && s.total == 2)
    #expect(s.toReview.map(\.question) == ["d"])
    #expect(s.answered == 3 && s.notGraded == 1 && s.notCounted == 1)
    #expect(!s.isComplete, "a stopped demo's question was not answered")
    let r = s.record(lesson: "rec", kind: .lesson, date: 5)
    #expect(r.score == 1 && r.total == 2 && r.answered == 3 && r.planned == 4 && r.notGraded == 1)
  }

  @Test("a quiz left early is not complete; one with every question answered is")
  func leftEarly() {
    let partial = QuizSummary(outcomes: [outcome("a", .rightFirstTry)], planned: 2, seconds: 1)
    #expect(!partial.isComplete)
    let whole = QuizSummary(
      outcomes: [outcome("a", .rightFirstTry), outcome("b", .notGraded(reason: "x"))], planned: 2,
      seconds: 1)
    #expect(whole.isComplete && whole.score == 1 && whole.total == 1)
  }

  @Test("right first time is the first answer ever: later answers do not change it")
  func firstAnswerEver() {
    var q = QuestionProgress()
    q.record(correctFirstTry: false, at: 1)
    q.record(correctFirstTry: true, at: 2)
    #expect(q.firstAnswerRight == false && q.lastCorrect)
    var r = QuestionProgress()
    r.record(correctFirstTry: true, at: 1)
    r.record(correctFirstTry: false, at: 2)
    #expect(r.firstAnswerRight == true && !r.lastCorrect && r.box == 1)
  }

  @Test("best complete quiz: not the last, not one left early, not a review nor quiz all")
  func bestCompleteQuiz() throws {
    let lesson = try #require(recordLesson)
    var p = Progress()
    p.quizzes = [
      quiz(1, of: 2, kind: .lesson, answered: 2, planned: 2, at: 1),
      quiz(1, of: 1, kind: .lesson, answered: 1, planned: 2, at: 2),
      quiz(1, of: 1, kind: .review, answered: 1, planned: 1, at: 3),
      quiz(2, of: 2, kind: .all, answered: 2, planned: 9, at: 4),
      quiz(0, of: 2, kind: .lesson, answered: 2, planned: 2, at: 5),
    ]
    let f = p.figures(of: lesson, now: 10)
    #expect(f.bestCompleteQuiz?.date == 1)
    #expect(f.quizzesLeftEarly == 1)
  }

  @Test("right first time and to review count the lesson's questions from the same record")
  func lessonFigures() throws {
    let lesson = try #require(recordLesson)
    var p = Progress()
    var pick = QuestionProgress()
    pick.record(correctFirstTry: true, at: 1)
    var tf = QuestionProgress()
    tf.record(correctFirstTry: false, at: 1)
    tf.record(correctFirstTry: true, at: 2)
    p.questions = ["rec/pick": pick, "rec/tf": tf, "other/x": pick]
    let f = p.figures(of: lesson, now: 3)
    #expect(f.rightFirstTime == 1 && f.questions == 2)
    #expect(f.toReview == 0)
    #expect(f.reached == Reached.notStarted && f.bestCompleteQuiz == nil)
    let rows = p.questionFigures(now: 3)
    #expect(rows.map(\.question) == ["x", "pick", "tf"])
    #expect(rows.map(\.box) == [2, 2, 2])
    #expect(p.figures(of: lesson, now: 3 + 86_400).toReview == 2, "box 2 comes back after a day")
  }

  @Test("a version 1 file loads, and is migrated: first answers derived where the counts say")
  func migratesVersion1() throws {
    let lesson = try #require(recordLesson)
    let text = """
      {"lessons":{"rec":{"finished":true,"step":"only","stepIndex":0,"updated":1}},\
      "questions":{"rec/pick":{"attempts":3,"box":4,"correctFirstTry":3,"lastAsked":5,\
      "lastCorrect":true},"rec/tf":{"attempts":2,"box":1,"correctFirstTry":0,"lastAsked":5,\
      "lastCorrect":false},"rec/x":{"attempts":3,"box":2,"correctFirstTry":1,"lastAsked":5,\
      "lastCorrect":true}},"quizzes":[{"date":1,"lesson":"rec","score":1,"seconds":3,"total":1},\
      {"date":2,"lesson":"rec","score":1,"seconds":3,"total":2}],"version":1}
      """
    let dir = freshDirectory()
    defer { removeTree(dir) }
    writeFile(dir + "/progress.json", Array(text.utf8))
    let store = ProgressStore(directory: dir)
    #expect(store.notices.isEmpty, "\(store.notices)")
    let p = store.progress
    #expect(p.version == Progress.currentVersion)
    #expect(p.questions["rec/pick"]?.firstAnswerRight == true)
    #expect(p.questions["rec/tf"]?.firstAnswerRight == false)
    #expect(p.questions["rec/x"]?.firstAnswerRight == nil, "the counts cannot say")
    let f = p.figures(of: lesson, now: 6)
    #expect(f.reached == Reached.done && f.rightFirstTime == 1)
    #expect(f.bestCompleteQuiz?.date == 2, "a 1-question quiz of a 2-question lesson was partial")
    // Saved again, it is a version 2 file that loads to the same.
    #expect(store.update { _ in } == nil)
    #expect(ProgressStore(directory: dir).progress == p)
  }

  @Test("compacting keeps the best complete quiz, not a better-looking partial one")
  func compactionKeepsBestComplete() throws {
    let lesson = try #require(recordLesson)
    var p = Progress()
    p.quizzes = [quiz(2, of: 2, kind: .lesson, answered: 2, planned: 2, at: 0)]
    p.quizzes.append(quiz(1, of: 1, kind: .lesson, answered: 1, planned: 2, at: 1))
    for i in 0..<30 {
      p.quizzes.append(quiz(0, of: 2, kind: .lesson, answered: 2, planned: 2, at: 2 + Double(i)))
    }
    p.compact()
    #expect(p.figures(of: lesson, now: 100).bestCompleteQuiz?.date == 0)
  }

  @Test("true/false gets one try, a choice of n at most n - 1, others the retries asked for")
  func tries() throws {
    let lesson = try #require(recordLesson)
    let pick = try #require(lesson.question(id: "pick"))
    let tf = try #require(lesson.question(id: "tf"))
    #expect(TryPolicy.allowedTries(tf) == 1, "retries: 3 cannot make a certainty a question")
    #expect(TryPolicy.allowedTries(pick) == 2)
    var big = pick
    big.retries = 5
    #expect(TryPolicy.allowedTries(big) == 2)
  }

  @Test("feedback that names the right answer gives it away; other feedback does not")
  func givesAway() throws {
    let lesson = try #require(recordLesson)
    let pick = try #require(lesson.question(id: "pick"))
    #expect(TryPolicy.givesAway("No: it is Two.", for: pick))
    #expect(!TryPolicy.givesAway("No: networks are not it.", for: pick))
    #expect(!TryPolicy.givesAway("Too many.", for: pick))
  }
}
