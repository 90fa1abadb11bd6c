// Unit tests for jatei/validate.hpp: the RELAX NG profile (schemas/jatei.rng) on segment
// outputs, and the reference checks a schema cannot make.
#define BOOST_TEST_MODULE validate
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

#include "jatei/error.hpp"
#include "jatei/segment.hpp"
#include "jatei/tei.hpp"
#include "jatei/validate.hpp"
#include "tei_fixture.hpp"

namespace fs = std::filesystem;
using jatei::Problem;

namespace {

using tei_fixture::slurp;

std::string describe(const std::vector<Problem>& problems) {
  std::string out;
  for (auto& p : problems) out += "\n  line " + std::to_string(p.line) + ": " + p.message;
  return out;
}

bool has_problem(const std::vector<Problem>& problems, const std::string& fragment, std::size_t line) {
  for (auto& p : problems)
    if (p.message.find(fragment) != std::string::npos && p.line == line) return true;
  return false;
}

// The schema, compiled once for the whole module. A schema that does not compile yet fails
// every test that needs it with a message saying so, instead of a crash or a skip.
struct SchemaFixture {
  std::unique_ptr<jatei::Validator> validator;
  std::string error;
  SchemaFixture() {
    try {
      validator = std::make_unique<jatei::Validator>(jatei::default_schema_path());
    } catch (const std::exception& e) {
      error = e.what();
    }
  }
};

const SchemaFixture& schema() {
  static SchemaFixture f;
  return f;
}

const jatei::Validator& validator() {
  const SchemaFixture& f = schema();
  if (!f.validator)
    BOOST_FAIL("schemas/jatei.rng (" << jatei::default_schema_path()
                                    << ") does not compile yet, so nothing can be validated: " << f.error);
  return *f.validator;
}

// A minimal valid document around `body` (the inside of <body>), header included: lines 1 to 8
// as tei_fixture::document gives them, 9 the application.
std::string tei(const std::string& body, const std::string& header_extra = "") {
  tei_fixture::Parts parts;
  parts.header_extra = "    <encodingDesc><appInfo><application ident=\"jatei-segment\" version=\"0.1.0\">"
                       "<label>jatei-segment</label></application></appInfo></encodingDesc>\n" +
                       header_extra;
  return tei_fixture::document(body, parts);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The schema
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(default_schema_exists_and_compiles) {
  std::string path = jatei::default_schema_path();
  BOOST_TEST(fs::path(path).filename() == "jatei.rng");
  BOOST_TEST(fs::exists(path), path);
  validator();  // fails with a clear message when the schema does not compile
}

BOOST_AUTO_TEST_CASE(schema_path_from_environment) {
  const char* old = std::getenv("JATEI_SCHEMA");
  std::string saved = old ? old : "";
  setenv("JATEI_SCHEMA", "/some/where/custom.rng", 1);
  BOOST_TEST(jatei::default_schema_path() == "/some/where/custom.rng");
  if (old) setenv("JATEI_SCHEMA", saved.c_str(), 1);
  else unsetenv("JATEI_SCHEMA");
}

BOOST_AUTO_TEST_CASE(missing_or_broken_schema_is_an_error) {
  BOOST_CHECK_THROW(jatei::Validator("/nonexistent/dir/none.rng"), std::exception);
  char path[] = "/tmp/jatei-broken-XXXXXX";
  int fd = mkstemp(path);
  BOOST_REQUIRE(fd >= 0);
  close(fd);
  {
    std::ofstream out(path);
    out << "<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\"><start><ref name=\"nowhere\"/></start></grammar>";
  }
  BOOST_CHECK_THROW(jatei::Validator v(path), jatei::DataError);
  std::remove(path);
}

BOOST_AUTO_TEST_CASE(corpora_segment_outputs_are_valid) {
  const jatei::Validator& v = validator();
  std::size_t n = 0;
  for (const fs::path& f : tei_fixture::corpus_files()) {
    jatei::SegmentOptions o;
    o.source_name = f.filename().string();
    std::string xml = jatei::tei::write(jatei::segment(jatei::decode(slurp(f)), o));
    auto problems = v.validate(xml, o.source_name);
    BOOST_TEST(problems.empty(), o.source_name << ":" << describe(problems));
    ++n;
  }
  BOOST_TEST(n >= 3u);
}

BOOST_AUTO_TEST_CASE(edge_segment_outputs_are_valid) {
  const jatei::Validator& v = validator();
  for (const std::string& text : std::vector<std::string>{
           "", "\n\n\n", "  \n", "a", "見出し\n本文。\n続き。\n", "・一\n・二\n", "①一\n②二\n", "本文。\n(了)\n",
           "本文。\n(続く)\n(了)\n", "文:山田\n", "本文です。\n出典:統計\n(了)\n", "本文。\n写真:図\n",
           "社長は次のように述べています。\n発言です。\n", "本文。\nまとめ\n・一\n・二\n著者:山田\n経歴。\nシェアする\n",
           "(了)\n", "写真:図\n", "まとめ\n・一\n", "$ npm install\n", "本文。\n```\nx = 1\n```\n(了)\n",
           "見出し\nimport os\n著者:山田\n"}) {
    std::string xml = jatei::tei::write(jatei::segment_text(text, {}));
    auto problems = v.validate(xml, "edge");
    BOOST_TEST(problems.empty(), "input [" << text << "]:" << describe(problems));
  }
}

BOOST_AUTO_TEST_CASE(invalid_documents_are_reported_with_lines) {
  const jatei::Validator& v = validator();
  // An unknown division type.
  auto p1 = v.validate(tei("<div type=\"nonsense\"><p xml:id=\"p1\"><s xml:id=\"s1\">本文。</s></p></div>"), "a");
  BOOST_TEST(!p1.empty());
  // A paragraph straight in <body>.
  auto p2 = v.validate(tei("<p xml:id=\"p1\"><s xml:id=\"s1\">本文。</s></p>"), "b");
  BOOST_TEST(!p2.empty());
  for (auto& p : p2) BOOST_TEST(p.line > 0u, p.message);
  // A trailer with no block before it.
  auto p3 = v.validate(tei("<div type=\"article\"><trailer xml:id=\"tr1\"><s xml:id=\"s1\">(了)</s></trailer></div>"), "c");
  BOOST_TEST(!p3.empty());
  // Not well-formed.
  auto p4 = v.validate("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<teiHeader>\n</TEI>", "d");
  BOOST_TEST(!p4.empty());
  // A valid one, for contrast.
  auto ok = v.validate(tei("<div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"s1\">本文。</s></p></div>"), "e");
  BOOST_TEST(ok.empty(), describe(ok));
  // Past line 65,535 a fault is said at its own line (libxml2 by itself stops counting there).
  std::string many = "<div type=\"article\">\n";  // line 11
  for (int i = 1; i <= 70000; ++i)
    many += "<p xml:id=\"p" + std::to_string(i) + "\"><s xml:id=\"s" + std::to_string(i) + "\">文。</s></p>\n";
  many += "<bogus/></div>";  // line 11 + 70,000 + 1
  auto p5 = v.validate(tei(many), "f");
  BOOST_TEST(has_problem(p5, "bogus", 70012), describe(p5));
}

BOOST_AUTO_TEST_CASE(validator_is_reusable) {
  const jatei::Validator& v = validator();
  std::string good = tei("<div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"s1\">本文。</s></p></div>");
  std::string bad = tei("<div type=\"article\"><p xml:id=\"p1\"><s>本文。</s></p></div>");
  for (int i = 0; i < 20; ++i) {
    BOOST_TEST(v.validate(good, "good").empty());
    BOOST_TEST(!v.validate(bad, "bad").empty());
  }
}

BOOST_AUTO_TEST_CASE(validate_includes_the_reference_checks) {
  const jatei::Validator& v = validator();
  std::string xml = tei(
      "<div type=\"article\">\n"                                                  // 11
      "<p xml:id=\"p1\"><s xml:id=\"s1\">一。</s></p>\n"                          // 12
      "<p xml:id=\"p2\"><s xml:id=\"s1\">二。</s></p></div>");                    // 13
  auto problems = v.validate(xml, "dup");
  BOOST_TEST(has_problem(problems, "duplicate xml:id 's1'", 13), describe(problems));
}

// ---------------------------------------------------------------------------------------------
// check_references
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(duplicate_ids_reported_with_line) {
  std::string xml = tei(
      "<div type=\"article\">\n"                                                  // 11
      "<p xml:id=\"p1\"><s xml:id=\"s1\">一。</s></p>\n"                          // 12
      "<p xml:id=\"p2\"><s xml:id=\"s2\">二。</s></p>\n"                          // 13
      "<p xml:id=\"p1\"><s xml:id=\"s3\">三。</s></p></div>");                    // 14
  auto problems = jatei::check_references(xml);
  BOOST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].line == 14u);
  BOOST_TEST(problems[0].message.find("p1") != std::string::npos, problems[0].message);
  BOOST_TEST(problems[0].message.find("12") != std::string::npos, problems[0].message);  // the first one's line
}

