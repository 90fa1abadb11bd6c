// Whether bytes are well-formed UTF-8, 32 bytes at a time where the processor has AVX2.
//
// Each byte is checked against the one before it by three table lookups, on the high and low
// halves of the previous byte and the high half of this one; a bit stands for each way the
// pair can be wrong, set in a table entry when that half allows it, so the three entries have
// the bit in common only where the pair is wrong that way:
//   too short   a lead byte (C_ D_ E_ F_) not followed by a continuation byte (8_ 9_ A_ B_);
//   too long    a continuation byte after an ASCII byte;
//   overlong    E0 before 80-9F, F0 before 80-8F;
//   surrogate   ED before A0-BF;
//   too large   F4 before 90-BF;
//   two conts   a continuation byte after another (not an error by itself: see below).
// A continuation byte after another must be the third or fourth byte of a sequence: two bytes
// back a lead of three or four bytes (E_ F_), or three back one of four (F_), and the other
// way round. Bytes that never occur in UTF-8 (C0 C1 F5-FF) are looked for on their own. The
// last bytes are checked against a block of zeros, so a sequence cut short at the end shows.
//
// Only the answer yes/no comes from here: where the first bad byte is, the plain loop finds.
// The other scans of whole texts that decoding and segmentation make are here too, each with
// its plain fallback: the bytes decoding must change, and the line ends.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define JATEI_UTF8_AVX2 1
#endif

namespace jatei::utf8_check {

#ifdef JATEI_UTF8_AVX2
// Whether this processor has AVX2 (asked once), for every fast path of libjatei.
inline bool has_avx2() {
  static const bool yes = __builtin_cpu_supports("avx2");
  return yes;
}
#endif

#ifdef JATEI_UTF8_AVX2
enum : unsigned char {
  kTooShort = 0x01,
  kTooLong = 0x02,
  kOverlong3 = 0x04,
  kSurrogate = 0x08,
  kOverlong4 = 0x10,
  kTooLarge = 0x20,
  kTwoConts = 0x80,
};

__attribute__((target("avx2"))) inline __m256i table(const unsigned char (&t)[16]) {
  __m128i half = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t));
  return _mm256_broadcastsi128_si256(half);
}

// The bytes of `in` moved up by n (1-3) places, the last bytes of `prev` coming in below.
template <int N>
__attribute__((target("avx2"))) inline __m256i before(__m256i in, __m256i prev) {
  return _mm256_alignr_epi8(in, _mm256_permute2x128_si256(prev, in, 0x21), 16 - N);
}

struct Tables {
  __m256i high1, low1, high2;
};

// Checks the 32 bytes `in` (after `prev`), adding what is wrong to `error`.
__attribute__((target("avx2"))) inline void check_block(const Tables& t, __m256i in, __m256i prev, __m256i& error) {
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  __m256i p1 = before<1>(in, prev);
  __m256i h1 = _mm256_and_si256(_mm256_srli_epi16(p1, 4), nibble);
  __m256i l1 = _mm256_and_si256(p1, nibble);
  __m256i h2 = _mm256_and_si256(_mm256_srli_epi16(in, 4), nibble);
  __m256i found = _mm256_and_si256(_mm256_and_si256(_mm256_shuffle_epi8(t.high1, h1), _mm256_shuffle_epi8(t.low1, l1)),
                                   _mm256_shuffle_epi8(t.high2, h2));
  // Third or fourth byte of a sequence: E_/F_ two back, or F_ three back.
  __m256i third = _mm256_subs_epu8(before<2>(in, prev), _mm256_set1_epi8(static_cast<char>(0xDF)));
  __m256i fourth = _mm256_subs_epu8(before<3>(in, prev), _mm256_set1_epi8(static_cast<char>(0xEF)));
  __m256i must = _mm256_and_si256(_mm256_cmpgt_epi8(_mm256_or_si256(third, fourth), _mm256_setzero_si256()),
                                  _mm256_set1_epi8(static_cast<char>(0x80)));
  error = _mm256_or_si256(error, _mm256_xor_si256(found, must));
  // Never in UTF-8: C0, C1, F5-FF.
  __m256i c0 = _mm256_cmpeq_epi8(_mm256_and_si256(in, _mm256_set1_epi8(static_cast<char>(0xFE))),
                                 _mm256_set1_epi8(static_cast<char>(0xC0)));
  __m256i f5 = _mm256_subs_epu8(in, _mm256_set1_epi8(static_cast<char>(0xF4)));
  error = _mm256_or_si256(error, _mm256_or_si256(c0, f5));
}

