#include "core/data_files.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "jatei/error.hpp"

namespace jatei::data {

bool file_exists(const std::string& path) { return std::ifstream(path).good(); }

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
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError("cannot open " + std::string(what) + " " + path, exit_noinput);
  std::stringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw IoError("cannot read " + std::string(what) + " " + path, exit_io);
  return ss.str();
}

Text override_or_builtin(std::string_view rel, std::string_view builtin, std::string_view what) {
  if (auto path = override_file(rel)) return {read_file(*path, what), *path};
  return {std::string(builtin), std::string(rel)};
}

}  // namespace jatei::data
