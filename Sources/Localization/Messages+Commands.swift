// The REPL's commands: each one's usage line and what it does (ProcLabApp's Commands.swift).
// A Korean usage line names the command's Korean alias beside it.
extension Messages {
  static let commands: [Message] = [
    Message(
      "command.help.usage", en: "help [command | run <demo>]",
      ko: "help (도움말) [명령 | run <데모>]"),
    Message(
      "command.help.help", en: "list the commands, or explain one",
      ko: "명령 목록을 보이거나 한 명령을 설명합니다"),
    Message("command.lessons.usage", en: "lessons", ko: "lessons (레슨)"),
    Message(
      "command.lessons.help", en: "the lessons in order, with your progress",
      ko: "레슨을 순서대로, 진도와 함께 보입니다"),
    Message("command.open.usage", en: "open <number | id> [step]", ko: "open (열기) <번호 | id> [단계]"),
    Message(
      "command.open.help", en: "open a lesson (where you left it, or at a step: its number or id)",
      ko: "레슨을 엽니다(멈춘 곳에서, 또는 번호나 id로 고른 단계에서)"),
    Message("command.next.usage", en: "next   (or just Enter)", ko: "next (다음)   (또는 Enter만)"),
    Message("command.next.help", en: "go to the next step", ko: "다음 단계로 갑니다"),
    Message("command.back.usage", en: "back", ko: "back (이전)"),
    Message("command.back.help", en: "go to the previous step", ko: "앞 단계로 돌아갑니다"),
    Message("command.again.usage", en: "again", ko: "again (다시)"),
    Message(
      "command.again.help", en: "show this step again (its demos run again, live)",
      ko: "이 단계를 다시 보입니다(데모도 지금 다시 실행합니다)"),
    Message("command.read.usage", en: "read", ko: "read (읽기)"),
    Message(
      "command.read.help", en: "show this step's text again, without running its demos",
      ko: "데모를 실행하지 않고 이 단계의 글만 다시 보입니다"),
    Message("command.where.usage", en: "where", ko: "where (위치)"),
    Message(
      "command.where.help", en: "which lesson and step you are at",
      ko: "지금 어느 레슨의 어느 단계에 있는지 보입니다"),
    Message("command.run.usage", en: "run <demo> [name=value …]", ko: "run (실행) <데모> [이름=값 …]"),
    Message(
      "command.run.help", en: "run a demo live in a child process",
      ko: "데모를 자식 프로세스에서 지금 실행합니다"),
    Message("command.demos.usage", en: "demos", ko: "demos (데모)"),
    Message(
      "command.demos.help", en: "every demo with its summary and parameters",
      ko: "모든 데모를 요약, 매개변수와 함께 보입니다"),
    Message("command.trace.usage", en: "trace <program> [args …]", ko: "trace <프로그램> [인자 …] (추적)"),
    Message(
      "command.trace.help", en: "run your own program and see every process and thread it made",
      ko: "내 프로그램을 실행하고 그것이 만든 프로세스와 스레드를 모두 봅니다"),
    Message("command.sources.usage", en: "sources", ko: "sources (출처)"),
    Message(
      "command.sources.help", en: "the five tutorials the lessons follow",
      ko: "레슨이 따르는 다섯 튜토리얼을 보입니다"),
    Message("command.source.usage", en: "source <name>", ko: "source <이름>"),
    Message(
      "command.source.help", en: "one tutorial: its Python programs, its claims",
      ko: "튜토리얼 하나의 Python 프로그램과 주장을 보입니다"),
    Message("command.quiz.usage", en: "quiz [lesson | all]", ko: "quiz (퀴즈) [레슨 | all]"),
    Message(
      "command.quiz.help",
      en: "questions on this lesson (or another, or all); predictions run live",
      ko: "이 레슨(또는 다른 레슨, 전체)의 문제를 냅니다. 예측 문제는 지금 실행해 채점합니다"),
    Message("command.review.usage", en: "review", ko: "review (복습)"),
    Message(
      "command.review.help", en: "questions you missed before, oldest first",
      ko: "전에 틀린 문제를 오래된 것부터 다시 냅니다"),
    Message(
      "command.progress.usage", en: "progress [--json | --csv | reset [lesson]]",
      ko: "progress (진도) [--json | --csv | reset [레슨]]"),
    Message(
      "command.progress.help", en: "what you have done; export it, or start over",
      ko: "지금까지 한 것을 보이거나 내보내거나 처음부터 다시 시작합니다"),
    Message("command.clear.usage", en: "clear   (or Ctrl-L)", ko: "clear (지우기)   (또는 Ctrl-L)"),
    Message("command.clear.help", en: "clear the screen", ko: "화면을 지웁니다"),
    Message(
      "command.whoami.usage", en: "whoami [set \"Your Name\" --id ID]",
      ko: "whoami [set \"이름\" --id 학번]"),
    Message(
      "command.whoami.help", en: "your name and student id, for proclab submit",
      ko: "proclab submit에 쓸 이름과 학번을 보이거나 정합니다"),
    Message("command.glossary.usage", en: "glossary [term]", ko: "glossary (용어) [용어]"),
    Message(
      "command.glossary.help", en: "the Korean and English names of OS terms, either way",
      ko: "운영체제 용어의 한국어 이름과 영어 이름을 양쪽으로 찾습니다"),
    Message("command.quit.usage", en: "quit   (or Ctrl-D)", ko: "quit (종료)   (또는 Ctrl-D)"),
    Message("command.quit.help", en: "leave ProcLab", ko: "ProcLab을 마칩니다"),
  ]
}
