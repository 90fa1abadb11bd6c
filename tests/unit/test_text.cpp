// Unit tests for the text layer (jatei/text.hpp): code points with offsets, the character
// classes and their decisions, the bracket pairs.
#define BOOST_TEST_MODULE text
#include <boost/test/unit_test.hpp>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <string>
#include <vector>

#include "jatei/text.hpp"

namespace text = jatei::text;
using text::Class;

BOOST_AUTO_TEST_CASE(code_points_forwards_and_backwards_with_offsets) {
  std::string s = "aé字🙂。";
  std::vector<text::CodePoint> fw;
  for (text::CodePoint cp : text::code_points(s)) fw.push_back(cp);
  BOOST_TEST_REQUIRE(fw.size() == 5u);
  BOOST_TEST((fw[0].c == U'a'));
  BOOST_TEST(fw[0].at == 0u);
  BOOST_TEST((fw[1].c == U'é'));
  BOOST_TEST(fw[1].at == 1u);
  BOOST_TEST((fw[2].c == U'字'));
  BOOST_TEST(fw[2].at == 3u);
  BOOST_TEST((fw[3].c == U'🙂'));
  BOOST_TEST(fw[3].at == 6u);
  BOOST_TEST(fw[4].at == 10u);
  BOOST_TEST(text::end(fw[4]) == s.size());
  for (std::size_t k = 0; k + 1 < fw.size(); ++k) BOOST_TEST(text::end(fw[k]) == fw[k + 1].at);

  std::vector<text::CodePoint> bw;
  for (text::CodePoint cp : text::reversed(s)) bw.push_back(cp);
  BOOST_TEST_REQUIRE(bw.size() == fw.size());
  for (std::size_t k = 0; k < fw.size(); ++k) {
    BOOST_TEST((bw[k].c == fw[fw.size() - 1 - k].c));
    BOOST_TEST(bw[k].at == fw[fw.size() - 1 - k].at);
  }

  std::vector<text::CodePoint> all;
  text::decode_all(s, all);
  BOOST_TEST(all.size() == fw.size());
  BOOST_TEST(text::length(s) == 5u);
  BOOST_TEST((text::before(s, 3) == U'é'));
  BOOST_TEST((text::before(s, 0) == 0u));
  BOOST_TEST((text::at(s, s.size()) == 0u));
  BOOST_TEST(text::next(s, 1) == 3u);
  BOOST_TEST(text::prev(s, 6) == 3u);
}

BOOST_AUTO_TEST_CASE(an_ill_formed_byte_reads_as_one_replacement_character) {
  std::string s = "a\xFF" "b";
  std::vector<char32_t> cs;
  for (text::CodePoint cp : text::code_points(s)) cs.push_back(cp.c);
  BOOST_TEST_REQUIRE(cs.size() == 3u);
  BOOST_TEST((cs[1] == 0xFFFDu));
}

