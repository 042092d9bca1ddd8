/* 연습 reap-three (C): 자식 셋을 fork하고 모두 거둡니다.
 *
 * 부모가 자식 셋을 fork합니다. 각 자식은 "child <자기 pid> of <부모 pid>"를 출력하고
 * 끝납니다. 부모는 waitpid()로 셋을 모두 기다린 뒤 "reaped 3 children"을 출력하고 0.3초
 * 잡니다. 거두지 않은 자식이 있으면 그동안 좀비로 남아 보입니다.
 *
 * check는 이 파일을 다음 명령으로 빌드합니다: cc -Wall -O2 -o reap_three reap_three.c
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  for (int i = 0; i < 3; i++) {
    pid_t pid = fork();
    if (pid == 0) {
      printf("child %d of %d\n", (int)getpid(), (int)getppid());
      fflush(stdout);
      /* TODO: 자식은 여기서 _exit(0)으로 끝나야 합니다. 아니면 반복문을 다시 돌며 자기도
       * fork합니다. */
    }
  }
  /* TODO: 부모가 만든 자식을 하나씩 기다리십시오. fork()가 돌려준 pid를 모아 두십시오. */
  printf("reaped 3 children\n");
  fflush(stdout);
  usleep(300000);
  return 0;
}