BOOST_AUTO_TEST_CASE(sentence_without_id_reported_with_line) {
  std::string xml = tei(
      "<div type=\"article\">\n"                                                  // 11
      "<p xml:id=\"p1\"><s xml:id=\"s1\">一。</s></p>\n"                          // 12
      "<p xml:id=\"p2\">\n<s>二。</s></p></div>");                                // 13, 14
  auto problems = jatei::check_references(xml);
  BOOST_REQUIRE(problems.size() == 1u);
  BOOST_TEST(problems[0].line == 14u);
  BOOST_TEST(problems[0].message.find("<s>") != std::string::npos, problems[0].message);
}

BOOST_AUTO_TEST_CASE(dangling_pointers_reported_with_line) {
  std::string header =
      "    <profileDesc><particDesc><listPerson><person xml:id=\"spk1\"><persName>先生</persName></person>"
      "</listPerson></particDesc></profileDesc>\n";                             // 10
  std::string xml = tei(
      "<div type=\"dialogue\">\n"                                                 // 12
      "<sp xml:id=\"sp1\" who=\"#spk1\"><p xml:id=\"p1\"><s xml:id=\"s1\">一。</s></p></sp>\n"   // 13
      "<sp xml:id=\"sp2\" who=\"#spk9\"><p xml:id=\"p2\"><s xml:id=\"s2\">二。</s></p></sp>\n"   // 14
      "<sp xml:id=\"sp3\" who=\"#spk1\"><p xml:id=\"p3\"><s xml:id=\"s3\" corresp=\"#s1 #nowhere\">三。</s>"
      "</p></sp></div>",                                                          // 15
      header);
  auto problems = jatei::check_references(xml);
  BOOST_TEST(problems.size() == 2u, describe(problems));
  BOOST_TEST(has_problem(problems, "#spk9", 14), describe(problems));
  BOOST_TEST(has_problem(problems, "#nowhere", 15), describe(problems));
  BOOST_TEST(!has_problem(problems, "#spk1", 13));
  BOOST_TEST(!has_problem(problems, "#s1", 15));
}

