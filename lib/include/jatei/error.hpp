// Errors that carry where they happened; only tools turn them into messages and exit codes.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

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
  std::size_t line() const { return line_; }
  std::size_t column() const { return column_; }
  std::size_t byte_offset() const { return offset_; }

 private:
  std::size_t line_, column_, offset_;
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
