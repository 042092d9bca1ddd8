/// A pipe or a socket the traced command made, and which of its processes held its ends.
public struct TracedChannel: Sendable, Equatable {
  public enum Kind: String, Sendable, Equatable {
    case pipe
    /// A connected pair from socketpair(): both ends in one record.
    case socketPair = "socketpair"
    /// One socket from socket().
    case socket
    /// A connection's socket that accept() returned (its peer is the socket that connected).
    case accepted
  }

  public var kind: Kind
  /// The inode of /proc/<pid>/fd/N ("pipe:[INODE]", "socket:[INODE]"); for a socket pair its
  /// first end's.
  public var inode: UInt64
  /// The second end's inode of a socket pair; for a connected Unix socket (from socket() or
  /// accept()), the inode of the socket at the other end of the connection (sock_diag).
  public var peerInode: UInt64?
  /// The process that made it (nil when it was only seen in a scan: the fd-scan fallback).
  public var creator: Int32?
  public var created: Double?
  /// Processes seen holding its read end (for a socket, either end).
  public var readers: Set<Int32> = []
  /// Processes seen holding its write end (pipes only).
  public var writers: Set<Int32> = []
  /// Processes seen blocked in read() on it.
  public var waitingReaders: Set<Int32> = []
  /// Bytes each process wrote to it (write, writev, send*): the calls' return values, at their
  /// exit (with the seccomp filter only).
  public var bytesWritten: [Int32: Int] = [:]
  /// Bytes each process read from it (read, readv, recv*), likewise.
  public var bytesRead: [Int32: Int] = [:]
  /// Write ends, as "pid fd", found open while a reader waited on it and held by a process that
  /// was not going to write: the reader itself, or one waiting too (docs/trace.md).
  public var endsLeftOpen: Set<PipeEnd> = []

  public init(kind: Kind, inode: UInt64, creator: Int32?, created: Double?) {
    self.kind = kind
    self.inode = inode
    self.creator = creator
    self.created = created
  }
}

/// One open end of a pipe: a process and its descriptor.
public struct PipeEnd: Sendable, Hashable, Comparable {
  public var pid: Int32
  public var fd: Int32

  public init(pid: Int32, fd: Int32) {
    self.pid = pid
    self.fd = fd
  }

  public static func < (a: PipeEnd, b: PipeEnd) -> Bool { (a.pid, a.fd) < (b.pid, b.fd) }
}

/// A POSIX shared memory object, named semaphore or message queue the traced command touched.
public struct TracedIPCObject: Sendable, Equatable {
  public enum Kind: String, Sendable, Equatable {
    /// shm_open: a file /dev/shm/NAME.
    case shm
    /// sem_open: a file /dev/shm/sem.NAME.
    case sem
    /// mq_open: a queue named /NAME (in /dev/mqueue where it is mounted).
    case mq
  }

  public var kind: Kind
  /// /dev/shm/… for shm and sem; /NAME for a queue.
  public var name: String
  /// The process that created it, or nil when it existed before (opened or unlinked only).
  public var creator: Int32?
  public var created: Double?
  /// The file's inode when it was created (shm, sem): the sweep removes only that file.
  public var inode: UInt64?
  /// Processes that opened it (the creator included).
  public var openedBy: Set<Int32> = []
  /// Who unlinked it, and when.
  public var unlinkedBy: Int32?
  public var unlinked: Double?
  /// Still there when the last process had ended.
  public var leftAtEnd = false
  /// ProcLab removed it after the run (only an object the run created and left, of this user).
  public var removedByProcLab = false
  /// Why ProcLab could not remove it, when it could not.
  public var removalFailure: String?

  public init(kind: Kind, name: String, creator: Int32?, created: Double?) {
    self.kind = kind
    self.name = name
    self.creator = creator
    self.created = created
  }

  /// The name a student wrote: NAME for shm_open's /dev/shm/NAME and sem_open's
  /// /dev/shm/sem.NAME, /NAME for a queue.
  public var shortName: String {
    switch kind {
    case .shm: "/" + name.dropFirst("/dev/shm/".count)
    case .sem: "/" + name.dropFirst("/dev/shm/sem.".count)
    case .mq: name
    }
  }
}

/// How pipes, sockets and IPC objects were observed.
public enum IPCMethod: String, Sendable, Equatable {
  /// A seccomp filter stops the tracee at the few calls that make, open or remove them.
  case seccomp
  /// /proc/<pid>/fd and maps read at forks, execs, exits and every 50 ms (no seccomp).
  case procScan = "proc-scan"
}

/// What a traced run did with pipes, sockets and POSIX IPC.
public struct IPCRecord: Sendable, Equatable {
  public var method: IPCMethod = .procScan
  /// Why the seccomp filter is not in use, when `method` is procScan.
  public var seccompUnavailable: String?
  public var channels: [TracedChannel] = []
  public var objects: [TracedIPCObject] = []
  /// Whether blocked readers could be seen (/proc/<tid>/syscall was readable).
  public var waitsVisible = true
  /// Processes that held a pipe or socket but whose reads and writes could not be trapped
  /// (ct_arm_byte_traps failed): the byte counts are then not measured.
  public var bytesUncounted: Set<Int32> = []
  /// The stops at the calls the seccomp filter traps and at the exits of those awaited.
  public var syscallStops = 0

  public init() {}

  public var pipes: [TracedChannel] { channels.filter { $0.kind == .pipe } }
  /// The sockets the program made: each socketpair() one, each socket() one (an accepted
  /// connection is the listener's, not one more).
  public var sockets: [TracedChannel] {
    channels.filter { $0.kind == .socketPair || $0.kind == .socket }
  }

  /// The processes holding the other end of a connected socket (nil: not connected, or to a
  /// socket the program did not make).
  public func peers(of channel: TracedChannel) -> Set<Int32>? {
    guard channel.kind == .socket || channel.kind == .accepted, let peer = channel.peerInode,
      let other = channels.first(where: { $0.inode == peer && $0.kind != .pipe })
    else { return nil }
    return other.readers
  }

  /// Connections whose two ends the program made: each socket pair, and each pair of sockets
  /// (from socket() or accept()) that are each other's peers, counted once.
  public var connections: Int {
    var pairs: Set<[UInt64]> = []
    for c in channels where c.kind == .socket || c.kind == .accepted {
      guard let peer = c.peerInode,
        channels.contains(where: { $0.inode == peer && $0.kind != .pipe && $0.kind != .socketPair })
      else { continue }
      pairs.insert([c.inode, peer].sorted())
    }
    return channels.filter { $0.kind == .socketPair }.count + pairs.count
  }

  public func created(_ kind: TracedIPCObject.Kind) -> [TracedIPCObject] {
    objects.filter { $0.kind == kind && $0.creator != nil }
  }

  public func left(_ kind: TracedIPCObject.Kind) -> [TracedIPCObject] {
    objects.filter { $0.kind == kind && $0.leftAtEnd }
  }
}
