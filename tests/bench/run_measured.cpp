// jatei-bench-run RESULT CMD [ARGS...]: runs CMD (stdin, stdout and stderr inherited) and
// writes "WALL_SECONDS PEAK_RSS_KB EXIT_STATUS CPU_SECONDS" to the file RESULT. Wall time is
// measured with the monotonic clock around fork/exec/wait; peak RSS is the child's ru_maxrss
// from wait4() (the same figure as GNU time's %M), CPU time its user + system time, so no
// external `time` is needed.
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: jatei-bench-run RESULT CMD [ARGS...]\n");
    return 64;
  }
  timespec t0{}, t1{};
  clock_gettime(CLOCK_MONOTONIC, &t0);
  pid_t pid = fork();
  if (pid < 0) {
    std::perror("jatei-bench-run: fork");
    return 71;
  }
  if (pid == 0) {
    execvp(argv[2], argv + 2);
    std::fprintf(stderr, "jatei-bench-run: cannot run %s: %s\n", argv[2], std::strerror(errno));
    _exit(127);
  }
  int status = 0;
  rusage ru{};
  while (wait4(pid, &status, 0, &ru) < 0) {
    if (errno != EINTR) {
      std::perror("jatei-bench-run: wait4");
      return 71;
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double wall = static_cast<double>(t1.tv_sec - t0.tv_sec) + static_cast<double>(t1.tv_nsec - t0.tv_nsec) / 1e9;
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::FILE* f = std::fopen(argv[1], "w");
  if (!f) {
    std::perror("jatei-bench-run: result file");
    return 74;
  }
  double cpu = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
               static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  std::fprintf(f, "%.6f %ld %d %.6f\n", wall, ru.ru_maxrss, code, cpu);
  std::fclose(f);
  return code;
}
