// Cue lists for segmentation, read from a plain text file a user can read and extend.
//
// Format (lib/data/segment.rules): `[section]` headers, one entry per line, `#` starts a
// comment line. Entries are literal text, or patterns where `*` matches any run of
// characters and `#` one digit (ASCII or full-width). A leading `?` marks a weak entry
// (sections say what weak means). Later files add to earlier ones; `-entry` removes one.
//
//   jatei::Rules r = jatei::Rules::builtin();
//   r.merge_file("my.rules");                // add a newsroom's own credit cues
//   bool b = r.matches_prefix("byline", "著者:谷田部卓");
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace jatei {

struct RuleEntry {
  std::string pattern;  // UTF-8, may contain * and #
  bool weak = false;
};

class Rules {
 public:
  // The rules shipped with jatei (lib/data/segment.rules, compiled in). When the environment
  // variable JATEI_DATA_DIR is set, its segment.rules is read instead.
  static const Rules& builtin();

  // Parses rules text; `origin` names it in errors (DataError with line numbers).
  static Rules parse(std::string_view text, const std::string& origin);
  // Adds the entries of another rules file.
  void merge_file(const std::string& path);
  void merge(const Rules& other);

  const std::vector<RuleEntry>& section(std::string_view name) const;

  // Whether `text` equals an entry of `section` (patterns allowed); sets weak if given.
  bool matches_whole(std::string_view section, std::string_view text, bool* weak = nullptr) const;
  // Whether `text` starts with an entry; returns the matched length (0 = none).
  std::size_t matches_prefix(std::string_view section, std::string_view text, bool* weak = nullptr) const;
  // Whether `text` contains an entry (literal entries only).
  bool contains(std::string_view section, std::string_view text) const;

 private:
  std::map<std::string, std::vector<RuleEntry>, std::less<>> sections_;
  std::vector<std::pair<std::string, std::string>> removals_;  // `-entry` lines, applied on merge
};

// Glob match with `*` (any run) and `#` (one digit); returns whether all of `text` matches.
bool glob_match(std::string_view pattern, std::string_view text);
// Longest prefix of `text` that `pattern` matches (npos = none).
std::size_t glob_prefix(std::string_view pattern, std::string_view text);

}  // namespace jatei
