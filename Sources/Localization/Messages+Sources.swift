// `sources` and `source <name>` (ProcLabApp's SourcesCommands.swift): the frame of the pages.
// The tutorials' own texts (glosses, topics, examples, claims) are in Korean in
// lessons/python/sources.json beside the English (`*_ko`), linted there.
extension Messages {
  static let sources: [Message] = [
    Message(
      "repl.sources.list.title", en: "The tutorials the lessons follow",
      ko: "레슨이 따라가는 튜토리얼"),
    Message("repl.sources.list.name", en: "name", ko: "이름"),
    Message(
      "repl.sources.list.columns", en: "title · in English · author · lessons",
      ko: "제목 · 한국어 풀이 · 글쓴이 · 레슨"),
    Message("repl.sources.list.by", en: "by {author}", ko: "글쓴이: {author}"),
    Message(
      "repl.sources.list.noAuthor", en: "by an author the post does not name",
      ko: "글쓴이: 글에 이름이 없음"),
    Message("repl.sources.list.lessons", en: "lessons {numbers}", ko: "레슨 {numbers}"),
    Message(
      "repl.sources.list.footer",
      en:
        "source <name> shows a tutorial's examples as Python programs, and its claims; "
        + "open <number> opens a lesson.",
      ko:
        "source <이름>은 튜토리얼의 예제를 Python 프로그램으로, 그리고 글의 주장을 보여 줍니다. "
        + "open <번호>는 레슨을 엽니다."),
    Message("repl.sources.page.by", en: "By {author}.", ko: "글쓴이: {author}."),
    Message("repl.sources.page.noAuthor", en: "The post names no author.", ko: "글에 글쓴이 이름이 없습니다."),
    Message("repl.sources.page.covers", en: "What it covers", ko: "다루는 내용"),
    Message(
      "repl.sources.page.used", en: "Lessons: {lessons}. Demos: {demos}.",
      ko: "레슨: {lessons}. 데모: {demos}."),
    Message(
      "repl.sources.page.example", en: "Example {number} of {count}: {name} — {about}",
      ko: "예제 {number}/{count}: {name} — {about}"),
    Message(
      "repl.sources.page.notInstalled", en: "({file} is not installed beside the lessons.)",
      ko: "({file} 파일은 레슨 옆에 설치되어 있지 않습니다.)"),
    Message(
      "repl.sources.page.runBuiltIn",
      en: "Run it: python3 {name}, with the program above saved as {name}",
      ko: "실행: 위 프로그램을 {name} 파일로 저장한 뒤 python3 {name}"),
    Message("repl.sources.page.run", en: "Run it: python3 {path}", ko: "실행: python3 {path}"),
    Message(
      "repl.sources.page.live", en: "Live, beside ProcLab's figures: run {command}",
      ko: "ProcLab의 수치와 나란히 실시간으로: run {command}"),
    Message(
      "repl.sources.page.demo", en: "ProcLab's demo of it: run {demo}",
      ko: "ProcLab의 데모: run {demo}"),
    Message(
      "repl.sources.page.claims", en: "What it claims, and the step that checks it",
      ko: "글의 주장과, 그것을 확인하는 단계"),
    Message("repl.sources.page.verdict", en: "Verdict: {verdict}.", ko: "판정: {verdict}."),
    Message(
      "repl.sources.page.verdictNote", en: "Verdict: {verdict} — {note}.",
      ko: "판정: {verdict} — {note}."),
    Message(
      "repl.sources.page.checked", en: "Checked in: open {lesson} {step}",
      ko: "확인하는 곳: open {lesson} {step}"),
    Message(
      "repl.sources.page.checkedStep",
      en: "Checked in: open {lesson} {step} (lesson {label}, “{title}”)",
      ko: "확인하는 곳: open {lesson} {step} (레슨 {label}, “{title}”)"),
    Message("repl.sources.verdict.holds", en: "holds", ko: "맞음"),
    Message("repl.sources.verdict.partly", en: "partly", ko: "절반만 맞음"),
    Message("repl.sources.verdict.doesNotHold", en: "does not hold", ko: "맞지 않음"),
    Message(
      "repl.sources.error.unreadable", en: "the tutorials' list cannot be read: {failure}",
      ko: "튜토리얼 목록을 읽을 수 없습니다: {failure}"),
    Message(
      "repl.sources.error.noManifest", en: "no lesson directory has one ({directories})",
      ko: "이 파일이 있는 레슨 디렉터리가 없습니다({directories})"),
    Message(
      "repl.sources.error.unknown", en: "no tutorial '{name}'; sources lists them",
      ko: "'{name}' 튜토리얼은 없습니다. sources로 목록을 봅니다"),
    Message(
      "repl.sources.error.unknown.guess",
      en: "no tutorial '{name}' — did you mean '{guess}'?; sources lists them",
      ko: "'{name}' 튜토리얼은 없습니다 — 비슷한 것: '{guess}'. sources로 목록을 봅니다"),
    Message(
      "repl.sources.error.unknownShell", en: "no tutorial '{name}'; the tutorials: {names}",
      ko: "'{name}' 튜토리얼은 없습니다. 튜토리얼: {names}"),
    Message(
      "repl.sources.error.unknownShell.guess",
      en: "no tutorial '{name}' — did you mean '{guess}'?; the tutorials: {names}",
      ko: "'{name}' 튜토리얼은 없습니다 — 비슷한 것: '{guess}'. 튜토리얼: {names}"),
  ]
}
