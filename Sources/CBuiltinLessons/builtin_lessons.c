// The files of lessons/ inside the executable: each is assembled into .rodata by `.incbin`
// from the list generate.sh writes (generated/files.inc); without that list, none.
#include "builtin_lessons.h"

#include <sys/mman.h>

#if __has_include("generated/files.inc")
// Each file's bytes between two hidden labels, then a NUL (never counted) so that an empty
// file still has a distinct address.
#define PL_BUILTIN_FILE(i, relative, path, sha256)                                           \
  __asm__(".pushsection .rodata.proclab_builtin,\"a\"\n"                                     \
          ".balign 16\n"                                                                     \
          ".globl pl_builtin_" #i "\n.hidden pl_builtin_" #i "\n"                            \
          "pl_builtin_" #i ":\n"                                                             \
          ".incbin \"" path "\"\n"                                                           \
          ".globl pl_builtin_end_" #i "\n.hidden pl_builtin_end_" #i "\n"                    \
          "pl_builtin_end_" #i ":\n"                                                         \
          ".byte 0\n"                                                                        \
          ".popsection\n");                                                                  \
  extern const unsigned char pl_builtin_##i[], pl_builtin_end_##i[];
#include "generated/files.inc"
#undef PL_BUILTIN_FILE

#define PL_BUILTIN_FILE(i, relative, path, sha256) {relative, pl_builtin_##i, pl_builtin_end_##i},
static const pl_builtin_file files[] = {
#include "generated/files.inc"
    {"", (const unsigned char *)"", (const unsigned char *)""}};
#undef PL_BUILTIN_FILE
#else
static const pl_builtin_file files[] = {
    {"", (const unsigned char *)"", (const unsigned char *)""}};
#endif

size_t pl_builtin_file_count(void) { return sizeof files / sizeof files[0] - 1; }

const pl_builtin_file *pl_builtin_file_at(size_t index) { return &files[index]; }

int pl_builtin_memfd(const char *name) { return memfd_create(name, MFD_CLOEXEC); }
