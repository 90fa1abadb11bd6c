// The text layer every stage reads its text through: code points over UTF-8 with their byte
// offsets, one table of character classes, (below, as they land) one normaliser with a map back
// to the source and one cue index.
//
//   using namespace jatei::text;
//   for (CodePoint cp : code_points(s))            // forwards, or backwards: reversed(s)
//     if (is_kanji(cp.c)) ...;                      // cp.at is its byte offset, end(cp) the next
//   char32_t c = before(s, i);                      // the code point that ends at byte i (0 at 0)
//   if (class_of(c) == Class::open_bracket) closer_of(c);
//
// Text is valid UTF-8 here (decoding and the TEI reader have checked it); an ill-formed
// sequence reads as U+FFFD one byte long, so no loop stalls on it.
//
// ## Character classes: one decision per character
//
// Every code point has exactly one Class, in the spirit of mecab's char.def: the table is built
// once from the Unicode Character Database as ICU has it (general category, Script,
// Ideographic, White_Space, Extended_Pictographic), with the Japanese decisions below written
// over it. The decisions, and where the copies the stages kept before disagreed:
//
// - kanji: Ideographic=Yes in the Han script (〆 is Script=Common; not Tangut, Nüshu, Khitan:
//   letter), that is: the CJK Unified Ideographs U+4E00-9FFF, Extension A U+3400-4DBF,
//   the compatibility ideographs U+F900-FAD9, 〆 U+3006, 〇 U+3007, the Suzhou numerals
//   U+3021-3029 and U+3038-303A) and all of planes 2 and 3 (U+20000-3FFFF: Extensions B-H and
//   the compatibility supplement; the plane is reserved for ideographs, so Extension G and H
//   at U+30000-323AF are kanji: one copy stopped at U+2FFFF), plus the two Han iteration marks
//   々 U+3005 and 〻 U+303B (Script=Han, gc=Lm: they stand for the kanji before them; 〻, the
//   form of vertical writing, was kanji in one copy only). Not the radicals U+2E80-2FDF
//   (gc=So: look-alikes that NFKC folds to kanji).
// - hiragana: Script=Hiragana letters: U+3041-3096, ゝ ゞ ゟ U+309D-309F, the hentaigana and
//   the other kana of the supplements. Not ー (below), not the voicing marks (below).
// - katakana: Script=Katakana letters: U+30A1-30FA, ヽ ヾ ヿ U+30FD-30FF, the small letters
//   U+31F0-31FF, the half-width letters U+FF66-FF6F and U+FF71-FF9D (also marked halfwidth),
//   the kana of the supplements. Not the circled and squared katakana (gc=So, symbol).
// - prolonged: ー U+30FC and ｰ U+FF70, the prolonged sound mark. Unicode gives it to no script
//   (Script=Common, Script_Extensions Hiragana Katakana): it lengthens a vowel in both
//   (すごーい, サーバー). One copy counted it as hiragana and katakana, two as katakana only;
//   it is neither: hiragana_word() and katakana_word() say what a word is written with.
// - sound_mark: the voicing marks ゛ ゜ U+309B-309C, ﾞ ﾟ U+FF9E-FF9F and their combining forms
//   U+3099-309A (Script_Extensions Hiragana Katakana, like ー). One copy called U+3099-309C
//   hiragana, another ﾞ ﾟ katakana.
// - iteration marks are no class of their own: each belongs to the script it repeats (々 〻
//   kanji, ゝ ゞ hiragana, ヽ ヾ katakana, as Script says); is_iteration_mark() names them.
// - latin: Script=Latin letters of any width (A-Z a-z, Ａ-Ｚ ａ-ｚ, é, ß, ...). digit: gc=Nd
//   (0-9, ０-９, and the digits of other scripts); letter: the letters of every other script
//   (Greek, Cyrillic, Hangul, ...).
// - space: White_Space that does not end a line (U+0009, U+0020, U+00A0, U+1680,
//   U+2000-200A, U+202F, U+205F, U+3000); line_break: U+000A-000D, U+0085, U+2028, U+2029;
//   control: the other gc=Cc.
// - open_bracket / close_bracket: the pairs of closer_of() (「」『』（）()［］[]｛｝{}【】〔〕〘〙
//   〈〉《》〖〗｢｣｟｠⦅⦆“”‘’〝〟〞≪≫ and U+2329/232A); other gc=Ps/Pe characters are punct.
// - terminator: what ends a sentence: 。｡．.！!？?‼⁇⁈⁉…‥.
// - punct: the other gc=P* (〰 〽 too, though they are Extended_Pictographic); emoji: the rest
//   of Extended_Pictographic (not the terminators ‼ ⁉); symbol: the other gc=S*; mark: gc=M* (variation selectors too); other: the rest (format
//   characters such as U+200D, private use, unassigned).
//
// Width is apart from the class: is_fullwidth() (East_Asian_Width=F: U+3000, U+FF01-FF60,
// U+FFE0-FFE6) and is_halfwidth() (East_Asian_Width=H: U+FF61-FFDC, U+FFE8-FFEE).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "jatei/utf8.hpp"

