// whoami and submit, at the prompt and at the shell (ProcLabApp's ResultCommands and
// SubmitCommand), and Results' own sentences: the chain's problems, the quiz record's, why a
// file was not used.
extension Messages {
  static let results: [Message] = [
    Message(
      "results.noState", en: "no state directory, so no name is kept",
      ko: "상태 디렉터리가 없어 이름을 보관하지 않습니다"),
    Message(
      "results.noName",
      en: "no name set; set it with: proclab whoami set \"Your Name\" --id STUDENT-ID",
      ko: "이름이 정해지지 않았습니다. 정하려면: proclab whoami set \"이름\" --id 학번"),
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
    // The quiz record's chain (Results' RecordChain): what `submit` and `grade` say is wrong.
    Message(
      "results.chain.edited",
      en: "record {sequence} was changed after it was recorded (its hash does not match)",
      ko: "기록 {sequence}이(가) 기록된 뒤에 바뀌었습니다(해시가 맞지 않습니다)"),
    Message(
      "results.chain.broken",
      en: "record {at} does not follow record {before}: a record was deleted, added or moved",
      ko: "기록 {at}이(가) 기록 {before} 다음에 오지 않습니다. 기록이 지워졌거나 더해졌거나 "
        + "옮겨졌습니다"),
    // quiz-record.jsonl (Results' QuizRecordLog).
    Message(
      "results.record.answerNotRecorded", en: "answer not recorded: {why}",
      ko: "답을 기록하지 못했습니다: {why}"),
    Message(
      "results.record.badLine", en: "{path}: line {line} is not a quiz record",
      ko: "{path}: {line}번째 줄은 퀴즈 기록이 아닙니다"),
    Message(
      "results.record.lastLine", en: "the last line of {path} is not a quiz record",
      ko: "{path}의 마지막 줄은 퀴즈 기록이 아닙니다"),
    Message(
      "results.record.notEncoded", en: "it could not be encoded", ko: "기록으로 바꿀 수 없었습니다"),
    Message(
      "results.record.full", en: "{path} is full ({size} MiB); submit it and ask your teacher",
      ko: "{path}이(가) 가득 찼습니다({size} MiB). 제출하고 선생님께 물어보십시오"),
    Message(
      "results.record.cannotWrite", en: "{path}: {error}", ko: "{path}에 쓰지 못했습니다: {error}"),
    // Why a file was not used (OSKit's FileRefusal, through Results' FileRefusalLine.swift).
    Message("results.file.atPath", en: "{path}: {why}", ko: "{path}: {why}"),
    Message(
      "results.file.atPath.notRegular", en: "{path} is {kind}, not a regular file",
      ko: "{path}은(는) 일반 파일이 아닙니다({kind})"),
    Message("results.file.atPath.is", en: "{path} is {why}", ko: "{path}: {why}"),
    Message("results.file.symbolicLink", en: "a symbolic link", ko: "심볼릭 링크입니다"),
    Message(
      "results.file.notRegular", en: "not a regular file ({kind})",
      ko: "일반 파일이 아닙니다 ({kind})"),
    Message(
      "results.file.foreignOwner", en: "owned by uid {uid}, not by you (uid {me})",
      ko: "uid {uid}의 파일이며 내 것(uid {me})이 아닙니다"),
    Message(
      "results.file.tooLarge", en: "{size}, larger than the {limit} allowed",
      ko: "{size}(으)로, 허용된 {limit}보다 큽니다"),
    Message("results.file.kind.fifo", en: "a FIFO", ko: "FIFO"),
    Message("results.file.kind.directory", en: "a directory", ko: "디렉터리"),
    Message("results.file.kind.socket", en: "a socket", ko: "소켓"),
    Message("results.file.kind.device", en: "a device", ko: "장치"),
    Message("results.file.kind.symbolicLink", en: "a symbolic link", ko: "심볼릭 링크"),
    Message("results.file.kind.unnamed", en: "{kind}", ko: "{kind}"),
    Message("results.size.mebibytes", en: "{n} MiB", ko: "{n} MiB"),
    Message("results.size.kibibytes", en: "{n} KiB", ko: "{n} KiB"),
    Message("results.size.bytes", en: "{n} bytes", ko: "{n}바이트"),
    // glibc's strerror texts, word for word, and in Korean.
    Message("results.errno.noEntry", en: "No such file or directory", ko: "그런 파일이나 디렉터리가 없습니다"),
    Message("results.errno.access", en: "Permission denied", ko: "권한이 없습니다"),
    Message("results.errno.permission", en: "Operation not permitted", ko: "허용되지 않는 작업입니다"),
    Message("results.errno.isDirectory", en: "Is a directory", ko: "디렉터리입니다"),
    Message("results.errno.notDirectory", en: "Not a directory", ko: "디렉터리가 아닙니다"),
    Message(
      "results.errno.loop", en: "Too many levels of symbolic links",
      ko: "심볼릭 링크가 너무 여러 단계로 이어집니다"),
    Message("results.errno.tooManyOpen", en: "Too many open files", ko: "열린 파일이 너무 많습니다"),
    Message("results.errno.noSpace", en: "No space left on device", ko: "장치에 남은 공간이 없습니다"),
    Message("results.errno.readOnly", en: "Read-only file system", ko: "읽기 전용 파일 시스템입니다"),
    Message("results.errno.io", en: "Input/output error", ko: "입출력 오류입니다"),
    Message("results.errno.nameTooLong", en: "File name too long", ko: "파일 이름이 너무 깁니다"),
    Message("results.errno.unlisted", en: "{error}", ko: "시스템 오류({error})"),
    // A name, a student id or whoami.json refused (Results' StudentIdentity).
    Message(
      "results.identity.nameAllowed",
      en: "a name is 1 to {length} letters (any script, Hangul welcome), spaces and . - '",
      ko: "이름은 글자(어느 문자든, 한글 환영) 1~{length}자와 공백, . - '로 씁니다"),
    Message(
      "results.identity.nameEmpty", en: "the name is empty: {allowed}", ko: "이름이 비어 있습니다: {allowed}"
    ),
    Message(
      "results.identity.nameLength", en: "the name is {count} characters long: {allowed}",
      ko: "이름이 {count}자입니다: {allowed}"),
    Message(
      "results.identity.nameContains", en: "the name contains {character}: {allowed}",
      ko: "이름에 {character}이(가) 있습니다: {allowed}"),
    Message(
      "results.identity.idAllowed",
      en: "a student id is 1 to {length} ASCII letters, digits, - and _",
      ko: "학번은 ASCII 영문자, 숫자, -, _ 1~{length}자로 씁니다"),
    Message(
      "results.identity.idEmpty", en: "the student id is empty: {allowed}",
      ko: "학번이 비어 있습니다: {allowed}"),
    Message(
      "results.identity.idLength", en: "the student id is {count} characters long: {allowed}",
      ko: "학번이 {count}자입니다: {allowed}"),
    Message(
      "results.identity.idContains", en: "the student id contains {character}: {allowed}",
      ko: "학번에 {character}이(가) 있습니다: {allowed}"),
    Message(
      "results.identity.control", en: "the control character {code}", ko: "제어 문자 {code}"),
    Message(
      "results.identity.character", en: "'{character}' ({code})", ko: "'{character}' ({code})"),
    Message(
      "results.identity.notAFile",
      en: "{path} is not an identity file; set it again with whoami set",
      ko: "{path}은(는) 신원 파일이 아닙니다. whoami set으로 다시 정하십시오"),
    Message(
      "results.identity.invalidFile", en: "{path}: {problem}; set it again with whoami set",
      ko: "{path}: {problem}. whoami set으로 다시 정하십시오"),
  ]
}
