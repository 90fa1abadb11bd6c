// The one XML escaper (lib/src/tei/escape.hpp): what each context escapes, the eight-byte fast
// path against a plain byte-by-byte escaper, controls refused, writable().
#define BOOST_TEST_MODULE escape
#include <boost/test/unit_test.hpp>

#include <random>
#include <stdexcept>
#include <string>

#include "tei/escape.hpp"

using jatei::xml::Context;
using jatei::xml::escaped;

namespace {

// What escape() must give, one byte at a time.
std::string plain(std::string_view s, Context c) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += c == Context::text ? "\"" : "&quot;"; break;
      case '\'': out += c == Context::html ? "&#39;" : "'"; break;
      case '\r': out += c == Context::html ? "\r" : "&#13;"; break;
      case '\n': out += c == Context::attribute ? "&#10;" : "\n"; break;
      case '\t': out += c == Context::attribute ? "&#9;" : "\t"; break;
      default: out.push_back(ch);
    }
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(each_context_escapes_its_characters) {
  std::string s = "a&b<c>d\"e'f\rg\nh\ti";
  BOOST_TEST(escaped(s, Context::text) == "a&amp;b&lt;c&gt;d\"e'f&#13;g\nh\ti");
  BOOST_TEST(escaped(s, Context::attribute) == "a&amp;b&lt;c&gt;d&quot;e'f&#13;g&#10;h&#9;i");
  BOOST_TEST(escaped(s, Context::html) == "a&amp;b&lt;c&gt;d&quot;e&#39;f\rg\nh\ti");
  BOOST_TEST(escaped("日本語のテキスト、そのまま。") == "日本語のテキスト、そのまま。");
  BOOST_TEST(escaped("") == "");
}

BOOST_AUTO_TEST_CASE(fast_path_gives_what_the_plain_escaper_gives) {
  // Strings of every length around the eight-byte steps, special bytes at every position.
  const std::string alphabet[] = {"a", "Z", "?", "@", "~", "あ", "漢", "&", "<", ">", "\"", "'", "\n", "\t", "\r", " "};
  std::mt19937 rng(7);
  for (int round = 0; round < 4000; ++round) {
    std::string s;
    std::size_t n = rng() % 40;
    bool plain_text = round % 2 == 0;  // half of them with no byte to escape at all
    for (std::size_t i = 0; i < n; ++i) s += alphabet[rng() % (plain_text ? 7 : std::size(alphabet))];
    for (Context c : {Context::text, Context::attribute, Context::html}) BOOST_TEST(escaped(s, c) == plain(s, c));
  }
}

BOOST_AUTO_TEST_CASE(control_characters_are_refused_not_written) {
  for (Context c : {Context::text, Context::attribute, Context::html}) {
    BOOST_CHECK_THROW(escaped(std::string("abc\x01", 4), c), std::logic_error);
    BOOST_CHECK_THROW(escaped(std::string("0123456789\x1f", 11), c), std::logic_error);
    BOOST_CHECK_THROW(escaped(std::string("a\0b", 3), c), std::logic_error);
  }
}

BOOST_AUTO_TEST_CASE(writable_replaces_what_xml_cannot_carry) {
  BOOST_TEST(jatei::xml::writable(std::string("a\x01" "b\x1f\tc\nd\re", 10)) == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\tc\nd\re");
  BOOST_TEST(jatei::xml::writable("そのまま") == "そのまま");
  BOOST_TEST(escaped(jatei::xml::writable(std::string("x\x02", 2))) == "x\xEF\xBF\xBD");
}

BOOST_AUTO_TEST_CASE(keep_cr_writes_a_raw_cr_as_a_reference) {
  BOOST_TEST(jatei::xml::keep_cr("<a>p\rq</a>") == "<a>p&#13;q</a>");
  BOOST_TEST(jatei::xml::keep_cr("<a>no cr\n</a>") == "<a>no cr\n</a>");
  BOOST_TEST(jatei::xml::keep_cr("\r\r") == "&#13;&#13;");
}


