// Unit tests for jatei/standoff.hpp: fact-check verdicts put into a stand-off and read back
// typed, the rest of the stand-off kept as it was.
#define BOOST_TEST_MODULE standoff
#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>

#include "jatei/standoff.hpp"

using jatei::tei::FactCheck;
using jatei::tei::StandOff;

namespace {

FactCheck verdict(const std::string& id, const std::string& resp, const std::string& rating) {
  return {{id}, resp, rating, "mostly-true", "出典は統計 & 白書", "2026-01-05", "https://example.org/c?a=1&b=2"};
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_verdict_reads_back_as_it_was_put) {
  StandOff so("");
  BOOST_TEST((so.put(verdict("s5", "checker1", "Mostly true")) == StandOff::Put::added));
  std::string xml = so.xml();
  BOOST_TEST(xml.find("<listAnnotation type=\"factcheck\">") != std::string::npos);
  BOOST_TEST(xml.find("&amp;") != std::string::npos);
  auto read = jatei::tei::fact_checks(xml);
  BOOST_REQUIRE(read.size() == 1u);
  FactCheck want = verdict("s5", "checker1", "Mostly true");
  want.text += "  ";  // the spaces the writer puts before the date and the link
  BOOST_TEST((read.front() == want));
}

BOOST_AUTO_TEST_CASE(one_verdict_per_sentence_and_reviewer) {
  StandOff so("");
  so.put(verdict("s5", "checker1", "True"));
  so.put(verdict("s6", "checker1", "True"));
  so.put(verdict("s5", "checker2", "False"));
  BOOST_TEST((so.put(verdict("s5", "checker1", "True")) == StandOff::Put::unchanged));
  BOOST_TEST((so.put(verdict("s5", "checker1", "False")) == StandOff::Put::updated));
  auto read = jatei::tei::fact_checks(so.xml());
  BOOST_REQUIRE(read.size() == 3u);
  // Replaced in place: the first note is still the one on s5 by checker1.
  BOOST_TEST(read[0].targets.front() == "s5");
  BOOST_TEST(read[0].resp == "checker1");
  BOOST_TEST(read[0].rating == "False");
  BOOST_TEST(read[2].resp == "checker2");
}

BOOST_AUTO_TEST_CASE(what_else_the_standoff_holds_is_kept) {
  const std::string stored =
      "<standOff>\n  <listAnnotation type=\"other\"><note>手で書いた注</note></listAnnotation>\n"
      "  <listPerson/>\n</standOff>";
  StandOff so(stored);
  so.put(verdict("s1", "checker1", "True"));
  std::string xml = so.xml();
  BOOST_TEST(xml.starts_with("<standOff>\n  <listAnnotation type=\"other\"><note>手で書いた注</note></listAnnotation>\n"
                             "  <listPerson/>\n    <listAnnotation type=\"factcheck\">"));
  BOOST_TEST(jatei::tei::fact_checks(xml).size() == 1u);  // the other note is no verdict
  BOOST_CHECK_THROW(StandOff("<standOff>"), std::logic_error);
  BOOST_TEST(jatei::tei::fact_checks("<standOff>").empty());
}

BOOST_AUTO_TEST_CASE(the_date_of_the_check_is_not_the_note) {
  const std::string stored =
      "<standOff><listAnnotation type=\"factcheck\"><note type=\"factcheck\" n=\"True\" target=\"#s1 #s2\" "
      "resp=\"#c1\">確認済み <date when=\"2026-01\"> 2026-01 </date> <date when=\"2025\">去年</date> "
      "<ref target=\"https://a\">記事</ref></note></listAnnotation></standOff>";
  auto read = jatei::tei::fact_checks(stored);
  BOOST_REQUIRE(read.size() == 1u);
  BOOST_TEST(read[0].targets.size() == 2u);
  BOOST_TEST(read[0].date == "2026-01");
  BOOST_TEST(read[0].url == "https://a");
  BOOST_TEST(read[0].text == "確認済み  去年 ");
}
