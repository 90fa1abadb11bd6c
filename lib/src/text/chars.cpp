// The character-class table (the decisions are written in jatei/text.hpp).
//
// Made from ICU's copy of the Unicode Character Database with the Japanese decisions written
// over it, a page of 256 code points at a time, the first time a text touches the page (the
// large uniform blocks, kanji, Hangul syllables, surrogates and private use, share one page a
// class and ask ICU nothing). Above U+20000, planes 2 and 3 are kanji and the rest is asked of
// ICU one code point at a time (it is rare in Japanese text). Building every page would cost
// about 40 million instructions at start-up, a quarter of what jatei-segment spends on a
// 500 KB text; the pages a Japanese article touches cost a few hundred thousand.
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <memory>

#include "jatei/text.hpp"

namespace jatei::text {
namespace {

constexpr std::uint8_t byte_of(Class k) { return static_cast<std::uint8_t>(k); }

constexpr char32_t kTerminators[] = {U'。', U'｡', U'．', U'.', U'！', U'!', U'？', U'?',
                                     U'‼', U'⁇', U'⁈', U'⁉', U'…', U'‥'};

// What the Unicode properties say, before the Japanese decisions.
Class from_unicode(char32_t c) {
  auto u = static_cast<UChar32>(c);
  if (c >= 0x20000 && c <= 0x3FFFF) return Class::kanji;
  if (u_hasBinaryProperty(u, UCHAR_WHITE_SPACE)) {
    bool breaks = (c >= 0x0A && c <= 0x0D) || c == 0x85 || c == 0x2028 || c == 0x2029;
    return breaks ? Class::line_break : Class::space;
  }
  std::int8_t gc = u_charType(u);
  if (gc == U_CONTROL_CHAR) return Class::control;
  UErrorCode e = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(u, &e);
  // Ideographs of the Han script (〆 is Script=Common): not Tangut, Nüshu or Khitan.
  if (u_hasBinaryProperty(u, UCHAR_IDEOGRAPHIC) && (script == USCRIPT_HAN || script == USCRIPT_COMMON))
    return Class::kanji;
  bool letter = gc == U_UPPERCASE_LETTER || gc == U_LOWERCASE_LETTER || gc == U_TITLECASE_LETTER ||
                gc == U_MODIFIER_LETTER || gc == U_OTHER_LETTER;
  if (letter) {
    if (script == USCRIPT_HAN) return c == 0x3005 || c == 0x303B ? Class::kanji : Class::letter;
    if (script == USCRIPT_HIRAGANA) return Class::hiragana;
    if (script == USCRIPT_KATAKANA) return Class::katakana;
    if (script == USCRIPT_LATIN) return Class::latin;
    return Class::letter;
  }
  if (gc == U_DECIMAL_DIGIT_NUMBER) return Class::digit;
  if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_COMBINING_SPACING_MARK) return Class::mark;
  if ((gc >= U_DASH_PUNCTUATION && gc <= U_OTHER_PUNCTUATION) || gc == U_INITIAL_PUNCTUATION ||
      gc == U_FINAL_PUNCTUATION || gc == U_CONNECTOR_PUNCTUATION)
    return Class::punct;  // 〰 〽 too, though Extended_Pictographic: Japanese punctuation first
  if (u_hasBinaryProperty(u, UCHAR_EXTENDED_PICTOGRAPHIC)) return Class::emoji;
  if (gc >= U_MATH_SYMBOL && gc <= U_OTHER_SYMBOL) return Class::symbol;
  return Class::other;
}

// The Japanese decisions, written over what Unicode says (0xFF: none).
std::uint8_t decided(char32_t c) {
  if (c == 0x30FC || c == 0xFF70) return byte_of(Class::prolonged);
  if ((c >= 0x3099 && c <= 0x309C) || c == 0xFF9E || c == 0xFF9F) return byte_of(Class::sound_mark);
  if (opens(c)) return byte_of(Class::open_bracket);
  if (closes(c)) return byte_of(Class::close_bracket);
  for (char32_t t : kTerminators)
    if (t == c) return byte_of(Class::terminator);
  return 0xFF;
}

std::uint8_t width_bits(char32_t c) {
  auto w = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  if (w == U_EA_FULLWIDTH) return detail::kFullwidth;
  if (w == U_EA_HALFWIDTH) return detail::kHalfwidth;
  return 0;
}

std::uint8_t compute(char32_t c) {
  std::uint8_t d = decided(c);
  std::uint8_t k = d != 0xFF ? d : byte_of(from_unicode(c));
  return static_cast<std::uint8_t>(k | width_bits(c));
}

// Pages the whole of which is one class, shared (made without asking ICU).
const std::uint8_t* uniform_page(Class k) {
  static const auto pages = [] {
    std::array<std::array<std::uint8_t, 256>, 32> p{};
    for (std::size_t i = 0; i < p.size(); ++i) p[i].fill(static_cast<std::uint8_t>(i));
    return p;
  }();
  return pages[static_cast<std::size_t>(k)].data();
}

}  // namespace

