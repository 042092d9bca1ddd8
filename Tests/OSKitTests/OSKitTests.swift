import CProcLab
import Glibc
import OSKit
import Testing

@Suite("OSKit")
struct OSKitTests {
  @Test("stat lines parse, even with spaces and parentheses in the command")
  func procStatParsing() throws {
    let s = try #require(ProcStat.parse("123 (my (odd) cmd) Z 45 67 89 0 -1 4194560 0 0\n"))
    #expect(s.pid == 123)
    #expect(s.command == "my (odd) cmd")
    #expect(s.state == "Z")
    #expect(s.ppid == 45)
    #expect(s.pgid == 67)
    #expect(s.sid == 89)
    #expect(s.stateName == "zombie")
    #expect(s.lastCPU == nil, "a line without field 39 has no last CPU")
    // A whole line (from cat on a 2-CPU machine) with field 39, the processor, set to 1.
    let full = try #require(
      ProcStat.parse(
        "11281 (a) b) R 11278 11278 9263 0 -1 4194304 100 0 0 0 0 0 0 0 20 0 1 0 857986 3133440 "
          + "405 18446744073709551615 94664553873408 94664553893289 140734883616560 0 0 0 0 0 0 0 0 "
          + "0 17 1 0 0 0 0 0 94664553909296 94664553910912 94665020653568 140734883625472 "
          + "140734883625492 140734883625492 140734883626987 0\n"))
    #expect(full.command == "a) b")
    #expect(full.lastCPU == 1)
    #expect(ProcStat.parse("garbage") == nil)
    #expect(ProcStat.parse("") == nil)
  }

  @Test("status lines parse into words; sizes in KiB; our own status has our uid")
  func procStatusParsing() throws {
    let s = ProcStatus.parse(
      "Name:\tcat\nUid:\t1000\t1001\t1000\t1000\nVmRSS:\t   13108 kB\nVmPTE:\t      96 kB\n"
        + "Cpus_allowed_list:\t0-1\nno colon here\n")
    #expect(s.values("Name") == ["cat"])
    #expect(s.values("Uid") == ["1000", "1001", "1000", "1000"])
    #expect(s.kibibytes("VmRSS") == 13108)
    #expect(s.kibibytes("VmPTE") == 96)
    #expect(s.values("Cpus_allowed_list") == ["0-1"])
    #expect(s.values("Missing").isEmpty)
    #expect(s.kibibytes("Name") == nil)
    let own = try #require(ProcStatus.read())
    #expect(own.values("Uid").first == String(getuid()))
    #expect((own.kibibytes("VmRSS") ?? 0) > 0)
    #expect(ProcStatus.read(getpid()) != nil)
  }

  @Test("a directory's entries, without . and ..; nil and errno for a missing one")
  func directoryEntries() throws {
    let names = try #require(FileIO.entries(in: "/proc/self"))
    #expect(names.contains("status") && names.contains("maps"))
    #expect(!names.contains(".") && !names.contains(".."))
    errno = 0
    #expect(FileIO.entries(in: "/no/such/directory") == nil)
    #expect(errno == ENOENT)
  }

  @Test("our own stat matches getpid and getppid")
  func ownStat() throws {
    let s = try #require(ProcStat.read(getpid()))
    #expect(s.pid == getpid())
    #expect(s.ppid == getppid())
    var allowed = [Int32](repeating: 0, count: 1024)
    let count = Int(pl_get_affinity(0, &allowed, Int32(allowed.count)))
    let cpu = try #require(s.lastCPU)
    #expect(
      allowed.prefix(count).contains(Int32(cpu)), "CPU \(cpu) is not one this process may use")
  }

  @Test("IPC names carry the owner pid, and only ours are recognised")
  func ipcNames() {
    let name = IPCNames.make("counter")
    #expect(name.hasPrefix("/proclab-\(getpid())-"))
    #expect(name.hasSuffix("-counter"))
    #expect(IPCNames.owner(of: name) == getpid())
    #expect(IPCNames.owner(of: "proclab-77-ab12-x") == 77)
    #expect(IPCNames.owner(of: "sem.proclab-78-ab12-x") == 78)
    #expect(IPCNames.owner(of: "/other-77-x") == nil)
    #expect(IPCNames.owner(of: "proclab-x-1") == nil)
    #expect(IPCNames.make("a") != IPCNames.make("a"), "names must not collide")
  }

  @Test("a namespaced name is swept only in its namespace, or once its keeper is dead too")
  func ipcNamespaces() throws {
    let dead = try ChildProcess.spawn("/bin/true", arguments: ["true"])
    try dead.wait()
    let mine = "t\(getpid())"
    #expect(IPCNames.namespace(of: "/proclab.\(mine).77-ab-x") == mine)
    #expect(IPCNames.owner(of: "sem.proclab.\(mine).78-ab-x") == 78)
    #expect(IPCNames.namespace(of: "/proclab-77-ab-x") == nil)
    #expect(IPCNames.owner(of: "/proclab..77-ab-x") == nil)
    let plain = "proclab-\(dead.pid)-ab-x"
    let ours = "proclab.\(mine).\(dead.pid)-ab-x"
    let orphaned = "proclab.t\(dead.pid).\(dead.pid)-ab-x"
    let live = "proclab.\(mine).\(getpid())-ab-x"
    #expect(IPCNames.isLeftover(plain, sweepingIn: nil))
    #expect(!IPCNames.isLeftover(plain, sweepingIn: mine))
    #expect(!IPCNames.isLeftover(ours, sweepingIn: nil), "another ProcLab swept a test's object")
    #expect(!IPCNames.isLeftover(ours, sweepingIn: "t1other"))
    #expect(IPCNames.isLeftover(ours, sweepingIn: mine))
    #expect(IPCNames.isLeftover(orphaned, sweepingIn: nil), "its keeper is dead: anyone may")
    #expect(!IPCNames.isLeftover(live, sweepingIn: mine), "its owner is alive")
  }

  @Test("exit statuses decode as the shell would say them")
  func exitStatus() {
    #expect(ExitStatus(waitStatus: 3 << 8) == .exited(3))
    #expect(ExitStatus(waitStatus: SIGTERM) == .signaled(SIGTERM))
    #expect(ExitStatus.signaled(SIGKILL).description == "killed by SIGKILL")
    #expect(ExitStatus.exited(0).isSuccess)
  }

  @Test("shared memory: created 0600, seen by name, gone after unlink; over 64 MiB refused")
  func sharedMemory() throws {
    let shm = try SharedMemory.create("test", size: 4096)
    let path = "/dev/shm" + shm.name
    var st = stat()
    #expect(stat(path, &st) == 0)
    #expect(st.st_mode & 0o777 == 0o600)
    let other = try SharedMemory.attach(shm.name, size: 4096)
    shm.pointer(at: 0, as: Int64.self).pointee = 99
    #expect(other.pointer(at: 0, as: Int64.self).pointee == 99)
    shm.unlink()
    #expect(stat(path, &st) != 0, "still listed after unlink")
    #expect(other.pointer(at: 0, as: Int64.self).pointee == 99, "mapping must outlive the name")
    #expect(throws: SystemError.self) { try SharedMemory.create("big", size: 65 << 20) }
  }

  @Test("the sweep removes objects of dead owners and keeps live ones")
  func sweep() throws {
    // A dead owner: a child that has exited and been reaped.
    let child = try ChildProcess.spawn("/bin/true", arguments: ["true"])
    try child.wait()
    // In a namespace of this test's own, so no other ProcLab on the machine sweeps it first.
    let namespace = "t\(getpid())"
    let deadName = "/proclab.\(namespace).\(child.pid)-dead-test"
    let fd = shm_open(deadName, O_CREAT | O_RDWR, 0o600)
    #expect(fd >= 0)
    close(fd)
    let live = try SharedMemory.create("live", size: 64)
    defer { live.unlink() }
    let removed = IPCNames.sweep(namespace: namespace)
    #expect(removed.contains("/dev/shm" + deadName))
    #expect(!removed.contains("/dev/shm" + live.name))
    #expect(IPCNames.list("/dev/shm").contains(String(live.name.dropFirst())))
  }

  @Test("a leftover whose owner is a zombie (dead, not yet reaped) is swept")
  func sweepZombieOwner() throws {
    // A zombie owner: a child that has exited and is not reaped until the end of the test.
    let child = try ChildProcess.spawn("/bin/true", arguments: ["true"])
    var state: Character = "?"
    for _ in 0..<2000 {
      state = ProcStat.read(child.pid)?.state ?? "?"
      if state == "Z" { break }
      usleep(1000)
    }
    defer { _ = try? child.wait() }
    try #require(state == "Z", "the child never became a zombie")
    let namespace = "t\(getpid())"
    let name = "/proclab.\(namespace).\(child.pid)-zombie-test"
    let fd = shm_open(name, O_CREAT | O_RDWR, 0o600)
    try #require(fd >= 0)
    close(fd)
    defer { shm_unlink(name) }
    #expect(IPCNames.isLeftover(String(name.dropFirst()), sweepingIn: namespace))
    #expect(IPCNames.sweep(namespace: namespace).contains("/dev/shm" + name))
  }

  @Test("a child is stopped politely, then firmly, and always reaped")
  func stopEscalates() throws {
    // `sleep` ignores nothing: SIGINT ends it at once.
    let polite = try ChildProcess.spawn(
      "/bin/sleep", arguments: ["sleep", "30"], newProcessGroup: true)
    #expect(polite.stop(grace: 0.5) == .signaled(SIGINT))
    // A shell that ignores SIGINT and SIGTERM needs SIGKILL.
    let stubborn = try ChildProcess.spawn(
      "/bin/sh", arguments: ["sh", "-c", "trap '' INT TERM; while :; do sleep 0.05; done"],
      newProcessGroup: true)
    usleep(100_000)
    #expect(stubborn.stop(grace: 0.3) == .signaled(SIGKILL))
    #expect(ProcStat.read(stubborn.pid) == nil, "not reaped")
  }

  @Test("a thread runs and joins; its id differs from ours")
  func thread() throws {
    let box = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    defer { box.deallocate() }
    box.initialize(to: 0)
    let address = Int(bitPattern: box)
    let t = try Thread(starting: {
      UnsafeMutablePointer<Int32>(bitPattern: address)!.pointee = Thread.currentID
    })
    t.join()
    #expect(box.pointee != 0)
    #expect(box.pointee != Thread.currentID)
  }
}
