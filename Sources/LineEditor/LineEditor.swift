import CEditLine
import CLineEdit
import CProcLab
import Glibc

/// What one read of a line ended with.
public enum LineResult: Sendable, Equatable {
  /// A whole line (without its newline).
  case line(String)
  /// Ctrl-C: `hadText` says whether a half-typed line was thrown away.
  case interrupted(hadText: Bool)
  /// Ctrl-D on an empty line, or the end of piped input.
  case endOfInput
  /// The terminal went away (SIGHUP), or we were asked to end (SIGTERM, Ctrl-\ as SIGQUIT;
  /// Ctrl-C too on piped input).
  case hangUp
}

/// What Tab completes: candidates for the word that ends at the cursor.
public struct Completion: Sendable, Equatable {
  /// The partial word being completed (the text after the last space).
  public var word: String
  /// Full words that could replace it.
  public var candidates: [String]

  public init(word: String, candidates: [String]) {
    self.word = word
    self.candidates = candidates
  }
}

/// Reads lines from the student: libedit on a terminal, plain lines otherwise.
public protocol LineReader: AnyObject {
  var prompt: String { get set }
  func readLine() -> LineResult
  func addHistory(_ line: String)
  func close()
}

/// Makes the right reader for standard input.
public func makeLineReader(
  historyPath: String?, signalFD: Int32, completer: @escaping @Sendable (String) -> Completion
) -> any LineReader {
  if isatty(0) == 1, let editor = LineEditor(historyPath: historyPath, signalFD: signalFD) {
    editor.completer = completer
    return editor
  }
  return PlainLineReader(signalFD: signalFD)
}

/// A libedit line editor: Emacs keys, ~/.editrc, persistent history without repeats, Ctrl-R,
/// Tab completion, and clean handling of Ctrl-C, Ctrl-D and window resizes.
public final class LineEditor: LineReader {
  public var prompt: String = "proclab › " {
    didSet { setPromptBuffer() }
  }
  public var completer: (@Sendable (String) -> Completion)?
  /// Printed when Tab lists candidates; the app sets it to the terminal width.
  public var listWidth: () -> Int = { 80 }
  /// Ctrl-Z at the prompt: called with the terminal back as it was found; it stops the process
  /// and returns once the process is continued (the app also says so when it cannot stop).
  public var stopProcess: () -> Void = { _ = pl_stop_self() }

  private let editLine: OpaquePointer
  private let history: OpaquePointer
  /// Where history is kept (nil: no persistence); its `notices` say what went wrong loading.
  public let historyFile: HistoryFile?
  private var promptBuffer: UnsafeMutablePointer<CChar>?
  private var lastTabLine: String?
  private var savedTermios = termios()
  private var haveTermios = false

  /// - Parameters:
  ///   - historyPath: where history is loaded from and saved to (nil: no persistence).
  ///   - signalFD: the read end of the signal self-pipe; the reader wakes on it.
  public init?(
    historyPath: String?, signalFD: Int32, historySize: Int32 = Int32(HistoryFile.maximumEntries)
  ) {
    haveTermios = tcgetattr(0, &savedTermios) == 0
    guard let el = pl_el_init(CommandLine.arguments.first ?? "proclab"),
      let h = history_init()
    else { return nil }
    editLine = el
    history = h
    historyFile = historyPath.map(HistoryFile.init(path:))
    pl_history_set_size(h, historySize)
    pl_history_set_unique(h, 1)
    for entry in historyFile?.load() ?? [] { pl_history_enter(h, entry) }
    pl_el_set_editor(el, "emacs")
    pl_el_set_signal(el, 0)
    pl_el_set_history(el, h)
    pl_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
    setPromptBuffer()
    pl_el_set_prompt(el, lineEditorPrompt)
    // ~/.editrc (or $EDITRC) first, then the bindings ProcLab needs.
    el_source(el, nil)
    pl_el_add_function(el, "proclab-complete", "Complete a ProcLab command", lineEditorComplete)
    pl_el_bind(el, "^I", "proclab-complete")
    pl_el_bind(el, "^R", "em-inc-search-prev")
    pl_el_use_interruptible_reader(el, signalFD)
    pl_el_set_suspend_handler(lineEditorSuspend)
  }

  private func setPromptBuffer() {
    free(promptBuffer)
    promptBuffer = strdup(prompt)
  }

  fileprivate var promptPointer: UnsafeMutablePointer<CChar>? { promptBuffer }

  public func readLine() -> LineResult {
    pl_el_clear_interrupt()
    // Edit mode before the prompt appears: a Ctrl-D typed the instant the prompt shows
    // would otherwise be eaten by the terminal's line mode as end of file.
    pl_el_prep_term(editLine, 1)
    // A resize while no line was read (a demo ran): libedit learns the new size before it
    // draws the prompt. Left to the character reader, the resize would redraw the prompt it
    // has just drawn, beside it.
    if pl_take_signal_count(SIGWINCH) > 0 { el_resize(editLine) }
    var count: Int32 = 0
    let raw = el_gets(editLine, &count)
    pl_el_prep_term(editLine, 0)
    switch pl_el_last_interrupt() {
    case 1:
      return .interrupted(hadText: pl_el_interrupted_with_text())
    case 2:
      return .hangUp
    default:
      break
    }
    guard let raw, count > 0 else { return .endOfInput }
    var line = String(cString: raw)
    while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
    return .line(line)
  }

  public func addHistory(_ line: String) {
    guard !line.allSatisfy({ $0 == " " }) else { return }
    pl_history_enter(history, line)
    historyFile?.add(line)
  }

  /// Saves history, frees libedit and puts the terminal back exactly as it was found.
  public func close() {
    historyFile?.save()
    pl_el_set_editmode(editLine, 0)
    el_end(editLine)
    history_end(history)
    free(promptBuffer)
    promptBuffer = nil
    restoreTerminal()
  }