BOOST_AUTO_TEST_CASE(other_pointer_attributes_are_checked) {
  std::string xml = tei(
      "<div type=\"article\">\n"                                                              // 12
      "<p xml:id=\"p1\"><s xml:id=\"s1\" ana=\"#fact #missing\">一<ref target=\"#s1\">。</ref></s></p>\n"  // 13
      "<p xml:id=\"p2\"><s xml:id=\"s2\" resp=\"#ed9\"><term ref=\"termbase.tbx#c1\">二</term>"
      "<ptr target=\"https://example.com/#x\"/>。</s></p></div>",                            // 14
      "    <encodingDesc><classDecl><taxonomy xml:id=\"factuality\"><category xml:id=\"fact\"><catDesc>f</catDesc>"
      "</category></taxonomy></classDecl></encodingDesc>\n");
  auto problems = jatei::check_references(xml);
  BOOST_TEST(problems.size() == 2u, describe(problems));
  BOOST_TEST(has_problem(problems, "#missing", 13), describe(problems));
  BOOST_TEST(has_problem(problems, "#ed9", 14), describe(problems));
}

BOOST_AUTO_TEST_CASE(clean_documents_have_no_reference_problems) {
  std::string xml = jatei::tei::write(jatei::segment_text("見出し\n本文です。二文目。\n・一\n・二\n(了)\n", {}));
  auto problems = jatei::check_references(xml);
  BOOST_TEST(problems.empty(), describe(problems));
}

BOOST_AUTO_TEST_CASE(malformed_xml_gives_no_reference_problems) {
  // Reported by the parser, not twice.
  BOOST_TEST(jatei::check_references("<TEI><unclosed></TEI>").empty());
}

