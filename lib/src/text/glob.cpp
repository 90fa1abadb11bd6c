// The glob matcher of the cue index: '*' any run of characters, '#' one digit (jatei/cues.hpp).
#include <algorithm>
#include <vector>

#include "jatei/cues.hpp"
#include "jatei/utf8.hpp"

namespace jatei {

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

}  // namespace jatei