namespace jatei::text {

// ------------------------------------------------------------------------------------------
// Code points with their byte offsets
// ------------------------------------------------------------------------------------------

// The number of bytes UTF-8 takes for `c`.
constexpr std::size_t encoded_size(char32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

// A code point and the byte offset it starts at (its last byte is at end(cp) - 1).
struct CodePoint {
  char32_t c;
  std::uint32_t at;
};
constexpr std::size_t end(CodePoint cp) { return cp.at + encoded_size(cp.c); }

// The code point at byte i (len set to its length); at or past the end: 0, len 0.
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
// The code point that ends just before byte i (len set); at the start: 0, len 0.
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
// Byte offset of the code point after the one at i / of the one before i (valid UTF-8: the
// length its lead byte announces).
inline std::size_t next(std::string_view s, std::size_t i) {
  return i + (i < s.size() ? utf8::sequence_length(static_cast<unsigned char>(s[i])) : 1);
}
inline std::size_t prev(std::string_view s, std::size_t i) {
  std::size_t len;
  before(s, i, len);
  return i - (len ? len : 1);
}
// Whether `p` occurs at byte i / ends at byte `end`.
inline bool starts_with(std::string_view s, std::size_t i, std::string_view p) {
  return i <= s.size() && s.substr(i, p.size()) == p;
}
inline bool ends_with_at(std::string_view s, std::size_t end, std::string_view p) {
  return end >= p.size() && s.substr(end - p.size(), p.size()) == p;
}
// The number of code points in s.
inline std::size_t length(std::string_view s) { return utf8::count(s); }

// The code points of a text as a bidirectional range of CodePoint:
//   for (CodePoint cp : code_points(s)) ...        for (CodePoint cp : reversed(s)) ...
class CodePoints {
 public:
  class iterator {
   public:
    using iterator_category = std::bidirectional_iterator_tag;
    using value_type = CodePoint;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = CodePoint;
    iterator() = default;
    iterator(std::string_view s, std::size_t i) : s_(s), i_(i) { load(); }
    CodePoint operator*() const { return {c_, static_cast<std::uint32_t>(i_)}; }
    iterator& operator++() {
      i_ += len_;
      load();
      return *this;
    }
    iterator operator++(int) {
      iterator t = *this;
      ++*this;
      return t;
    }
    iterator& operator--() {
      std::size_t len = 1;
      c_ = before(s_, i_, len);
      i_ -= len ? len : 1;
      len_ = len ? len : 1;
      return *this;
    }
    iterator operator--(int) {
      iterator t = *this;
      --*this;
      return t;
    }
    bool operator==(const iterator& o) const { return i_ == o.i_; }
    std::size_t offset() const { return i_; }

   private:
    void load() {  // the code point at i_ and its length (an ill-formed byte: U+FFFD, 1)
      if (i_ < s_.size()) c_ = utf8::decode(s_, i_, len_);
    }
    std::string_view s_;
    std::size_t i_ = 0, len_ = 1;
    char32_t c_ = 0;
  };
  explicit CodePoints(std::string_view s) : s_(s) {}
  iterator begin() const { return {s_, 0}; }
  iterator end() const { return {s_, s_.size()}; }

 private:
  std::string_view s_;
};
inline CodePoints code_points(std::string_view s) { return CodePoints(s); }

// The code points of a text from the last to the first.
class Reversed {
 public:
  explicit Reversed(std::string_view s) : s_(s) {}
  auto begin() const { return std::reverse_iterator<CodePoints::iterator>(CodePoints(s_).end()); }
  auto end() const { return std::reverse_iterator<CodePoints::iterator>(CodePoints(s_).begin()); }

 private:
  std::string_view s_;
};
inline Reversed reversed(std::string_view s) { return Reversed(s); }

// Appends the code points of s to out (a vector or any container of CodePoint).
template <class Out>
void decode_all(std::string_view s, Out& out) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    char32_t c = utf8::decode(s, i, len);
    out.push_back({c, static_cast<std::uint32_t>(i)});
    i += len;
  }
}

