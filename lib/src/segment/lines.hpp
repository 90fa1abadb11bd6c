// The lines of a text as segmentation sees them: what each says of itself, and the small
// tests on a line's text that the decisions share (internal to lib/src/segment).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "jatei/segment.hpp"
#include "jatei/utf8.hpp"

namespace jatei::seg {

constexpr std::size_t kMaxCueChars = 200;  // longer lines are always body text

enum class LineKind : std::uint8_t { blank, para, bullet, number, caption, trailer, byline, credit, boilerplate, summary_head, section_head, code, note };

// One line of the text (its number is its index + 1). 48 bytes: the passes over all lines
// read every one of them. Plain data without initialisers, so that an array of them can be
// made without writing it: whoever finds a line writes all of it (Line{} and its range).
struct Line {
  std::size_t begin, end;  // byte range in the text (no LF)
  const char* content_at;  // content(): trimmed of surrounding whitespace
  std::size_t content_size;
  std::uint32_t r_first, r_count;  // its sentences in its chunk of Plan::ranges
  std::uint32_t chars;             // code points in content (counted up to kMaxCueChars + 1)
  LineKind kind;
  // What the line says of itself, found with its kind (on either thread): it could head a
  // section, it could date the article, its last sentence introduces a quotation.
  bool head_like, dateline, quote_intro;

  std::string_view content() const { return {content_at, content_size}; }
  void set_content(std::string_view c) {
    content_at = c.data();
    content_size = c.size();
  }
};
static_assert(std::is_trivially_default_constructible_v<Line>);

inline std::string_view trim(std::string_view s) {
  // Every is_space() character outside ASCII starts with C2, E1, E2 or E3 and ends with one of
  // 80-8A, 9F, A0, AF: any other byte there ends the trimming without decoding.
  auto may_start_space = [](unsigned char b) { return b == ' ' || b == '\t' || b == 0xC2 || (b >= 0xE1 && b <= 0xE3); };
  auto may_end_space = [](unsigned char b) {
    return b == ' ' || b == '\t' || (b >= 0x80 && b <= 0x8A) || b == 0x9F || b == 0xA0 || b == 0xAF;
  };
  while (!s.empty() && may_start_space(static_cast<unsigned char>(s.front()))) {
    std::size_t len = 0;
    char32_t c = utf8::decode(s, 0, len);
    if (!is_space(c)) break;
    s.remove_prefix(len);
  }
  while (!s.empty() && may_end_space(static_cast<unsigned char>(s.back()))) {
    std::size_t len = 0;
    char32_t c = utf8::decode_before(s, s.size(), len);
    if (!is_space(c)) break;
    s.remove_suffix(len);
  }
  return s;
}

// Code points in s, counted up to limit + 1: only its first limit * 4 + 4 bytes, which hold more
// than limit characters, are looked at (a long line costs no more than a short one).
inline std::size_t count_chars(std::string_view s, std::size_t limit) {
  return std::min(utf8::count(s.substr(0, limit * 4 + 4)), limit + 1);
}

// Whether s holds a digit, ASCII (0-9) or full-width (０-９: EF BC 90-99).
inline bool has_digit(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b >= '0' && b <= '9') return true;
    if (b == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC &&
        static_cast<unsigned char>(s[i + 2]) >= 0x90 && static_cast<unsigned char>(s[i + 2]) <= 0x99)
      return true;
  }
  return false;
}

// The first character of s, as bytes.
inline std::string_view first_char(std::string_view s) {
  return s.empty() ? s : s.substr(0, std::min(s.size(), utf8::sequence_length(static_cast<unsigned char>(s[0]))));
}

inline bool ends_like_sentence(std::string_view s) {
  static constexpr std::string_view kEnds[] = {"。", "．", "!", "！"};
  for (std::string_view end : kEnds)
    if (s.ends_with(end)) return true;
  return false;
}

}  // namespace jatei::seg
