// Sentence splitting within one line.
//
// One pass over the line's code points after two cheap pre-passes: protected ranges (URLs,
// names like モー娘。) and bracket matching. Brackets are matched per family with a stack, so
// an opener that never closes on this line is ignored instead of swallowing the rest of it;
// depth is only counted between matched pairs.
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "jatei/segment.hpp"
#include "jatei/text.hpp"
#include "jatei/utf8.hpp"
#include "text/utf8_check.hpp"  // has_avx2(), JATEI_UTF8_AVX2 where the compiler can target it

namespace jatei {

bool is_space(char32_t c) { return text::is_space(c); }

namespace {

using Cp = text::CodePoint;
using text::closes;
using text::is_ascii_alnum;
using text::is_ascii_alpha;
using text::is_ascii_digit;
using text::is_terminator;
using text::opens;

// Kana (U+3041-U+30FA), the long vowel mark ー and kanji (U+4E00-U+9FFF): always text, never a
// bracket, an ending or a space; the splitter only stops at the other code points.
bool is_plain(char32_t c) { return (c >= 0x3041 && c <= 0x30FA) || c == 0x30FC || (c >= 0x4E00 && c <= 0x9FFF); }

bool is_kanji_numeral(char32_t c) {
  switch (c) {
    case U'〇': case U'一': case U'二': case U'三': case U'四': case U'五': case U'六': case U'七':
    case U'八': case U'九': case U'十': case U'百': case U'千': case U'万': case U'億': case U'兆':
      return true;
    default:
      return false;
  }
}

// Letters and digits of any width, and kanji numerals: what sits on both sides of a period
// that does not end a sentence (2.5, No.1, example.com, ３．２９, 四.五).
bool is_alnum_like(char32_t c) {
  return is_ascii_alnum(c) || (c >= U'０' && c <= U'９') || (c >= U'Ａ' && c <= U'Ｚ') ||
         (c >= U'ａ' && c <= U'ｚ') || is_kanji_numeral(c);
}

bool is_wordlike(char32_t c) {
  if (c < 0x80) return is_ascii_alnum(c);
  if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF)) return true;
  switch (text::class_of(c)) {
    case text::Class::kanji: case text::Class::hiragana: case text::Class::katakana: case text::Class::prolonged:
    case text::Class::sound_mark: case text::Class::latin: case text::Class::digit: case text::Class::letter:
      return true;
    default:
      return false;
  }
}

// Emoji and joiners that continue an emoji sequence.
bool is_emoji_part(char32_t c) {
  if (c == 0xFE0F || c == 0x200D || c == 0x20E3 || (c >= 0x1F3FB && c <= 0x1F3FF)) return true;
  if (c < 0x2000) return false;
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EXTENDED_PICTOGRAPHIC);
}

// Emoji that can end a clause on their own (pictographs from U+1F000 on; text-style
// symbols below that only through the rules' symbol list).
bool is_emoji_terminator(char32_t c) {
  return c >= 0x1F000 && u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EXTENDED_PICTOGRAPHIC);
}

bool is_face_char(char32_t c) {
  switch (c) {
    case U'^': case U'＾': case U'ω': case U'∀': case U'´': case U'`': case U'｀': case U'ﾟ': case U'°':
    case U'▽': case U'∇': case U'д': case U'Д': case U'ε': case U'◕': case U'‿': case U'･': case U'・':
    case U'_': case U'＿': case U';': case U'；': case U'≧': case U'≦': case U'＞': case U'＜': case U'>':
    case U'<': case U'￣': case U'꒳': case U'ᴗ': case U'◡': case U'‘': case U'’': case U'＊': case U'*':
    case U'〃': case U'∩': case U'o': case U'O': case U'▼': case U'∂': case U'≡': case U'☆': case U'★':
    case U'ー': case U'-': case U'=': case U'＝': case U'ᵕ': case U'ˆ':
      return true;
    default:
      return false;
  }
}

bool is_arm(char32_t c) {
  return c == U'／' || c == U'/' || c == U'ノ' || c == U'ﾉ' || c == U'ｼ' || c == U'シ' || c == U'＼' ||
         c == U'\\' || c == U'ヽ' || c == U'ゞ';
}

