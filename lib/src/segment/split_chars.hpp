// The classes of characters the sentence splitter asks about (internal to lib/src/segment:
// sentences.cpp and the split_*.hpp it includes).
#pragma once

#include <unicode/uchar.h>

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "jatei/rules.hpp"
#include "jatei/text.hpp"

namespace jatei::seg::split {

using Cp = text::CodePoint;
using text::closes;
using text::is_ascii_alnum;
using text::is_ascii_alpha;
using text::is_ascii_digit;
using text::is_terminator;
using text::opens;

// Kana (U+3041-U+30FA), the long vowel mark ー and kanji (U+4E00-U+9FFF): always text, never a
// bracket, an ending or a space; the splitter only stops at the other code points.
inline bool is_plain(char32_t c) { return (c >= 0x3041 && c <= 0x30FA) || c == 0x30FC || (c >= 0x4E00 && c <= 0x9FFF); }

// Letters and digits of any width, and kanji numerals: what sits on both sides of a period
// that does not end a sentence (2.5, No.1, example.com, ３．２９, 四.五).
inline bool is_alnum_like(char32_t c) {
  return is_ascii_alnum(c) || (c >= U'０' && c <= U'９') || (c >= U'Ａ' && c <= U'Ｚ') ||
         (c >= U'ａ' && c <= U'ｚ') || text::is_kanji_numeral(c);
}

// The marks that head a section or a bullet (■ □ ◆ ◇ ● ○ ◎ ▼ ▽ ▶ ▷ ★ ☆ and the other
// geometric shapes, ・): before a number, they leave it an enumerator (■１．…).
inline bool heading_mark(char32_t c) {
  return (c >= 0x25A0 && c <= 0x25FF) || c == U'★' || c == U'☆' || c == U'・';
}

inline bool is_wordlike(char32_t c) {
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
inline bool is_emoji_part(char32_t c) {
  if (c == 0xFE0F || c == 0x200D || c == 0x20E3 || (c >= 0x1F3FB && c <= 0x1F3FF)) return true;
  if (c < 0x2000) return false;
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EXTENDED_PICTOGRAPHIC);
}

// Emoji that can end a clause on their own (pictographs from U+1F000 on; text-style
// symbols below that only through the rules' symbol list).
inline bool is_emoji_terminator(char32_t c) {
  return c >= 0x1F000 && u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EXTENDED_PICTOGRAPHIC);
}

inline bool is_face_char(char32_t c) {
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

inline bool is_arm(char32_t c) {
  return c == U'／' || c == U'/' || c == U'ノ' || c == U'ﾉ' || c == U'ｼ' || c == U'シ' || c == U'＼' ||
         c == U'\\' || c == U'ヽ' || c == U'ゞ';
}

inline bool starts_with_entry(std::string_view text, const std::vector<RuleEntry>& entries) {
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

}  // namespace jatei::seg::split
