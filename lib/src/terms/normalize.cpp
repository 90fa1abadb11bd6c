// The normalised view terms are matched on, with its map back to the original bytes.
//
// NFKC is the text layer's, a canonical segment at a time (text::nfkc_segments), so that ｶﾞ
// becomes ガ and the map stays exact: every output character of a segment maps to the
// segment's original range, and only the segment's first and last outputs may start or end a
// match. The folds after NFKC need a character of context on each side, so they run as a
// second pass over the NFKC output.
#include <unicode/uchar.h>

#include <algorithm>

#include "jatei/terms.hpp"
#include "jatei/text.hpp"
#include "jatei/utf8.hpp"
#include "text/nfkc.hpp"

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

// The text layer's NFKC segments as items, appended to `items`: every output character of a
// segment maps to the segment's source range, and only its first may start a match and its last
// end one. A segment normalised to nothing gives its bytes to the character before it.
void nfkc_items(const std::vector<text::NfkcSegment>& segments, const std::u32string& points, std::vector<Item>& items) {
  for (const text::NfkcSegment& g : segments) {
    if (g.out_b == g.out_e) {
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

// The folds of the second pass (see the header), a stretch of items at a time, each folded
// character handed to the view as soon as nothing can change it. A fold looks one item ahead
// (and an item is final only once the next one is made: a segment normalised to nothing
// changes the item before it), and back only at the last folded character and at how many
// katakana end the output.
class Folder {
 public:
  Folder(std::string_view src, NormalView& view) : src_(src), view_(view) {}

  // Folds the items of `in` that are final (all of them when `final`), and takes them out.
  void run(std::vector<Item>& in, bool final) {
    const std::size_t n = in.size();
    const std::size_t limit = final ? n : (n >= 2 ? n - 2 : 0);
    auto kata_at = [&](std::size_t k) { return k < n && text::katakana_word(in[k].c); };
    std::size_t k = 0;
    for (; k < limit; ++k) {
      Item it = in[k];
      char32_t c = it.c;
      // Whitespace runs -> one space.
      if (is_space(c)) {
        if (has_last_ && last_.c == ' ' && last_.e == it.b) {
          last_.e = it.e;
          last_.can_end = it.can_end;
          continue;
        }
        it.c = ' ';
        push(it);
        continue;
      }
      bool after_kata = has_last_ && text::katakana_word(last_.c) && last_.e == it.b;
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
        push(it);
        continue;
      }
      // A word-final ー after three or more katakana is dropped (its bytes join the previous
      // character, so a match of サーバ covers サーバー whole).
      if (c == 0x30FC && after_kata && !kata_at(k + 1)) {
        if (kata_run_ >= 3) {
          last_.e = it.e;
          last_.can_end = it.can_end;
          continue;
        }
      }
      it.c = fold_case(c);
      push(it);
    }
    in.erase(in.begin(), in.begin() + static_cast<std::ptrdiff_t>(k));
    if (final && has_last_) {
      emit(last_);
      has_last_ = false;
    }
  }

 private:
  void push(const Item& it) {
    if (has_last_) emit(last_);
    last_ = it;
    has_last_ = true;
    kata_run_ = text::katakana_word(it.c) ? kata_run_ + 1 : 0;
  }

  // One folded character into the view: its bytes, and where it came from, as a run of
  // characters copied unchanged (the same bytes in the source, one after the other) or alone.
  void emit(const Item& it) {
    const std::size_t at = view_.text.size();
    utf8::append(view_.text, it.c);
    const std::size_t len = view_.text.size() - at;
    const bool copy = it.can_begin && it.can_end && it.e - it.b == len &&
                      src_.compare(it.b, len, std::string_view(view_.text).substr(at)) == 0;
    auto& runs = view_.runs;
    if (copy && !runs.empty() && runs.back().copy && copy_end_ == it.b) {
      copy_end_ = it.e;
      return;
    }
    runs.push_back({static_cast<std::uint32_t>(at), it.b, it.e, copy, it.can_begin, it.can_end});
    if (copy) copy_end_ = it.e;
  }

  std::string_view src_;
  NormalView& view_;
  Item last_{};
  bool has_last_ = false;
  std::size_t kata_run_ = 0;  // katakana at the end of the output
  std::uint32_t copy_end_ = 0;  // where the last run copied ends in the source
};

}  // namespace

namespace {
bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

const NormalView::Run& NormalView::run_at(std::size_t nb) const {
  auto it = std::upper_bound(runs.begin(), runs.end(), nb, [](std::size_t x, const Run& r) { return x < r.out; });
  return *(it - 1);
}

std::uint32_t NormalView::begin_at(std::size_t nb) const {
  const Run& r = run_at(nb);
  if (r.copy) return continuation(text[nb]) ? none : static_cast<std::uint32_t>(r.b + (nb - r.out));
  return nb == r.out && r.can_begin ? r.b : none;
}

std::uint32_t NormalView::end_at(std::size_t nb) const {
  const Run& r = run_at(nb);
  const bool last = nb + 1 == text.size() || !continuation(text[nb + 1]);
  if (r.copy) return last ? static_cast<std::uint32_t>(r.b + (nb + 1 - r.out)) : none;
  return last && r.can_end ? r.e : none;
}

bool NormalView::map(std::size_t nb, std::size_t ne, std::size_t& b, std::size_t& e) const {
  if (nb >= ne || ne > text.size()) return false;
  const std::uint32_t begin = begin_at(nb), end = end_at(ne - 1);
  if (begin == none || end == none) return false;
  b = begin;
  e = end;
  return b < e;
}

void normalize(std::string_view text, NormalView& out, std::size_t stretch) {
  thread_local std::vector<text::NfkcSegment> segments;
  thread_local std::u32string points;
  thread_local std::vector<Item> items;
  out.text.clear();
  out.text.reserve(text.size());  // about its size: not twice a long sentence's, as growing by doubling would
  out.runs.clear();
  items.clear();
  Folder folder(text, out);
  std::size_t at = 0;
  do {
    at = text::nfkc_segments(text, at, stretch, segments, points);
    nfkc_items(segments, points, items);
    folder.run(items, at >= text.size());
  } while (at < text.size());
}

void normalize(std::string_view text, NormalView& out) { normalize(text, out, kNormalStretch); }

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
