#include "core/data_files.hpp"
#include "jatei/rules.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "jatei/error.hpp"
#include "jatei/utf8.hpp"

namespace jatei {

// Generated at build time from lib/data/segment.rules (see lib/CMakeLists.txt).
extern const char kBuiltinRules[];
extern const std::size_t kBuiltinRulesSize;

namespace {

// Length of a digit character at the start of s (ASCII 0-9 or full-width ０-９), 0 if none.
std::size_t digit_len(std::string_view s) {
  if (!s.empty() && s[0] >= '0' && s[0] <= '9') return 1;
  if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xEF && static_cast<unsigned char>(s[1]) == 0xBC &&
      static_cast<unsigned char>(s[2]) >= 0x90 && static_cast<unsigned char>(s[2]) <= 0x99)
    return 3;
  return 0;
}

// Matches pattern against a prefix of text; returns every end position reachable (longest
// first is what callers want, so we compute the set and take the max).
void glob_ends(std::string_view p, std::string_view t, std::size_t base, std::vector<std::size_t>& ends, int depth) {
  if (depth > 16) return;  // patterns have a handful of stars; bound the recursion anyway
  std::size_t i = 0, j = 0;
  while (i < p.size()) {
    if (p[i] == '*') {
      std::string_view rest = p.substr(i + 1);
      if (rest.empty()) {  // a trailing star takes the rest of the text
        ends.push_back(base + t.size());
        return;
      }
      // Try every split point, on character boundaries. Only where the rest can begin (its
      // literal byte, or a digit for '#') is a call worth making: the others end nothing.
      const char first = rest[0];
      std::size_t k = j;
      while (true) {
        bool viable = first == '*' || (first == '#' ? digit_len(t.substr(k)) > 0 : k < t.size() && t[k] == first);
        if (viable) glob_ends(rest, t.substr(k), base + k, ends, depth + 1);
        if (k >= t.size()) break;
        k += utf8::sequence_length(static_cast<unsigned char>(t[k]));
        if (k > t.size()) break;
      }
      return;
    }
    if (p[i] == '#') {
      std::size_t n = digit_len(t.substr(j));
      if (n == 0) return;
      ++i;
      j += n;
      continue;
    }
    if (j >= t.size() || p[i] != t[j]) return;
    ++i;
    ++j;
  }
  ends.push_back(base + j);
}

// Position of the first '*' or '#' at or after `from`, or npos.
std::size_t first_wildcard(std::string_view p, std::size_t from = 0) {
  for (std::size_t i = from; i < p.size(); ++i)
    if (p[i] == '*' || p[i] == '#') return i;
  return std::string_view::npos;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
  std::size_t wild = first_wildcard(pattern);
  if (wild == std::string_view::npos) return pattern == text;
  if (wild == 0 && pattern[0] == '*' && pattern.size() > 1 && first_wildcard(pattern, 1) == std::string_view::npos) {
    // "*literal" (the common shape): the text ends with the literal, which starts on one of
    // the split points glob_ends would try.
    std::string_view lit = pattern.substr(1);
    if (text.size() < lit.size() || text.substr(text.size() - lit.size()) != lit) return false;
    std::size_t at = text.size() - lit.size(), k = 0;
    while (k < at) k += utf8::sequence_length(static_cast<unsigned char>(text[k]));
    return k == at;
  }
  // The literal after the last star must end the text: checked first, it spares the split
  // points of a pattern like 【*続く*】 on every line starting with 【.
  std::size_t star = pattern.rfind('*');
  if (star != std::string_view::npos) {
    std::string_view tail = pattern.substr(star + 1);
    if (tail.find('#') == std::string_view::npos &&
        (text.size() < tail.size() || text.substr(text.size() - tail.size()) != tail))
      return false;
  }
  std::vector<std::size_t> ends;
  glob_ends(pattern, text, 0, ends, 0);
  for (auto e : ends)
    if (e == text.size()) return true;
  return false;
}

std::size_t glob_prefix(std::string_view pattern, std::string_view text) {
  if (first_wildcard(pattern) == std::string_view::npos)
    return text.substr(0, pattern.size()) == pattern ? pattern.size() : std::string_view::npos;
  std::vector<std::size_t> ends;
  glob_ends(pattern, text, 0, ends, 0);
  if (ends.empty()) return std::string_view::npos;
  std::size_t best = 0;
  for (auto e : ends) best = e > best ? e : best;
  return best;
}

Rules Rules::parse(std::string_view text, const std::string& origin) {
  Rules r;
  std::string current;
  std::size_t line_no = 0, pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line[0] == '#') {
      if (nl == text.size()) break;
      continue;
    }
    if (line.front() == '[') {  // entries that start with '[' are written \[
      if (line.back() != ']' || line.size() < 3)
        throw DataError(origin + ": malformed section header '" + std::string(line) + "'", line_no, 1);
      current = std::string(line.substr(1, line.size() - 2));
      r.sections_[current];
    } else {
      if (current.empty())
        throw DataError(origin + ": entry before any [section]: '" + std::string(line) + "'", line_no, 1);
      RuleEntry e;
      bool remove = false;
      if (line.front() == '-' && line.size() > 1) {
        remove = true;
        line.remove_prefix(1);
      }
      if (line.front() == '?' && line.size() > 1) {
        e.weak = true;
        line.remove_prefix(1);
      }
      if (line.size() >= 2 && line.front() == '\\') line.remove_prefix(1);  // \# \- \? literal starts
      e.pattern = std::string(line);
      auto& sec = r.sections_[current];
      if (remove) {
        std::erase_if(sec, [&](const RuleEntry& x) { return x.pattern == e.pattern; });
        r.removals_.push_back({current, e.pattern});
      } else {
        sec.push_back(std::move(e));
      }
    }
    if (nl == text.size()) break;
  }
  return r;
}

void Rules::merge(const Rules& other) {
  for (auto& [name, removed] : other.removals_)
    std::erase_if(sections_[name], [&](const RuleEntry& x) { return x.pattern == removed; });
  for (auto& [name, entries] : other.sections_) {
    auto& mine = sections_[name];
    mine.insert(mine.end(), entries.begin(), entries.end());
  }
}

void Rules::merge_file(const std::string& path) {
  merge(parse(data::read_file(path, "rules file"), path));
}

const Rules& Rules::builtin() {
  static const Rules rules = [] {
    auto d = data::override_or_builtin("segment.rules", std::string_view(kBuiltinRules, kBuiltinRulesSize), "rules file");
    return parse(d.text, d.origin);
  }();
  return rules;
}

const std::vector<RuleEntry>& Rules::section(std::string_view name) const {
  static const std::vector<RuleEntry> empty;
  auto it = sections_.find(name);
  return it == sections_.end() ? empty : it->second;
}

bool Rules::matches_whole(std::string_view sec, std::string_view text, bool* weak) const {
  for (auto& e : section(sec)) {
    if (glob_match(e.pattern, text)) {
      if (weak) *weak = e.weak;
      return true;
    }
  }
  return false;
}

std::size_t Rules::matches_prefix(std::string_view sec, std::string_view text, bool* weak) const {
  std::size_t best = 0;
  for (auto& e : section(sec)) {
    std::size_t n = glob_prefix(e.pattern, text);
    if (n != std::string_view::npos && n > best) {
      best = n;
      if (weak) *weak = e.weak;
    }
  }
  return best;
}

bool Rules::contains(std::string_view sec, std::string_view text) const {
  for (auto& e : section(sec))
    if (text.find(e.pattern) != std::string_view::npos) return true;
  return false;
}

}  // namespace jatei
