// Errors that carry where they happened; only tools turn them into messages and exit codes.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace jatei {

// Exit codes (sysexits.h), documented in every tool's --help.
enum ExitCode : int {
  exit_ok = 0,
  exit_usage = 64,     // bad command line
  exit_data = 65,      // bad input data: invalid bytes, malformed or non-TEI XML
  exit_noinput = 66,   // cannot open an input
  exit_software = 70,  // internal error
  exit_io = 74         // read or write error
};

// A problem with input data. line/column are 1-based; 0 means unknown. byte_offset is the
// offset in the source bytes where known (npos otherwise).
class DataError : public std::runtime_error {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  DataError(std::string message, std::size_t line = 0, std::size_t column = 0,
            std::size_t byte_offset = npos)
      : std::runtime_error(std::move(message)), line_(line), column_(column), offset_(byte_offset) {}
  // A whole-sentence message with {1}, {2}… filled by args: what() is the English, and a tool
  // translates the template whole (po/ja.po) before filling it, so a translation may put the
  // arguments in any order. The templates are marked N_("…") where they are written.
  static DataError whole(std::string message_template, std::vector<std::string> args, std::size_t line = 0,
                         std::size_t column = 0, std::size_t byte_offset = npos) {
    DataError e(fill(message_template, args), line, column, byte_offset);
    e.template_ = std::move(message_template);
    e.args_ = std::move(args);
    return e;
  }
  std::size_t line() const { return line_; }
  std::size_t column() const { return column_; }
  std::size_t byte_offset() const { return offset_; }
  const std::string& message_template() const { return template_; }  // empty: what() only
  const std::vector<std::string>& message_args() const { return args_; }

  // {N} (N from 1 to 9) in t replaced by args[N-1], in one pass.
  static std::string fill(std::string_view t, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '{' && i + 2 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9' && t[i + 2] == '}' &&
          static_cast<std::size_t>(t[i + 1] - '1') < args.size()) {
        out += args[static_cast<std::size_t>(t[i + 1] - '1')];
        i += 2;
        continue;
      }
      out += t[i];
    }
    return out;
  }

 private:
  std::size_t line_, column_, offset_;
  std::string template_;
  std::vector<std::string> args_;
};

// An input or output failure (cannot open, read or write).
class IoError : public std::runtime_error {
 public:
  IoError(std::string message, int code) : std::runtime_error(std::move(message)), code_(code) {}
  int exit_code() const { return code_; }

 private:
  int code_;
};

}  // namespace jatei
