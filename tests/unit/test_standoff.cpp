// Unit tests for the stand-off's verdicts (Document::standoff, jatei/standoff.hpp): put into a
// document typed, written by the TEI layer and read back typed, the rest of the stand-off kept
// as it was.
#define BOOST_TEST_MODULE standoff
#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>

#include "jatei/standoff.hpp"
#include "tei/standoff.hpp"

using jatei::FactCheck;
using jatei::StandOff;
using jatei::tei::Put;

namespace {

FactCheck verdict(const std::string& id, const std::string& resp, const std::string& rating) {
  return {{id}, resp, rating, "mostly-true", "出典は統計 & 白書", "2026-01-05", "https://example.org/c?a=1&b=2"};
}

// The stand-off written, then read back.
StandOff written(const StandOff& so) { return jatei::tei::read_standoff(jatei::tei::standoff_xml(so)); }

}  // namespace

BOOST_AUTO_TEST_CASE(a_verdict_reads_back_as_it_was_put) {
  StandOff so;
  BOOST_TEST((jatei::tei::put(so, verdict("s5", "checker1", "Mostly true")) == Put::added));
  std::string xml = jatei::tei::standoff_xml(so);
  BOOST_TEST(xml.find("<listAnnotation type=\"factcheck\">") != std::string::npos);
  BOOST_TEST(xml.find("&amp;") != std::string::npos);
  StandOff read = jatei::tei::read_standoff(xml);
  BOOST_REQUIRE(read.fact_checks.size() == 1u);
  BOOST_TEST((read.fact_checks.front() == verdict("s5", "checker1", "Mostly true")));
  BOOST_TEST(jatei::tei::standoff_xml(read) == xml);  // unchanged: written back as it was read
  // Without the date, the link, or both.
  for (int k = 0; k < 4; ++k) {
    FactCheck v = verdict("s1", "c", "True");
    if (k & 1) v.date.clear();
    if (k & 2) v.url.clear();
    if (k == 3) v.text += " ";
    StandOff one;
    jatei::tei::put(one, v);
    BOOST_TEST((written(one).fact_checks == std::vector<FactCheck>{v}));
  }
}

BOOST_AUTO_TEST_CASE(one_verdict_per_sentence_and_reviewer) {
  StandOff so;
  jatei::tei::put(so, verdict("s5", "checker1", "True"));
  jatei::tei::put(so, verdict("s6", "checker1", "True"));
  jatei::tei::put(so, verdict("s5", "checker2", "False"));
  BOOST_TEST((jatei::tei::put(so, verdict("s5", "checker1", "True")) == Put::unchanged));
  BOOST_TEST((jatei::tei::put(so, verdict("s5", "checker1", "False")) == Put::updated));
  auto read = written(so).fact_checks;
  BOOST_REQUIRE(read.size() == 3u);
  // Replaced in place: the first note is still the one on s5 by checker1.
  BOOST_TEST(read[0].targets.front() == "s5");
  BOOST_TEST(read[0].resp == "checker1");
  BOOST_TEST(read[0].rating == "False");
  BOOST_TEST(read[2].resp == "checker2");
  // Written into a stored stand-off: replaced where it stands, the new one after the others.
  StandOff stored = written(so);
  jatei::tei::put(stored, verdict("s6", "checker1", "Unproven"));
  jatei::tei::put(stored, verdict("s7", "checker1", "True"));
  std::string xml = jatei::tei::standoff_xml(stored);
  BOOST_TEST(xml.find("n=\"True\" target=\"#s6\"") == std::string::npos);
  BOOST_TEST(xml.find("n=\"Unproven\" target=\"#s6\"") < xml.find("target=\"#s5\" resp=\"#checker2\""));
  BOOST_TEST((written(stored).fact_checks == stored.fact_checks));
  // Text from outside, as the TEI gives it back: putting it again changes nothing.
  FactCheck odd = verdict("s8", "checker1", "True");
  odd.text = "a\r\nb\x01";
  BOOST_TEST((jatei::tei::put(stored, odd) == Put::added));
  BOOST_TEST((jatei::tei::put(stored, odd) == Put::unchanged));
  BOOST_TEST((written(stored).fact_checks == stored.fact_checks));
}

