// A line's code points as the sentence splitter reads them (internal to lib/src/segment): the
// work buffers reused from line to line, and the decoding, 32 bytes at a time with AVX2 on
// text known to be well-formed UTF-8 (`stop_mask`), or one code point at a time; both give the
// same splits (unit test known_valid_utf8_splits_the_same).
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "jatei/segment.hpp"
#include "jatei/utf8.hpp"
#include "segment/split_chars.hpp"
#include "text/utf8_check.hpp"  // has_avx2(), JATEI_UTF8_AVX2 where the compiler can target it

namespace jatei::seg::split {

#ifdef JATEI_UTF8_AVX2
// Bit j is set where byte p[j] starts a code point the splitter must see by itself: ASCII, and
// the lead byte of anything but a kana, ー or kanji that goes on a run (so also ノ シ ゞ and
// the `stops`, first characters of protected names). Reads p[0] to p[33]; well-formed UTF-8.
__attribute__((target("avx2"))) inline std::uint32_t stop_mask(const unsigned char* p, const std::array<unsigned char, 3>* stops,
                                                         std::size_t n_stops) {
  const __m256i b0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i b1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 1));
  const __m256i b2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 2));
#define JATEI_EQ(x, v) _mm256_cmpeq_epi8((x), _mm256_set1_epi8(static_cast<char>(v)))
#define JATEI_IN(x, lo, hi)                                                                \
  _mm256_cmpeq_epi8(_mm256_min_epu8(_mm256_sub_epi8((x), _mm256_set1_epi8(static_cast<char>(lo))), \
                                    _mm256_set1_epi8(static_cast<char>((hi) - (lo)))),               \
                    _mm256_sub_epi8((x), _mm256_set1_epi8(static_cast<char>(lo))))
  // E3 81 81-BF: U+3041-307F. E3 82 __: U+3080-30BF but シ (B7) ゞ (9E). E3 83 80-BA and BC:
  // U+30C0-30FA and ー, but ノ (8E).
  __m256i hira = _mm256_and_si256(JATEI_EQ(b1, 0x81), JATEI_IN(b2, 0x81, 0xBF));
  __m256i k82 = _mm256_andnot_si256(_mm256_or_si256(JATEI_EQ(b2, 0xB7), JATEI_EQ(b2, 0x9E)), JATEI_EQ(b1, 0x82));
  __m256i k83 = _mm256_andnot_si256(JATEI_EQ(b2, 0x8E),
                                    _mm256_and_si256(JATEI_EQ(b1, 0x83), _mm256_or_si256(JATEI_IN(b2, 0x80, 0xBA), JATEI_EQ(b2, 0xBC))));
  __m256i run = _mm256_and_si256(JATEI_EQ(b0, 0xE3), _mm256_or_si256(hira, _mm256_or_si256(k82, k83)));
  // E4 B8-BF __: U+4E00-4FFF. E5-E9 __ __: U+5000-9FFF.
  run = _mm256_or_si256(run, _mm256_and_si256(JATEI_EQ(b0, 0xE4), JATEI_IN(b1, 0xB8, 0xBF)));
  run = _mm256_or_si256(run, JATEI_IN(b0, 0xE5, 0xE9));
  for (std::size_t k = 0; k < n_stops; ++k) {
    __m256i at = _mm256_and_si256(JATEI_EQ(b0, stops[k][0]), _mm256_and_si256(JATEI_EQ(b1, stops[k][1]), JATEI_EQ(b2, stops[k][2])));
    run = _mm256_andnot_si256(at, run);
  }
  __m256i continuation = JATEI_EQ(_mm256_and_si256(b0, _mm256_set1_epi8(static_cast<char>(0xC0))), 0x80);
#undef JATEI_EQ
#undef JATEI_IN
  __m256i go_on = _mm256_or_si256(run, continuation);
  return ~static_cast<std::uint32_t>(_mm256_movemask_epi8(go_on));
}

#endif

// A growable array of trivially copyable values whose pushes are not checked: the caller
// reserves room first. Filling the code points of a line this way costs a store each, where a
// vector's push_back is a call with a capacity check.
template <class T>
class PodBuffer {
 public:
  std::size_t size() const { return n_; }
  std::size_t capacity() const { return cap_; }
  T& operator[](std::size_t i) { return p_[i]; }
  const T& operator[](std::size_t i) const { return p_[i]; }
  T* begin() { return p_.get(); }
  T* end() { return p_.get() + n_; }
  const T* begin() const { return p_.get(); }
  const T* end() const { return p_.get() + n_; }
  void clear() { n_ = 0; }
  void reserve(std::size_t c) {
    if (c <= cap_) return;
    auto q = std::make_unique_for_overwrite<T[]>(c);
    std::copy(begin(), end(), q.get());
    p_ = std::move(q);
    cap_ = c;
  }
  void push_back(const T& v) { p_[n_++] = v; }  // room reserved by the caller
  // Stores v in any case and keeps it only if `keep`: no branch to mispredict on mixed text.
  void push_if(const T& v, bool keep) {
    p_[n_] = v;
    n_ += keep;
  }

