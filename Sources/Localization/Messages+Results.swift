// whoami and submit, at the prompt and at the shell (ProcLabApp's ResultCommands and
// SubmitCommand). Messages from Results itself (a name refused) are a later slice.
extension Messages {
  static let results: [Message] = [
    Message(
      "results.noState", en: "no state directory, so no name is kept",
      ko: "상태 디렉터리가 없어 이름을 보관하지 않습니다"),
    Message(
      "results.noName",
      en: "no name set; set it with: proclab whoami set \"Your Name\" --id STUDENT-ID",
      ko: "이름이 정해지지 않았습니다. 다음으로 정하십시오: proclab whoami set \"이름\" --id 학번"),
    Message(
      "results.noStateToSave", en: "no state directory to keep your name in",
      ko: "이름을 보관할 상태 디렉터리가 없습니다"),
    Message(
      "results.cannotSave", en: "could not save your name: {error}",
      ko: "이름을 저장하지 못했습니다: {error}"),
    Message("results.youAre", en: "you are {who}", ko: "나: {who}"),
    Message("results.who", en: "{name} (student id {id})", ko: "{name} (학번 {id})"),
    Message(
      "results.whoami.usage", en: "whoami set \"Your Name\" --id STUDENT-ID",
      ko: "whoami set \"이름\" --id 학번"),
    Message(
      "results.whoami.notSet",
      en: "whoami takes set or nothing, not '{word}': whoami shows you, {usage} sets you",
      ko: "whoami 뒤에는 set을 쓰거나 아무것도 쓰지 않습니다(받은 것: '{word}'). 보기: whoami, "
        + "정하기: {usage}"),
    Message(
      "results.whoami.needsID",
      en: "whoami set needs your name and --id with your student id: {usage}",
      ko: "whoami set에는 이름과 --id 학번이 필요합니다: {usage}"),
    Message(
      "results.submit.noState", en: "no state directory, so there is no quiz record to submit",
      ko: "상태 디렉터리가 없어 제출할 퀴즈 기록이 없습니다"),
    Message(
      "results.submit.noLesson",
      en: "no recorded answers for lesson '{lesson}'; recorded: {recorded}",
      ko: "레슨 '{lesson}'에 기록된 답이 없습니다. 기록된 레슨: {recorded}"),
    Message("results.submit.noneYet", en: "none yet", ko: "아직 없음"),
    Message(
      "results.submit.empty",
      en: "no quiz answers recorded yet: take a quiz first (proclab quiz <lesson>)",
      ko: "기록된 퀴즈 답이 아직 없습니다. 먼저 퀴즈를 푸십시오(proclab quiz <레슨>)"),
    Message(
      "results.submit.unverified",
      en: "your quiz record does not verify: {problem}; written as it is, and your teacher will "
        + "see it",
      ko: "퀴즈 기록이 검증되지 않습니다: {problem}. 있는 그대로 쓰며, 선생님이 이 사실을 보게 "
        + "됩니다"),
    Message(
      "results.submit.cannotWrite", en: "could not write {path}: {error}",
      ko: "쓰지 못했습니다({path}): {error}"),
    Message(
      "results.submit.wrote.one", en: "wrote {path}: {count} answer of {lessons} for {who}",
      ko: "{path}에 썼습니다: {who}의 {lessons} 답 {count}개"),
    Message(
      "results.submit.wrote.other", en: "wrote {path}: {count} answers of {lessons} for {who}",
      ko: "{path}에 썼습니다: {who}의 {lessons} 답 {count}개"),
    Message(
      "results.submit.noTerminal",
      en: "no name set and no terminal to ask on: first run proclab whoami set \"Your Name\" "
        + "--id STUDENT-ID",
      ko: "이름이 정해지지 않았고 물어볼 터미널도 없습니다. 먼저 proclab whoami set \"이름\" "
        + "--id 학번을 실행하십시오"),
    Message(
      "results.submit.seen", en: "Your teacher will see your name and student id on this file.",
      ko: "선생님은 이 파일에서 이름과 학번을 보게 됩니다."),
    Message("results.submit.askName", en: "Your name: ", ko: "이름: "),
    Message("results.submit.askID", en: "Your student id: ", ko: "학번: "),
  ]
}
