/* 연습 find-new-parent (C): 고아를 만들고 새 부모를 찾습니다.
 *
 * 부모가 자식을 fork하고 기다리지 않고 곧바로 끝납니다. 자식은 getppid()가 처음 pid와
 * 달라질 때까지(최대 5초) 기다린 뒤 "new parent <pid>"를 출력하고 끝납니다. check로
 * 실행하면 새 부모는 ProcLab입니다. ProcLab은 prctl(PR_SET_CHILD_SUBREAPER, 1)로 child
 * subreaper가 되었으므로, 그 아래의 고아는 init이 아니라 ProcLab이 입양합니다.
 *
 * check는 이 파일을 다음 명령으로 빌드합니다: cc -Wall -O2 -o new_parent new_parent.c
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  pid_t first_parent = getpid();
  (void)first_parent; /* 아래 반복문이 쓰게 되면 이 줄을 지우십시오 */
  pid_t pid = fork();
  if (pid == 0) {
    /* TODO: getppid()가 first_parent와 달라질 때까지(최대 5초) 기다리십시오. 반복문에서
     * usleep(10000)을 부르십시오. */
    printf("new parent %d\n", (int)getppid());
    fflush(stdout);
    _exit(0);
  }
  /* TODO: 부모는 기다리면 안 됩니다. 지금 끝나서 자식을 고아로 남기십시오. */
  waitpid(pid, NULL, 0);
  return 0;
}