  /// Puts the terminal settings back as they were when the editor was made.
  public func restoreTerminal() {
    if haveTermios { tcsetattr(0, TCSADRAIN, &savedTermios) }
  }

  /// Ctrl-Z while a line is edited: the terminal goes back to how it was found while ProcLab is
  /// stopped, and into edit mode again once it is continued (the reader then redraws the line).
  fileprivate func suspend() {
    var editMode = termios()
    let inEditMode = tcgetattr(0, &editMode) == 0
    restoreTerminal()
    stopProcess()
    if inEditMode { tcsetattr(0, TCSADRAIN, &editMode) }
  }

  /// Tab: complete the word at the cursor; a second Tab lists the candidates.
  fileprivate func complete() -> UInt8 {
    guard let completer, let info = el_line(editLine) else { return UInt8(CC_ERROR) }
    let start = UnsafeRawPointer(info.pointee.buffer)!
    let cursor = UnsafeRawPointer(info.pointee.cursor)!
    let before = String(
      decoding: UnsafeRawBufferPointer(start: start, count: cursor - start), as: UTF8.self)
    let completion = completer(before)
    let word = completion.word
    let candidates = completion.candidates.filter { $0.hasPrefix(word) }
    if candidates.isEmpty { return UInt8(CC_REFRESH_BEEP) }
    if candidates.count == 1 {
      let rest = String(candidates[0].dropFirst(word.count))
      let suffix = candidates[0].hasSuffix("=") ? "" : " "
      el_insertstr(editLine, rest + suffix)
      lastTabLine = nil
      return UInt8(CC_REFRESH)
    }
    let common = commonPrefix(candidates)
    if common.count > word.count {
      el_insertstr(editLine, String(common.dropFirst(word.count)))
      lastTabLine = before + common.dropFirst(word.count)
      return UInt8(CC_REFRESH)
    }
    if lastTabLine == before {
      printColumns(candidates)
      lastTabLine = nil
      return UInt8(CC_REDISPLAY)
    }
    lastTabLine = before
    return UInt8(CC_REFRESH_BEEP)
  }

  private func printColumns(_ words: [String]) {
    let width = max(20, listWidth())
    let cell = (words.map(\.count).max() ?? 0) + 2
    let perRow = max(1, width / cell)
    var out = "\n"
    for (i, w) in words.enumerated() {
      out += w + String(repeating: " ", count: cell - w.count)
      if (i + 1) % perRow == 0 || i == words.count - 1 { out += "\n" }
    }
    let bytes = Array(out.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
      if n <= 0 { break }
      offset += n
    }
  }
}

func commonPrefix(_ words: [String]) -> String {
  guard var prefix = words.first else { return "" }
  for w in words.dropFirst() {
    while !w.hasPrefix(prefix) { prefix.removeLast() }
  }
  return prefix
}

private func editor(_ el: OpaquePointer?) -> LineEditor? {
  guard let el, let data = pl_el_get_clientdata(el) else { return nil }
  return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
}

private func lineEditorPrompt(_ el: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
  editor(el)?.promptPointer
}

private func lineEditorSuspend(_ el: OpaquePointer?) {
  editor(el)?.suspend()
}

private func lineEditorComplete(_ el: OpaquePointer?, _ key: Int32) -> UInt8 {
  editor(el)?.complete() ?? UInt8(CC_ERROR)
}

/// Reads plain lines from a pipe or file: no prompt, no escape codes, so a teacher can script
/// a session (`printf 'open processes\nnext\nquit\n' | proclab`).
public final class PlainLineReader: LineReader {
  public var prompt: String = ""
  private var buffer: [UInt8] = []
  private var ended = false
  private let signalFD: Int32

  /// - Parameter signalFD: the read end of the signal self-pipe (-1: none): waiting for a line
  ///   ends on SIGINT, SIGHUP, SIGTERM or SIGQUIT, and SIGTSTP stops the process.
  public init(signalFD: Int32 = -1) {
    self.signalFD = signalFD
  }

  public func readLine() -> LineResult {
    while true {
      if let nl = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        var line = Array(buffer[..<nl])
        buffer.removeSubrange(...nl)
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return .line(String(decoding: line, as: UTF8.self))
      }
      if ended {
        if buffer.isEmpty { return .endOfInput }
        defer { buffer = [] }
        return .line(String(decoding: buffer, as: UTF8.self))
      }
      if [SIGINT, SIGHUP, SIGTERM, SIGQUIT].contains(where: { pl_peek_signal_count($0) > 0 }) {
        return .hangUp
      }
      if pl_take_signal_count(SIGTSTP) > 0 { _ = pl_stop_self() }
      guard waitForInput() else { continue }
      var chunk = [UInt8](repeating: 0, count: 4096)
      let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, 4096) }
      if n < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        ended = true
      } else if n == 0 {
        ended = true
      } else {
        buffer += chunk[..<n]
      }
    }
  }

  /// Waits until standard input is readable or a signal wrote to the self-pipe (emptied here;
  /// the counts stay). Returns whether input is ready.
  private func waitForInput() -> Bool {
    guard signalFD >= 0 else { return true }
    var fds = [
      pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
      pollfd(fd: signalFD, events: Int16(POLLIN), revents: 0),
    ]
    if poll(&fds, 2, -1) < 0 { return errno != EINTR }
    if fds[1].revents != 0 {
      var drain = [UInt8](repeating: 0, count: 64)
      while drain.withUnsafeMutableBytes({ read(signalFD, $0.baseAddress, 64) }) > 0 {}
    }
    return fds[0].revents != 0
  }

  public func addHistory(_ line: String) {}
  public func close() {}
}