 private:
  std::unique_ptr<T[]> p_;
  std::size_t n_ = 0, cap_ = 0;
};

// Per-thread work buffers, reused from line to line; a very long line's are given back after it.
struct SplitBuffers {
  PodBuffer<Cp> cps;
  PodBuffer<std::uint32_t> specials;    // indices of the code points that are not is_plain() (kana, ー, kanji)
  PodBuffer<std::uint32_t> candidates;  // byte offsets where a protected pattern may start
  std::vector<std::size_t> next_match;  // per protected pattern: where its next match may start
  std::vector<char> protected_;
  std::vector<std::uint32_t> match;  // index of the matching closer, or kNoMatch
  std::vector<char> closes;
};

inline SplitBuffers& split_buffers() {
  thread_local SplitBuffers buffers;
  return buffers;
}

// The code points of one line, decoded into the buffers of this thread.
class LineCodePoints {
 public:
  LineCodePoints(std::string_view line, const SentenceSplitter::Sections& sections, const SentenceSplitter::Index& index,
                 bool valid_utf8)
      : line_(line), valid_utf8_(valid_utf8), sections_(sections), index_(index) {
    decode();
  }

  ~LineCodePoints() {
    if (cps_.capacity() > (std::size_t(1) << 16)) buffers_ = SplitBuffers();
  }

 protected:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  std::size_t off(std::size_t idx) const { return idx < cps_.size() ? cps_[idx].at : line_.size(); }

  std::size_t skip_ws(std::size_t i) const {
    while (i < cps_.size() && is_space(cps_[i].c)) ++i;
    return i;
  }

  std::string_view line_;
  bool valid_utf8_;
  const SentenceSplitter::Sections& sections_;
  const SentenceSplitter::Index& index_;
  SplitBuffers& buffers_ = split_buffers();
  PodBuffer<Cp>& cps_ = buffers_.cps;
  PodBuffer<std::uint32_t>& specials_ = buffers_.specials;
  PodBuffer<std::uint32_t>& candidates_ = buffers_.candidates;

 private:
  // is_plain() but not one of the arms ノ シ ゞ (U+0000-U+FFFF, a bit each): what a run of kana
  // and kanji in decode() goes on over.
  static bool continues_run(char32_t c) {
    static const std::array<std::uint64_t, 1024> bits = [] {
      std::array<std::uint64_t, 1024> b{};
      for (char32_t k = 0; k < 0x10000; ++k)
        if (is_plain(k) && k != U'ノ' && k != U'シ' && k != U'ゞ') b[k >> 6] |= std::uint64_t(1) << (k & 63);
      return b;
    }();
    return c < 0x10000 && ((bits[c >> 6] >> (c & 63)) & 1) != 0;
  }

  // The code points of the line, with the indices of those that are not is_plain(), and the
  // byte offsets where a protected pattern could start. A run of kana and kanji is held by its
  // first and last code points only: the splitter treats all of a run alike, as text, and
  // what it asks of the characters around an ending or a bracket (the one before, the one
  // after) is still there, and so is every arm absorb() may take after a face (ノ シ ゞ) one by
  // one. Only is_emoticon_group() counts code points, and it reads the bytes. (A run cut in
  // two, as where the 32-byte steps end, keeps a few more: that changes nothing.)
  void decode() {
    cps_.clear();
    specials_.clear();
    candidates_.clear();
    cps_.reserve(line_.size() + 1);  // at most one code point a byte
    specials_.reserve(line_.size() + 1);
    candidates_.reserve(line_.size() + 1);
    std::size_t from = 0;
#ifdef JATEI_UTF8_AVX2
    if (valid_utf8_ && index_.plain_stops.size() <= SentenceSplitter::Index::kMaxStops && utf8_check::has_avx2())
      from = decode_blocks();
#endif
    decode_from(from);
  }

  void add(char32_t c, std::size_t at) {
    auto k = static_cast<std::uint32_t>(cps_.size());
    cps_.push_back({c, static_cast<std::uint32_t>(at)});
    specials_.push_if(k, !is_plain(c));
    candidates_.push_if(static_cast<std::uint32_t>(at), index_.may_start_protected(c));
  }