__attribute__((target("avx2"))) inline bool valid_avx2(std::string_view s) {
  constexpr unsigned char base = kTooShort | kTooLong | kTwoConts;
  static constexpr unsigned char by_high1[16] = {
      kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong,  // 0_-7_ ASCII
      kTwoConts, kTwoConts, kTwoConts, kTwoConts,                                      // 8_-B_
      kTooShort, kTooShort,                                                            // C_ D_
      kTooShort | kOverlong3 | kSurrogate,                                             // E_
      kTooShort | kOverlong4 | kTooLarge};                                             // F_
  static constexpr unsigned char by_low1[16] = {
      base | kOverlong3 | kOverlong4, base, base, base, base | kTooLarge, base, base, base,  // _0 _4
      base, base, base, base, base, base | kSurrogate, base, base};                        // _D
  static constexpr unsigned char by_high2[16] = {
      kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,
      kTooLong | kTwoConts | kOverlong3 | kOverlong4,  // 8_
      kTooLong | kTwoConts | kOverlong3 | kTooLarge,   // 9_
      kTooLong | kTwoConts | kSurrogate | kTooLarge,   // A_
      kTooLong | kTwoConts | kSurrogate | kTooLarge,   // B_
      kTooShort, kTooShort, kTooShort, kTooShort};
  const Tables t{table(by_high1), table(by_low1), table(by_high2)};
  __m256i prev = _mm256_setzero_si256(), error = _mm256_setzero_si256();
  auto step = [&](__m256i in) __attribute__((target("avx2"))) {
    check_block(t, in, prev, error);
    prev = in;
  };
  const char* p = s.data();
  std::size_t n = s.size(), i = 0;
  for (; i + 32 <= n; i += 32) {
    step(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i)));
    if ((i & 4095) == 4064 && !_mm256_testz_si256(error, error)) return false;  // stop early, now and then
  }
  if (i < n) {
    alignas(32) unsigned char last[32] = {};
    std::memcpy(last, p + i, n - i);
    step(_mm256_load_si256(reinterpret_cast<const __m256i*>(last)));
  }
  step(_mm256_setzero_si256());  // a sequence the end cuts short
  return _mm256_testz_si256(error, error) != 0;
}
#endif

// Where the first byte from `from` on is that decoding must change: a control character other
// than LF and tab, or the start of U+FFFE or U+FFFF (EF BF BE, EF BF BF); s.size() if none.
// 32 bytes at a time where the processor has AVX2 (the last bytes one by one, as elsewhere).
#ifdef JATEI_UTF8_AVX2
__attribute__((target("avx2"))) inline std::size_t first_changed_avx2(std::string_view s, std::size_t from) {
  const char* p = s.data();
  std::size_t i = from;
  const __m256i lf = _mm256_set1_epi8('\n'), tab = _mm256_set1_epi8('\t'), below = _mm256_set1_epi8(0x1F);
  const __m256i ef = _mm256_set1_epi8(static_cast<char>(0xEF)), bf = _mm256_set1_epi8(static_cast<char>(0xBF));
  const __m256i fe = _mm256_set1_epi8(static_cast<char>(0xFE)), be = _mm256_set1_epi8(static_cast<char>(0xBE));
  for (; i + 34 <= s.size(); i += 32) {
    __m256i b0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    __m256i control = _mm256_cmpeq_epi8(_mm256_min_epu8(b0, below), b0);  // b0 <= 0x1F
    control = _mm256_andnot_si256(_mm256_or_si256(_mm256_cmpeq_epi8(b0, lf), _mm256_cmpeq_epi8(b0, tab)), control);
    __m256i b1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 1));
    __m256i b2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 2));
    __m256i nonchar = _mm256_and_si256(_mm256_and_si256(_mm256_cmpeq_epi8(b0, ef), _mm256_cmpeq_epi8(b1, bf)),
                                       _mm256_cmpeq_epi8(_mm256_and_si256(b2, fe), be));
    auto m = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_or_si256(control, nonchar)));
    if (m) return i + static_cast<std::size_t>(__builtin_ctz(m));
  }
  return i;  // not found before here: the caller looks at the rest
}
#endif

// Calls f(i) for the offset i of every LF in s, in order: 32 bytes at a time where the
// processor has AVX2, memchr otherwise.
#ifdef JATEI_UTF8_AVX2
template <class F>
__attribute__((target("avx2"))) inline void each_newline_avx2(std::string_view s, F& f) {
  const char* p = s.data();
  const __m256i lf = _mm256_set1_epi8('\n');
  std::size_t i = 0;
  for (; i + 32 <= s.size(); i += 32) {
    auto m = static_cast<std::uint32_t>(
        _mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i)), lf)));
    for (; m; m &= m - 1) f(i + static_cast<std::size_t>(__builtin_ctz(m)));
  }
  for (; i < s.size(); ++i)
    if (p[i] == '\n') f(i);
}
#endif

template <class F>
inline void each_newline(std::string_view s, F&& f) {
#ifdef JATEI_UTF8_AVX2
  if (has_avx2()) {
    each_newline_avx2(s, f);
    return;
  }
#endif
  for (const char* q = s.data(); (q = static_cast<const char*>(std::memchr(q, '\n', s.data() + s.size() - q))); ++q)
    f(static_cast<std::size_t>(q - s.data()));
}

// true: s is well-formed UTF-8. false: it is not, or this processor cannot tell quickly (the
// caller then looks with the plain loop, which it needs anyway to say where).
// From `from`, a point up to which no byte needs changing (see first_changed_avx2): the caller
// goes on from there one byte at a time. `from` itself where the processor cannot tell quickly.
inline std::size_t unchanged_until(std::string_view s, std::size_t from) {
#ifdef JATEI_UTF8_AVX2
  if (has_avx2()) return first_changed_avx2(s, from);
#endif
  (void)s;
  return from;
}

inline bool known_valid(std::string_view s) {
#ifdef JATEI_UTF8_AVX2
  if (has_avx2()) return valid_avx2(s);
#endif
  (void)s;
  return false;
}

}  // namespace jatei::utf8_check
