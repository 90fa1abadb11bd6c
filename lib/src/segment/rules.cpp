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

// The length of the character at text[j] (1 for a byte that starts none), never past the end.
std::size_t char_len(std::string_view text, std::size_t j) {
  std::size_t n = utf8::sequence_length(static_cast<unsigned char>(text[j]));
  return n < text.size() - j ? n : text.size() - j;
}

std::string hex_byte(unsigned char b) {
  const char* d = "0123456789ABCDEF";
  return {d[b >> 4], d[b & 15]};
}

// Position of the first '*' or '#' at or after `from`, or npos.
std::size_t first_wildcard(std::string_view p, std::size_t from = 0) {
  for (std::size_t i = from; i < p.size(); ++i)
    if (p[i] == '*' || p[i] == '#') return i;
  return std::string_view::npos;
}

}  // namespace

// The glob matcher. Every piece of a pattern but '*' matches exactly one character (a literal
// character, or '#' one digit), so both functions below run in time proportional to the
// pattern's length times the text's at worst, however many stars a pattern has (the recursive
// matcher before them took 29 s on one line of a pattern of many stars).

bool glob_match(std::string_view pattern, std::string_view text) {
  std::size_t wild = first_wildcard(pattern);
  if (wild == std::string_view::npos) return pattern == text;
  // The literal after the last star must end the text: checked first, it spares the work of a
  // pattern like 【*続く*】 on every line starting with 【.
  std::size_t last_star = pattern.rfind('*');
  if (last_star != std::string_view::npos) {
    std::string_view tail = pattern.substr(last_star + 1);
    if (tail.find('#') == std::string_view::npos &&
        (text.size() < tail.size() || text.substr(text.size() - tail.size()) != tail))
      return false;
  }
  // Greedy, with the last star as the one point to come back to: what follows a star is
  // matched at the first place it can be, and on a mismatch the last star takes one more
  // character. Going back to an earlier star is never needed: whatever a later piece of the
  // text an earlier star could take, the last star can take as well.
  std::size_t i = 0, j = 0;
  std::size_t star = std::string_view::npos, mark = 0;
  while (j < text.size()) {
    if (i < pattern.size()) {
      char c = pattern[i];
      if (c == '*') {
        star = i++;
        mark = j;
        continue;
      }
      if (c == '#') {
        if (std::size_t d = digit_len(text.substr(j))) {
          ++i;
          j += d;
          continue;
        }
      } else if (c == text[j]) {  // a literal, byte by byte: a whole character matches a whole one
        ++i;
        ++j;
        continue;
      }
    }
    if (star == std::string_view::npos) return false;
    mark += char_len(text, mark);
    i = star + 1;
    j = mark;
  }
  while (i < pattern.size() && pattern[i] == '*') ++i;
  return i == pattern.size();
}

std::size_t glob_prefix(std::string_view pattern, std::string_view text) {
  if (first_wildcard(pattern) == std::string_view::npos)
    return text.substr(0, pattern.size()) == pattern ? pattern.size() : std::string_view::npos;
  // The pattern as a set of places in it (byte offsets where a piece starts, and the end),
  // moved over the text one character at a time; the longest prefix is the last character
  // after which the end of the pattern was among them.
  const std::size_t m = pattern.size();
  char small[2][128];
  std::vector<char> big;
  char* cur = small[0];
  char* next = small[1];
  if (m + 1 > sizeof small[0]) {
    big.assign(2 * (m + 1), 0);
    cur = big.data();
    next = big.data() + m + 1;
  } else {
    std::fill(cur, cur + m + 1, 0);
  }
  auto piece_len = [&](std::size_t i) {
    return pattern[i] == '*' || pattern[i] == '#' ? std::size_t{1} : char_len(pattern, i);
  };
  auto close = [&](char* s) {  // a star may also match nothing
    for (std::size_t i = 0; i < m; i += piece_len(i))
      if (s[i] && pattern[i] == '*') s[i + 1] = 1;
  };
  cur[0] = 1;
  close(cur);
  std::size_t best = cur[m] ? 0 : std::string_view::npos;
  for (std::size_t j = 0; j < text.size();) {
    std::size_t len = char_len(text, j);
    std::fill(next, next + m + 1, 0);
    bool any = false;
    for (std::size_t i = 0; i < m; i += piece_len(i)) {
      if (!cur[i]) continue;
      char c = pattern[i];
      if (c == '*') {
        next[i] = any = true;
      } else if (c == '#') {
        if (digit_len(text.substr(j)) == len) next[i + 1] = any = true;
      } else if (std::size_t pl = piece_len(i); pl == len && pattern.compare(i, pl, text.substr(j, len)) == 0) {
        next[i + pl] = any = true;
      }
    }
    if (!any) break;
    close(next);
    j += len;
    if (next[m]) best = j;
    std::swap(cur, next);
  }
  return best;
}