bool starts_with_entry(std::string_view text, const std::vector<RuleEntry>& entries) {
  for (auto& e : entries) {
    const std::string& p = e.pattern;
    if (p.size() > text.size()) continue;
    if (p.empty()) return true;
    // Most entries and most text start with the same lead byte (E3, kana): the next two bytes
    // tell them apart before a call to compare all.
    if (p[0] != text[0] || (p.size() >= 3 && (p[1] != text[1] || p[2] != text[2]))) continue;
    if (std::memcmp(p.data(), text.data(), p.size()) == 0) return true;
  }
  return false;
}

#ifdef JATEI_UTF8_AVX2
// Bit j is set where byte p[j] starts a code point the splitter must see by itself: ASCII, and
// the lead byte of anything but a kana, ー or kanji that goes on a run (so also ノ シ ゞ and
// the `stops`, first characters of protected names). Reads p[0] to p[33]; well-formed UTF-8.
__attribute__((target("avx2"))) std::uint32_t stop_mask(const unsigned char* p, const std::array<unsigned char, 3>* stops,
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

SplitBuffers& split_buffers() {
  thread_local SplitBuffers buffers;
  return buffers;
}

class Splitter {
 public:
  Splitter(std::string_view line, const SentenceSplitter::Sections& sections, const SentenceSplitter::Index& index,
           bool valid_utf8)
      : line_(line),
        valid_utf8_(valid_utf8),
        sections_(sections),
        index_(index),
        starts_(*sections.starts),
        continuations_(*sections.continuations) {
    decode();
    mark_protected();
    match_brackets();
  }

  ~Splitter() {
    if (cps_.capacity() > (std::size_t(1) << 16)) buffers_ = SplitBuffers();
  }

  // Appends the line's sentences to out.
  void run(std::vector<Range>& out) {
    std::size_t n = cps_.size();
    std::size_t next_special = 0;  // into specials_: the first not yet passed
    std::size_t start = skip_ws(0);
    std::size_t i = start;
    bool has_text = false;
    std::size_t initial_close = npos;
    int depth = 0;
    auto emit = [&](std::size_t end_idx) {
      std::size_t b = start, e = end_idx;
      while (e > b && is_space(cps_[e - 1].c)) --e;
      if (e > b) out.emplace_back(off(b), off(e));
      start = skip_ws(end_idx);
      has_text = false;
      initial_close = npos;
      depth = 0;
      return start;
    };
    while (i < n) {
      char32_t c = cps_[i].c;
      // Kana, kanji, ASCII letters and digits ('w' aside): text, never a bracket or an ending.
      if (is_plain(c) || (c < 0x80 && is_ascii_alnum(c) && c != 'w')) {
        has_text = true;
        ++i;
        // Up to the next code point that is not is_plain(), all is text: step over it.
        while (next_special < specials_.size() && specials_[next_special] < i) ++next_special;
        std::size_t to = next_special < specials_.size() ? specials_[next_special] : n;
        if (to > i) i = to;
        continue;
      }
      if (is_protected(i)) {
        has_text = true;
        ++i;
        continue;
      }
      // Bracket bookkeeping (matched pairs only).
      if (match_[i] != kNoMatch) {
        if (depth == 0 && opens(c) == 1) {
          std::size_t close = match_[i];
          if (is_emoticon_group(i, close)) {
            if (has_text) {
              std::size_t e = absorb(close + 1, true);
              if (boundary_at(e)) {
                i = emit(e);
                continue;
              }
              i = e;
              continue;
            }
            i = close + 1;  // a face at the start of a sentence is not an ending
            continue;
          }
          if (!has_text && i == start) initial_close = close;
        }
        ++depth;
        ++i;
        continue;
      }
      if (closes_[i]) {
        --depth;
        if (depth == 0 && i == initial_close) {
          initial_close = npos;
          // A bracketed sentence of its own: （…。） or （…）（…）, not （あ（いう）。え）お.
          bool ends = (i + 1 < n && opens(cps_[i + 1].c) == 1) || (i > start && is_terminator(cps_[i - 1].c));
          if (ends) {
            has_text = true;
            std::size_t e = absorb(i + 1, false);
            if (boundary_at(e)) {
              i = emit(e);
              continue;
            }
            i = e;
            continue;
          }
        }
        has_text = true;
        ++i;
        continue;
      }
      if (depth > 0) {
        if (!has_text && is_wordlike(c)) has_text = true;
        ++i;
        continue;
      }
      std::size_t end = terminator_end(i, start, has_text);
      if (end != npos) {
        std::size_t e = absorb(end, false);
        if (boundary_at(e)) {
          i = emit(e);
          continue;
        }
        has_text = true;
        i = e;
        continue;
      }
      if (!has_text && (is_wordlike(c) || (!is_space(c) && !is_emoji_part(c)))) has_text = true;
      ++i;
    }
    if (start < n) emit(n);
  }

 private:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  static constexpr std::uint32_t kNoMatch = static_cast<std::uint32_t>(-1);


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

  bool is_protected(std::size_t i) const { return any_protected_ && protected_[i]; }

  std::size_t off(std::size_t idx) const { return idx < cps_.size() ? cps_[idx].at : line_.size(); }

  std::size_t skip_ws(std::size_t i) const {
    while (i < cps_.size() && is_space(cps_[i].c)) ++i;
    return i;
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

  // URLs and protected names: no terminator inside them. Each pattern is found left to right,
  // a match starting after the end of its previous one (a URL: after its extent); a match can
  // only start at a code point the pattern starts with, which decode() noted.
  void mark_protected() {
    any_protected_ = false;
    if (candidates_.size() == 0) return;
    const auto& patterns = index_.protected_patterns;
    auto& next = buffers_.next_match;
    next.assign(patterns.size(), 0);
    auto protect_bytes = [&](std::size_t b, std::size_t e) {
      if (!any_protected_) {
        protected_.assign(cps_.size(), false);
        any_protected_ = true;
      }
      auto lo = std::lower_bound(cps_.begin(), cps_.end(), b, [](const Cp& x, std::size_t v) { return x.at < v; });
      for (auto it = lo; it != cps_.end() && it->at < e; ++it) protected_[static_cast<std::size_t>(it - cps_.begin())] = true;
    };
    for (std::uint32_t p : candidates_) {
      std::string_view at = line_.substr(p);
      for (std::size_t j = 0; j < patterns.size(); ++j) {
        const auto& pat = patterns[j];
        if (p < next[j] || at.size() < pat.text.size() || at[0] != pat.text[0] || at.substr(0, pat.text.size()) != pat.text)
          continue;
        std::size_t e = p + pat.text.size();
        if (pat.url) {
          e = p;
          while (e < line_.size()) {
            unsigned char b = static_cast<unsigned char>(line_[e]);
            if (b <= 0x20 || b >= 0x7F || b == '"' || b == '<' || b == '>' || b == '`') break;
            ++e;
          }
          // A URL does not end with the punctuation that follows it in prose.
          while (e > p && std::string_view(".,!?)]'").find(line_[e - 1]) != std::string_view::npos) --e;
          protect_bytes(p, e);
          next[j] = e > p ? e : p + 1;
        } else {
          protect_bytes(p, e);
          next[j] = e;
        }
      }
    }
  }

  void match_brackets() {
    std::size_t n = cps_.size();
    match_.assign(n, kNoMatch);
    closes_.assign(n, false);
    std::vector<std::pair<int, std::size_t>> stack;
    for (std::uint32_t i : specials_) {  // kana and kanji: no brackets there
      if (is_protected(i)) continue;
      char32_t c = cps_[i].c;
      if (int f = opens(c)) {
        stack.emplace_back(f, i);
        continue;
      }
      if (int f = closes(c)) {
        for (std::size_t k = stack.size(); k-- > 0;) {
          if (stack[k].first == f) {
            match_[stack[k].second] = static_cast<std::uint32_t>(i);
            closes_[i] = true;
            stack.resize(k);
            break;
          }
        }
      }
    }
  }

  // (笑), (^o^), （＊́ω‘＊）: a round group that works as an emoticon.
  // Reads the code points between the brackets from the bytes (decode() keeps only the ends of
  // a run of kana and kanji).
  bool is_emoticon_group(std::size_t open, std::size_t close) const {
    if (close == open + 1) return false;
    std::size_t from = cps_[open + 1].at, to = cps_[close].at;
    std::string_view inner = line_.substr(from, to - from);
    std::size_t len = 0;
    for (std::size_t k = from, l = 0; k < to && len <= 15; k += l, ++len) utf8::decode(line_, k, l);
    if (len > 15) return false;
    for (auto& e : *sections_.emoticon_words)
      if (inner == e.pattern) return true;
    bool face = false;
    for (std::size_t k = from, l = 0; k < to; k += l) {
      char32_t c = utf8::decode(line_, k, l);
      if (is_face_char(c)) {
        face = true;
        continue;
      }
      if (c == U'ノ' || c == U'ﾉ' || c == U'ｼ' || c == U'ｰ' || c == U'ヮ' || c == U'v' || c == U'V' || c == U'w' ||
          c == U'x' || is_space(c) || (c >= 0x300 && c <= 0x36F))
        continue;
      if (is_wordlike(c)) return false;  // real words: a parenthetical, not a face
      if (is_terminator(c)) return false;
    }
    return face;
  }

  bool in_symbol_list(std::size_t i) const {
    if (cps_[i].c < 0x2000 || (cps_[i].c >= 0x3000 && cps_[i].c < 0xA000)) return false;  // kana, kanji
    std::string_view at = line_.substr(cps_[i].at);
    std::size_t len = (i + 1 < cps_.size() ? cps_[i + 1].at : line_.size()) - cps_[i].at;
    for (auto& e : *sections_.symbols)
      if (e.pattern.size() == len && at.substr(0, len) == e.pattern) return true;
    return false;
  }

  // Whether a domain label or a file extension starts at k: lowercase ASCII letters (two to six:
  // com, jp, tokyo, pdf), maybe more labels after a period (co.jp), then no letter, digit, '-'
  // or '_'. After a Japanese word, a period before one is inside a name, not a full stop.
  bool lowercase_suffix_at(std::size_t k) const {
    std::size_t n = cps_.size();
    for (;;) {
      std::size_t start = k;
      while (k < n && cps_[k].c >= U'a' && cps_[k].c <= U'z') ++k;
      if (k - start < 2 || k - start > 6) return false;
      if (k + 1 < n && cps_[k].c == U'.' && cps_[k + 1].c >= U'a' && cps_[k + 1].c <= U'z') {
        ++k;
        continue;
      }
      return k >= n || !(is_ascii_alnum(cps_[k].c) || cps_[k].c == U'-' || cps_[k].c == U'_');
    }
  }

  // If a terminator element starts at i, the index just after it; npos otherwise.
  std::size_t terminator_end(std::size_t i, std::size_t start, bool has_text) const {
    std::size_t n = cps_.size();
    char32_t c = cps_[i].c;
    char32_t prev = i > 0 ? cps_[i - 1].c : 0;
    char32_t next = i + 1 < n ? cps_[i + 1].c : 0;
    bool at_end = i + 1 >= n;
    if (c == U'.' || c == U'．') {
      if (is_alnum_like(prev) && is_alnum_like(next)) return npos;  // 2.5 No.1 example.com
      // A domain or a file name whose name is Japanese: 一休.com, 価格.comで, 楽天.co.jp, 報告書.pdf.
      if (c == U'.' && prev >= 0x80 && is_wordlike(prev) && lowercase_suffix_at(i + 1)) return npos;
      if (c == U'.' && is_ascii_alnum(prev) && !at_end && !is_space(next) && !is_terminator(next) &&
          !closes(next))
        return npos;  // 1.と 12.が b.から QuickJS.wasm
      // An enumerator at the start of the sentence: "1. あいう", "1.）", also after the marks of
      // a Markdown heading ("### 1. 手順").
      std::size_t k = start, digits = 0, letters = 0;
      if (k < i && (cps_[k].c == U'#' || cps_[k].c == U'＃')) {
        std::size_t m = k;
        while (m < i && (cps_[m].c == U'#' || cps_[m].c == U'＃')) ++m;
        if (m < i && is_space(cps_[m].c)) {
          while (m < i && is_space(cps_[m].c)) ++m;
          k = m;
        }
      }
      for (; k < i; ++k) {
        char32_t d = cps_[k].c;
        if (is_ascii_digit(d) || (d >= U'０' && d <= U'９')) ++digits;
        else if (is_ascii_alpha(d) || (d >= U'Ａ' && d <= U'Ｚ') || (d >= U'ａ' && d <= U'ｚ')) ++letters;
        else break;
      }
      // 1. あいう, A. いいえ, Ｑ．…？, Ｑ１．…: a number or a letter (with its number) that labels the line.
      if (k == i && ((digits >= 1 && digits <= 3 && letters == 0) || (letters == 1 && digits <= 2))) return npos;
      if (is_ascii_alpha(prev)) {
        std::size_t b = i;
        while (b > 0 && (is_ascii_alpha(cps_[b - 1].c) || (cps_[b - 1].c == U'.' && b >= 2 && is_ascii_alpha(cps_[b - 2].c)))) --b;
        std::string_view word = line_.substr(cps_[b].at, cps_[i].at - cps_[b].at);
        for (auto& e : *sections_.abbreviations)
          if (word == e.pattern) return npos;
      }
      return i + 1;
    }
    if (c == U'!' || c == U'?') {
      if (is_ascii_alpha(prev) && !at_end && !is_space(next) && !is_terminator(next) && !closes(next) &&
          !is_emoji_part(next))
        return npos;  // Yahoo!ショッピング
      return i + 1;
    }
    if (c == U'・' || c == U'･') {  // ・・・ works like an ellipsis; a single ・ is a separator
      std::size_t k = i;
      while (k < n && (cps_[k].c == U'・' || cps_[k].c == U'･')) ++k;
      return k - i >= 2 && has_text ? k : npos;
    }
    if (is_terminator(c)) return i + 1;
    if (!has_text) return npos;
    if (is_emoji_terminator(c) || in_symbol_list(i)) {
      std::size_t k = i + 1;
      while (k < n && (is_emoji_part(cps_[k].c) || in_symbol_list(k))) ++k;
      if (k < n) {
        std::string_view rest = line_.substr(cps_[k].at);
        if (starts_with_entry(rest, *sections_.particles)) return npos;  // 🦑をやっとる
      }
      return k;
    }
    if (c == U'^' || c == U'＾') {  // ^^ ＾＾ ^_^
      std::size_t k = i, carets = 0;
      while (k < n && (cps_[k].c == U'^' || cps_[k].c == U'＾' || cps_[k].c == U'_' || cps_[k].c == U'＿')) {
        carets += cps_[k].c == U'^' || cps_[k].c == U'＾';
        ++k;
      }
      return carets >= 2 ? k : npos;
    }
    if ((c == U'w' || c == U'ｗ') && prev && !is_ascii_alnum(prev) && is_wordlike(prev)) {  // 草: 楽しかったw
      std::size_t k = i;
      while (k < n && (cps_[k].c == U'w' || cps_[k].c == U'ｗ')) ++k;
      if (k >= n || is_space(cps_[k].c) || (!is_ascii_alnum(cps_[k].c) && is_wordlike(cps_[k].c))) return k;
      return npos;
    }
    return npos;
  }

  // Extends a terminator run over further terminators, emoji, closing brackets left open and
  // faces: 。」 ！？ ♪! (笑) ＼(^o^)／.
  std::size_t absorb(std::size_t e, bool after_face) const {
    std::size_t n = cps_.size();
    while (e < n) {
      char32_t c = cps_[e].c;
      if (is_protected(e)) break;
      // Arms and the half-width sound effects that go with a face: ＼(^o^)／ (｀・ω・´)ｷﾘｯ
      if (after_face && (is_arm(c) || (c >= 0xFF66 && c <= 0xFF9F))) {
        ++e;
        continue;
      }
      after_face = false;
      if ((is_terminator(c) && c != U'.') || c == U'・' || c == U'･' || is_emoji_part(c) || in_symbol_list(e) ||
          (closes(c) && !closes_[e]) || c == U'^' || c == U'＾') {
        ++e;
        continue;
      }
      if (c == U'.' && (e + 1 >= n || !is_alnum_like(cps_[e + 1].c))) {
        ++e;
        continue;
      }
      // Laughter after the ending belongs to it: すごい！！！ww, 本当？ｗｗｗ (not a word: !wow).
      if ((c == U'w' || c == U'ｗ') && e > 0 && is_terminator(cps_[e - 1].c)) {
        std::size_t k = e;
        while (k < n && (cps_[k].c == U'w' || cps_[k].c == U'ｗ')) ++k;
        char32_t next = k < n ? cps_[k].c : 0;
        if (!is_ascii_alpha(next) && !(next >= U'Ａ' && next <= U'ｚ')) {
          e = k;
          continue;
        }
      }
      if (match_[e] != kNoMatch && opens(c) == 1 && is_emoticon_group(e, match_[e])) {
        e = match_[e] + 1;
        after_face = true;
        continue;
      }
      break;
    }
    return e;
  }

  // Whether a sentence ends before index e (no quotative continuation follows).
  bool boundary_at(std::size_t e) const {
    if (e >= cps_.size()) return true;
    std::string_view rest = line_.substr(cps_[e].at);
    if (starts_with_entry(rest, starts_)) return true;
    return !starts_with_entry(rest, continuations_);
  }

  std::string_view line_;
  bool valid_utf8_;
  const SentenceSplitter::Sections& sections_;
  const SentenceSplitter::Index& index_;
  const std::vector<RuleEntry>& starts_;
  const std::vector<RuleEntry>& continuations_;
  SplitBuffers& buffers_ = split_buffers();
  PodBuffer<Cp>& cps_ = buffers_.cps;
  PodBuffer<std::uint32_t>& specials_ = buffers_.specials;
  PodBuffer<std::uint32_t>& candidates_ = buffers_.candidates;
  std::vector<char>& protected_ = buffers_.protected_;
  bool any_protected_ = false;  // protected_ is only filled for a line with something protected
  std::vector<std::uint32_t>& match_ = buffers_.match;
  std::vector<char>& closes_ = buffers_.closes;
};

}  // namespace

SentenceSplitter::SentenceSplitter(const Rules& rules)
    : sections_{&rules.section("sentence-start"), &rules.section("sentence-continuation"), &rules.section("protected"),
                &rules.section("emoticon-word"),  &rules.section("symbol-terminator"),     &rules.section("abbreviation"),
                &rules.section("emoji-particle")} {
  for (const char* scheme : {"http://", "https://", "www.", "ftp://"}) index_.protected_patterns.push_back({scheme, true});
  for (auto& entry : *sections_.protected_)
    if (!entry.pattern.empty()) index_.protected_patterns.push_back({entry.pattern, false});
  for (auto& p : index_.protected_patterns) {
    std::size_t len = 0;
    char32_t c = utf8::decode(p.text, 0, len);
    if (c >= 0x10000) {
      index_.astral_first = true;
    } else {
      if (is_plain(c) && !index_.may_start_protected(c))  // each character once
        index_.plain_stops.push_back({static_cast<unsigned char>(p.text[0]), static_cast<unsigned char>(p.text[1]),
                                      static_cast<unsigned char>(p.text[2])});
      index_.first_bits[c >> 6] |= std::uint64_t(1) << (c & 63);
    }
  }
}

void SentenceSplitter::split(std::string_view line, std::vector<Range>& out, bool valid_utf8) const {
  if (line.empty()) return;
  Splitter(line, sections_, index_, valid_utf8).run(out);
}

std::vector<Range> split_sentences(std::string_view line, const Rules& rules) {
  std::vector<Range> out;
  SentenceSplitter(rules).split(line, out);
  return out;
}

}  // namespace jatei
