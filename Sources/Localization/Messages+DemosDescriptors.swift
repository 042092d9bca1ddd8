// The descriptor demos' own texts (fds, exec): headings, notes, table titles, column names and
// the cells drawn for a reader. Metric values and names are not here: they stay the same in
// both languages (lesson rules compare them).
extension Messages {
  static let demosDescriptors: [Message] = [
    // fds part=table
    Message(
      "demo.fds.table.heading", en: "The descriptor table through fork, dup2 and execve",
      ko: "fork, dup2, execve를 거치는 디스크립터 테이블"),
    Message(
      "demo.fds.table.title", en: "/proc/{pid}/fd of the demo, then of its children",
      ko: "데모의 /proc/{pid}/fd, 그리고 자식들의 것"),
    Message("demo.fds.table.column.target", en: "the demo's", ko: "데모의 것"),
    Message("demo.fds.table.sameCell", en: "same", ko: "같음"),
    Message("demo.fds.table.column.flags", en: "close-on-exec", ko: "close-on-exec"),
    Message("demo.fds.table.column.child", en: "fork child", ko: "fork 자식"),
    Message("demo.fds.table.column.dup2", en: "after dup2", ko: "dup2 뒤"),
    Message("demo.fds.table.column.exec", en: "after execve", ko: "execve 뒤"),
    Message("demo.fds.table.closed", en: "closed", ko: "닫힘"),
    Message(
      "demo.fds.table.footer",
      en:
        "Read live from /proc/<pid>/fd and fdinfo; \"same\": the child's fd points where the demo's does. The last column is what the exec'd program listed for itself; its fd 1 is the pipe it sent the list on.",
      ko:
        "/proc/<pid>/fd와 fdinfo에서 실시간으로 읽었습니다. \"같음\"은 자식의 fd가 데모의 것과 같은 곳을 가리킨다는 뜻입니다. 마지막 열은 exec된 프로그램이 스스로 나열한 것이며, 그 fd 1은 목록을 보낸 파이프입니다."
    ),
    Message(
      "demo.fds.table.same",
      en:
        "The fork child {pid} had the same {count} descriptors, and kcmp(KCMP_FILE) found each one the same open file description as the parent's: fork copies the table, not the files.",
      ko:
        "fork 자식 {pid}에게도 같은 디스크립터 {count}개가 있었고, kcmp(KCMP_FILE)로 보니 하나하나가 부모의 것과 같은 열린 파일 description이었습니다. fork는 파일이 아니라 테이블을 복사합니다."
    ),
    Message(
      "demo.fds.table.notSame",
      en:
        "The fork child {pid} did not have the same {count} descriptors as its parent: something changed the table in between.",
      ko: "fork 자식 {pid}의 디스크립터가 부모의 {count}개와 같지 않았습니다. 그 사이에 무언가 테이블을 바꾸었습니다."),
    Message(
      "demo.fds.table.noKcmp",
      en:
        "The fork child listed the same {count} descriptors; this kernel does not let ProcLab ask kcmp whether they are the same open file descriptions.",
      ko: "fork 자식도 같은 디스크립터 {count}개를 나열했습니다. 이 커널에서는 kcmp로 같은 열린 파일 description인지 물어볼 수 없습니다."),
    Message(
      "demo.fds.table.positionShared",
      en:
        "The parent then wrote a line through fd {fd}: its offset went to {parent}, and the child's fdinfo pos for fd {fd} went to {child} with it, though the child did nothing.",
      ko:
        "그다음 부모가 fd {fd}에 한 줄을 썼습니다. 부모의 오프셋은 이제 {parent}입니다. 아무것도 하지 않은 자식의 fd {fd} fdinfo pos도 함께 움직여 {child}입니다."
    ),
    Message(
      "demo.fds.table.positionApart",
      en:
        "The parent then wrote a line through fd {fd}: its offset went to {parent}, but the child's stayed at {child}.",
      ko: "그다음 부모가 fd {fd}에 한 줄을 썼습니다. 부모의 오프셋은 이제 {parent}입니다. 그러나 자식의 것은 {child}에 머물렀습니다."),
    Message(
      "demo.fds.table.dup2",
      en:
        "A second child called dup2({fd}, 1): its fd 1 then pointed at {target}, and what it wrote to fd 1 went into the file; the parent's fd 1 still points at {parent}.",
      ko:
        "두 번째 자식이 dup2({fd}, 1)을 부른 뒤 그 fd 1은 {target} 쪽을 가리켰고, fd 1에 쓴 내용이 파일로 들어갔습니다. 부모의 fd 1은 여전히 {parent} 쪽을 가리킵니다."
    ),
    Message(
      "demo.fds.table.exec",
      en:
        "After execve, the new program still had fd {fd} open at offset {pos} (no O_CLOEXEC), and none of the {count} descriptors marked O_CLOEXEC.",
      ko:
        "execve 뒤에도 새 프로그램에서 fd {fd} 역시 오프셋 {pos}에 열려 있었고(O_CLOEXEC 없음), O_CLOEXEC가 붙은 디스크립터 {count}개는 하나도 남지 않았습니다."
    ),

    // fds part=offset
    Message(
      "demo.fds.offset.heading", en: "Two writers, one file: {lines} lines each",
      ko: "한 파일에 두 writer: 각자 {lines}줄"),
    Message(
      "demo.fds.offset.way.shared", en: "one open() before fork",
      ko: "fork 전 open() 한 번"),
    Message(
      "demo.fds.offset.way.separate", en: "two open()s",
      ko: "open() 두 번"),
    Message(
      "demo.fds.offset.way.append", en: "two open(O_APPEND)s",
      ko: "open(O_APPEND) 두 번"),
    Message(
      "demo.fds.offset.title",
      en: "A parent and its fork child each write {lines} lines of {length} bytes into one file",
      ko: "부모와 fork 자식이 한 파일에 {length}바이트짜리 줄을 각자 {lines}줄씩 씁니다"),
    Message("demo.fds.offset.column.way", en: "how each got its descriptor", ko: "디스크립터를 얻은 방법"),
    Message("demo.fds.offset.column.written", en: "bytes written", ko: "쓴 바이트"),
    Message("demo.fds.offset.column.file", en: "bytes in file", ko: "파일의 바이트"),
    Message("demo.fds.offset.column.lost", en: "lost", ko: "잃음"),
    Message("demo.fds.offset.column.parent", en: "parent's lines", ko: "부모의 줄"),
    Message("demo.fds.offset.column.child", en: "child's lines", ko: "자식의 줄"),
    Message(
      "demo.fds.offset.shared",
      en:
        "With one open() before fork, {lost} bytes were lost: both processes move one offset, the open file description's, so each write goes after the last.",
      ko:
        "fork 전에 open()을 한 번 했을 때 잃은 바이트는 {lost}입니다. 두 프로세스가 열린 파일 description의 오프셋 하나를 함께 움직이므로 쓰기마다 앞선 쓰기 뒤에 붙습니다."
    ),
    Message(
      "demo.fds.offset.separate",
      en:
        "With two open()s, {lost} bytes were lost: each description has its own offset starting at 0, so the two writers wrote over each other and only {lines} lines are left.",
      ko:
        "open()을 두 번 했을 때는 {lost}바이트를 잃었습니다. description마다 0에서 시작하는 오프셋이 따로 있어 두 writer가 서로 덮어썼고, {lines}줄만 남았습니다."
    ),
    Message(
      "demo.fds.offset.append",
      en:
        "With two open(O_APPEND)s, {lost} bytes were lost: the kernel moves each write to the end of the file, whatever the offset.",
      ko: "open(O_APPEND)을 두 번 했을 때 잃은 바이트는 {lost}입니다. 커널이 오프셋과 상관없이 쓰기마다 파일 끝으로 옮깁니다."),

    // fds part=cloexec
    Message(
      "demo.fds.cloexec.heading", en: "O_CLOEXEC: which descriptors survive execve",
      ko: "O_CLOEXEC: execve 뒤에 살아남는 디스크립터"),
    Message(
      "demo.fds.cloexec.title", en: "Two files open in the demo, then a fork child calls execve",
      ko: "데모에 열린 파일 두 개, 그다음 fork 자식이 execve를 부릅니다"),
    Message("demo.fds.cloexec.column.file", en: "file", ko: "파일"),
    Message("demo.fds.cloexec.column.after", en: "in the exec'd program", ko: "exec된 프로그램에서"),
    Message("demo.fds.cloexec.open", en: "still open", ko: "여전히 열림"),
    Message("demo.fds.cloexec.closed", en: "closed by execve", ko: "execve가 닫음"),
    Message(
      "demo.fds.cloexec.footer",
      en: "The exec'd program is proclab worker fd-list: it lists its own /proc/self/fd.",
      ko: "exec된 프로그램은 proclab worker fd-list이며, 자기 /proc/self/fd를 나열합니다."),
    Message(
      "demo.fds.cloexec.survived", en: "Still open after execve: {files}.",
      ko: "execve 뒤에도 열려 있던 파일: {files}."),
    Message(
      "demo.fds.cloexec.why",
      en:
        "execve closes every descriptor marked close-on-exec and keeps the rest at the same numbers; that is how a program hands a shell's redirections to the next one, and how it keeps its private files from leaking into programs it runs.",
      ko:
        "execve는 close-on-exec 표시가 있는 디스크립터를 모두 닫고 나머지는 같은 번호 그대로 둡니다. 셸의 리다이렉션이 다음 프로그램에 넘어가는 것도, 프로그램이 자기 파일을 실행하는 프로그램에 흘리지 않는 것도 이 덕분입니다."
    ),

    // fds part=pipeline
    Message(
      "demo.fds.pipeline.heading", en: "ls | wc -l, wired as a shell wires it",
      ko: "셸처럼 연결한 ls | wc -l"),
    Message(
      "demo.fds.pipeline.title", en: "pipe(), fork() twice, dup2() onto 0 and 1, execve()",
      ko: "pipe(), fork() 두 번, 0과 1에 dup2(), execve()"),
    Message("demo.fds.pipeline.column.process", en: "process", ko: "프로세스"),
    Message(
      "demo.fds.pipeline.footer",
      en:
        "fd 0 and fd 1 read from /proc/<pid>/fd after each child's dup2s; the demo then closed its own copies of the pipe.",
      ko: "각 자식이 dup2를 마친 뒤 /proc/<pid>/fd에서 fd 0과 fd 1을 읽었고, 그다음 데모는 자기가 가진 파이프 끝을 닫았습니다."),
    Message(
      "demo.fds.pipeline.count",
      en: "wc -l counted {count} lines; the directory holds {expected} entries (readdir).",
      ko: "wc -l이 센 줄은 {count}개이고, 디렉터리 항목은 {expected}개입니다(readdir)."),
    Message(
      "demo.fds.pipeline.wired",
      en:
        "ls's fd 1 and wc's fd 0 were one pipe, {pipe}: neither program knows it; each just writes to 1 or reads from 0.",
      ko: "ls의 fd 1과 wc의 fd 0은 같은 파이프였습니다({pipe}). 두 프로그램은 이를 모르고 그저 1에 쓰거나 0에서 읽을 뿐입니다."),

    // fds part=eof
    Message(
      "demo.fds.eof.heading", en: "End-of-file needs every write end closed",
      ko: "파일 끝(EOF)은 모든 쓰기 끝이 닫혀야 옵니다"),
    Message(
      "demo.fds.eof.title",
      en: "A reader reads a pipe to end-of-file; the demo writes 20 lines and closes its end",
      ko: "reader가 파이프를 EOF까지 읽습니다. 데모는 20줄을 쓰고 자기 끝을 닫습니다"),
    Message("demo.fds.eof.column.case", en: "case", ko: "경우"),
    Message(
      "demo.fds.eof.column.holders", en: "write end still open in", ko: "쓰기 끝이 열려 있던 곳"),
    Message("demo.fds.eof.column.bytes", en: "bytes read", ko: "읽은 바이트"),
    Message(
      "demo.fds.eof.column.waited", en: "wait for end-of-file", ko: "EOF까지 기다린 시간"),
    Message(
      "demo.fds.eof.case.clean", en: "all write ends closed", ko: "쓰기 끝 모두 닫힘"),
    Message(
      "demo.fds.eof.case.held", en: "a copy held {hold}", ko: "복사본을 {hold} 쥠"),
    Message("demo.fds.eof.nobody", en: "nobody", ko: "없음"),
    Message("demo.fds.eof.holder", en: "fork child", ko: "fork 자식"),
    Message("demo.fds.eof.demo", en: "demo", ko: "데모"),
    Message("demo.fds.eof.reader", en: "reader", ko: "reader"),
    Message("demo.fds.eof.holderFd", en: "{who} {pid}, fd {fd}", ko: "{who} {pid}, fd {fd}"),
    Message(
      "demo.fds.eof.blocked",
      en:
        "For {hold} the reader had read everything yet got no end-of-file: it sat in read() (state {state}), because a write end was still open.",
      ko:
        "{hold} 동안 reader는 모든 데이터를 읽고도 EOF를 받지 못했습니다. 쓰기 끝이 아직 열려 있어 read()에 머물러 있었습니다(상태 {state})."
    ),
    Message(
      "demo.fds.eof.notBlocked",
      en: "The reader did not stay blocked for {hold} (state {state}): nothing held it back.",
      ko: "reader가 {hold} 동안 멈춰 있지 않았습니다(상태 {state}). 붙잡는 것이 없었습니다."),
    Message(
      "demo.fds.eof.afterRelease",
      en:
        "End-of-file came {waited} after the last data, only once the fork child closed its copy; with every end closed it came after {clean}.",
      ko:
        "EOF는 마지막 데이터에서 {waited} 뒤, fork 자식이 복사본을 닫은 다음에야 왔습니다. 모든 끝이 닫혀 있을 때는 {clean} 만에 왔습니다."),
    Message(
      "demo.fds.eof.before",
      en: "End-of-file came {waited} after the last data, before the fork child closed its copy.",
      ko: "EOF가 마지막 데이터에서 {waited} 뒤, fork 자식이 복사본을 닫기 전에 왔습니다."),

    // exec
    Message("demo.exec.found", en: "found", ko: "있음"),
    Message("demo.exec.notFound", en: "gone", ko: "없음"),
    Message(
      "demo.exec.title", en: "Process {pid} just before and just after execve(cat)",
      ko: "execve(cat) 직전과 직후의 프로세스 {pid}"),
    Message("demo.exec.column.what", en: "read from /proc", ko: "/proc에서 읽은 것"),
    Message("demo.exec.column.before", en: "before execve", ko: "execve 전"),
    Message("demo.exec.column.after", en: "after execve", ko: "execve 뒤"),
    Message("demo.exec.row.maps", en: "memory mappings", ko: "메모리 매핑 수"),
    Message("demo.exec.row.marker", en: "marker in memory", ko: "메모리의 표식"),
    Message("demo.exec.row.fds", en: "open descriptors", ko: "열린 디스크립터"),
    Message(
      "demo.exec.footer",
      en:
        "+N: other descriptors inherited from the demo. Then the demo closed cat's stdin; cat {status}.",
      ko: "+N은 데모에게서 물려받은 다른 디스크립터의 수입니다. 그다음 데모가 cat의 stdin을 닫았습니다. cat의 결과: {status}."),
    Message(
      "demo.exec.same",
      en:
        "execve kept the process: the same pid {pid}, the same parent {ppid}. It is not a new process; it is the same one running another program.",
      ko:
        "execve는 프로세스를 그대로 두었습니다. pid {pid}도 부모 {ppid}도 같습니다. 새 프로세스가 아니라 같은 프로세스가 다른 프로그램을 실행하는 것입니다."
    ),
    Message(
      "demo.exec.changed",
      en: "The pid or the parent read after execve ({pid}, {ppid}) differ from before.",
      ko: "execve 뒤에 읽은 pid나 부모({pid}, {ppid})가 전과 다릅니다."),
    Message(
      "demo.exec.replaced",
      en:
        "The program was replaced: comm went from {before} to {after}, and the {maps} memory mappings of the old image became {mapsAfter} of the new one.",
      ko:
        "프로그램은 바뀌었습니다. comm은 {before} → {after}, 메모리 매핑은 옛 이미지의 {maps}개에서 새 이미지의 {mapsAfter}개로 바뀌었습니다."
    ),
    Message(
      "demo.exec.markerGone",
      en:
        "Before execve, the child's memory held \"{marker}\" at {address}, copied from the demo by fork; after it, that memory was gone.",
      ko:
        "execve 전에는 자식의 메모리 {address}에 fork로 복사된 표식 문자열이 있었지만(\"{marker}\"), execve 뒤에는 그 메모리가 사라졌습니다."
    ),
    Message(
      "demo.exec.markerStayed",
      en: "The marker \"{marker}\" was still at {address} after execve.",
      ko: "execve 뒤에도 {address}에 표식 문자열이 남아 있었습니다(\"{marker}\")."),
    Message(
      "demo.exec.closedGone",
      en:
        "kept.txt (no O_CLOEXEC) stayed open in cat at the same number; closed.txt (O_CLOEXEC) was closed by execve.",
      ko: "kept.txt(O_CLOEXEC 없음)는 cat에서도 같은 번호로 열려 있었고, closed.txt(O_CLOEXEC)는 execve가 닫았습니다."),
    Message(
      "demo.exec.bothKept",
      en: "kept.txt and closed.txt both stayed open in cat: neither was marked O_CLOEXEC.",
      ko: "kept.txt와 closed.txt 모두 cat에서 열려 있었습니다. 둘 다 O_CLOEXEC 표시가 없었습니다."),
  ]
}
