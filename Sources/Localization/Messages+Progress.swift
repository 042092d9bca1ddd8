// quiz, review and progress at the prompt (ProcLabApp's QuizCommands), and the labels of the
// figures every progress screen shows (Quiz's Figure and Reached; docs/progress.md).
extension Messages {
  static let progress: [Message] = [
    Message("progress.allLessons", en: "all lessons", ko: "모든 레슨"),
    Message(
      "progress.quiz.noLesson.guess",
      en: "no lesson '{key}' — did you mean '{guess}'?; quiz takes a lesson id or number, or all",
      ko: "'{key}' 레슨이 없습니다 — 비슷한 레슨: '{guess}'. quiz에는 레슨 id나 번호, 또는 "
        + "all을 씁니다"),
    Message(
      "progress.quiz.noLesson",
      en: "no lesson '{key}'; quiz takes a lesson id or number, or all",
      ko: "'{key}' 레슨이 없습니다. quiz에는 레슨 id나 번호, 또는 all을 씁니다"),
    Message(
      "progress.quiz.noLessonOpen",
      en: "no lesson is open: quiz <lesson> or quiz all (lessons lists them)",
      ko: "열린 레슨이 없습니다. quiz <레슨>이나 quiz all을 쓰십시오(목록: lessons)"),
    Message(
      "progress.review.nothing",
      en: "Nothing to review: no question you missed is due again. (quiz all asks everything.)",
      ko: "복습할 문제가 없습니다. 다시 풀 때가 된 틀린 문제가 없습니다. (quiz all은 모든 문제를 "
        + "냅니다.)"),
    Message("progress.review.title", en: "review", ko: "복습"),
    Message(
      "progress.reset.noLesson", en: "no lesson '{target}'; progress reset [lesson]",
      ko: "'{target}' 레슨이 없습니다. progress reset [레슨]"),
    Message("progress.reset.lesson", en: "your progress in {lesson}", ko: "{lesson}의 진도"),
    Message("progress.reset.all", en: "all your progress", ko: "모든 진도"),
    Message(
      "progress.reset.confirm", en: "Really forget {what}? Type yes to confirm: ",
      ko: "정말 {what}를 지우겠습니까? 확인하려면 yes(예)를 입력하십시오: "),
    Message("progress.reset.kept", en: "Kept everything.", ko: "아무것도 지우지 않았습니다."),
    Message("progress.reset.done", en: "Forgot {what}.", ko: "{what}를 지웠습니다."),
    Message(
      "progress.usage", en: "progress takes --json, --csv or reset [lesson]",
      ko: "progress에는 --json, --csv 또는 reset [레슨]을 씁니다"),
    Message("progress.title", en: "Your progress", ko: "내 진도"),
    Message("progress.lesson", en: "lesson", ko: "레슨"),
    Message(
      "progress.legend",
      en: "right first time: questions whose first answer ever was right; best complete quiz: "
        + "the best quiz of the lesson with every question answered",
      ko: "처음에 맞힘: 처음 낸 답이 맞았던 문제 수, 최고 완주 점수: 모든 문제에 답한 그 레슨 "
        + "퀴즈 중 가장 좋은 점수"),
    Message(
      "progress.leftEarly", en: "quizzes left early (never a score): {count}",
      ko: "중간에 마친 퀴즈(점수로 치지 않음): {count}"),
    // Figure.label and Reached.text.
    Message("figure.reached", en: "reached", ko: "진행"),
    Message("figure.rightFirstTime", en: "right first time", ko: "처음에 맞힘"),
    Message("figure.bestCompleteQuiz", en: "best complete quiz", ko: "최고 완주 점수"),
    Message("figure.box", en: "box", ko: "상자"),
    Message("figure.toReview", en: "to review", ko: "복습할 문제"),
    Message("figure.quizzesLeftEarly", en: "left early", ko: "중간에 마침"),
    Message("figure.reached.step", en: "step {step}/{count}", ko: "단계 {step}/{count}"),
    Message("figure.reached.done", en: "done", ko: "마침"),
    // A prediction whose lesson gives it no rule (Quiz's Grader; lint refuses such a lesson).
    Message(
      "verdict.noCheckRule", en: "this question has no check rule",
      ko: "이 문제에는 채점 규칙(check)이 없습니다"),
    // progress.json itself (Quiz's ProgressStore and ProgressBounds).
    Message(
      "progress.store.readOnly",
      en: "cannot write to {directory}: saved progress and history are read, but changes are kept "
        + "for this session only",
      ko: "{directory}에 쓸 수 없습니다. 저장된 진도와 기록은 읽지만, 바뀐 것은 이번 세션에만 "
        + "남습니다"),
    Message(
      "progress.store.leftAlone",
      en: "{refusal}: left alone; progress is kept for this session only",
      ko: "{refusal}: 그대로 두었습니다. 진도는 이번 세션에만 남습니다"),
    Message("progress.store.empty", en: "it is empty", ko: "비어 있습니다"),
    Message("progress.store.notJSON", en: "it is not valid progress JSON", ko: "올바른 진도 JSON이 아닙니다"),
    Message(
      "progress.store.setAside",
      en: "progress.json could not be used ({reason}); kept it as {target} and started afresh",
      ko: "progress.json을 쓸 수 없어({reason}) {target}(으)로 보관하고 새로 시작했습니다"),
    Message(
      "progress.store.notMoved",
      en: "progress.json could not be used ({reason}) nor moved aside; progress will be kept for "
        + "this session only",
      ko: "progress.json을 쓸 수도 옮겨 둘 수도 없었습니다({reason}). 진도는 이번 세션에만 "
        + "남습니다"),
    Message(
      "progress.store.cannotSave", en: "could not save progress to {path}: {error}",
      ko: "진도를 {path}에 저장하지 못했습니다: {error}"),
    Message(
      "progress.store.exercisesCut",
      en: "progress.json lists {passed} passed exercises and {checked} checked ones; kept "
        + "{keptPassed} and {keptChecked} (at most {limit} each, the most recently passed first, "
        + "ids of at most {length} characters): the rest go at the next save",
      ko: "progress.json에 통과한 연습 문제 {passed}개와 검사한 연습 문제 {checked}개가 있어 "
        + "{keptPassed}개와 {keptChecked}개만 남겼습니다(각각 최대 {limit}개, 가장 최근에 통과한 "
        + "것부터, id는 최대 {length}자). 나머지는 다음에 저장할 때 지워집니다"),
  ]
}
