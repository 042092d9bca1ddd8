// The process demos' own texts (ids, zombie, orphan, fork, subprocess): notes, table titles,
// column names and the cells drawn for a reader (ids' `id` and `call` columns keep their names:
// the lessons name them in both languages). Metric values and names are not here: they
// stay the same in both languages (lesson rules compare them).
extension Messages {
  static let demosProcesses: [Message] = [
    // An exit status as a reader sees it (the metric keeps OSKit's English description).
    Message(
      "demo.status.exited", en: "exited with status {code}", ko: "종료 상태 {code}"),
    Message("demo.status.killed", en: "killed by {signal}", ko: "{signal} 시그널로 죽음"),
    Message("demo.state.R", en: "running", ko: "실행 중"),
    Message("demo.state.S", en: "sleeping", ko: "잠든 상태"),
    Message("demo.state.D", en: "waiting for I/O", ko: "입출력 대기"),
    Message("demo.state.Z", en: "zombie", ko: "좀비"),
    Message("demo.state.T", en: "stopped", ko: "멈춤"),
    Message("demo.state.X", en: "dead", ko: "죽음"),
    Message("demo.state.I", en: "idle", ko: "유휴"),
    Message("demo.state.unknown", en: "state {state}", ko: "상태 {state}"),

    // The footer under a table with a CPython row: which lesson program ran, and how.
    Message(
      "demo.python.footer",
      en: "{label}: lessons/python/{file} run live with python3 -I (CPython {version}).",
      ko: "{label}: lessons/python/{file} 파일을 python3 -I로 실시간 실행했습니다(CPython {version})."),
    Message(
      "demo.python.footerHow",
      en: "{label}: lessons/python/{file} run live with python3 -I (CPython {version}); {how}.",
      ko: "{label}: lessons/python/{file} 파일을 python3 -I로 실시간 실행했습니다(CPython {version}). {how}."),

    // The CPython rows beside the process demos' own (ProcessPython).
    Message(
      "demo.python.zombie.afterExit", en: "{python}: after the child's os._exit(3)",
      ko: "{python}: 자식의 os._exit(3) 뒤"),
    Message(
      "demo.python.zombie.afterWait", en: "{python}: after os.waitpid({pid})",
      ko: "{python}: os.waitpid({pid}) 뒤"),
    Message("demo.python.zombie.notZombie", en: "not a zombie", ko: "좀비가 아님"),
    Message(
      "demo.python.zombie.reaped", en: "gone: reaped, exit status {code}",
      ko: "거두어짐, 종료 상태 {code}"),
    Message("demo.python.zombie.stillThere", en: "still there", ko: "아직 있음"),
    Message(
      "demo.python.fork.title", en: "fork() {count}×, then wait for each: {swift} and {python}",
      ko: "fork() {count}번, 그다음 하나씩 wait: {swift}와 {python}"),
    Message("demo.python.fork.column.runtime", en: "runtime", ko: "런타임"),
    Message("demo.python.fork.column.children", en: "children", ko: "자식 수"),
    Message("demo.python.fork.column.statuses", en: "exit statuses", ko: "종료 상태"),
    Message("demo.python.fork.sameParent", en: "= parent", ko: "= 부모"),
    Message("demo.python.fork.differ", en: "DIFFER", ko: "다름"),
    Message("demo.python.fork.execStatus", en: "status {code}", ko: "상태 {code}"),
    Message(
      "demo.python.spawn.terminateAfterJoin",
      en: "{python}: terminate() after join(), as the tutorial does",
      ko: "{python}: 튜토리얼처럼 join() 뒤에 terminate()"),
    Message(
      "demo.python.spawn.endedAlready", en: "{exitcode} (it had ended already)",
      ko: "{exitcode} (이미 끝나 있었음)"),
    Message(
      "demo.python.spawn.terminateRunning", en: "{python}: a running Process: terminate(); join()",
      ko: "{python}: 실행 중인 Process에 terminate(); join()"),
    Message(
      "demo.python.spawn.minusSignal", en: "{exitcode} (minus SIGTERM's number)",
      ko: "{exitcode} (SIGTERM 번호에 마이너스)"),
    Message(
      "demo.python.spawn.how",
      en: "multiprocessing.Process; exitcode -N means killed by signal N",
      ko: "multiprocessing.Process; exitcode -N은 시그널 N으로 죽었다는 뜻입니다"),
    Message(
      "demo.python.fork.how",
      en:
        "os.fork(), os._exit(i) in child i, os.waitpid(); exec: os.fork() + os.execv(python3 … sys.exit(7)); ProcLab's exec is timed by run spawn",
      ko:
        "os.fork(), 자식 i에서 os._exit(i), os.waitpid(); exec: os.fork() + os.execv(python3 … sys.exit(7)); ProcLab의 exec 시간은 run spawn으로 잽니다"
    ),

    // ids
    Message("demo.ids.parent", en: "parent", ko: "부모"),
    Message("demo.ids.parentNamed", en: "parent ({command})", ko: "부모 ({command})"),
    Message("demo.ids.column.child", en: "demo (child)", ko: "데모 (자식)"),
    Message("demo.ids.column.python", en: "{python} (its child)", ko: "{python} (데모의 자식)"),
    Message(
      "demo.ids.pythonFooter",
      en:
        "os.getpid(), os.getppid(), os.getpgid(0), os.getsid(0), os.getuid(), os.geteuid(), os.getgid(), os.getcwd(); it runs in a process group of its own",
      ko:
        "os.getpid(), os.getppid(), os.getpgid(0), os.getsid(0), os.getuid(), os.geteuid(), os.getgid(), os.getcwd(); 자기만의 프로세스 그룹에서 실행됩니다"
    ),
    Message(
      "demo.ids.twoProcesses",
      en: "Two real processes: the one you typed into, and the child it started to run this demo.",
      ko: "실제 프로세스 두 개입니다. 여러분이 입력한 프로세스와, 이 데모를 실행하려고 그것이 시작한 자식 프로세스입니다."),
    Message("demo.ids.title", en: "Process identities, read live", ko: "프로세스 식별자, 실시간으로 읽은 값"),
    Message(
      "demo.ids.ppidIsParent",
      en:
        "The child's ppid ({ppid}) is the parent's pid ({pid}): every process records who started it.",
      ko: "자식의 ppid({ppid})는 부모의 pid({pid})와 같습니다. 모든 프로세스는 자기를 시작한 프로세스를 기록해 둡니다."),
    Message(
      "demo.ids.ownGroup",
      en:
        "The child leads its own process group (pgid {pgid} = its pid), so the terminal sends Ctrl-C to ProcLab alone, and ProcLab forwards it to this group.",
      ko:
        "자식은 자기 프로세스 그룹의 리더입니다(pgid {pgid} = 자신의 pid). 그래서 터미널은 Ctrl-C를 ProcLab에만 보내고, ProcLab이 그것을 이 그룹에 전달합니다."
    ),
    Message(
      "demo.ids.inherited",
      en: "uid, gid and cwd are the same: a child inherits them from its parent.",
      ko: "uid, gid, cwd가 같습니다. 자식은 이것들을 부모에게서 물려받습니다."),
    Message(
      "demo.ids.pythonChild",
      en:
        "The CPython child's ppid ({ppid}) is the demo's pid: python3 is one more process, started by the demo, with a pid of its own.",
      ko:
        "CPython 자식의 ppid({ppid})는 데모의 pid입니다. python3도 데모가 시작한 또 하나의 프로세스이고, 자기만의 pid를 가집니다."
    ),
    Message(
      "demo.ids.pythonOther", en: "The CPython child's ppid is {ppid}, not the demo's pid ({pid}).",
      ko: "CPython 자식의 ppid는 {ppid}로, 데모의 pid({pid})가 아닙니다."),
    Message(
      "demo.ids.root", en: "uid 0 is root: this machine runs ProcLab as the superuser.",
      ko: "uid 0은 root입니다. 이 머신은 ProcLab을 슈퍼유저(superuser)로 실행하고 있습니다."),

    // zombie
    Message("demo.zombie.afterExit", en: "after the child's _exit(7)", ko: "자식의 _exit(7) 뒤"),
    Message("demo.zombie.afterWait", en: "after waitpid({pid})", ko: "waitpid({pid}) 뒤"),
    Message("demo.zombie.gone", en: "gone", ko: "사라짐"),
    Message("demo.zombie.reaped", en: "gone: reaped", ko: "사라짐: 거두어짐"),
    Message(
      "demo.zombie.title", en: "A zombie, read live from /proc", ko: "좀비 프로세스, /proc에서 실시간으로 읽은 값"),
    Message("demo.zombie.column.moment", en: "moment", ko: "시점"),
    Message("demo.zombie.column.readFrom", en: "read from", ko: "읽은 곳"),
    Message("demo.zombie.column.state", en: "state", ko: "상태"),
    Message("demo.zombie.column.meaning", en: "meaning", ko: "뜻"),
    Message(
      "demo.zombie.stayed",
      en:
        "Child {pid} had finished, yet stayed in the process table as a zombie (Z): the kernel keeps its exit status until the parent asks for it.",
      ko:
        "{pid}번 자식은 이미 끝났지만 좀비(Z)로 프로세스 테이블에 남아 있었습니다. 부모가 요청할 때까지 커널이 종료 상태를 보관하기 때문입니다."
    ),
    Message(
      "demo.zombie.collected",
      en: "waitpid collected it ({status}); only then did its entry disappear.",
      ko: "waitpid가 그것을 거두었고({status}), 그제서야 항목이 사라졌습니다."),

    // orphan
    Message(
      "demo.orphan.bySubreaper",
      en: "this demo process ({pid}), which declared itself a child subreaper",
      ko: "자신을 자식 서브리퍼(child subreaper)로 선언한 이 데모 프로세스({pid})"),
    Message(
      "demo.orphan.byInit", en: "pid 1 ({command}), the init process of this pid namespace",
      ko: "이 pid 네임스페이스의 init 프로세스인 pid 1({command})"),
    Message(
      "demo.orphan.byAncestor",
      en: "{process}, the nearest ancestor marked as a child subreaper",
      ko: "자식 서브리퍼로 표시된 가장 가까운 조상 {process}"),
    Message("demo.orphan.title", en: "An orphan, re-parented", ko: "고아 프로세스, 새 부모를 얻다"),
    Message("demo.orphan.column.process", en: "process", ko: "프로세스"),
    Message("demo.orphan.column.parent", en: "its parent", ko: "부모"),
    Message("demo.orphan.childBefore", en: "the child, before", ko: "자식 (전)"),
    Message("demo.orphan.parentExits", en: "its parent, which exits", ko: "종료하는 부모"),
    Message("demo.orphan.childAfter", en: "the child, after", ko: "자식 (후)"),
    Message(
      "demo.orphan.parentExited",
      en: "The parent ({parent}) exited while its child ({child}) still ran.",
      ko: "자식({child})이 아직 실행 중일 때 부모({parent})가 종료했습니다."),
    Message(
      "demo.orphan.newParent", en: "The kernel gave the child a new parent: {who}.",
      ko: "커널이 자식에게 새 부모를 정해 주었습니다: {who}."),
    Message(
      "demo.orphan.notAlwaysInit",
      en:
        "It is not always pid 1: Linux hands orphans to the nearest ancestor that called prctl(PR_SET_CHILD_SUBREAPER) — systemd, tmux, container runtimes and ProcLab itself do.",
      ko:
        "늘 pid 1인 것은 아닙니다. 리눅스는 prctl(PR_SET_CHILD_SUBREAPER)을 호출한 가장 가까운 조상에게 고아를 맡깁니다. systemd, tmux, 컨테이너 런타임, 그리고 ProcLab 자신이 그렇게 합니다."
    ),

    // fork
    Message("demo.fork.startedDemo", en: "(started this demo)", ko: "(이 데모를 시작함)"),
    Message("demo.fork.demo", en: "demo", ko: "데모"),
    Message("demo.fork.calledFork", en: "(called fork() {count}×)", ko: "(fork()를 {count}번 호출함)"),
    Message("demo.fork.child", en: "child", ko: "자식"),
    Message(
      "demo.fork.returnedTwice",
      en:
        "Each fork() returned twice: the child's pid in the parent, 0 in the child. Every child's ppid is {pid}, the process that forked it.",
      ko:
        "fork()는 매번 두 번 반환했습니다. 부모에서는 자식의 pid를, 자식에서는 0을 돌려줍니다. 모든 자식의 ppid는 자기를 fork한 프로세스인 {pid}입니다."
    ),
    Message(
      "demo.fork.inherited",
      en:
        "The children wrote to a pipe the parent had opened before forking: open descriptors, cwd, uid, environment and memory contents are inherited; the pid is not.",
      ko:
        "자식들은 부모가 fork하기 전에 열어 둔 파이프에 썼습니다. 열린 디스크립터, cwd, uid, 환경 변수, 메모리 내용은 물려받지만 pid는 물려받지 않습니다."
    ),
    Message(
      "demo.fork.noZombie",
      en:
        "wait() collected each exit status, so no zombie was left. (exec, which replaces the program in a process, is timed by: run spawn)",
      ko:
        "wait()가 종료 상태를 하나씩 모두 거두었으므로 좀비가 남지 않았습니다. (프로세스 안의 프로그램을 바꾸는 exec의 시간은 run spawn으로 잽니다)"
    ),

    // subprocess
    Message(
      "demo.subprocess.title", en: "subprocess: sort, connected by three pipes",
      ko: "subprocess: 파이프 세 개로 연결된 sort"),
    Message("demo.subprocess.column.command", en: "command", ko: "명령"),
    Message("demo.subprocess.column.exit", en: "exit", ko: "종료"),
    Message(
      "demo.subprocess.stdin", en: "stdin: {count} lines, starting {preview}",
      ko: "stdin: {count}줄, 처음은 {preview}"),
    Message(
      "demo.subprocess.stderr", en: "stderr of the second: {message}",
      ko: "두 번째 명령의 stderr: {message}"),
    Message(
      "demo.subprocess.wrote",
      en:
        "The demo wrote to sort's stdin, closed it (end of file is how sort knows the input is over), then read stdout and stderr and waited for the exit status.",
      ko:
        "데모는 sort의 stdin에 쓰고 그것을 닫았습니다(sort는 파일의 끝(end of file)을 보고 입력이 끝났음을 압니다). 그다음 stdout과 stderr를 읽고 종료 상태를 기다렸습니다."
    ),
    Message(
      "demo.subprocess.failed",
      en: "A non-zero status and text on stderr are how a program says it failed.",
      ko: "0이 아닌 종료 상태와 stderr의 글은 프로그램이 실패했다고 알리는 방법입니다."),
  ]
}
