import DemoContract
import Glibc
import OSKit
import ProcLabTestSupport
import Testing

/// `proclab trace` on C programs that move a known number of bytes through pipes and sockets:
/// the bytes and the connections as declared metrics (`pipe_bytes_written`, `sockets_peered`,
/// …) that exercise checks and lesson rules read, and TCP and UDP sockets over loopback matched
/// to their peers (docs/trace.md, "Pipes, sockets and POSIX IPC").
@Suite("proclab trace: bytes and peers as metrics, TCP and UDP peers", .serialized)
struct TraceBytesTests {
  /// The fixture program, compiled once per test process; nil when there is no C compiler.
  static let program: String? = {
    guard access("/usr/bin/cc", X_OK) == 0 else { return nil }
    let source = TestBinary.sourceRoot + "/Tests/EndToEndTests/TraceFixtures/bytes.c"
    let out = "/tmp/proclab-traced-bytes-\(getpid())"
    let r = try? CapturedRun.run(["/usr/bin/cc", "-O1", "-pthread", "-o", out, source])
    return r?.status == .exited(0) ? out : nil
  }()

  func trace(_ mode: String, environment: [String] = []) throws -> TraceTests.Traced {
    let program = try #require(Self.program, "no C compiler (cc) on this machine")
    let t = try TraceTests().trace([program, mode], environment: environment)
    #expect(t.run.status == .exited(0), "\(t.run.stderrText)")
    return t
  }

  /// The rows of the pipes-and-sockets table, each as column name → cell.
  func channels(_ t: TraceTests.Traced) -> [[String: String]] {
    guard let table = t.report?.tables.first(where: { $0.title == "pipes and sockets" }) else {
      return []
    }
    let names = table.columns.map(\.name)
    return table.rows.map { Dictionary(uniqueKeysWithValues: zip(names, $0)) }
  }

  @Test("1000 bytes through a pipe and 300 over a socket pair: the metrics add them up")
  func pipeAndPair() throws {
    let t = try trace("pipe-and-pair")
    let rows = channels(t)
    #expect(t.number("pipe_bytes_written") == 1000, "\(rows)")
    #expect(t.number("pipe_bytes_read") == 1000, "\(rows)")
    #expect(t.number("pipe_bytes_unread") == 0, "\(rows)")
    #expect(t.number("socket_bytes_written") == 300, "\(rows)")
    #expect(t.number("socket_bytes_read") == 300, "\(rows)")
    #expect(t.number("sockets_peered") == 1, "the socket pair: \(rows)")
  }

  @Test("500 bytes written into a pipe, 200 read: 300 left unread")
  func pipeUnread() throws {
    let t = try trace("pipe-unread")
    let rows = channels(t)
    #expect(t.number("pipe_bytes_written") == 500, "\(rows)")
    #expect(t.number("pipe_bytes_read") == 200, "\(rows)")
    #expect(t.number("pipe_bytes_unread") == 300, "\(rows)")
    #expect(t.number("socket_bytes_written") == 0)
    #expect(t.number("sockets_peered") == 0)
  }

  @Test("TCP over 127.0.0.1: the child's socket talks to the parent's accepted one and back")
  func tcpPeers() throws {
    let t = try trace("tcp")
    let parent = try #require(t.processRows.first?[0])
    let child = try #require(t.processRows.last?[0])
    let rows = channels(t)
    let listener = try #require(rows.first { $0["kind"] == "socket" && $0["talks to"] == "—" })
    #expect(listener["made by"]?.hasPrefix("\(parent) at ") == true, "\(rows)")
    let client = try #require(
      rows.first { $0["kind"] == "socket" && $0["made by"]?.hasPrefix("\(child) ") == true },
      "\(rows)")
    #expect(client["talks to"] == parent, "\(rows)")
    let accepted = try #require(rows.first { $0["kind"] == "accepted" }, "\(rows)")
    #expect(accepted["talks to"] == child, "\(rows)")
    #expect(t.number("sockets_peered") == 1, "\(rows)")
    #expect(t.number("socket_bytes_written") == 8, "ping and pong: \(rows)")
    #expect(t.number("socket_bytes_read") == 8, "\(rows)")
  }

  @Test("UDP over 127.0.0.1: two sockets connected to each other are peers")
  func udpPeers() throws {
    let t = try trace("udp")
    let rows = channels(t).filter { $0["kind"] == "socket" }
    #expect(rows.count == 2, "\(rows)")
    #expect(rows.allSatisfy { ($0["talks to"] ?? "—") != "—" }, "\(rows)")
    #expect(t.number("sockets_peered") == 1, "\(rows)")
    #expect(t.number("socket_bytes_written") == 5, "\(rows)")
    #expect(t.number("socket_bytes_read") == 5, "\(rows)")
  }

  @Test("a Unix socket's connect and accept are one connection in sockets_peered")
  func unixPeered() throws {
    let program = try #require(TraceIPCTests.program, "no C compiler (cc) on this machine")
    let name = TraceIPCTests.objectName("bytes")
    let t = try TraceTests().trace([program, "unix-connect", name])
    #expect(t.run.status == .exited(0), "\(t.run.stderrText)")
    #expect(t.number("sockets_peered") == 1, "\(channels(t))")
    #expect(t.number("socket_bytes_written") == 4)
    #expect(t.number("socket_bytes_read") == 4)
  }

  @Test(
    "reads and writes stop a process only once it holds a pipe; a thread started before and a child forked after are counted"
  )
  func trapsFromTheFirstPipe() throws {
    let t = try trace("writes-then-pipe")
    let parent = try #require(t.processRows.first?[0])
    let child = try #require(t.processRows.last?[0])
    let row = try #require(channels(t).first)
    #expect(
      TraceIPCTests.bytes(row["bytes written"] ?? "") == [parent: "9", child: "7"], "\(row)")
    #expect(t.number("pipe_bytes_written") == 16, "\(row)")
    #expect(t.number("pipe_bytes_read") == 16, "\(row)")
    // The 300 writes to /dev/null after the pipe stop the program; the 300 before do not.
    let stops = try #require(t.number("syscall_stops"))
    #expect(stops >= 300 && stops < 600, "\(stops) stops")
    let fromStart = try trace(
      "writes-then-pipe", environment: ["PROCLAB_TRACE_BYTES_FROM_START=1"])
    #expect(fromStart.number("pipe_bytes_written") == 16)
    #expect(fromStart.number("pipe_bytes_read") == 16)
    #expect((fromStart.number("syscall_stops") ?? 0) >= 600)
  }

  @Test("without the seccomp filter the bytes and connections are not measured: null, not 0")
  func pollingLeavesThemNull() throws {
    let t = try trace("pipe-and-pair", environment: ["PROCLAB_TRACE_POLL=1"])
    #expect(t.text("method") == "polling")
    for path in [
      "pipe_bytes_written", "pipe_bytes_read", "pipe_bytes_unread", "socket_bytes_written",
      "socket_bytes_read", "sockets_peered",
    ] {
      #expect(t.metric(path) == .null, "\(path): \(String(describing: t.metric(path)))")
    }
  }
}
