// Character classes and small scanning helpers shared by the claims sources (not installed).
// Everything works on UTF-8 text that has been NFKC-normalised (claims::normalise), so
// full-width ASCII is already ASCII and half-width katakana is already full-width.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "jatei/utf8.hpp"

namespace jatei::claims::text {

inline bool is_hiragana(char32_t c) { return (c >= 0x3041 && c <= 0x309F) || c == 0x30FC; }
inline bool is_katakana(char32_t c) {
  return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || (c >= 0x31F0 && c <= 0x31FF) || c == 0x30FD || c == 0x30FE;
}
inline bool is_kanji(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x2FFFF) || c == 0x3005 || c == 0x3006;
}
inline bool is_latin(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
inline bool is_upper(char32_t c) { return c >= 'A' && c <= 'Z'; }
inline bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000; }
// Emoji and pictographs that end informal sentences.
inline bool is_emoji(char32_t c) {
  return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2B00 && c <= 0x2BFF) ||
         c == 0xFE0F || c == 0x200D || c == 0x2661 || c == 0x2665 || c == 0x266A || c == 0x266B || c == 0x2606 ||
         c == 0x2605 || c == 0x261D || (c >= 0x1F3FB && c <= 0x1F3FF);
}
inline bool is_open_bracket(char32_t c) {
  return c == 0x300C || c == 0x300E || c == '(' || c == '[' || c == 0x3010 || c == 0x201C || c == 0x3014 ||
         c == 0x3008 || c == 0x300A || c == '{';
}
inline bool is_close_bracket(char32_t c) {
  return c == 0x300D || c == 0x300F || c == ')' || c == ']' || c == 0x3011 || c == 0x201D || c == 0x3015 ||
         c == 0x3009 || c == 0x300B || c == '}';
}
// Quotation brackets (someone's words), as opposed to parentheses.
inline bool is_quote_open(char32_t c) { return c == 0x300C || c == 0x300E || c == 0x201C; }
inline char32_t closer_of(char32_t c) {
  switch (c) {
    case 0x300C: return 0x300D;
    case 0x300E: return 0x300F;
    case '(': return ')';
    case '[': return ']';
    case 0x3010: return 0x3011;
    case 0x201C: return 0x201D;
    case 0x3014: return 0x3015;
    case 0x3008: return 0x3009;
    case 0x300A: return 0x300B;
    case '{': return '}';
    default: return 0;
  }
}

// Code point at byte i (len set); at or past the end: 0, len 0.
inline char32_t at(std::string_view s, std::size_t i, std::size_t& len) {
  if (i >= s.size()) {
    len = 0;
    return 0;
  }
  return utf8::decode(s, i, len);
}
inline char32_t at(std::string_view s, std::size_t i) {
  std::size_t len;
  return at(s, i, len);
}
// Code point ending just before byte i; 0 at the start.
inline char32_t before(std::string_view s, std::size_t i, std::size_t& len) {
  if (i == 0) {
    len = 0;
    return 0;
  }
  return utf8::decode_before(s, i, len);
}
inline char32_t before(std::string_view s, std::size_t i) {
  std::size_t len;
  return before(s, i, len);
}
// Byte offset of the character after the one at i.
inline std::size_t next(std::string_view s, std::size_t i) {
  return i + (i < s.size() ? utf8::sequence_length(static_cast<unsigned char>(s[i])) : 1);
}
inline std::size_t prev(std::string_view s, std::size_t i) {
  std::size_t len;
  before(s, i, len);
  return i - (len ? len : 1);
}

inline bool starts_with(std::string_view s, std::size_t i, std::string_view p) {
  return i <= s.size() && s.substr(i, p.size()) == p;
}
inline bool ends_with_at(std::string_view s, std::size_t end, std::string_view p) {
  return end >= p.size() && s.substr(end - p.size(), p.size()) == p;
}

// Number of code points in s.
inline std::size_t length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); i = next(s, i)) ++n;
  return n;
}

}  // namespace jatei::claims::text
