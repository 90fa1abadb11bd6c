// Small UTF-8 helpers used on hot paths (no allocation, no ICU round trip).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace jatei::utf8 {

// Length of the sequence a lead byte announces (1 for ASCII and for stray bytes).
inline std::size_t sequence_length(unsigned char b) {
  if (b < 0xC0) return 1;
  if (b < 0xE0) return 2;
  if (b < 0xF0) return 3;
  return 4;
}

// Code points in valid UTF-8: every byte but a continuation byte (10xxxxxx) starts one,
// counted eight bytes at a time.
inline std::size_t count(std::string_view s) {
  std::size_t i = 0, continuation = 0;
  for (std::uint64_t w; i + 8 <= s.size(); i += 8) {
    std::memcpy(&w, s.data() + i, 8);
    std::uint64_t marks = (w & ~(w << 1) & 0x8080808080808080ULL) >> 7;  // 1 in each continuation byte
    continuation += static_cast<std::size_t>((marks * 0x0101010101010101ULL) >> 56);
  }
  for (; i < s.size(); ++i) continuation += (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  return s.size() - continuation;
}

// Length of the well-formed sequence at the start of `s` (Unicode table 3-7), 0 if ill-formed.
inline std::size_t valid_prefix(std::string_view s) {
  if (s.empty()) return 0;
  auto at = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char b = at(0);
  if (b < 0x80) return 1;
  auto cont = [&](std::size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return i < s.size() && at(i) >= lo && at(i) <= hi;
  };
  if (b >= 0xC2 && b <= 0xDF) return cont(1) ? 2 : 0;
  if (b == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (b == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (b == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xF1 && b <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

// Length of the maximal ill-formed subpart at the start of `s` (what one U+FFFD replaces).
inline std::size_t invalid_length(std::string_view s) {
  unsigned char b = static_cast<unsigned char>(s[0]);
  std::size_t want = sequence_length(b);
  if (b < 0xC2 || b > 0xF4) return 1;
  std::size_t n = 1;
  while (n < want && n < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[n]);
    if (c < 0x80 || c > 0xBF) break;
    if (n == 1) {
      if ((b == 0xE0 && c < 0xA0) || (b == 0xED && c > 0x9F) || (b == 0xF0 && c < 0x90) ||
          (b == 0xF4 && c > 0x8F))
        break;
    }
    ++n;
  }
  return n;
}

// Decodes the (assumed valid) code point at s[i]; sets len. Invalid input yields U+FFFD, len 1.
inline char32_t decode(std::string_view s, std::size_t i, std::size_t& len) {
  unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    len = 1;
    return b;
  }
  // The common sequences first: three bytes led by E1-EC, EE or EF (kana, kanji, most
  // punctuation), two bytes led by C2-DF; their continuation bytes are all that can be wrong.
  if (((b >= 0xE1 && b <= 0xEC) || b >= 0xEE) && b <= 0xEF && i + 2 < s.size()) {
    auto c1 = static_cast<unsigned char>(s[i + 1]), c2 = static_cast<unsigned char>(s[i + 2]);
    if ((c1 & 0xC0) == 0x80 && (c2 & 0xC0) == 0x80) {
      len = 3;
      return (char32_t(b & 0x0F) << 12) | (char32_t(c1 & 0x3F) << 6) | (c2 & 0x3F);
    }
  } else if (b >= 0xC2 && b <= 0xDF && i + 1 < s.size()) {
    auto c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c1 & 0xC0) == 0x80) {
      len = 2;
      return (char32_t(b & 0x1F) << 6) | (c1 & 0x3F);
    }
  }
  std::size_t n = valid_prefix(s.substr(i, 4));
  if (n == 0) {
    len = 1;
    return 0xFFFD;
  }
  len = n;
  char32_t c = n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return c;
}

// Code point that ends just before byte `i` (i > 0); sets len.
inline char32_t decode_before(std::string_view s, std::size_t i, std::size_t& len) {
  std::size_t j = i - 1;
  while (j > 0 && i - j < 4 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  std::size_t l = 0;
  char32_t c = decode(s, j, l);
  if (j + l != i) {
    len = 1;
    return 0xFFFD;
  }
  len = l;
  return c;
}

// Appends the UTF-8 encoding of `c`.
inline void append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace jatei::utf8
