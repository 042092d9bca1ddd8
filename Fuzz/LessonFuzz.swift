// libFuzzer entry for the lesson parser: the input is a lesson file. Built by `make fuzz`
// (Fuzz/run.sh) with -sanitize=fuzzer,address; not part of the package.
import Lessons
import Render

@_cdecl("LLVMFuzzerTestOneInput")
public func lessonFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
  let (lesson, problems) = LessonParser.parse(bytes: bytes, file: "fuzz.md")
  for problem in problems { _ = problem.description }
  guard let lesson else { return 0 }
  // Questions the parser accepted go on to the answer parser, with their own answer and with
  // the shapes students type.
  for question in lesson.questions {
    for text in [question.answerText, "b", "a, c", "2", "true", "4 s", "c > a > b", ""] {
      FuzzQuestions.answer(text, to: question)
    }
  }
  for step in lesson.steps {
    _ = MarkdownRenderer(style: .fancy(width: 60)).render(step.markdown)
  }
  return 0
}
