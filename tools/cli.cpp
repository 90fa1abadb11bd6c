#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include "cli.hpp"

#include <unistd.h>

#include <algorithm>
#include <boost/locale.hpp>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "jatei/segment.hpp"

namespace jatei::cli {
namespace {

std::string g_program = "jatei";
std::locale g_locale;

std::string locale_dir() {
  if (const char* env = std::getenv("JATEI_LOCALE_DIR"); env && *env) return env;
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0) {
    std::string exe(buf, static_cast<std::size_t>(n));
    std::string dir = exe.substr(0, exe.rfind('/'));
    if (std::ifstream(dir + "/../share/locale/ja/LC_MESSAGES/jatei.mo").good()) return dir + "/../share/locale";
  }
  return JATEI_LOCALE_BUILD_DIR;
}

[[noreturn]] void broken_pipe() { std::_Exit(0); }

}  // namespace

void init(const char* program) {
  g_program = program;
  std::signal(SIGPIPE, SIG_IGN);  // write() reports EPIPE, and we leave quietly
  try {
    boost::locale::generator gen;
    // Only the messages (and what they need to know of the locale): the formatting facets
    // would build ICU date and number formats, most of a tool's start-up time, for nothing.
    gen.categories(boost::locale::message_facet | boost::locale::information_facet | boost::locale::codepage_facet);
    gen.add_messages_path(locale_dir());
    gen.add_messages_domain("jatei");
    gen.characters(boost::locale::char_facet);
    g_locale = gen("");
  } catch (const std::exception&) {
    g_locale = std::locale::classic();
  }
}

const std::string& program() { return g_program; }

std::string tr(const char* english) {
  try {
    return boost::locale::translate(english).str(g_locale);
  } catch (const std::exception&) {
    return english;
  }
}

// The error for an input over the --max-size limit.
static DataError too_large(std::size_t max_bytes) {
  return DataError(tr("input is larger than the limit of ") + std::to_string(max_bytes) + tr(" bytes (see --max-size)"));
}

std::string read_input(const std::string& path, std::size_t max_bytes) {
  std::string data;
  if (path == "-") {
    char buf[1 << 16];
    while (true) {
      ssize_t n = ::read(0, buf, sizeof buf);
      if (n < 0) {
        if (errno == EINTR) continue;
        throw IoError(tr("read error on standard input: ") + std::strerror(errno), exit_io);
      }
      if (n == 0) break;
      data.append(buf, static_cast<std::size_t>(n));
      if (data.size() > max_bytes)
        throw too_large(max_bytes);
    }
    return data;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    throw IoError(tr("cannot open: ") + std::strerror(EISDIR), exit_noinput);
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw IoError(tr("cannot open: ") + std::strerror(errno), exit_noinput);
  auto size = in.tellg();
  if (size < 0) {  // not seekable (a pipe given by name): read it as a stream
    in.close();
    std::ifstream s(path, std::ios::binary);
    std::ostringstream ss;
    ss << s.rdbuf();
    data = ss.str();
  } else {
    if (static_cast<std::size_t>(size) > max_bytes)
      throw too_large(max_bytes);
    data.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    if (size > 0 && !in.read(data.data(), size)) throw IoError(tr("read error"), exit_io);
  }
  return data;
}

InputBytes::InputBytes(const std::string& path, std::size_t max_bytes) {
  if (path != "-") {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw IoError(tr("cannot open: ") + std::strerror(errno), exit_noinput);
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
      if (static_cast<std::size_t>(st.st_size) > max_bytes) {
        ::close(fd);
        throw too_large(max_bytes);
      }
      void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (p != MAP_FAILED) {
        map_ = p;
        size_ = static_cast<std::size_t>(st.st_size);
        ::madvise(p, size_, MADV_SEQUENTIAL);
      }
    }
    ::close(fd);
    if (map_) return;
  }
  read_ = read_input(path, max_bytes);
}

InputBytes::~InputBytes() { release(); }

void InputBytes::release() {
  if (map_) ::munmap(map_, size_);
  map_ = nullptr;
  size_ = 0;
  std::string().swap(read_);
}

static void write_all(int fd, std::string_view data, const std::string& where) {
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE) broken_pipe();
      throw IoError(tr("write error on ") + where + ": " + std::strerror(errno), exit_io);
    }
    done += static_cast<std::size_t>(n);
  }
}

OutputFile::OutputFile(const std::string& path) : path_(path) {
  if (path.empty() || path == "-") return;
  tmp_ = path + ".tmp." + std::to_string(::getpid());
  fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd_ < 0) throw IoError(tr("cannot create ") + path + ": " + std::strerror(errno), exit_io);
}

