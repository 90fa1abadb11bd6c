// Unit tests for claims::normalise: NFKC with an offset map back to the source bytes.
#define BOOST_TEST_MODULE normalise
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>

#include "jatei/claims.hpp"
#include "jatei/utf8.hpp"

using jatei::claims::normalise;
using jatei::claims::Normalised;

namespace {

// Whether every offset falls on a character boundary of the source.
bool on_boundaries(std::string_view src, const Normalised& n) {
  auto boundary = [&](std::size_t i) {
    return i == src.size() || (i < src.size() && (static_cast<unsigned char>(src[i]) & 0xC0) != 0x80);
  };
  for (std::size_t i = 0; i < n.text.size(); ++i)
    if (!boundary(n.begin_of(i)) || !boundary(n.end_of(i)) || n.begin_of(i) >= n.end_of(i)) return false;
  return true;
}

std::string source_of(std::string_view src, const Normalised& n, std::string_view needle) {
  std::size_t p = n.text.find(needle);
  if (p == std::string::npos) return "(not found)";
  auto [b, e] = n.source(p, p + needle.size());
  return std::string(src.substr(b, e - b));
}

}  // namespace

BOOST_AUTO_TEST_CASE(full_width_becomes_ascii) {
  std::string s = "Ｓｏｆｔｂａｎｋは８０兆円、１７％？";
  Normalised n = normalise(s);
  BOOST_TEST(n.text == "Softbankは80兆円、17%?");
  BOOST_TEST(source_of(s, n, "80") == "８０");
  BOOST_TEST(source_of(s, n, "17%?") == "１７％？");
  BOOST_TEST(on_boundaries(s, n));
}

BOOST_AUTO_TEST_CASE(half_width_katakana_composes) {
  std::string s = "ｷﾘｯとｶﾞｲﾄﾞ";
  Normalised n = normalise(s);
  BOOST_TEST(n.text == "キリッとガイド");
  // ｶﾞ (two source characters) is one normalised character mapped to both.
  BOOST_TEST(source_of(s, n, "ガ") == "ｶﾞ");
  BOOST_TEST(on_boundaries(s, n));
}

BOOST_AUTO_TEST_CASE(stable_text_is_copied) {
  std::string s = "推測ですが、DeepSeek-R1は2024年に公開された。";
  Normalised n = normalise(s);
  BOOST_TEST(n.text == s);
  for (std::size_t i = 0; i < s.size(); ++i) BOOST_TEST(n.begin_of(i) <= i);
  BOOST_TEST(n.runs.size() == 1u);  // one run for the whole copied text
  BOOST_TEST(source_of(s, n, "推測") == "推測");
}

BOOST_AUTO_TEST_CASE(compatibility_characters) {
  std::string s = "①（まだ推測ですが）　㎞ ～";
  Normalised n = normalise(s);
  BOOST_TEST(n.text == "1(まだ推測ですが) km ~");
  BOOST_TEST(source_of(s, n, "1") == "①");
  BOOST_TEST(source_of(s, n, "(まだ推測ですが)") == "（まだ推測ですが）");
  BOOST_TEST(source_of(s, n, "km") == "㎞");
}

BOOST_AUTO_TEST_CASE(combining_marks_stay_with_their_base) {
  std::string s = "か\u3099と e\u0301";  // か + combining dakuten, e + combining acute
  Normalised n = normalise(s);
  BOOST_TEST(n.text == "がと é");
  BOOST_TEST(source_of(s, n, "が") == "か\u3099");
  BOOST_TEST(on_boundaries(s, n));
}

BOOST_AUTO_TEST_CASE(empty_and_edges) {
  Normalised n = normalise("");
  BOOST_TEST(n.text.empty());
  BOOST_TEST(n.runs.empty());
  auto [b, e] = n.source(0, 0);
  BOOST_TEST(b == 0u);
  BOOST_TEST(e == 0u);
}

BOOST_AUTO_TEST_CASE(property_random_text_maps_back) {
  // Random mixes of ASCII, full-width forms, kana (both widths), kanji, emoji and combining marks.
  const char32_t pool[] = {U'a', U'Z', U'5', U' ', U'Ａ', U'５', U'％', U'？', U'あ', U'ア', U'ｱ', U'ﾞ', U'漢', U'字', U'①',
                           U'㎞', U'～', U'\u3099', U'\u0301', U'😀', U'、', U'。', U'「', U'」', U'（', U'）'};
  std::mt19937 rng(42);
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    int len = static_cast<int>(rng() % 24);
    for (int k = 0; k < len; ++k) jatei::utf8::append(s, pool[rng() % (sizeof pool / sizeof pool[0])]);
    Normalised n = normalise(s);
    BOOST_REQUIRE(on_boundaries(s, n));
    // Offsets never go backwards, and the whole normalised text maps to the whole source.
    for (std::size_t i = 1; i < n.text.size(); ++i) BOOST_REQUIRE(n.begin_of(i) >= n.begin_of(i - 1));
    if (!n.text.empty()) {
      auto [b, e] = n.source(0, n.text.size());
      BOOST_REQUIRE_EQUAL(b, 0u);
      BOOST_REQUIRE_EQUAL(e, s.size());
    }
  }
}
