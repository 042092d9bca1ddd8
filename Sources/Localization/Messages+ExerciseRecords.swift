// Exercise checks in the classroom record and in progress (ProcLabApp's ExerciseRecording.swift
// and QuizCommands.swift; docs/grading.md "Exercise records", docs/progress.md).
extension Messages {
  static let exerciseRecords: [Message] = [
    Message(
      "results.submit.checks.one", en: "with {count} exercise check ({exercises})",
      ko: "연습 문제 검사 {count}개도 함께 담았습니다 ({exercises})"),
    Message(
      "results.submit.checks.other", en: "with {count} exercise checks ({exercises})",
      ko: "연습 문제 검사 {count}개도 함께 담았습니다 ({exercises})"),
    Message(
      "repl.exercise.notRecorded", en: "check not recorded for your teacher: {why}",
      ko: "선생님께 낼 기록에 이 검사를 남기지 못했습니다: {why}"),
    Message(
      "repl.exercise.progress.passedOn", en: "  {id}: passed on try {try} of {tries}",
      ko: "  {id}: {tries}번 중 {try}번째 시도에 통과"),
    Message(
      "repl.exercise.progress.passedEarlier", en: "  {id}: passed ({tries} tries since)",
      ko: "  {id}: 통과 (그 뒤 {tries}번 시도)"),
    Message(
      "repl.exercise.progress.notYet.one", en: "  {id}: not passed yet, {count} try",
      ko: "  {id}: 아직 통과하지 못함, {count}번 시도"),
    Message(
      "repl.exercise.progress.notYet.other", en: "  {id}: not passed yet, {count} tries",
      ko: "  {id}: 아직 통과하지 못함, {count}번 시도"),
    Message(
      "repl.exercise.review.unfinished",
      en: "Exercises you checked but have not passed: {ids} (check {first} runs it again)",
      ko: "검사했지만 아직 통과하지 못한 연습 문제: {ids} (check {first}로 다시 검사합니다)"),
  ]
}
