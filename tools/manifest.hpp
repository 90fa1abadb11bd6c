// jatei-annotate's manifest (JSON Lines, one record per input, appended as each input ends) and
// the corpus summary made from its records. Also what --merge-manifests reads and writes.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "jatei/document.hpp"

namespace jatei::manifest {

// One input's outcome. `counts` holds per-stage figures ("segment.sentences",
// "claims.fact", "speakers.participants", "terms.terms", ...), written as nested objects.
struct Record {
  std::string input, output, sha256;
  std::string status;  // ok | failed | skipped (output already there, kept by --skip-existing)
  int exit = 0;        // the input's own exit status (0 when ok)
  std::string error;   // the message when failed
  double seconds = 0;
  std::uint64_t bytes = 0;  // of the source
  std::map<std::string, std::map<std::string, std::uint64_t>> counts;
};

// The figures of one annotated document for the stages that ran.
std::map<std::string, std::map<std::string, std::uint64_t>> count(const Document& doc,
                                                                  const std::vector<std::string>& stages_run);

// One line of JSON (no newline).
std::string to_json(const Record& r);

// Parses one line written by to_json (or any JSON object with those keys); throws DataError.
Record from_json(const std::string& line);

// The records of a manifest file, last record per input winning, in file order of first
// appearance. A missing file gives none; a torn last line (a killed writer) is ignored;
// any other bad line throws DataError with its line number.
std::vector<Record> read(const std::string& path);

// Appends lines to a manifest, one write(2) per line (a killed run loses no finished line).
class Writer {
 public:
  explicit Writer(const std::string& path);  // throws IoError (74)
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  void append(const Record& r);  // thread-safe; throws IoError

 private:
  int fd_ = -1;
  std::string path_;
};

// The corpus summary: documents, failed, sentences, claims by class, participants, terms...
struct Summary {
  std::uint64_t documents = 0, failed = 0, skipped = 0, bytes = 0;
  double seconds = 0;
  std::map<std::string, std::map<std::string, std::uint64_t>> totals;  // sums of counts
  void add(const Record& r);
  std::string to_json() const;  // one JSON object, pretty enough, ends with a newline
  std::string to_text() const;  // lines for standard error
};

}  // namespace jatei::manifest
