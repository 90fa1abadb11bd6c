#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include "cli.hpp"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <string_view>
#include <atomic>
#include <cstdint>
#include <boost/locale.hpp>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "jatei/decode.hpp"
#include "jatei/segment.hpp"
#include "jatei/tei.hpp"

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

mode_t g_umask = 022;  // read once by init(), before any thread

}  // namespace

// The temporary files being written, for the signal handler to remove: fixed slots of static
// storage (nothing is allocated or freed while a signal may read them), claimed and released
// through an atomic state.
namespace temp_files {
namespace {
constexpr int kSlots = 128;
constexpr std::size_t kPathMax = 4096;
struct Slot {
  std::atomic<int> state{0};  // 0 free, 1 being filled, 2 holds a temporary file's path
  char path[kPathMax];
};
Slot g_slots[kSlots];
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler reads the slots");

// SIGTERM, SIGINT, SIGHUP: remove every temporary file, then die of the signal as before.
extern "C" void on_fatal_signal(int sig) {
  for (auto& s : g_slots)
    if (s.state.load(std::memory_order_acquire) == 2) ::unlink(s.path);
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

// A free slot, marked "being filled" (the handler skips it), or -1 when all are taken.
int claim_slot() {
  for (int i = 0; i < kSlots; ++i) {
    int free = 0;
    if (g_slots[i].state.compare_exchange_strong(free, 1, std::memory_order_acq_rel)) return i;
  }
  return -1;
}
}  // namespace

int add(const std::string& path) {
  if (path.size() >= kPathMax) return -1;  // still removed by its OutputFile, not on a signal
  int i = claim_slot();
  if (i < 0) return -1;
  std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
  g_slots[i].state.store(2, std::memory_order_release);
  return i;
}

int create(const std::string& pattern, int flags, std::string& name, int& slot) {
  slot = pattern.size() < kPathMax ? claim_slot() : -1;
  if (slot < 0) {  // no slot: made, then added when one frees (or removed by its OutputFile only)
    name = pattern;
    int fd = ::mkostemp(name.data(), flags);
    if (fd >= 0) slot = add(name);
    return fd;
  }
  // The slot holds the pattern before mkostemp fills in its letters and opens the file there:
  // a handler running meanwhile unlinks the pattern or a name not yet made (nothing) or the file.
  Slot& s = g_slots[slot];
  std::memcpy(s.path, pattern.c_str(), pattern.size() + 1);
  s.state.store(2, std::memory_order_release);
  int fd = ::mkostemp(s.path, flags);
  int e = errno;
  name = s.path;
  if (fd < 0) {
    remove(slot);
    slot = -1;
  }
  errno = e;
  return fd;
}

void remove(int slot) {
  if (slot >= 0) g_slots[slot].state.store(0, std::memory_order_release);
}

void install_handlers() {
  for (int sig : {SIGTERM, SIGINT, SIGHUP}) {
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;  // e.g. nohup: stay ignored
    struct sigaction sa {};
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    for (int other : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&sa.sa_mask, other);
    ::sigaction(sig, &sa, nullptr);
  }
}
}  // namespace temp_files

void init(const char* program) {
  g_program = program;
  std::signal(SIGPIPE, SIG_IGN);  // write() reports EPIPE, and we leave quietly
  // Past a file size limit (ulimit -f), write() fails with EFBIG (exit 74, the temporary file
  // removed) instead of the process being killed with a partial file left behind.
  std::signal(SIGXFSZ, SIG_IGN);
  temp_files::install_handlers();
  g_umask = ::umask(0);
  ::umask(g_umask);
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

std::string tr(const char* english, std::initializer_list<std::string_view> args) {
  const std::string t = tr(english);
  std::string out;
  out.reserve(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) {
    // {N}, N from 1 to 9, is the N-th argument (one pass: an argument is never looked into).
    if (t[i] == '{' && i + 2 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9' && t[i + 2] == '}' &&
        static_cast<std::size_t>(t[i + 1] - '1') < args.size()) {
      out += *(args.begin() + (t[i + 1] - '1'));
      i += 2;
      continue;
    }
    out += t[i];
  }
  return out;
}

// A DataError's message in the user's language: its template translated whole, then filled.
std::string message_of(const DataError& e) {
  if (e.message_template().empty()) return e.what();
  return DataError::fill(tr(e.message_template().c_str()), e.message_args());
}

// The error for an input over the --max-size limit.
static DataError too_large(std::size_t max_bytes) {
  return DataError(tr("input is larger than the limit of {1} bytes (see --max-size)", {std::to_string(max_bytes)}));
}

// Reads fd to its end as the bytes come (a pipe, a FIFO, a terminal, /dev/stdin or a regular
// file alike: nothing is sought or reopened), stopping with too_large() as soon as more than
// max_bytes have arrived. `expected` is a size to reserve (a regular file's), or 0.
static std::string read_fd(int fd, std::size_t max_bytes, std::size_t expected, const std::string& what) {
  std::string data;
  if (expected) data.reserve(std::min(expected, max_bytes) + 1);
  char buf[1 << 16];
  while (true) {
    // Never more than one byte past the limit: enough to know it is over.
    std::size_t room = max_bytes - data.size();  // data.size() <= max_bytes here
    std::size_t want = room < sizeof buf ? room + 1 : sizeof buf;
    ssize_t n = ::read(fd, buf, want);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw IoError(tr("read error on {1}: {2}", {what, std::strerror(errno)}), exit_io);
    }
    if (n == 0) break;
    data.append(buf, static_cast<std::size_t>(n));
    if (data.size() > max_bytes) throw too_large(max_bytes);
  }
  return data;
}

