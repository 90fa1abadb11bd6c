// The speaker model's data as the stage reads it: the cue lists of speakers.rules prepared for
// matching (CueList), and the [roles] of label words. Internal to lib/src/speakers/.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "jatei/rules.hpp"
#include "jatei/speakers.hpp"

namespace jatei {

namespace speakers {

// One section of speakers.rules, ready to match: literal entries are compared directly (no
// glob, no allocation); entries with '*' or '#' go through the glob matcher of rules.hpp.
class CueList {
 public:
  struct Entry {
    std::string text;
    bool weak = false;
  };
  CueList() = default;
  explicit CueList(const std::vector<RuleEntry>& entries);

  // Length of the longest entry `t` starts with (0 = none); `weak` set from that entry.
  std::size_t prefix(std::string_view t, bool* weak = nullptr) const;
  // Length of the longest literal entry `t` ends with (0 = none).
  std::size_t suffix(std::string_view t, bool* weak = nullptr) const;
  // Whether `t` is an entry (patterns too).
  bool whole(std::string_view t) const;
  // Whether a literal entry occurs anywhere in `t`; `at` set to where the first one starts.
  bool contains(std::string_view t, std::size_t* at = nullptr) const;
  // The literal entries, longest first.
  const std::vector<Entry>& literal() const { return literal_; }

 private:
  const std::vector<std::size_t>* starting(char32_t c) const;
  std::vector<Entry> literal_;  // longest first
  std::vector<RuleEntry> patterns_;
  // Literal entries by their first and last character (indexes into literal_, longest first),
  // with a bitmap of the BMP characters that start or end one: most characters start no cue.
  std::unordered_map<char32_t, std::vector<std::size_t>> by_first_, by_last_;
  std::vector<bool> first_bmp_, last_bmp_;
};

}  // namespace speakers

struct SpeakerModel::Compiled {
  std::map<std::string, speakers::CueList, std::less<>> lists;
  std::map<std::string, std::string, std::less<>> roles;  // [roles] name=role
  // A section by name (an empty list for a name the rules do not have).
  const speakers::CueList& operator[](std::string_view name) const;
  // The role a label word gives its person (司会 -> moderator), or "".
  std::string role_for(std::string_view name) const;
};

}  // namespace jatei