// ------------------------------------------------------------------------------------------
// Character classes (the decisions are at the top of this file)
// ------------------------------------------------------------------------------------------

enum class Class : std::uint8_t {
  other,
  control,
  space,
  line_break,
  kanji,
  hiragana,
  katakana,
  prolonged,
  sound_mark,
  latin,
  digit,
  letter,
  mark,
  open_bracket,
  close_bracket,
  terminator,
  punct,
  symbol,
  emoji,
};

namespace detail {
// One byte a code point: the Class in the low five bits, then the width flags. Below U+20000 the
// bytes are kept in pages of 256 code points, each made the first time a text touches it (a
// Japanese text touches a dozen), so no program pays for the pages it never reads.
inline constexpr std::uint8_t kClassMask = 0x1F, kFullwidth = 0x20, kHalfwidth = 0x40;
inline constexpr std::size_t kPages = 0x200;
extern std::atomic<const std::uint8_t*> class_pages[kPages];
std::uint8_t class_byte_slow(char32_t c);  // makes the page, or answers above U+20000
inline std::uint8_t class_byte(char32_t c) {
  if (c < 0x20000) {
    if (const std::uint8_t* page = class_pages[c >> 8].load(std::memory_order_acquire)) return page[c & 0xFF];
  }
  return class_byte_slow(c);
}
}  // namespace detail

// The class of a code point.
inline Class class_of(char32_t c) { return static_cast<Class>(detail::class_byte(c) & detail::kClassMask); }
// Its name ("kanji", "open_bracket", ...), for messages and tests.
std::string_view class_name(Class k);

// The predicates answer the common cases by ranges, without the table (test_text checks that
// they agree with it on every code point).
inline bool is_kanji(char32_t c) {
  if (c >= 0x4E00 && c <= 0x9FFF) return true;
  if (c < 0x3005 || (c >= 0x3040 && c < 0x3400) || (c >= 0xA000 && c < 0xF900)) return false;
  return class_of(c) == Class::kanji;
}
inline bool is_hiragana(char32_t c) {
  if (c >= 0x3041 && c <= 0x3096) return true;
  if (c >= 0x309D && c <= 0x309F) return true;
  return c >= 0x1B000 && class_of(c) == Class::hiragana;
}
inline bool is_katakana(char32_t c) {
  if (c >= 0x30A1 && c <= 0x30FA) return true;
  if (c < 0x30FD) return false;
  if (c <= 0x30FF || (c >= 0x31F0 && c <= 0x31FF)) return true;
  if (c >= 0xFF66 && c <= 0xFF9D) return c != 0xFF70;
  return c >= 0x1AFF0 && class_of(c) == Class::katakana;
}
inline bool is_prolonged(char32_t c) { return c == 0x30FC || c == 0xFF70; }
inline bool is_sound_mark(char32_t c) { return (c >= 0x3099 && c <= 0x309C) || c == 0xFF9E || c == 0xFF9F; }
// Kana of either script, ー and the voicing marks.
inline bool is_kana(char32_t c) { return is_hiragana(c) || is_katakana(c) || is_prolonged(c) || is_sound_mark(c); }
// What a hiragana word / a katakana word is written with: its letters, ー and the voicing marks.
inline bool hiragana_word(char32_t c) { return is_hiragana(c) || is_prolonged(c) || is_sound_mark(c); }
inline bool katakana_word(char32_t c) { return is_katakana(c) || is_prolonged(c) || is_sound_mark(c); }
// 々 〻 ゝ ゞ ヽ ヾ: a mark that repeats the character before it (its class is that character's).
inline bool is_iteration_mark(char32_t c) {
  return c == 0x3005 || c == 0x303B || c == 0x309D || c == 0x309E || c == 0x30FD || c == 0x30FE;
}
// The kanji a number is written with (their class is kanji): the digits 〇 一 二 … 九
// (is_kanji_digit), and with them the powers of ten 十 百 千 万 億 兆 (is_kanji_numeral).
inline bool is_kanji_digit(char32_t c) {
  switch (c) {
    case U'〇': case U'一': case U'二': case U'三': case U'四': case U'五': case U'六': case U'七': case U'八': case U'九':
      return true;
    default:
      return false;
  }
}
inline bool is_kanji_numeral(char32_t c) {
  return is_kanji_digit(c) || c == U'十' || c == U'百' || c == U'千' || c == U'万' || c == U'億' || c == U'兆';
}