// A Putter (many verdicts in a row: jatei-merge verdicts) answers as put() and leaves the same
// verdicts, over a stand-off that already holds some, one key twice (a hand edit: the last is
// replaced), several targets, and a verdict put again, changed and unchanged.
BOOST_AUTO_TEST_CASE(a_putter_is_put_with_an_index) {
  StandOff start;
  jatei::tei::put(start, verdict("s1", "checker1", "True"));
  jatei::tei::put(start, verdict("s2", "checker1", "True"));
  start.fact_checks.push_back(verdict("s1", "checker1", "False"));  // the same key twice
  FactCheck two = verdict("s3", "checker2", "True");
  two.targets = {"s3", "s4"};
  jatei::tei::put(start, two);
  std::vector<FactCheck> seq;
  for (int round = 0; round < 3; ++round)
    for (int k = 1; k <= 6; ++k)
      seq.push_back(verdict("s" + std::to_string(k), "checker" + std::to_string(1 + (k + round) % 2),
                            round == 2 && k % 2 ? "False" : "True"));
  seq.push_back(two);
  FactCheck split = two;
  split.targets = {"s3s", "4"};  // not the key of {"s3", "s4"}
  seq.push_back(split);
  StandOff a = start, b = start;
  jatei::tei::Putter putter(b);
  for (auto& v : seq) BOOST_TEST((jatei::tei::put(a, v) == putter.put(v)));
  BOOST_TEST((a.fact_checks == b.fact_checks));
  BOOST_TEST(b.fact_checks.size() == start.fact_checks.size() + 11u);
}

BOOST_AUTO_TEST_CASE(what_else_the_standoff_holds_is_kept) {
  const std::string stored =
      "<standOff>\n  <listAnnotation type=\"other\"><note>手で書いた注</note></listAnnotation>\n"
      "  <listPerson/>\n</standOff>";
  StandOff so = jatei::tei::read_standoff(stored);
  BOOST_TEST(so.fact_checks.empty());  // the other note is no verdict
  BOOST_TEST(jatei::tei::standoff_xml(so) == stored);
  jatei::tei::put(so, verdict("s1", "checker1", "True"));
  std::string xml = jatei::tei::standoff_xml(so);
  BOOST_TEST(xml.starts_with("<standOff>\n  <listAnnotation type=\"other\"><note>手で書いた注</note></listAnnotation>\n"
                             "  <listPerson/>\n    <listAnnotation type=\"factcheck\">"));
  BOOST_TEST(jatei::tei::read_standoff(xml).fact_checks.size() == 1u);
  // Removed: the others written anew into the fact-check list, the rest kept.
  jatei::tei::put(so, verdict("s2", "checker1", "True"));
  so = jatei::tei::read_standoff(jatei::tei::standoff_xml(so));
  so.fact_checks.erase(so.fact_checks.begin());
  xml = jatei::tei::standoff_xml(so);
  BOOST_TEST(xml.find("手で書いた注") != std::string::npos);
  BOOST_TEST(xml.find("#s1") == std::string::npos);
  BOOST_TEST((jatei::tei::read_standoff(xml).fact_checks == so.fact_checks));
  BOOST_TEST(jatei::tei::standoff_xml(StandOff{}).empty());
  BOOST_TEST(jatei::tei::read_standoff("<standOff>").fact_checks.empty());
  StandOff broken = jatei::tei::read_standoff("<standOff>");
  broken.fact_checks.push_back(verdict("s1", "c", "True"));
  BOOST_CHECK_THROW(jatei::tei::standoff_xml(broken), std::logic_error);
}

BOOST_AUTO_TEST_CASE(the_date_of_the_check_is_not_the_note) {
  const std::string stored =
      "<standOff><listAnnotation type=\"factcheck\"><note type=\"factcheck\" n=\"True\" target=\"#s1 #s2\" "
      "resp=\"#c1\">確認済み <date when=\"2026-01\"> 2026-01 </date> <date when=\"2025\">去年</date> "
      "<ref target=\"https://a\">記事</ref></note></listAnnotation></standOff>";
  auto read = jatei::tei::read_standoff(stored).fact_checks;
  BOOST_REQUIRE(read.size() == 1u);
  BOOST_TEST(read[0].targets.size() == 2u);
  BOOST_TEST(read[0].date == "2026-01");
  BOOST_TEST(read[0].url == "https://a");
  BOOST_TEST(read[0].text == "確認済み 去年");
}