// A valid document is recognised as a stream (lib/src/tei/validate.cpp, valid_streamed); only a
// document the stream finds fault with is read into trees for the messages. So the stream
// must itself refuse everything the trees refuse: each document below is valid but for one
// fault the schema cannot see, or one hidden where a byte scan could be fooled (markup inside
// a comment, a CDATA section or an attribute value).
BOOST_AUTO_TEST_CASE(streamed_validation_refuses_what_the_trees_refuse) {
  const std::string s1 = "<div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"s1\">一。</s></p></div>";
  BOOST_TEST(validator().validate(tei(s1), "ok.xml").empty(), describe(validator().validate(tei(s1), "ok.xml")));
  // Ids and pointers: a second id, an <s> without one, a pointer to nowhere in each attribute.
  const std::string dup = "<div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"p1\">一。</s></p></div>";
  BOOST_TEST(!validator().validate(tei(dup), "dup.xml").empty());
  const std::string noid = "<div type=\"article\"><p xml:id=\"p1\"><s>一。</s></p></div>";
  BOOST_TEST(!validator().validate(tei(noid), "noid.xml").empty());
  for (const char* attr : {"ana", "corresp"}) {
    std::string body = "<div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"s1\" " + std::string(attr) +
                       "=\"#s1 #nowhere\">一。</s></p></div>";
    auto problems = validator().validate(tei(body), "pointer.xml");
    BOOST_TEST(has_problem(problems, "#nowhere", 11), attr << describe(problems));
  }
  // Nesting past the limit, with '<' and '>' where a scan of the bytes must not count them.
  std::string deep = "<div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"s1\">";
  for (int i = 0; i < 300; ++i) deep += "<hi rend=\"a>b\"><!-- <hi> --><![CDATA[<hi>]]>";
  deep += "x";
  for (int i = 0; i < 300; ++i) deep += "</hi>";
  deep += "</s></p></div>";
  auto problems = validator().validate(tei(deep), "deep.xml");
  BOOST_TEST(!problems.empty());
  BOOST_TEST((!problems.empty() && problems.front().message.find("nested more than") != std::string::npos),
             describe(problems));
  // The same markup, shallow: valid as far as the nesting goes (the comment and CDATA are not
  // elements), so only the schema decides.
  std::string shallow = "<div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"s1\"><hi rend=\"a>b\">"
                        "<!-- <hi> --><![CDATA[<hi>]]>x</hi></s></p></div>";
  for (auto& p : validator().validate(tei(shallow), "shallow.xml"))
    BOOST_TEST(p.message.find("nested") == std::string::npos, p.message);
}

// Past 4,096 ids the stream gives libxml2 its table of ids made for the count the bytes hold
// (valid_streamed, presize_ids): the ids met before that table existed move into it, and a second
// id or a pointer to nowhere anywhere in a long document is still refused by the stream itself
// (is_valid), not only by the trees validate() falls back on.
BOOST_AUTO_TEST_CASE(long_documents_keep_every_id_check) {
  std::string header =
      "    <profileDesc><particDesc><listPerson><person xml:id=\"spk1\"><persName>先生</persName></person>"
      "</listPerson></particDesc></profileDesc>\n";
  auto body = [](int n, const std::string& extra_at_half) {
    std::string b = "<div type=\"dialogue\">\n";
    for (int i = 1; i <= n; ++i) {
      std::string k = std::to_string(i);
      b += "<sp xml:id=\"sp" + k + "\" who=\"#spk1\"><p xml:id=\"p" + k + "\"><s xml:id=\"s" + k + "\"" +
           (i > 1 ? " corresp=\"#s" + std::to_string(i - 1) + "\"" : "") + ">文" + k + "。</s></p></sp>\n";
      if (i == n / 2) b += extra_at_half;
    }
    return b + "</div>";
  };
  const int n = 3000;  // 9,000 ids and the header's
  std::string ok = tei(body(n, ""), header);
  BOOST_TEST(validator().is_valid(ok, "long.xml"), describe(validator().validate(ok, "long.xml")));
  // An id on the root is in libxml2's table before the stream's first node: it moves over.
  std::string rooted = ok;
  rooted.replace(rooted.find("<TEI "), 5, "<TEI xml:id=\"doc\" ");
  const std::string first_pointer = "corresp=\"#s1\"";
  rooted.replace(rooted.find(first_pointer), first_pointer.size(), "corresp=\"#doc\"");
  BOOST_TEST(validator().is_valid(rooted, "rooted.xml"), describe(validator().validate(rooted, "rooted.xml")));
  // The same document with one id given twice, half way down.
  std::string dup = tei(body(n, "<sp xml:id=\"sp7\" who=\"#spk1\"><p xml:id=\"px\"><s xml:id=\"sx\">重。</s></p></sp>\n"),
                        header);
  BOOST_TEST(!validator().is_valid(dup, "dup.xml"));
  BOOST_TEST(!validator().validate(dup, "dup.xml").empty());
  // A pointer to an id nobody has, and one to the header's speaker: only the first is refused.
  std::string dangling = tei(body(n, "<sp xml:id=\"spy\" who=\"#spk2\"><p xml:id=\"py\"><s xml:id=\"sy\">誰。</s></p></sp>\n"),
                             header);
  BOOST_TEST(!validator().is_valid(dangling, "dangling.xml"));
  auto problems = validator().validate(dangling, "dangling.xml");
  BOOST_TEST(has_problem(problems, "#spk2", 11 + 1 + n / 2 + 1), describe(problems));
  BOOST_TEST(problems.size() == 1u, describe(problems));
}
