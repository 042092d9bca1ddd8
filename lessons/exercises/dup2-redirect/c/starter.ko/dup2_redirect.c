/* 연습 dup2-redirect (C): 셸이 하듯이, 자식의 표준 출력을 파이프로 돌립니다.
 *
 * 부모는 파이프를 만들고 fork합니다. 자식은 실제 프로그램 `seq 1 100`을 실행하는데, 이
 * 프로그램은 1부터 100까지를 표준 출력(fd 1)에 씁니다. seq는 파이프가 있는 줄도 모릅니다.
 * 부모는 파이프를 파일 끝까지 읽고, 읽은 줄 수와 그 합을 출력합니다. 주어진 코드에서는 자식이
 * 아무것도 돌리지 않고 seq를 exec합니다. 그래서 seq의 100줄은 곧장 터미널로 가고, 부모는 한
 * 줄도 읽지 못한 채 파일 끝을 봅니다.
 *
 * check는 이 파일을 다음 명령으로 빌드합니다: cc -Wall -O2 -o dup2_redirect dup2_redirect.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  int ends[2]; /* ends[0]은 읽기 끝, ends[1]은 쓰기 끝 */
  if (pipe(ends) != 0) {
    perror("pipe");
    return 1;
  }
  pid_t pid = fork();
  if (pid < 0) {
    perror("fork");
    return 1;
  }
  if (pid == 0) {
    /* 자식: seq가 됩니다. */
    /* TODO: exec하기 전에 fd 1이 파이프의 쓰기 끝을 가리키게 하십시오. 셸의 `|`가 하는
     * 일입니다: dup2(ends[1], 1). 그다음 두 끝을 원래 번호로 닫으십시오. pipe()는 두 끝에
     * close-on-exec 표시를 하지 않으므로, 닫지 않으면 seq가 물려받습니다(fd 1이 파이프를 계속
     * 열어 둡니다). */
    execlp("seq", "seq", "1", "100", (char *)NULL); /* 디스크립터 표는 fd 1까지 그대로 남습니다 */
    _exit(127); /* exec가 실패했을 때에만 여기에 옵니다 */
  }
  /* 부모는 읽기만 합니다. 자기 쓰기 끝을 닫아야 파일 끝을 볼 수 있습니다. */
  close(ends[1]);
  char buffer[4096];
  char number[32];
  size_t digits = 0;
  long lines = 0, sum = 0;
  ssize_t got;
  while ((got = read(ends[0], buffer, sizeof buffer)) > 0) { /* 0: 파일 끝 */
    for (ssize_t i = 0; i < got; i++) {
      if (buffer[i] != '\n') {
        if (digits < sizeof number - 1) number[digits++] = buffer[i];
        continue;
      }
      number[digits] = '\0';
      sum += strtol(number, NULL, 10);
      lines++;
      digits = 0;
    }
  }
  close(ends[0]);
  waitpid(pid, NULL, 0);
  printf("read %ld lines from seq, sum %ld, then end of file\n", lines, sum);
  return 0;
}