  // The code point of the three-byte sequence at j (lead E1-EC, EE, EF), or 0 if there is none.
  char32_t three(std::size_t j) const {
    const auto* u = reinterpret_cast<const unsigned char*>(line_.data());
    unsigned char b = u[j];
    if (!(((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) && j + 2 < line_.size() && (u[j + 1] & 0xC0) == 0x80 &&
          (u[j + 2] & 0xC0) == 0x80))
      return 0;
    return (char32_t(b & 0x0F) << 12) | (char32_t(u[j + 1] & 0x3F) << 6) | (u[j + 2] & 0x3F);
  }

#ifdef JATEI_UTF8_AVX2
  // Decodes well-formed UTF-8 32 bytes at a time: stop_mask() finds the code points to look at;
  // between two of them lies a run of kana and kanji, three bytes each. The last bytes are
  // looked at in a copy with zeros after them. Returns the end of the line.
  std::size_t decode_blocks() {
    const auto* u = reinterpret_cast<const unsigned char*>(line_.data());
    const std::size_t size = line_.size();
    std::size_t cur = 0;  // decoded up to here; from here to the next stop, a run
    auto take = [&](std::size_t pos) {
      if (pos < cur) return;
      if (pos > cur) {  // a run: its first and last code points
        add(three(cur), cur);
        if (pos - cur > 3) cps_.push_back({three(pos - 3), static_cast<std::uint32_t>(pos - 3)});
      }
      std::size_t len = 1;
      char32_t c = u[pos];
      if (c >= 0x80) {
        c = three(pos);
        if (c)
          len = 3;
        else
          c = utf8::decode(line_, pos, len);
      }
      add(c, pos);
      cur = pos + len;
    };
    const auto* stops = index_.plain_stops.data();
    const std::size_t n_stops = index_.plain_stops.size();
    std::size_t i = 0;
    for (; i + 34 <= size; i += 32)
      for (std::uint32_t m = stop_mask(u + i, stops, n_stops); m; m &= m - 1) take(i + static_cast<std::size_t>(std::countr_zero(m)));
    if (i < size) {
      unsigned char last[72] = {};  // two reads of 34 bytes
      std::memcpy(last, u + i, size - i);
      std::uint32_t m = stop_mask(last, stops, n_stops);
      if (size - i < 32) m &= (std::uint32_t(1) << (size - i)) - 1;
      for (; m; m &= m - 1) take(i + static_cast<std::size_t>(std::countr_zero(m)));
      if (size - i > 32) {  // 33 bytes left: the last one
        std::uint32_t m2 = stop_mask(last + 32, stops, n_stops) & 1u;
        if (m2) take(i + 32);
      }
    }
    if (cur < size) {  // a run to the end
      add(three(cur), cur);
      if (size - cur > 3) cps_.push_back({three(size - 3), static_cast<std::uint32_t>(size - 3)});
    }
    return size;
  }
#endif

  // Decodes from byte `from` (where a code point starts) to the end, one code point at a time.
  void decode_from(std::size_t from) {
    const auto* u = reinterpret_cast<const unsigned char*>(line_.data());
    const std::size_t size = line_.size();
    std::size_t i = from;
    while (i < size) {
      unsigned char b = u[i];
      if (b < 0x80) {
        add(b, i);
        ++i;
        continue;
      }
      if (char32_t c = three(i)) {
        add(c, i);
        i += 3;
        if (!continues_run(c)) continue;
        // The rest of a run of kana and kanji: only its last code point is kept. The arms after
        // a face (ノ シ ゞ) are kept one by one, as absorb() takes them.
        std::size_t last = 0;
        char32_t last_c = 0;
        while (i + 2 < size && unsigned(u[i]) - 0xE3u <= 6u && (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
          char32_t d = (char32_t(u[i] & 0x0F) << 12) | (char32_t(u[i + 1] & 0x3F) << 6) | (u[i + 2] & 0x3F);
          if (!continues_run(d)) break;
          candidates_.push_if(static_cast<std::uint32_t>(i), index_.may_start_protected(d));
          last = i;
          last_c = d;
          i += 3;
        }
        if (last_c) cps_.push_back({last_c, static_cast<std::uint32_t>(last)});
        continue;
      }
      std::size_t len = 1;
      char32_t c = utf8::decode(line_, i, len);
      add(c, i);
      i += len;
    }
  }
};

}  // namespace jatei::seg::split
