// The quiz's own words about an answer (Lessons' AnswerParser and QuantityUnit, the check
// rules' comparison line in CheckEvaluation, a hint's head, a left-out question's line) and
// the Grader's "not graded" line. Values, units and metric labels inside them are drawn as
// the lesson and the demo give them.
extension Messages {
  static let answers: [Message] = [
    // What to type instead (AnswerParser, QuantityUnit).
    Message("quiz.answer.range", en: "from a to {last}", ko: "a부터 {last}까지"),
    Message("quiz.answer.noChoices", en: "but there are no choices", ko: "그런데 보기가 없습니다"),
    Message(
      "quiz.answer.chooseOne", en: "choose one letter, {range}",
      ko: "문자 하나를 고르십시오({range})"),
    Message(
      "quiz.answer.trueFalse", en: "answer true or false (t/f, yes/no, o/x)",
      ko: "참 또는 거짓으로 답하십시오(참/거짓, 예/아니오, o/x, t/f)"),
    Message("quiz.answer.typeAnswer", en: "type an answer", ko: "답을 입력하십시오"),
    Message(
      "quiz.answer.predictTrueFalse", en: "predict true or false (t/f, yes/no, o/x)",
      ko: "참 또는 거짓으로 예측하십시오(참/거짓, 예/아니오, o/x, t/f)"),
    Message("quiz.answer.numberOrWord", en: "type a number or a word", ko: "숫자나 낱말을 입력하십시오"),
    Message("quiz.answer.typeLetter", en: "type a letter, {range}", ko: "문자를 입력하십시오({range})"),
    Message(
      "quiz.answer.noChoiceLetter", en: "there is no choice '{choice}'; {range}",
      ko: "'{choice}'라는 보기는 없습니다. {range} 고르십시오"),
    Message(
      "quiz.answer.noChoiceNumber", en: "there is no choice {choice}; {range}",
      ko: "{choice}번 보기는 없습니다. {range} 고르십시오"),
    Message(
      "quiz.answer.withLetter", en: "answer with a letter, {range}",
      ko: "문자로 답하십시오({range})"),
    Message("quiz.answer.typeNumber", en: "type a number", ko: "숫자를 입력하십시오"),
    Message(
      "quiz.answer.notNumberComma",
      en: "'{text}' is not a number; write decimals with a dot, as in 1.5",
      ko: "'{text}'은(는) 숫자가 아닙니다. 소수점은 1.5처럼 점으로 쓰십시오"),
    Message("quiz.answer.notNumber", en: "'{text}' is not a number", ko: "'{text}'은(는) 숫자가 아닙니다"),
    Message(
      "quiz.answer.order",
      en: "put all {count} items in order, each once, by letter or number (e.g. {example})",
      ko: "항목 {count}개를 모두 한 번씩, 문자나 번호로 순서대로 쓰십시오(예: {example})"),
    Message("quiz.answer.unit.time", en: "a time such as 4 s or 4000 ms", ko: "4초나 4000밀리초 같은 시간"),
    Message("quiz.answer.unit.size", en: "a size such as 64 KiB or 2 MB", ko: "64 KiB나 2 MB 같은 크기"),
    Message("quiz.answer.unit.percent", en: "a percentage such as 25%", ko: "25% 같은 백분율"),
    Message("quiz.answer.unit.factor", en: "a factor such as 3x", ko: "3x나 3배 같은 배수"),
    Message(
      "quiz.answer.plainNumber", en: "give a plain number, without '{unit}'",
      ko: "'{unit}' 없이 숫자만 쓰십시오"),
    Message(
      "quiz.answer.unknownUnit", en: "unknown unit '{unit}'; give {example}",
      ko: "'{unit}'은(는) 모르는 단위입니다. {example}으로 답하십시오"),
    Message(
      "quiz.answer.unitMismatch", en: "'{unit}' does not fit here; give {example}",
      ko: "여기에는 '{unit}'이(가) 맞지 않습니다. {example}으로 답하십시오"),
    Message("quiz.answer.numberIn", en: "give the number in {unit}", ko: "{unit} 단위의 숫자로 답하십시오"),

    // The line under a question that takes a number (MetricText.hint).
    Message("quiz.unit.seconds", en: "a time, e.g. 0.25 s or 250 ms", ko: "시간(예: 0.25초 또는 250밀리초)"),
    Message(
      "quiz.unit.bytesPerSecond", en: "a rate in bytes per second, e.g. 2e9",
      ko: "초당 바이트 수(예: 2e9)"),
    Message("quiz.unit.messagesPerSecond", en: "a number of messages per second", ko: "초당 메시지 수"),
    Message("quiz.unit.bytes", en: "a size, e.g. 4 KiB or 4096 B", ko: "크기(예: 4 KiB 또는 4096 B)"),
    Message("quiz.unit.count", en: "a whole number", ko: "정수"),
    Message("quiz.unit.ratio", en: "a speedup or slowdown, e.g. 1.8x", ko: "빨라지거나 느려진 배수(예: 1.8x)"),
    Message("quiz.unit.fraction", en: "a fraction, e.g. 0.5 or 50%", ko: "비율(예: 0.5 또는 50%)"),
    Message("quiz.unit.durations", en: "a number of task durations", ko: "작업 시간의 배수"),
    Message(
      "quiz.unit.runnable", en: "an average number of runnable tasks", ko: "실행 가능한 작업의 평균 개수"),
    Message("quiz.unit.cpu", en: "a CPU number, e.g. 0", ko: "CPU 번호(예: 0)"),
    Message("quiz.unit.pid", en: "a process id", ko: "프로세스 id"),
    Message("quiz.unit.id", en: "an id, a whole number", ko: "id(정수)"),
    Message("quiz.unit.exitStatus", en: "an exit status, 0 to 255", ko: "종료 상태(0부터 255까지)"),
    Message(
      "quiz.unit.exitcode", en: "an exitcode: 0 to 255, or -N when signal N killed the process",
      ko: "exitcode: 0부터 255까지, 신호 N이 프로세스를 죽였으면 -N"),
    Message("quiz.unit.number", en: "a number", ko: "숫자"),
    Message("quiz.unit.numberOf", en: "a number of {unit}", ko: "{unit}의 수"),
    Message(
      "quiz.unit.timeIn", en: "a time in {unit}; other units of time work too, e.g. 250 ms",
      ko: "{unit} 단위의 시간(다른 시간 단위도 됩니다. 예: 250밀리초)"),
    Message(
      "quiz.unit.sizeIn", en: "a size in {unit}; other units of size work too, e.g. 4 KiB",
      ko: "{unit} 단위의 크기(다른 크기 단위도 됩니다. 예: 4 KiB)"),
    Message("quiz.unit.percent", en: "a percentage, e.g. 25%", ko: "백분율(예: 25%)"),
    Message("quiz.unit.factor", en: "a factor, e.g. 1.8x", ko: "배수(예: 1.8x)"),

    // A hint's head, a left-out question (QuizText, LeftOutQuestion).
    Message("quiz.hintHead", en: "hint {number}/{total}: ", ko: "힌트 {number}/{total}: "),
    Message(
      "quiz.leftOut",
      en: "left out question '{id}' ({location}): {message} (proclab lint lists every problem)",
      ko: "문제 '{id}'를 뺐습니다({location}): {message} (proclab lint가 문제를 모두 보여 줍니다)"),

    // A step's closing paragraph shown again (StepLayout).
    Message(
      "step.again", en: "Again, from above (the output pushed it off the screen):",
      ko: "위의 글을 다시 보여 드립니다(출력에 밀려 화면 밖으로 나갔습니다):"),

    // The Grader's line under a prediction.
    Message("verdict.undecided", en: "it could not be decided", ko: "판정할 수 없었습니다"),
    Message("verdict.notGradedWhy", en: "not graded: {why}", ko: "채점 안 함: {why}"),

    // A check rule's comparison line (CheckEvaluation).
    Message("quiz.check.and", en: " and ", ko: " 그리고 "),
    Message("quiz.check.or", en: " or ", ko: " 또는 "),
    Message("quiz.check.true", en: "true", ko: "참"),
    Message("quiz.check.false", en: "false", ko: "거짓"),
    Message(
      "quiz.check.withAnswer", en: "with your {answer}: {shown} is {truth}",
      ko: "답 {answer}(으)로 보면: {shown} → {truth}"),
    Message(
      "quiz.check.notTruth", en: "this prediction is true or false, not {answer}",
      ko: "이 예측은 참 또는 거짓으로 답합니다({answer}이(가) 아님)"),
    Message(
      "quiz.check.asPredicted", en: "measured {shown} is {truth}, as you predicted",
      ko: "측정 결과 {shown} → {truth}, 예측한 대로입니다"),
    Message(
      "quiz.check.notAsPredicted", en: "measured {shown} is {truth}; you predicted {said}",
      ko: "측정 결과 {shown} → {truth}, 예측은 {said}였습니다"),
    Message(
      "quiz.check.head", en: "you said {answer}, measured {measured}",
      ko: "답 {answer}, 측정값 {measured}"),
    Message("quiz.check.equal", en: "{head}: equal", ko: "{head}: 같음"),
    Message("quiz.check.notEqual", en: "{head}: not equal", ko: "{head}: 다름"),
    Message(
      "quiz.check.atLeast",
      en:
        "you said {answer}, measured {measured}: {answer} {relation} {measured}, at least the measurement",
      ko: "답 {answer}, 측정값 {measured}: {answer} {relation} {measured}, 측정값 이상"),
    Message(
      "quiz.check.notAtLeast",
      en:
        "you said {answer}, measured {measured}: {answer} {relation} {measured}, not at least the measurement",
      ko: "답 {answer}, 측정값 {measured}: {answer} {relation} {measured}, 측정값 이상이 아님"),
    Message(
      "quiz.check.atMost",
      en:
        "you said {answer}, measured {measured}: {answer} {relation} {measured}, at most the measurement",
      ko: "답 {answer}, 측정값 {measured}: {answer} {relation} {measured}, 측정값 이하"),
    Message(
      "quiz.check.notAtMost",
      en:
        "you said {answer}, measured {measured}: {answer} {relation} {measured}, not at most the measurement",
      ko: "답 {answer}, 측정값 {measured}: {answer} {relation} {measured}, 측정값 이하가 아님"),
    Message("quiz.check.exact", en: "{head}: exact", ko: "{head}: 정확히 같음"),
    Message(
      "quiz.check.withinBelow", en: "{head}: {off} below, within ± {limit}",
      ko: "{head}: {off} 작음, ± {limit} 안"),
    Message(
      "quiz.check.withinAbove", en: "{head}: {off} above, within ± {limit}",
      ko: "{head}: {off} 큼, ± {limit} 안"),
    Message(
      "quiz.check.beyondBelow", en: "{head}: {off} below, more than ± {limit}",
      ko: "{head}: {off} 작음, ± {limit}을(를) 넘음"),
    Message(
      "quiz.check.beyondAbove", en: "{head}: {off} above, more than ± {limit}",
      ko: "{head}: {off} 큼, ± {limit}을(를) 넘음"),
    Message("quiz.check.justOver", en: "just over {limit}", ko: "{limit}보다 조금 더"),
    Message(
      "quiz.check.ratioNeedsAboveZero",
      en: "{head}: a ratio tolerance ({limit}) needs a measurement above 0",
      ko: "{head}: 비율 허용 범위({limit})에는 0보다 큰 측정값이 필요합니다"),
    Message(
      "quiz.check.notWithinRatio", en: "{head}: not within {limit} of it",
      ko: "{head}: {limit} 범위 밖"),
    Message(
      "quiz.check.ratioWithinLow", en: "{head}: {ratio} too low, within {limit}",
      ko: "{head}: {ratio} 작음, {limit} 안"),
    Message(
      "quiz.check.ratioWithinHigh", en: "{head}: {ratio} too high, within {limit}",
      ko: "{head}: {ratio} 큼, {limit} 안"),
    Message(
      "quiz.check.ratioBeyondLow", en: "{head}: {ratio} too low, more than {limit}",
      ko: "{head}: {ratio} 작음, {limit}을(를) 넘음"),
    Message(
      "quiz.check.ratioBeyondHigh", en: "{head}: {ratio} too high, more than {limit}",
      ko: "{head}: {ratio} 큼, {limit}을(를) 넘음"),
    Message(
      "quiz.check.notNumber", en: "this prediction is a number, not {answer}",
      ko: "이 예측은 숫자로 답합니다({answer}이(가) 아님)"),
    Message(
      "quiz.check.operandNotNumber", en: "{name} is {value}, not a number",
      ko: "{name}은(는) 숫자가 아니라 {value}입니다"),
    Message(
      "quiz.check.notReported", en: "the demo did not report {label}",
      ko: "데모가 {label}을(를) 보고하지 않았습니다"),
    Message(
      "quiz.check.notValue", en: "{label} is {kind}, not a value",
      ko: "{label}은(는) 값이 아니라 {kind}입니다"),
    Message(
      "quiz.check.cannotOrder", en: "cannot order {left} and {right}",
      ko: "{left}와(과) {right}의 크기를 비교할 수 없습니다"),
  ]
}