OutputFile::~OutputFile() {
  if (tmp_.empty() || committed_) return;
  ::close(fd_);
  std::remove(tmp_.c_str());
}

void OutputFile::write(std::string_view data) {
  write_all(fd_, data, tmp_.empty() ? tr("standard output") : path_);
}

void OutputFile::commit() {
  if (tmp_.empty()) return;
  committed_ = true;
  if (::close(fd_) != 0 || std::rename(tmp_.c_str(), path_.c_str()) != 0) {
    int e = errno;
    std::remove(tmp_.c_str());
    throw IoError(tr("cannot write ") + path_ + ": " + std::strerror(e), exit_io);
  }
}

void write_output(const std::string& path, const std::string& data) {
  OutputFile out(path);
  out.write(data);
  out.commit();
}

void error(const std::string& where, std::size_t line, std::size_t col, const std::string& message) {
  std::string out = g_program + ": ";
  if (!where.empty()) {
    out += where;
    if (line) {
      out += ":" + std::to_string(line);
      if (col) out += ":" + std::to_string(col);
    }
    out += ": ";
  }
  out += message + "\n";
  std::fputs(out.c_str(), stderr);
}

int run(const std::function<int()>& body) {
  try {
    return body();
  } catch (const boost::program_options::error& e) {
    error("", 0, 0, e.what());
    std::fprintf(stderr, "%s\n", (tr("Try '") + g_program + tr(" --help' for more information.")).c_str());
    return exit_usage;
  } catch (const DataError& e) {
    error("", e.line(), e.column(), e.what());
    return exit_data;
  } catch (const IoError& e) {
    error("", 0, 0, e.what());
    return e.exit_code();
  } catch (const std::bad_alloc&) {
    error("", 0, 0, tr("out of memory"));
    return exit_software;
  } catch (const std::exception& e) {
    error("", 0, 0, tr("internal error: ") + e.what());
    return exit_software;
  }
}

std::string exit_codes_help() {
  return tr("Exit status: 0 ok, 64 usage error, 65 bad input data, 66 cannot open input, "
            "70 internal error, 74 I/O error.");
}

void print_help(const std::string& usage, const std::string& about,
                const boost::program_options::options_description& opts) {
  std::ostringstream table;
  table << opts;
  const std::string& t = table.str();
  if (std::any_of(t.begin(), t.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    // Boost wraps descriptions by bytes (cutting multi-byte characters in half) and only at
    // spaces, which Japanese lacks: print them unwrapped instead.
    boost::program_options::options_description wide(tr("Options"), 4096, 2048);
    for (const auto& o : opts.options()) wide.add(o);
    table.str("");
    table << wide;
  }
  std::ostringstream ss;
  ss << tr("Usage: ") << usage << "\n" << about << "\n\n" << table.str() << "\n" << exit_codes_help() << "\n";
  write_output("-", ss.str());
}

bool handle_common(const boost::program_options::variables_map& vm, const std::string& usage,
                   const std::string& about, const boost::program_options::options_description& opts) {
  if (vm.count("help")) {
    print_help(usage, about, opts);
    return true;
  }
  if (vm.count("version")) {
    write_output("-", g_program + " " + kVersion + "\n");
    return true;
  }
  return false;
}

}  // namespace jatei::cli

namespace jatei::cli {
int guard(const std::string& where, const std::function<int()>& work) {
  std::string name = where == "-" ? "<stdin>" : where;
  try {
    return work();
  } catch (const DataError& e) {
    error(name, e.line(), e.column(), e.what());
    return exit_data;
  } catch (const IoError& e) {
    error(name, 0, 0, e.what());
    return e.exit_code();
  }
}

int load_each(const std::vector<std::string>& files, const std::function<void(const std::string&)>& load) {
  for (auto& f : files) {
    int rc = guard(f, [&] {
      load(f);
      return 0;
    });
    if (rc) return rc;
  }
  return 0;
}

void add_help_and_version(boost::program_options::options_description& opts) {
  opts.add_options()
    ("help,h", tr("show this help and exit").c_str())
    ("version", tr("show the version and exit").c_str());
}

boost::program_options::variables_map parse_with_input(int argc, char** argv,
                                                       const boost::program_options::options_description& opts,
                                                       std::string& input) {
  namespace po = boost::program_options;
  po::options_description hidden;
  hidden.add_options()("input", po::value(&input));
  po::positional_options_description pos;
  pos.add("input", 1);
  po::options_description all;
  all.add(opts).add(hidden);
  po::variables_map vm;
  po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
  po::notify(vm);
  return vm;
}
}  // namespace jatei::cli