Rules Rules::parse(std::string_view text, const std::string& origin) {
  Rules r;
  r.origin_ = origin;
  std::string current;
  data::for_each_line(text, [&](std::string_view line, std::size_t line_no) {
    // Patterns match character by character: a byte that starts no character could match
    // inside one, so a rules file must be UTF-8 throughout.
    for (std::size_t i = 0; i < line.size();) {
      std::size_t n = utf8::valid_prefix(line.substr(i));
      if (n == 0)
        throw DataError(origin + ": invalid UTF-8 (byte 0x" + hex_byte(static_cast<unsigned char>(line[i])) +
                            "); a rules file is UTF-8",
                        line_no, i + 1);
      i += n;
    }
    line = data::trim_start(data::trim_end(line), " \t");
    if (line.empty() || line[0] == '#') return;
    if (line.front() == '[') {  // entries that start with '[' are written \[
      if (line.back() != ']' || line.size() < 3)
        throw DataError(origin + ": malformed section header '" + std::string(line) + "'", line_no, 1);
      current = std::string(line.substr(1, line.size() - 2));
      r.sections_[current];
      r.header_lines_.emplace(current, line_no);
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
  });
  return r;
}

void Rules::merge(const Rules& other) {
  // Not a structured binding: C++20 lets a lambda capture one, Clang 14 does not yet.
  for (const auto& removal : other.removals_)
    std::erase_if(sections_[removal.first], [&](const RuleEntry& x) { return x.pattern == removal.second; });
  for (auto& [name, entries] : other.sections_) {
    auto& mine = sections_[name];
    mine.insert(mine.end(), entries.begin(), entries.end());
  }
}

void Rules::merge_file(const std::string& path) {
  Rules extra = parse(data::read_file(path, "rules file"), path);
  extra.check_sections(*this);
  merge(extra);
}

void Rules::check_sections(const Rules& known) const {
  for (auto& [name, line] : header_lines_) {
    if (known.sections_.count(name)) continue;
    std::string list;
    for (auto& [k, entries] : known.sections_) list += (list.empty() ? "" : ", ") + k;
    throw DataError(origin_ + ": unknown section [" + name + "] (the sections are: " + list + ")", line, 1);
  }
}

void Rules::declare_sections(const Rules& shape) {
  for (auto& [name, entries] : shape.sections_) sections_[name];
}

Rules Rules::select(const Rules& shape) const {
  Rules r;
  r.origin_ = origin_;
  for (auto& [name, entries] : sections_)
    if (shape.sections_.count(name)) r.sections_[name] = entries;
  for (auto& [name, line] : header_lines_)
    if (shape.sections_.count(name)) r.header_lines_.emplace(name, line);
  for (auto& removal : removals_)
    if (shape.sections_.count(removal.first)) r.removals_.push_back(removal);
  return r;
}

Rules Rules::compiled_or_override(std::string_view rel, std::string_view compiled_text) {
  Rules compiled = parse(compiled_text, std::string(rel));
  auto path = data::override_file(rel);
  if (!path) return compiled;
  return data::parse_located(*path, "rules file", [&](const std::string& text) {
    Rules r = parse(text, *path);
    r.check_sections(compiled);
    r.declare_sections(compiled);
    return r;
  });
}

const Rules& Rules::builtin() {
  static const Rules rules = [] {
    return compiled_or_override("segment.rules", std::string_view(kBuiltinRules, kBuiltinRulesSize));
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
