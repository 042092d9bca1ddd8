/* 연습 child-pids (C): 자식이 자기 pid와 부모의 pid를 출력합니다.
 *
 * 부모가 자식 하나를 fork합니다. 자식은 "child <자기 pid> of <부모 pid>"를 출력하고
 * _exit(0)으로 끝납니다. 부모는 "parent <자기 pid>"를 출력하고 자식을 기다립니다.
 *
 * check로 실행하면 stdout은 파이프라서, printf의 출력은 비울(flush) 때까지 버퍼에 남습니다.
 * fork()는 그 버퍼를 자식에게 복사하고, _exit()는 버퍼를 버립니다. fork() 전과 _exit() 전에
 * fflush(stdout)를 부르십시오.
 *
 * check는 이 파일을 다음 명령으로 빌드합니다: cc -Wall -O2 -o child_pids child_pids.c
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  printf("parent %d\n", (int)getpid());
  fflush(stdout);
  /* TODO: 여기서 fork하십시오. 지금은 부모만 말하고 자식이 없습니다. */
  return 0;
}
