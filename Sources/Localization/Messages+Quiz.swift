// The quiz's texts: questions, verdicts, the summary table (ProcLabApp's QuizFlow and
// QuizSummaryScreen, Quiz's Grade.verdictText).
extension Messages {
  static let quiz: [Message] = [
    Message("quiz.none", en: "no questions to ask in {title}", ko: "{title}에는 낼 문제가 없습니다"),
    Message("quiz.heading", en: "Quiz: {title}", ko: "퀴즈: {title}"),
    Message(
      "quiz.intro.one",
      en: "{heading} — {count} question. Answer by letter, number or text; hint and skip work at "
        + "any question; quit (or Ctrl-C on an empty answer line) leaves the quiz.",
      ko: "{heading} — {count}문제입니다. 문자, 숫자 또는 글로 답하십시오. 어느 문제에서든 "
        + "hint(힌트)와 skip(건너뛰기)을 쓸 수 있고, quit(그만)을 입력하거나 빈 답 줄에서 "
        + "Ctrl-C를 누르면 퀴즈를 마칩니다."),
    Message(
      "quiz.intro.other",
      en: "{heading} — {count} questions. Answer by letter, number or text; hint and skip work "
        + "at any question; quit (or Ctrl-C on an empty answer line) leaves the quiz.",
      ko: "{heading} — {count}문제입니다. 문자, 숫자 또는 글로 답하십시오. 어느 문제에서든 "
        + "hint(힌트)와 skip(건너뛰기)을 쓸 수 있고, quit(그만)을 입력하거나 빈 답 줄에서 "
        + "Ctrl-C를 누르면 퀴즈를 마칩니다."),
    Message(
      "quiz.question.rule", en: "── question {number} of {total} · {lesson} ──",
      ko: "── 문제 {number}/{total} · {lesson} ──"),
    Message(
      "quiz.how.multi", en: "  (select all that apply, e.g. a, c)",
      ko: "  (맞는 것을 모두 고르십시오. 예: a, c)"),
    Message(
      "quiz.how.order", en: "  (type the letters in order, e.g. c a b)",
      ko: "  (문자를 순서대로 입력하십시오. 예: c a b)"),
    Message(
      "quiz.how.truefalse", en: "  (true or false; one try)",
      ko: "  (참 또는 거짓, true 또는 false로 답하십시오. 기회는 한 번입니다)"),
    Message("quiz.how.number", en: "  ({what})", ko: "  ({what})"),
    Message("quiz.how.aNumber", en: "a number", ko: "숫자"),
    Message(
      "quiz.how.predict", en: "  (predict first, then the demo runs live and grades you)",
      ko: "  (먼저 예측하십시오. 그다음 데모가 지금 실행되어 채점합니다)"),
    Message(
      "quiz.how.predictUnit",
      en: "  ({what}; predict first, then the demo runs live and grades you)",
      ko: "  ({what}. 먼저 예측하십시오. 그다음 데모가 지금 실행되어 채점합니다)"),
    Message("quiz.prompt", en: "answer {arrow} ", ko: "답 {arrow} "),
    Message(
      "quiz.empty", en: "type an answer, or hint, skip or quit",
      ko: "답을 입력하십시오. hint(힌트), skip(건너뛰기), quit(그만)도 됩니다"),
    Message("quiz.noHints", en: "this question has no hints", ko: "이 문제에는 힌트가 없습니다"),
    Message("quiz.noMoreHints", en: "no more hints", ko: "힌트가 더 없습니다"),
    Message(
      "quiz.skipped.live",
      en: "skipped — a live run of the {demo} demo decides this one; none was run.",
      ko: "건너뛰었습니다. 이 문제는 {demo} 데모를 지금 실행한 결과로 정해지는데, 실행하지 않았습니다."),
    Message(
      "quiz.skipped.answer", en: "skipped — the answer: {answer}",
      ko: "건너뛰었습니다. 정답: {answer}"),
    Message("quiz.right", en: "✓ Right.", ko: "✓ 정답입니다."),
    Message("quiz.right.ascii", en: "Right.", ko: "정답입니다."),
    Message("quiz.wrong", en: "✗ Not quite.", ko: "✗ 틀렸습니다."),
    Message("quiz.wrong.ascii", en: "Not quite.", ko: "틀렸습니다."),
    Message(
      "quiz.tryAgain.one", en: "Try again ({count} more try), or hint / skip.",
      ko: "다시 해 보십시오(남은 기회 {count}번). hint나 skip도 됩니다."),
    Message(
      "quiz.tryAgain.other", en: "Try again ({count} more tries), or hint / skip.",
      ko: "다시 해 보십시오(남은 기회 {count}번). hint나 skip도 됩니다."),
    Message("quiz.theAnswer", en: "The answer: {answer}", ko: "정답: {answer}"),
    Message(
      "quiz.demoCannotRun", en: "this question's demo cannot run here",
      ko: "이 문제의 데모를 여기서 실행할 수 없습니다"),
    Message(
      "quiz.runLive", en: "  (live, to check your prediction)",
      ko: "  (예측을 확인하려고 지금 실행합니다)"),
    Message(
      "quiz.demoStopped", en: "Demo stopped: this question is not counted",
      ko: "데모가 멈췄습니다. 이 문제는 세지 않습니다"),
    Message(
      "quiz.demoStopped.why", en: " (no attempt, no miss, nothing to review).",
      ko: " (시도도, 오답도, 복습할 것도 남지 않습니다)."),
    Message(
      "quiz.demoUnfinished", en: "the demo did not finish ({why})",
      ko: "데모가 끝나지 않았습니다({why})"),
    Message("quiz.noReport", en: "no report", ko: "보고 없음"),
    Message(
      "quiz.undecided", en: "the check rule could not be decided on this run",
      ko: "이번 실행으로는 채점 규칙을 판정할 수 없었습니다"),
    Message(
      "quiz.prediction.title", en: "Your prediction against the live run",
      ko: "내 예측과 지금 실행한 결과"),
    Message("quiz.prediction.you", en: "you predicted", ko: "내 예측"),
    Message("quiz.prediction.measured", en: "measured", ko: "측정값"),
    Message("quiz.prediction.verdict", en: "verdict", ko: "판정"),
    Message("quiz.notGraded", en: "not graded: {reason}", ko: "채점 안 함: {reason}"),
    Message(
      "quiz.notGraded.tail", en: " — left out of the score and of review.",
      ko: " — 점수와 복습에서 뺍니다."),
    // Grade.verdictText: a prediction's verdict in a word or two.
    Message("verdict.right", en: "✓ right", ko: "✓ 정답"),
    Message("verdict.right.ascii", en: "right", ko: "정답"),
    Message("verdict.wrong", en: "✗ wrong", ko: "✗ 오답"),
    Message("verdict.wrong.ascii", en: "wrong", ko: "오답"),
    Message("verdict.notThisTime", en: "✗ not this time", ko: "✗ 이번에는 빗나감"),
    Message("verdict.notThisTime.ascii", en: "not this time", ko: "이번에는 빗나감"),
    Message("verdict.notGraded", en: "not graded", ko: "채점 안 함"),
    // The summary at the end of a quiz.
    Message(
      "summary.nothing", en: "Quiz ended before any question was answered.",
      ko: "답한 문제 없이 퀴즈가 끝났습니다."),
    Message("summary.time", en: "time taken: {time}", ko: "걸린 시간: {time}"),
    Message(
      "summary.notGraded", en: "not graded: {count}, left out of the score",
      ko: "채점 안 함: {count}문제, 점수에서 뺐습니다"),
    Message(
      "summary.leftEarly",
      en: "left early: {answered} of {planned} questions asked; kept as left early, never a "
        + "lesson's score",
      ko: "중간에 마침: {planned}문제 중 {answered}문제를 냈습니다. 중간에 마친 퀴즈로 남고, "
        + "레슨 점수가 되지는 않습니다"),
    Message(
      "summary.title", en: "{title}: {score} of {total} right on the first try",
      ko: "{title}: {total}문제 중 {score}문제를 한 번에 맞혔습니다"),
    Message("summary.question", en: "question", ko: "문제"),
    Message("summary.yourAnswer", en: "your answer", ko: "내 답"),
    Message("summary.answer", en: "answer", ko: "정답"),
    Message("summary.result", en: "result", ko: "결과"),
    Message("summary.tries", en: "tries", ko: "시도"),
    Message("summary.measured", en: "measured {value}", ko: "측정값 {value}"),
    Message("summary.liveDecides", en: "a live run decides", ko: "실행 결과로 정함"),
    Message(
      "summary.perfect", en: "Everything right the first time.", ko: "모두 한 번에 맞혔습니다."),
    Message(
      "summary.place", en: "{question} (lesson {lesson}, step {step})",
      ko: "{question} (레슨 {lesson}, 단계 {step})"),
    Message(
      "summary.placeOpen", en: "{question} (open {lesson} {number}: {title})",
      ko: "{question} (open {lesson} {number}: {title})"),
    Message(
      "summary.review", en: "To review: {places}. The review command brings them back.",
      ko: "복습할 문제: {places}. review 명령으로 다시 풀 수 있습니다."),
    Message("summary.result.right", en: "✓", ko: "✓"),
    Message("summary.result.right.ascii", en: "ok", ko: "ok"),
    Message("summary.result.retry", en: "on retry", ko: "다시 풀어 맞힘"),
    Message("summary.result.wrong", en: "✗", ko: "✗"),
    Message("summary.result.wrong.ascii", en: "x", ko: "x"),
    Message("summary.result.skipped", en: "skipped", ko: "건너뜀"),
    Message(
      "summary.result.notCounted", en: "not counted (demo stopped)",
      ko: "세지 않음(데모 멈춤)"),
  ]
}