BOOST_AUTO_TEST_CASE(the_decisions_of_the_header) {
  // kanji: ideographs of every plane, 々 〻 〆 〇; not the radicals
  for (char32_t c : {U'字', U'㐀', U'豈', U'々', U'〻', U'〆', U'〇', char32_t(0x20B9F), char32_t(0x30000), char32_t(0x31350)})
    BOOST_TEST((text::class_of(c) == Class::kanji), "U+" << std::hex << unsigned(c));
  BOOST_TEST((text::class_of(0x2F08) == Class::symbol));  // ⼈ KANGXI RADICAL MAN
  // kana; ー and the voicing marks are neither script's letters
  for (char32_t c : {U'あ', U'ゝ', U'ゞ', U'ゟ', char32_t(0x1B001)}) BOOST_TEST(text::is_hiragana(c));
  for (char32_t c : {U'ア', U'ヽ', U'ヾ', U'ヿ', U'ㇰ', U'ｱ', U'ｦ', U'ﾝ'}) BOOST_TEST(text::is_katakana(c));
  for (char32_t c : {U'ー', U'ｰ'}) {
    BOOST_TEST((text::class_of(c) == Class::prolonged));
    BOOST_TEST(!text::is_hiragana(c));
    BOOST_TEST(!text::is_katakana(c));
    BOOST_TEST(text::hiragana_word(c));
    BOOST_TEST(text::katakana_word(c));
  }
  for (char32_t c : {char32_t(0x3099), char32_t(0x309A), U'゛', U'゜', U'ﾞ', U'ﾟ'}) {
    BOOST_TEST((text::class_of(c) == Class::sound_mark));
    BOOST_TEST(text::is_kana(c));
  }
  BOOST_TEST((text::class_of(U'・') == Class::punct));
  BOOST_TEST((text::class_of(U'㋐') == Class::symbol));
  for (char32_t c : {U'々', U'〻', U'ゝ', U'ゞ', U'ヽ', U'ヾ'}) BOOST_TEST(text::is_iteration_mark(c));
  // the kanji of numbers: digits, then powers of ten; kanji all of them, and nothing else
  // (the copies in the splitter, the date finder and the gloss finder disagreed on 千 万 億 兆)
  std::u32string_view digits = U"〇一二三四五六七八九", powers = U"十百千万億兆";
  for (char32_t c = 0; c < 0x10000; ++c) {
    bool digit = digits.find(c) != std::u32string_view::npos, power = powers.find(c) != std::u32string_view::npos;
    BOOST_TEST(text::is_kanji_digit(c) == digit, "U+" << std::hex << unsigned(c));
    BOOST_TEST(text::is_kanji_numeral(c) == (digit || power), "U+" << std::hex << unsigned(c));
    if (digit || power) BOOST_TEST((text::class_of(c) == Class::kanji));
  }
  // Latin of any width, digits of any script
  for (char32_t c : {U'a', U'Z', U'Ａ', U'ｚ', U'é', U'ß'}) BOOST_TEST(text::is_latin(c));
  for (char32_t c : {U'0', U'９', U'٣'}) BOOST_TEST(text::is_digit(c));
  for (char32_t c : {U'α', U'Ж', U'한'}) BOOST_TEST((text::class_of(c) == Class::letter));
  // spaces and line breaks
  for (char32_t c : {U' ', U'\t', U'\u00A0', U'\u3000', U'\u2003'}) BOOST_TEST(text::is_space(c));
  for (char32_t c : {U'\n', U'\r', U'\u2028'}) {
    BOOST_TEST(!text::is_space(c));
    BOOST_TEST(text::is_white_space(c));
  }
  BOOST_TEST((text::class_of(0x200B) == Class::other));  // zero width space is no White_Space
  // terminators, emoji, width
  for (char32_t c : {U'。', U'｡', U'．', U'.', U'！', U'?', U'‼', U'⁉', U'…', U'‥'}) BOOST_TEST(text::is_terminator(c));
  BOOST_TEST(text::is_emoji(U'🙂'));
  BOOST_TEST((text::class_of(U'〰') == Class::punct));
  BOOST_TEST(text::is_fullwidth(U'Ａ'));
  BOOST_TEST(text::is_fullwidth(U'\u3000'));
  BOOST_TEST(!text::is_fullwidth(U'字'));
  BOOST_TEST(text::is_halfwidth(U'ｱ'));
  BOOST_TEST(text::is_halfwidth(U'ｰ'));
}

BOOST_AUTO_TEST_CASE(brackets_and_their_pairs) {
  const char32_t pairs[][2] = {{U'(', U')'}, {U'（', U'）'}, {U'「', U'」'}, {U'『', U'』'}, {U'【', U'】'},
                               {U'〔', U'〕'}, {U'〈', U'〉'}, {U'《', U'》'}, {U'“', U'”'}, {U'‘', U'’'},
                               {U'〝', U'〟'}, {U'≪', U'≫'}, {U'｢', U'｣'}, {U'［', U'］'}, {U'｛', U'｝'}};
  for (auto& p : pairs) {
    BOOST_TEST(text::is_open_bracket(p[0]));
    BOOST_TEST(text::is_close_bracket(p[1]));
    BOOST_TEST((text::closer_of(p[0]) == p[1]));
    BOOST_TEST(text::opens(p[0]) == text::closes(p[1]));
    BOOST_TEST(text::opens(p[0]) != 0);
  }
  BOOST_TEST(text::opens(U'(') == text::closes(U'）'));  // one family whatever the width
  BOOST_TEST(text::closes(U'〞') == text::opens(U'〝'));
  BOOST_TEST((text::closer_of(U'a') == 0u));
}

