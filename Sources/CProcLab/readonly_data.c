/* Read-only data, mapped read-only again.
 *
 * fork() copies the page-table entries of every mapping that has an anonymous (written) page
 * and skips the others: the child faults those pages in from the file when it needs them.
 * Swift emits some constant data (protocol conformance descriptors) into writable `.rodata`
 * sections, so the linker puts all of `.rodata` in the read-write segment beside `.data`, and
 * the first write to `.data` makes that whole mapping "written". Every fork then copies the
 * entries of the ~1.5 MB of `.rodata` the process has read, though no byte of it ever changes.
 *
 * pl_remap_readonly_sections() maps the whole pages of `.rodata` and `.data.rel.ro` again,
 * read-only, from the same file at the same addresses: same bytes, a mapping of their own with
 * no anonymous pages, which fork skips. It refuses any range where /proc/self/pagemap shows a
 * page that was written or swapped (its contents would differ from the file), and a later write
 * faults loudly instead of changing data. */
#include "CProcLab.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PL_PAGEMAP_PRESENT (1ULL << 63)
#define PL_PAGEMAP_SWAPPED (1ULL << 62)
#define PL_PAGEMAP_FILE (1ULL << 61)

int pl_range_has_private_pages(const void *start, size_t length) {
  long page = sysconf(_SC_PAGESIZE);
  if (page <= 0 || ((uintptr_t)start % (uintptr_t)page) != 0) return -1;
  int fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  uint64_t entries[512];
  size_t pages = length / (size_t)page;
  size_t first = (uintptr_t)start / (uintptr_t)page;
  int result = 0;
  for (size_t done = 0; done < pages && result == 0;) {
    size_t batch = pages - done < 512 ? pages - done : 512;
    ssize_t got = pread(fd, entries, batch * sizeof entries[0],
                        (off_t)((first + done) * sizeof entries[0]));
    if (got != (ssize_t)(batch * sizeof entries[0])) {
      result = -1;
      break;
    }
    for (size_t i = 0; i < batch; i++) {
      uint64_t e = entries[i];
      if ((e & PL_PAGEMAP_SWAPPED) || ((e & PL_PAGEMAP_PRESENT) && !(e & PL_PAGEMAP_FILE))) {
        result = 1;
        break;
      }
    }
    done += batch;
  }
  close(fd);
  return result;
}

int pl_remap_clean_readonly(void *start, size_t length, int fd, off_t offset) {
  int written = pl_range_has_private_pages(start, length);
  if (written != 0) {
    errno = written > 0 ? EBUSY : EIO;
    return -1;
  }
  void *p = mmap(start, length, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, offset);
  return p == MAP_FAILED ? -1 : 0;
}

int pl_elf_section(int fd, const char *name, uint64_t *address, uint64_t *size, uint64_t *offset) {
  Elf64_Ehdr eh;
  if (pread(fd, &eh, sizeof eh, 0) != (ssize_t)sizeof eh ||
      memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
      eh.e_shentsize != sizeof(Elf64_Shdr) || eh.e_shstrndx >= eh.e_shnum) {
    errno = ENOEXEC;
    return -1;
  }
  Elf64_Shdr names;
  if (pread(fd, &names, sizeof names, (off_t)(eh.e_shoff + eh.e_shstrndx * sizeof names)) !=
      (ssize_t)sizeof names) {
    errno = ENOEXEC;
    return -1;
  }
  size_t wanted = strlen(name) + 1;
  char found[64];
  if (wanted > sizeof found) {
    errno = ENAMETOOLONG;
    return -1;
  }
  for (unsigned i = 0; i < eh.e_shnum; i++) {
    Elf64_Shdr sh;
    if (pread(fd, &sh, sizeof sh, (off_t)(eh.e_shoff + i * sizeof sh)) != (ssize_t)sizeof sh)
      break;
    if (sh.sh_name >= names.sh_size || sh.sh_type != SHT_PROGBITS) continue;
    if (pread(fd, found, wanted, (off_t)(names.sh_offset + sh.sh_name)) != (ssize_t)wanted)
      continue;
    if (memcmp(found, name, wanted) != 0) continue;
    *address = sh.sh_addr;
    *size = sh.sh_size;
    *offset = sh.sh_offset;
    return 0;
  }
  errno = ENOENT;
  return -1;
}

static int pl_first_object(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  *(uintptr_t *)data = (uintptr_t)info->dlpi_addr;
  return 1; /* the first object is the executable itself */
}

long pl_remap_readonly_sections(void) {
  static const char *const sections[] = {".rodata", ".data.rel.ro"};
  long page = sysconf(_SC_PAGESIZE);
  if (page <= 0) return -1;
  int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  uintptr_t bias = 0;
  dl_iterate_phdr(pl_first_object, &bias);
  long remapped = 0;
  for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
    uint64_t address, size, offset;
    if (pl_elf_section(fd, sections[i], &address, &size, &offset) != 0) continue;
    /* Whole pages only: a page the section shares with its neighbours stays as it is. */
    uintptr_t mask = (uintptr_t)page - 1;
    uintptr_t start = (uintptr_t)(bias + address + mask) & ~mask;
    uintptr_t end = (uintptr_t)(bias + address + size) & ~mask;
    if (end <= start) continue;
    off_t file_offset = (off_t)(offset + (start - (bias + address)));
    if (pl_remap_clean_readonly((void *)start, end - start, fd, file_offset) == 0)
      remapped += (long)(end - start);
  }
  close(fd);
  return remapped;
}