namespace {
// An input file opened once, read or mapped through the same descriptor.
struct InputFd {
  int fd = -1;
  struct stat st {};
  InputFd(const std::string& path, std::size_t max_bytes) {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw IoError(tr("cannot open: {1}", {std::strerror(errno)}), exit_noinput);
    if (::fstat(fd, &st) != 0) {
      int e = errno;
      ::close(fd);
      throw IoError(tr("cannot open: {1}", {std::strerror(e)}), exit_noinput);
    }
    if (S_ISDIR(st.st_mode)) {
      ::close(fd);
      throw IoError(tr("cannot open: {1}", {std::strerror(EISDIR)}), exit_noinput);
    }
    if (S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
      ::close(fd);
      throw too_large(max_bytes);
    }
  }
  ~InputFd() {
    if (fd >= 0) ::close(fd);
  }
  InputFd(const InputFd&) = delete;
  InputFd& operator=(const InputFd&) = delete;
  bool regular() const { return S_ISREG(st.st_mode); }
};
}  // namespace

std::string read_input(const std::string& path, std::size_t max_bytes) {
  if (path == "-") return read_fd(0, max_bytes, 0, tr("standard input"));
  InputFd in(path, max_bytes);
  return read_fd(in.fd, max_bytes, in.regular() ? static_cast<std::size_t>(in.st.st_size) : 0, path);
}

InputBytes::InputBytes(const std::string& path, std::size_t max_bytes) {
  if (path == "-") {
    read_ = read_fd(0, max_bytes, 0, tr("standard input"));
    return;
  }
  InputFd in(path, max_bytes);
  if (in.regular() && in.st.st_size > 0) {
    auto size = static_cast<std::size_t>(in.st.st_size);
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, in.fd, 0);
    if (p != MAP_FAILED) {
      map_ = p;
      size_ = size;
      ::madvise(p, size_, MADV_SEQUENTIAL);
      return;
    }
  }
  // Anything else (a pipe, a FIFO, /dev/stdin, <(…)) is read from the descriptor already open:
  // reopening a FIFO would wait for a second writer and make the first one die of SIGPIPE.
  read_ = read_fd(in.fd, max_bytes, in.regular() ? static_cast<std::size_t>(in.st.st_size) : 0, path);
}

InputBytes::~InputBytes() { release(); }

void InputBytes::drop_before(std::size_t n) {
  if (!map_) return;
  auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  std::size_t len = std::min(n, size_) / page * page;
  if (len) ::madvise(map_, len, MADV_DONTNEED);
}

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
      throw IoError(tr("write error on {1}: {2}", {where, std::strerror(errno)}), exit_io);
    }
    done += static_cast<std::size_t>(n);
  }
}

OutputFile::OutputFile(const std::string& path) : path_(path) {
  if (path.empty() || path == "-") return;
  // A device, FIFO or socket (-o /dev/null, -o /dev/stderr, a named pipe) is written in place:
  // renaming a temporary file over it would replace /dev/null with a regular file. Like standard
  // output, what reaches it cannot be taken back.
  struct stat target {};
  if (::stat(path.c_str(), &target) == 0 && !S_ISREG(target.st_mode) && !S_ISDIR(target.st_mode)) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) throw IoError(tr("cannot open {1}: {2}", {path, std::strerror(errno)}), exit_io);
    direct_ = true;
    return;
  }
  // mkostemp creates a name no one has yet with O_CREAT|O_EXCL: a file or symbolic link planted
  // beside the target is never opened, let alone followed. It makes the file 0600; it gets the
  // target's own permissions (or those a new file would have) before anything is written.
  std::string name;
  fd_ = temp_files::create(path + ".tmp.XXXXXX", O_CLOEXEC, name, slot_);
  if (fd_ < 0) throw IoError(tr("cannot create {1}: {2}", {path, std::strerror(errno)}), exit_io);
  tmp_ = std::move(name);
  struct stat st {};
  mode_t mode = ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) ? (st.st_mode & 0777) : (0666 & ~g_umask);
  if (::fchmod(fd_, mode) != 0) {
    int e = errno;
    discard();
    throw IoError(tr("cannot create {1}: {2}", {path, std::strerror(e)}), exit_io);
  }
}

