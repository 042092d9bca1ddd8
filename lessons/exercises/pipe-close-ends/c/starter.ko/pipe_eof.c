/* 연습 pipe-close-ends (C): 자식이 파이프에 다섯 줄을 쓰고, 부모는 파일 끝까지
 * 읽습니다.
 *
 * 주어진 그대로는 부모가 파일 끝을 보지 못하고 멈춥니다(check는 5초 뒤에 멈추고, 혼자
 * 실행했다면 Ctrl-C를 누르십시오). read()는 모든 프로세스에서 모든 쓰기 끝이 닫혀야
 * 0(파일 끝)을 돌려주는데, fork() 뒤에는 두 프로세스가 두 끝을 모두 가집니다.
 *
 * check는 이 파일을 다음 명령으로 빌드합니다: cc -Wall -O2 -o pipe_eof pipe_eof.c
 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MESSAGES 5

int main(void) {
  int ends[2]; /* ends[0]은 읽기 끝, ends[1]은 쓰기 끝 */
  if (pipe(ends) != 0) {
    perror("pipe");
    return 1;
  }
  pid_t pid = fork();
  if (pid == 0) {
    /* 자식: 쓰기만 합니다. */
    /* TODO 1: 자식이 쓰지 않는 끝(ends[0])을 닫으십시오. */
    char line[32];
    for (int n = 1; n <= MESSAGES; n++) {
      int length = snprintf(line, sizeof line, "message %d\n", n);
      if (write(ends[1], line, (size_t)length) != length) _exit(1);
    }
    close(ends[1]);
    _exit(0);
  }
  /* 부모: 읽기만 합니다. */
  /* TODO 2: 부모가 쓰지 않는 끝(ends[1])을 닫으십시오. 부모 자신이 그것을 열어 두는 동안
   * read()는 결코 오지 않을 바이트를 기다립니다. */
  char buffer[4096];
  int lines = 0;
  ssize_t got;
  while ((got = read(ends[0], buffer, sizeof buffer)) > 0) {
    for (ssize_t i = 0; i < got; i++) lines += buffer[i] == '\n';
  }
  close(ends[0]);
  waitpid(pid, NULL, 0);
  printf("read %d messages, then end of file\n", lines);
  return 0;
}
