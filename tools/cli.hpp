// What every jatei tool shares: messages (English, or Japanese under a Japanese locale),
// error format `jatei-x: FILE:LINE:COL: message`, exit codes, input and atomic output.
#pragma once

#include <boost/program_options.hpp>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "jatei/error.hpp"
#include "jatei/pipeline.hpp"

namespace jatei::cli {

// Sets the program name, message catalog, a quiet exit on broken pipes, exit 74 (not death by
// SIGXFSZ) past a file size limit, and the removal of temporary files on SIGTERM/SIGINT/SIGHUP.
void init(const char* program);
const std::string& program();

// The message in the user's language (Boost.Locale catalog "jatei").
std::string tr(const char* english);

// A whole message whose parts that vary are {1}, {2}…, filled in after it is translated, so
// that a translation puts them where its own grammar wants them (po/ja.po), never a sentence
// glued from pieces translated one by one:
//   tr("cannot create {1}: {2}", {path, std::strerror(errno)})
std::string tr(const char* english, std::initializer_list<std::string_view> args);
// A DataError's message in the user's language (its template, when it has one, translated whole).
std::string message_of(const DataError& e);

// Reads a whole input ("-" = stdin). Throws IoError (66 cannot open, 74 read error) and
// DataError for input larger than max_bytes.
std::string read_input(const std::string& path, std::size_t max_bytes);

// An article with no text: nothing at all, or only white space and line breaks (ASCII or the
// full-width space, a UTF-8 byte order mark). Throws DataError at 1:1 saying which ("the file is
// empty" / "only white space"), so that no empty TEI is written for it (exit 65).
void refuse_empty_text(std::string_view bytes);

// The bytes of a regular file mapped into memory (no copy), or read as read_input() does for
// standard input and anything that cannot be mapped. Same errors and limit as read_input().
class InputBytes {
 public:
  InputBytes(const std::string& path, std::size_t max_bytes);
  ~InputBytes();
  InputBytes(const InputBytes&) = delete;
  InputBytes& operator=(const InputBytes&) = delete;
  std::string_view view() const { return map_ ? std::string_view(static_cast<const char*>(map_), size_) : read_; }
  void release();  // gives the memory back early
  // The pages of a mapped file before byte n are given back (read again from the file if the
  // view is used there later); nothing for bytes that were read into memory.
  void drop_before(std::size_t n);

 private:
  void* map_ = nullptr;
  std::size_t size_ = 0;
  std::string read_;
};

// Writes all of `data` ("-" = stdout). A file is written to a temporary beside it and renamed,
// so a failure never leaves partial output. A closed pipe ends the program quietly.
void write_output(const std::string& path, const std::string& data);

// Writes a document as TEI ("-" = stdout) a piece at a time (tei::write to a sink), never the
// whole serialisation in memory; a file is written to a temporary beside it and renamed.
void write_tei(const std::string& path, const Document& doc);

// A TEI file read into a document (tei::read_in_place: the bytes parsed where they were read,
// no copy), `origin` naming it in messages.
Document read_tei(const std::string& path, std::size_t max_bytes, const std::string& origin);

// Output written in pieces: to standard output, or to a temporary file beside `path` that
// commit() renames into place. The temporary file is created with a fresh name (O_EXCL: a
// planted file or link is never followed), gets the target's permissions when the target
// exists, and is removed by the destructor when commit() never ran, and by init()'s handlers
// on SIGTERM, SIGINT and SIGHUP: a failed or killed run leaves no partial file. A `path` that
// is a device, FIFO or socket (/dev/null, a named pipe) is written in place, as standard output
// is: a rename would replace the device with a regular file.
class OutputFile {
 public:
  explicit OutputFile(const std::string& path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  void write(std::string_view data);
  void commit();

 private:
  void discard();
  std::string path_, tmp_;
  int fd_ = 1;
  int slot_ = -1;  // in the signal handler's list of temporary files
  bool committed_ = false;
  bool direct_ = false;  // a device, FIFO or socket: written in place, never renamed over
};

// The temporary files a signal handler removes (used by OutputFile).
namespace temp_files {
int add(const std::string& path);  // a slot, or -1 when none is free
// mkostemp(3) on `pattern` (…XXXXXX) with the name in a slot from before the file exists, so
// that a signal at any moment finds every file made: the descriptor (or -1, errno set), the name
// made in `name`, the slot (or -1) in `slot`.
int create(const std::string& pattern, int flags, std::string& name, int& slot);
void remove(int slot);
void install_handlers();  // by init()
}  // namespace temp_files

// With --names the user said who speaks: a document the speaker stage found no dialogue in is
// said on stderr (`where`), so that a run with no turn is not taken for a run that had them.
void say_if_no_dialogue(const Document& doc, const std::string& where);

// Prints `jatei-x: where:line:col: message` on stderr.
void error(const std::string& where, std::size_t line, std::size_t col, const std::string& message);

// Runs a tool body, turning exceptions into messages and exit codes (64 for option errors).
int run(const std::function<int()>& body);

// The exit-code paragraph every --help ends with.
std::string exit_codes_help();

// A usage error (exit 64) when `name` is given and is no encoding the decoder knows.
void check_encoding(const std::string& name);

// A usage error (exit 64) when `output` is the file `input` (a text tool that replaced its
// source with its output would lose the source's bytes).
void check_not_input(const std::string& input, const std::string& output);

// Prints "usage" text built from the options, followed by the exit codes.
void print_help(const std::string& usage, const std::string& about,
                const boost::program_options::options_description& opts);

// Standard --help / --version handling; returns true when the tool should exit 0.
bool handle_common(const boost::program_options::variables_map& vm, const std::string& usage,
                   const std::string& about, const boost::program_options::options_description& opts);

// The options every tool has, first in its help: --help and --version.
void add_help_and_version(boost::program_options::options_description& opts);

// Parses the command line of a tool that reads one FILE (or standard input): `opts`, and at
// most one positional argument, stored into `input`.
boost::program_options::variables_map parse_with_input(int argc, char** argv,
                                                       const boost::program_options::options_description& opts,
                                                       std::string& input);

// --max-size BYTES, the limit read_input() and InputBytes enforce on every kind of input: a
// whole number of bytes, stored into `target` (whose value is the default the help names);
// anything else ("-1", "1e9", "lots") is a usage error (exit 64).
void add_max_size(boost::program_options::options_description& opts, std::size_t& target);

// The options stages declare (jatei/pipeline.hpp), help translated, each name once (the
// first declaration's help is shown when two stages share an option).
void add_stage_options(boost::program_options::options_description& opts, const std::vector<StageOption>& options);
// What the command line gave those options.
StageConfig stage_config(const boost::program_options::variables_map& vm, const std::vector<StageOption>& options);
// The registered stage called `name` (a program error when there is none).
const Stage& stage(const std::string& name);

// Default maximum input size (512 MiB); --max-size overrides.
inline constexpr std::size_t kDefaultMaxBytes = 512u << 20;

}  // namespace jatei::cli

namespace jatei::cli {
// Runs work on one input; DataError and IoError are reported with the input's name and turned
// into exit codes (other errors propagate to run()).
int guard(const std::string& where, const std::function<int()>& work);

// Runs load(file) for each file under guard(file, …): the first failure's exit status, or 0.
int load_each(const std::vector<std::string>& files, const std::function<void(const std::string&)>& load);
}  // namespace jatei::cli