OutputFile::~OutputFile() { discard(); }

void OutputFile::discard() {
  if (direct_ && !committed_) {
    committed_ = true;
    ::close(fd_);
    return;
  }
  if (tmp_.empty() || committed_) return;
  committed_ = true;
  ::close(fd_);
  ::unlink(tmp_.c_str());
  temp_files::remove(slot_);
}

void OutputFile::write(std::string_view data) {
  write_all(fd_, data, tmp_.empty() && !direct_ ? tr("standard output") : path_);
}

void OutputFile::commit() {
  if (direct_) {
    if (committed_) return;
    committed_ = true;
    if (::close(fd_) != 0) throw IoError(tr("cannot write {1}: {2}", {path_, std::strerror(errno)}), exit_io);
    return;
  }
  if (tmp_.empty()) return;
  if (committed_) throw std::logic_error("OutputFile::commit() after the file was discarded");
  committed_ = true;
  int e = 0;
  if (::close(fd_) != 0 || ::rename(tmp_.c_str(), path_.c_str()) != 0) {
    e = errno;
    ::unlink(tmp_.c_str());
  }
  temp_files::remove(slot_);
  if (e) throw IoError(tr("cannot write {1}: {2}", {path_, std::strerror(e)}), exit_io);
}

void write_output(const std::string& path, const std::string& data) {
  OutputFile out(path);
  out.write(data);
  out.commit();
}

void write_tei(const std::string& path, const Document& doc) {
  OutputFile out(path);
  tei::write(doc, [&](std::string_view piece) { out.write(piece); });
  out.commit();
}

Document read_tei(const std::string& path, std::size_t max_bytes, const std::string& origin) {
  return tei::read_in_place(read_input(path, max_bytes), origin);
}

