import CProcLab

/// This executable's read-only data, mapped read-only again so that fork() skips it.
///
/// Swift puts some constant data in writable `.rodata` sections, so the linker places all of
/// `.rodata` in the read-write segment beside `.data`; once `.data` is written, fork() copies
/// the page-table entries of every `.rodata` page the process has read. Mapping those pages
/// again from the file, read-only, gives them a mapping with no written page, which fork()
/// skips. Pages that were written are left alone (see Sources/CProcLab/readonly_data.c).
public enum ReadOnlyData {
  /// Bytes remapped, done once on first use: the demo runner uses it first thing, before it
  /// starts any thread. 0 when there was nothing safe to remap (a position-independent build,
  /// whose relocations write into these sections), -1 when /proc could not be read.
  public static let remappedBytes: Int = Int(pl_remap_readonly_sections())
}
