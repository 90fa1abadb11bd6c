// The normalised view terms are matched on, with its map back to the original bytes.
//
// NFKC is the text layer's, a canonical segment at a time (text::nfkc_segments), so that ｶﾞ
// becomes ガ and the map stays exact: every output character of a segment maps to the
// segment's original range, and only the segment's first and last outputs may start or end a
// match. The folds after NFKC need a character of context on each side, so they run as a
// second pass over the NFKC output.
#include <unicode/uchar.h>

#include "jatei/terms.hpp"
#include "jatei/text.hpp"
#include "jatei/utf8.hpp"

namespace jatei::terms {
namespace {

// One character after NFKC: its code point, the original range it maps to, and whether a
// match may start before it / end after it.
struct Item {
  char32_t c;
  std::uint32_t b, e;
  bool can_begin, can_end;
};

// Characters people type for ー after katakana: hyphen-minus, the hyphens and dashes, minus.
bool is_long_vowel_variant(char32_t c) { return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212; }

// Word separators inside katakana compounds: ・ (NFKC of ･ too), ·, ‧, ゠, =.
bool is_middle_dot(char32_t c) { return c == 0x30FB || c == 0x00B7 || c == 0x2027 || c == 0x30A0 || c == '='; }

// The text layer's NFKC segments as items: every output character of a segment maps to the
// segment's source range, and only its first may start a match and its last end one.
void nfkc_items(std::string_view text, std::vector<Item>& items) {
  thread_local std::vector<text::NfkcSegment> segments;
  thread_local std::u32string points;
  text::nfkc_segments(text, segments, points);
  items.clear();
  for (const text::NfkcSegment& g : segments) {
    if (g.out_b == g.out_e) {  // normalised to nothing: give its bytes to the previous character
      if (!items.empty()) items.back().e = g.e;
      continue;
    }
    for (std::uint32_t k = g.out_b; k < g.out_e; ++k)
      items.push_back({points[k], g.b, g.e, k == g.out_b, k + 1 == g.out_e});
  }
}

char32_t fold_case(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c < 0x80) return c;
  if (c >= 0x3000) return c;  // CJK: no case
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

bool is_space(char32_t c) { return text::is_white_space(c); }

// The folds of the second pass (see the header).
void fold(std::vector<Item>& in, std::vector<Item>& out) {
  out.clear();
  const std::size_t n = in.size();
  auto kata_at = [&](std::size_t k) { return k < n && text::katakana_word(in[k].c); };
  for (std::size_t k = 0; k < n; ++k) {
    Item it = in[k];
    char32_t c = it.c;
    // Whitespace runs -> one space.
    if (is_space(c)) {
      if (!out.empty() && out.back().c == ' ' && out.back().e == it.b) {
        out.back().e = it.e;
        out.back().can_end = it.can_end;
        continue;
      }
      it.c = ' ';
      out.push_back(it);
      continue;
    }
    bool after_kata = !out.empty() && text::katakana_word(out.back().c) && out.back().e == it.b;
    // A hyphen or dash written after katakana is a long-vowel mark.
    if (after_kata && is_long_vowel_variant(c)) c = it.c = 0x30FC;
    // ・ and friends between katakana are dropped.
    if (after_kata && is_middle_dot(c) && kata_at(k + 1) && in[k + 1].c != 0x30FC) continue;
    // ヴ spellings.
    if (c == 0x30F4) {
      char32_t next = k + 1 < n ? in[k + 1].c : 0;
      char32_t base = 0x30D6;  // ブ
      bool pair = true;
      switch (next) {
        case 0x30A1: base = 0x30D0; break;  // ヴァ -> バ
        case 0x30A3: base = 0x30D3; break;  // ヴィ -> ビ
        case 0x30A7: base = 0x30D9; break;  // ヴェ -> ベ
        case 0x30A9: base = 0x30DC; break;  // ヴォ -> ボ
        default: pair = false;
      }
      it.c = base;
      if (pair) {
        it.e = in[k + 1].e;
        it.can_end = in[k + 1].can_end;
        ++k;
      }
      out.push_back(it);
      continue;
    }
    // A word-final ー after three or more katakana is dropped (its bytes join the previous
    // character, so a match of サーバ covers サーバー whole).
    if (c == 0x30FC && after_kata && !kata_at(k + 1)) {
      std::size_t run = 0;
      for (std::size_t j = out.size(); j > 0 && text::katakana_word(out[j - 1].c); --j) ++run;
      if (run >= 3) {
        out.back().e = it.e;
        out.back().can_end = it.can_end;
        continue;
      }
    }
    it.c = fold_case(c);
    out.push_back(it);
  }
}

}  // namespace

bool NormalView::map(std::size_t nb, std::size_t ne, std::size_t& b, std::size_t& e) const {
  if (nb >= ne || ne > text.size()) return false;
  if (begin[nb] == none || end[ne - 1] == none) return false;
  b = begin[nb];
  e = end[ne - 1];
  return b < e;
}

void normalize(std::string_view text, NormalView& out) {
  thread_local std::vector<Item> items, folded;
  nfkc_items(text, items);
  fold(items, folded);
  out.text.clear();
  out.begin.clear();
  out.end.clear();
  for (const Item& it : folded) {
    std::size_t at = out.text.size();
    utf8::append(out.text, it.c);
    std::size_t len = out.text.size() - at;
    for (std::size_t k = 0; k < len; ++k) {
      out.begin.push_back(k == 0 && it.can_begin ? it.b : NormalView::none);
      out.end.push_back(k + 1 == len && it.can_end ? it.e : NormalView::none);
    }
  }
}

NormalView normalize(std::string_view text) {
  NormalView v;
  normalize(text, v);
  return v;
}

std::string normalize_key(std::string_view text) {
  thread_local NormalView v;  // reused: keys are made for every term of a termbase
  normalize(text, v);
  // Keys carry no leading or trailing space.
  std::string& s = v.text;
  std::size_t b = 0, e = s.size();
  while (b < e && s[b] == ' ') ++b;
  while (e > b && s[e - 1] == ' ') --e;
  return s.substr(b, e - b);
}

CharClass classify(char32_t c) {
  switch (text::class_of(c)) {
    case text::Class::latin: return CharClass::latin;
    case text::Class::digit: return CharClass::digit;
    case text::Class::hiragana: return CharClass::hiragana;
    case text::Class::katakana:
    case text::Class::prolonged:
    case text::Class::sound_mark: return CharClass::katakana;
    case text::Class::kanji: return CharClass::kanji;
    case text::Class::space:
    case text::Class::line_break: return CharClass::space;
    case text::Class::open_bracket:
    case text::Class::close_bracket:
    case text::Class::terminator:
    case text::Class::punct: return CharClass::punct;
    case text::Class::control:
    case text::Class::symbol: return c < 0x80 ? CharClass::punct : CharClass::other;  // ASCII: $ + < = > ^ ` | ~
    default: return CharClass::other;
  }
}

bool is_word_char(char32_t c) {
  CharClass k = classify(c);
  return k == CharClass::latin || k == CharClass::digit;
}

}  // namespace jatei::terms
