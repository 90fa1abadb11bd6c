#include "core/data_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "jatei/error.hpp"

namespace jatei::data {

bool file_exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && !S_ISDIR(st.st_mode) && ::access(path.c_str(), R_OK) == 0;
}

std::string exe_dir() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  std::string p(buf, static_cast<std::size_t>(n));
  return p.substr(0, p.rfind('/'));
}

std::optional<std::string> override_file(std::string_view rel) {
  const char* dir = std::getenv("JATEI_DATA_DIR");
  if (!dir || !*dir) return std::nullopt;
  std::string path = std::string(dir) + "/" + std::string(rel);
  if (!file_exists(path)) return std::nullopt;
  return path;
}

std::string read_file(const std::string& path, std::string_view what) {
  // One descriptor, read to its end: a FIFO or <(…) works, and a folder is refused by name
  // (an ifstream opens a folder and reads it as an empty file).
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw IoError("cannot open " + std::string(what) + " " + path + ": " + std::strerror(errno), exit_noinput);
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw IoError("cannot open " + std::string(what) + " " + path + ": it is a directory, not a file", exit_noinput);
  }
  std::string data;
  if (S_ISREG(st.st_mode)) data.reserve(static_cast<std::size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int e = errno;
      ::close(fd);
      throw IoError("cannot read " + std::string(what) + " " + path + ": " + std::strerror(e), exit_io);
    }
    if (n == 0) break;
    data.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return data;
}

DataError located(const DataError& e, const std::string& path) {
  std::string msg = e.what();
  if (msg.rfind(path + ": ", 0) == 0) msg.erase(0, path.size() + 2);  // the parser's own "PATH: " prefix
  std::string where = path;
  if (e.line()) {
    where += ":" + std::to_string(e.line());
    if (e.column()) where += ":" + std::to_string(e.column());
  }
  return DataError(where + ": " + msg, 0, 0, e.byte_offset());
}

Text override_or_builtin(std::string_view rel, std::string_view builtin, std::string_view what) {
  if (auto path = override_file(rel)) return {read_file(*path, what), *path};
  return {std::string(builtin), std::string(rel)};
}

}  // namespace jatei::data