void say_if_no_dialogue(const Document& doc, const std::string& where) {
  for (auto& d : doc.divisions)
    for (auto& t : d.turns)
      if (t.spoken()) return;
  error(where, 0, 0, tr("--names was given, but no dialogue was found: no turn written (--explain says why)"));
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

// Boost.Program_options' own errors, said in whole sentences the catalogue translates; the
// tools' own usage errors (po::error(tr(…))) are translated already.
std::string usage_message(const boost::program_options::error& e) {
  namespace po = boost::program_options;
  if (auto* u = dynamic_cast<const po::unknown_option*>(&e)) return tr("unrecognised option '{1}'", {u->get_option_name()});
  if (auto* a = dynamic_cast<const po::ambiguous_option*>(&e))
    return tr("option '{1}' is ambiguous: give more of its name", {a->get_option_name()});
  if (auto* m = dynamic_cast<const po::multiple_occurrences*>(&e))
    return tr("option '{1}' cannot be given more than once", {m->get_option_name()});
  if (auto* s = dynamic_cast<const po::invalid_command_line_syntax*>(&e)) {
    if (s->kind() == po::invalid_syntax::missing_parameter)
      return tr("option '{1}' needs a value", {s->get_option_name()});
    if (s->kind() == po::invalid_syntax::extra_parameter)
      return tr("option '{1}' takes no value", {s->get_option_name()});
  }
  if (auto* v = dynamic_cast<const po::validation_error*>(&e)) {
    if (v->kind() == po::validation_error::invalid_option_value)
      return tr("the value given to option '{1}' is not valid", {v->get_option_name()});
  }
  if (dynamic_cast<const po::too_many_positional_options_error*>(&e)) return tr("too many file names on the command line");
  return e.what();
}

int run(const std::function<int()>& body) {
  try {
    return body();
  } catch (const boost::program_options::error& e) {
    error("", 0, 0, usage_message(e));
    std::fprintf(stderr, "%s\n", tr("Try '{1} --help' for more information.", {g_program}).c_str());
    return exit_usage;
  } catch (const DataError& e) {
    error("", e.line(), e.column(), message_of(e));
    return exit_data;
  } catch (const IoError& e) {
    error("", 0, 0, e.what());
    return e.exit_code();
  } catch (const std::bad_alloc&) {
    error("", 0, 0, tr("out of memory"));
    return exit_software;
  } catch (const std::exception& e) {
    error("", 0, 0, tr("internal error: {1}", {e.what()}));
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
  ss << tr("Usage: {1}", {usage}) << "\n" << about << "\n\n" << table.str() << "\n" << exit_codes_help() << "\n";
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
    error(name, e.line(), e.column(), message_of(e));
    return exit_data;
  } catch (const IoError& e) {
    error(name, 0, 0, e.what());
    return e.exit_code();
  }
}

int load_each(const std::vector<std::string>& files, const std::function<void(const std::string&)>& load) {
  for (auto& f : files) {
    int rc = guard(f, [&] {
      try {
        load(f);
      } catch (const DataError& e) {
        // guard names the file: a parser that starts its message with "FILE: " would name it twice.
        std::string_view msg = e.what();
        if (msg.substr(0, f.size() + 2) != f + ": ") throw;
        throw DataError(std::string(msg.substr(f.size() + 2)), e.line(), e.column(), e.byte_offset());
      }
      return 0;
    });
    if (rc) return rc;
  }
  return 0;
}

void check_encoding(const std::string& name) {
  if (!name.empty() && !known_encoding(name))
    throw boost::program_options::error(tr("unknown encoding '{1}'", {name}));
}

void check_not_input(const std::string& input, const std::string& output) {
  if (input == "-" || output == "-") return;
  std::error_code ec;
  if (std::filesystem::equivalent(input, output, ec) && !ec)
    throw boost::program_options::error(tr("the output {1} is the input: it would replace the source", {output}));
}

namespace {
// A --max-size value: digits only (Boost would read "-1" as the largest size_t).
struct ByteCount {
  std::size_t bytes = 0;
};

void validate(boost::any& v, const std::vector<std::string>& values, ByteCount*, int) {
  namespace po = boost::program_options;
  po::validators::check_first_occurrence(v);
  const std::string& s = po::validators::get_single_string(values);
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (s.empty() || s[0] < '0' || s[0] > '9' || ec != std::errc() || end != s.data() + s.size())
    throw po::invalid_option_value(s);
  v = ByteCount{n};
}
}  // namespace

void add_max_size(boost::program_options::options_description& opts, std::size_t& target) {
  namespace po = boost::program_options;
  std::string help = tr("refuse inputs larger than BYTES, from a file, a pipe or standard input alike (default: {1})",
                     {std::to_string(target)});
  opts.add_options()("max-size",
                     po::value<ByteCount>()->value_name("BYTES")->notifier([&target](const ByteCount& b) { target = b.bytes; }),
                     help.c_str());
}

void add_stage_options(boost::program_options::options_description& opts, const std::vector<StageOption>& options) {
  namespace po = boost::program_options;
  for (std::size_t i = 0; i < options.size(); ++i) {
    const StageOption& o = options[i];
    bool seen = false;
    for (std::size_t j = 0; j < i; ++j) seen = seen || options[j].name == o.name;
    if (seen) continue;
    if (o.value_name.empty())
      opts.add_options()(o.name.c_str(), tr(o.help.c_str()).c_str());
    else
      opts.add_options()(o.name.c_str(),
                         po::value<std::vector<std::string>>()->value_name(o.value_name)->composing(),
                         tr(o.help.c_str()).c_str());
  }
}

StageConfig stage_config(const boost::program_options::variables_map& vm, const std::vector<StageOption>& options) {
  StageConfig c;
  for (auto& o : options) {
    if (!vm.count(o.name) || c.has(o.name)) continue;
    if (o.value_name.empty()) c.values[o.name] = {std::string()};
    else c.values[o.name] = vm[o.name].as<std::vector<std::string>>();
    // A LIST (names separated by , 、 or ，) that names nothing, such as "" or ",,", is a usage
    // error: the run would silently name nobody.
    if (o.value_name == "LIST")
      for (auto& v : c.values[o.name]) {
        auto names = split_names(v);
        if (std::all_of(names.begin(), names.end(), [](const std::string& n) { return n.empty(); }))
          throw boost::program_options::error(
              tr("--{1} '{2}' names nobody: give at least one name, e.g. 先生,サルくん", {o.name, v}));
      }
  }
  return c;
}

const Stage& stage(const std::string& name) {
  for (auto& s : document_stages())
    if (s.name == name) return s;
  throw std::logic_error("no stage " + name);
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

void refuse_empty_text(std::string_view bytes) {
  if (bytes.empty()) throw DataError(tr("the file is empty: no text in it"), 1, 1);
  std::string_view rest = bytes;
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);
  while (!rest.empty()) {
    if (rest.starts_with("\xE3\x80\x80")) {
      rest.remove_prefix(3);
    } else if (rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r' || rest[0] == '\f' ||
               rest[0] == '\v') {
      rest.remove_prefix(1);
    } else {
      return;
    }
  }
  throw DataError(tr("the file holds only white space: no text in it"), 1, 1);
}

}  // namespace jatei::cli