namespace detail {

std::atomic<const std::uint8_t*> class_pages[kPages] = {};

std::uint8_t class_byte_slow(char32_t c) {
  if (c >= 0x20000) {
    if (c <= 0x3FFFF) return byte_of(Class::kanji);
    if (c > 0x10FFFF) return byte_of(Class::other);
    return compute(c);
  }
  std::size_t index = c >> 8;
  auto first = static_cast<char32_t>(index << 8);
  std::unique_ptr<std::uint8_t[]> made;
  const std::uint8_t* page = nullptr;
  if ((first >= 0x4E00 && first < 0xA000) || (first >= 0x3400 && first < 0x4D00)) {
    page = uniform_page(Class::kanji);  // CJK Unified Ideographs, Extension A (4DC0-4DFF: hexagrams)
  } else if (first >= 0xAC00 && first < 0xD700) {
    page = uniform_page(Class::letter);  // Hangul syllables
  } else if (first >= 0xD800 && first < 0xF900) {
    page = uniform_page(Class::other);  // surrogates (never decoded) and private use
  } else {
    made = std::make_unique<std::uint8_t[]>(256);
    for (char32_t k = 0; k < 256; ++k) made[k] = compute(first + k);
    page = made.get();
  }
  // Two threads may make the same page at once: the first one stored stays.
  const std::uint8_t* expected = nullptr;
  if (class_pages[index].compare_exchange_strong(expected, page, std::memory_order_acq_rel)) {
    made.release();  // kept for the life of the program
  } else {
    page = expected;
  }
  return page[c & 0xFF];
}

}  // namespace detail

std::string_view class_name(Class k) {
  static constexpr std::string_view kNames[] = {
      "other",  "control", "space",  "line_break", "kanji",        "hiragana",      "katakana",
      "prolonged", "sound_mark", "latin", "digit", "letter", "mark", "open_bracket", "close_bracket",
      "terminator", "punct", "symbol", "emoji"};
  auto i = static_cast<std::size_t>(k);
  return i < std::size(kNames) ? kNames[i] : "?";
}

char32_t closer_of(char32_t open) {
  switch (open) {
    case U'(': return U')';
    case U'（': return U'）';
    case U'｟': return U'｠';
    case U'⦅': return U'⦆';
    case U'[': return U']';
    case U'［': return U'］';
    case U'「': return U'」';
    case U'｢': return U'｣';
    case U'『': return U'』';
    case U'\u3008': return U'\u3009';
    case U'\u2329': return U'\u232A';
    case U'《': return U'》';
    case U'{': return U'}';
    case U'｛': return U'｝';
    case U'【': return U'】';
    case U'〔': return U'〕';
    case U'〘': return U'〙';
    case U'“': return U'”';
    case U'‘': return U'’';
    case U'〖': return U'〗';
    case U'〝': return U'〟';
    case U'≪': return U'≫';
    default: return 0;
  }
}

}  // namespace jatei::text