inline bool is_latin(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return class_of(c) == Class::latin;
}
inline bool is_digit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return class_of(c) == Class::digit;
}
inline bool is_letter(char32_t c) { return class_of(c) == Class::letter; }
// White_Space that does not end a line, and all of White_Space.
inline bool is_space(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t';
  if (c < 0x2000) return c == 0xA0 || c == 0x1680;
  return (c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}
inline bool is_white_space(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return is_space(c) || c == 0x85 || c == 0x2028 || c == 0x2029;
}
inline bool is_open_bracket(char32_t c) { return class_of(c) == Class::open_bracket; }
inline bool is_close_bracket(char32_t c) { return class_of(c) == Class::close_bracket; }
inline bool is_terminator(char32_t c) { return class_of(c) == Class::terminator; }
inline bool is_punct(char32_t c) { return class_of(c) == Class::punct; }
inline bool is_symbol(char32_t c) { return class_of(c) == Class::symbol; }
inline bool is_emoji(char32_t c) { return class_of(c) == Class::emoji; }
inline bool is_fullwidth(char32_t c) { return (detail::class_byte(c) & detail::kFullwidth) != 0; }
inline bool is_halfwidth(char32_t c) { return (detail::class_byte(c) & detail::kHalfwidth) != 0; }

// The bracket family of an opening / a closing bracket (1-14, in the order of the pairs
// above; 0 if c opens / closes nothing): brackets of one family match each other whatever
// their width (( and （ both close with ） or )), and 〝 closes with 〟 or 〞.
constexpr int opens(char32_t c) {
  switch (c) {
    case U'(': case U'（': case U'｟': case U'⦅': return 1;
    case U'[': case U'［': return 2;
    case U'「': case U'｢': return 3;
    case U'『': return 4;
    case U'\u3008': case U'\u2329': return 5;
    case U'《': return 6;
    case U'{': case U'｛': return 7;
    case U'【': return 8;
    case U'〔': case U'〘': return 9;
    case U'“': return 10;
    case U'‘': return 11;
    case U'〖': return 12;
    case U'〝': return 13;
    case U'≪': return 14;
    default: return 0;
  }
}
constexpr int closes(char32_t c) {
  switch (c) {
    case U')': case U'）': case U'｠': case U'⦆': return 1;
    case U']': case U'］': return 2;
    case U'」': case U'｣': return 3;
    case U'』': return 4;
    case U'\u3009': case U'\u232A': return 5;
    case U'》': return 6;
    case U'}': case U'｝': return 7;
    case U'】': return 8;
    case U'〕': case U'〙': return 9;
    case U'”': return 10;
    case U'’': return 11;
    case U'〗': return 12;
    case U'〟': case U'〞': return 13;
    case U'≫': return 14;
    default: return 0;
  }
}
// The closing bracket of the same family and width (」 for 「, ） for （, 〟 for 〝); 0 if c
// opens nothing.
char32_t closer_of(char32_t open);

// ------------------------------------------------------------------------------------------
// NFKC a canonical segment at a time (lib/src/text/nfkc.cpp)
// ------------------------------------------------------------------------------------------
//
// The one normalisation every stage matches on. A segment is a character and the characters
// after it that NFKC may combine with it (no boundary before them in ICU's NFKC data), and the
// variation selectors U+FE00-FE0F and the zero-width joiner U+200D, which stay with the
// character they modify. Each segment is normalised alone, so every output character is tied to
// the source bytes of its segment and a match on the output maps back to whole source
// characters. A segment of one character NFKC keeps (ASCII, kana, kanji: nearly all of a
// Japanese text) never goes through ICU. The stages build their views on it: claims::normalise
// (a map of runs) and terms::normalize (its folds, then a map of runs).
struct NfkcSegment {
  std::uint32_t b, e;          // the source bytes [b, e)
  std::uint32_t out_b, out_e;  // its NFKC form: code points [out_b, out_e) of the output buffer
  bool copied;                 // one source character that NFKC keeps: the output is src[b, e)
};
// The segments of `src` (valid UTF-8) into `segments`, their NFKC code points into `out` (both
// cleared first). A segment whose NFKC form is empty has out_b == out_e.
void nfkc_segments(std::string_view src, std::vector<NfkcSegment>& segments, std::u32string& out);

// ASCII alone, for text already normalised (NFKC makes full-width ASCII ASCII).
constexpr bool is_ascii_upper(char32_t c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_ascii_alpha(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_alnum(char32_t c) { return is_ascii_alpha(c) || is_ascii_digit(c); }

}  // namespace jatei::text