// Every code point: the class and the fast paths of the predicates agree, the brackets of the
// class are the ones that open or close, and the classes say what Unicode says of scripts.
BOOST_AUTO_TEST_CASE(predicates_agree_with_the_table_everywhere) {
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    if (c >= 0x40000 && c < 0xE0000) {  // unassigned planes: one look is enough
      BOOST_TEST_REQUIRE((text::class_of(c) == Class::other));
      c = 0xDFFFF;
      continue;
    }
    Class k = text::class_of(c);
    BOOST_TEST_REQUIRE(text::is_kanji(c) == (k == Class::kanji));
    BOOST_TEST_REQUIRE(text::is_hiragana(c) == (k == Class::hiragana));
    BOOST_TEST_REQUIRE(text::is_katakana(c) == (k == Class::katakana));
    BOOST_TEST_REQUIRE(text::is_prolonged(c) == (k == Class::prolonged));
    BOOST_TEST_REQUIRE(text::is_sound_mark(c) == (k == Class::sound_mark));
    BOOST_TEST_REQUIRE(text::is_latin(c) == (k == Class::latin));
    BOOST_TEST_REQUIRE(text::is_digit(c) == (k == Class::digit));
    BOOST_TEST_REQUIRE(text::is_space(c) == (k == Class::space));
    BOOST_TEST_REQUIRE(text::is_white_space(c) == (k == Class::space || k == Class::line_break));
    BOOST_TEST_REQUIRE((text::opens(c) != 0) == (k == Class::open_bracket));
    BOOST_TEST_REQUIRE((text::closes(c) != 0) == (k == Class::close_bracket));
    if (text::opens(c)) BOOST_TEST_REQUIRE(text::opens(c) == text::closes(text::closer_of(c)));
    UErrorCode e = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(static_cast<UChar32>(c), &e);
    if (k == Class::hiragana) BOOST_TEST_REQUIRE(sc == USCRIPT_HIRAGANA);
    if (k == Class::katakana) BOOST_TEST_REQUIRE(sc == USCRIPT_KATAKANA);
    if (k == Class::latin) BOOST_TEST_REQUIRE(sc == USCRIPT_LATIN);
    if (k == Class::kanji && c < 0x20000) BOOST_TEST_REQUIRE((sc == USCRIPT_HAN || c == U'〆'));
    BOOST_TEST_REQUIRE(text::class_name(k) != "?");
  }
}

// ------------------------------------------------------------------------------------------
// NFKC segments (the one normalisation under claims::normalise and terms::normalize)
// ------------------------------------------------------------------------------------------

namespace {
struct Seg {
  std::string src;  // the segment's source bytes
  std::u32string out;
  bool copied;
};
std::vector<Seg> segments_of(const std::string& s) {
  std::vector<text::NfkcSegment> segs;
  std::u32string out;
  text::nfkc_segments(s, segs, out);
  std::vector<Seg> v;
  for (auto& g : segs) v.push_back({s.substr(g.b, g.e - g.b), out.substr(g.out_b, g.out_e - g.out_b), g.copied});
  return v;
}
}  // namespace

BOOST_AUTO_TEST_CASE(nfkc_segments_keep_kept_characters_alone_and_copied) {
  auto v = segments_of("AI（蒸留）");
  BOOST_TEST_REQUIRE(v.size() == 6u);
  BOOST_TEST((v[0].src == "A" && v[0].out == U"A" && v[0].copied));
  BOOST_TEST((v[2].src == "（" && v[2].out == U"(" && !v[2].copied));  // full width: folded
  BOOST_TEST((v[3].src == "蒸" && v[3].copied));
}

BOOST_AUTO_TEST_CASE(nfkc_segments_join_what_combines_and_what_modifies) {
  // ｶ + ﾞ (half-width voicing mark) is one segment, ガ; か + U+3099 composes to が.
  auto v = segments_of("ｶﾞか\u3099");
  BOOST_TEST_REQUIRE(v.size() == 2u);
  BOOST_TEST((v[0].src == "ｶﾞ" && v[0].out == U"ガ" && !v[0].copied));
  BOOST_TEST((v[1].out == U"が" && !v[1].copied));
  // A variation selector and a zero-width joiner stay with the character before them.
  auto e = segments_of("\u2764\uFE0F\U0001F468\u200D\U0001F469");
  BOOST_TEST_REQUIRE(e.size() == 3u);
  BOOST_TEST(e[0].src == "\u2764\uFE0F");
  BOOST_TEST(e[1].src == "\U0001F468\u200D");
  BOOST_TEST(e[2].src == "\U0001F469");
  // One character to several (㍿ → 株式会社), and the segments tile the source.
  auto k = segments_of("㍿です");
  BOOST_TEST_REQUIRE(k.size() == 3u);
  BOOST_TEST((k[0].out == U"株式会社" && !k[0].copied));
  std::string joined;
  for (auto& g : k) joined += g.src;
  BOOST_TEST(joined == "㍿です");
  BOOST_TEST(segments_of("").empty());
}
