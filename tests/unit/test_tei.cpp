// Unit tests for jatei/tei.hpp: the writer and reader, round trips, what unknown markup keeps,
// and the errors bad input gives.
#define BOOST_TEST_MODULE tei
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "jatei/error.hpp"
#include "jatei/pipeline.hpp"
#include "jatei/segment.hpp"
#include "jatei/tei.hpp"
#include "tei_fixture.hpp"

namespace fs = std::filesystem;
using jatei::DataError;
using jatei::Document;

namespace {

using tei_fixture::corpus_files;
using tei_fixture::slurp;

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// read(write(d)) compared with d: everything but the stored header text, which only a read
// document has.
Document reread(const Document& d) {
  Document r = jatei::tei::read(jatei::tei::write(d), "test");
  r.header.raw_header.clear();
  return r;
}

// A minimal TEI document around `body` (the inside of <body>), with an optional header inside.
std::string tei(const std::string& body, const std::string& header_extra = "", const std::string& root_attrs = "") {
  tei_fixture::Parts parts;
  parts.header_extra = header_extra;
  parts.root_attrs = root_attrs;
  return tei_fixture::document(body, parts);
}

// Line and column of the DataError reading `xml` throws; {0, 0} with a failed check otherwise.
// read_in_place (which parses in the text's own memory, changing it) must say the same, where.
std::pair<std::size_t, std::size_t> read_error(const std::string& xml) {
  std::pair<std::size_t, std::size_t> in_place{0, 0};
  std::string message;
  try {
    jatei::tei::read_in_place(std::string(xml), "bad.xml");
  } catch (const DataError& e) {
    in_place = {e.line(), e.column()};
    message = e.what();
  }
  try {
    jatei::tei::read(xml, "bad.xml");
  } catch (const DataError& e) {
    BOOST_TEST(e.line() == in_place.first, "read_in_place: another line for " << xml.substr(0, 200));
    BOOST_TEST(e.column() == in_place.second, "read_in_place: another column for " << xml.substr(0, 200));
    BOOST_TEST(std::string(e.what()) == message);
    return {e.line(), e.column()};
  }
  BOOST_ERROR("no DataError for: " << xml.substr(0, 200));
  return {0, 0};
}

Document sample() {
  return jatei::segment_text(
      "量子コンピューターと暗号\n本文です。二文目です。\n・項目\n・項目二\n写真:図\n【続く】\n文:山田\n", {});
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(corpora_round_trip_equal_and_idempotent) {
  auto files = corpus_files();
  BOOST_REQUIRE_MESSAGE(files.size() >= 3u, "corpora/*.txt not found under " << JATEI_SOURCE_DIR);
  for (auto& f : files) {
    jatei::SegmentOptions o;
    o.source_name = f.filename().string();
    jatei::Decoded dec = jatei::decode(slurp(f));
    Document d = jatei::segment(dec, o);
    std::string xml = jatei::tei::write(d);
    Document r = jatei::tei::read(xml, f.string());
    BOOST_TEST((jatei::tei::read_in_place(std::string(xml), f.string()) == r), f.filename() << ": read_in_place differs");
    std::string streamed;
    jatei::tei::write(r, [&](std::string_view piece) { streamed += piece; }, 256);  // in small pieces
    BOOST_TEST(streamed == xml, f.filename() << ": write to a sink differs");
    BOOST_TEST(!r.header.raw_header.empty());
    Document cmp = r;
    cmp.header.raw_header.clear();
    BOOST_TEST((cmp == d), f.filename() << ": read(write(d)) != d");
    BOOST_TEST(r.text() == dec.text, f.filename());
    std::string again = jatei::tei::write(r);
    BOOST_TEST(again == xml, f.filename() << ": write(read(write(d))) differs");
    BOOST_TEST(jatei::tei::write(jatei::tei::read(again)) == xml);
    BOOST_TEST(jatei::tei::write(d) == xml, "write is not deterministic");
  }
}

BOOST_AUTO_TEST_CASE(edge_documents_round_trip) {
  for (const std::string& text : std::vector<std::string>{"", "\n\n", "  \n", "a", "一文。\n\n\n", "  字下げ。  \n末尾",
                                                          "・a\n\n・b\n", "本文。\n(了)\n"}) {
    Document d = jatei::segment_text(text, {});
    BOOST_TEST((reread(d) == d), "text [" << text << "]");
    BOOST_TEST(reread(d).text() == text);
    std::string xml = jatei::tei::write(d);
    BOOST_TEST(jatei::tei::write(jatei::tei::read(xml)) == xml);
  }
}

BOOST_AUTO_TEST_CASE(header_facts_round_trip) {
  Document d = sample();
  d.header.source_name = "元.txt";
  d.header.sha256 = std::string(64, 'a');
  d.header.encoding = "Shift_JIS";
  d.header.decoding_note = "2 invalid byte sequences replaced with U+FFFD";
  d.add_application("jatei-claims", "0.2.0");
  Document r = reread(d);
  BOOST_TEST(r.header.title == "量子コンピューターと暗号");
  BOOST_TEST(r.header.source_name == "元.txt");
  BOOST_TEST(r.header.sha256 == d.header.sha256);
  BOOST_TEST(r.header.encoding == "Shift_JIS");
  BOOST_TEST(r.header.decoding_note == d.header.decoding_note);
  BOOST_REQUIRE(r.header.applications.size() == 2u);
  BOOST_TEST(r.header.applications[1].ident == "jatei-claims");
  BOOST_TEST(r.header.applications[1].version == "0.2.0");
  BOOST_TEST((r == d));
}

BOOST_AUTO_TEST_CASE(responsibilities_are_typed_in_the_header) {
  // A new document: the respStmt goes into titleStmt after the title, and reads back typed.
  Document d = sample();
  d.header.responsibilities.push_back({"checker1", "fact-check", {"山田 花子"}});
  std::string xml = jatei::tei::write(d);
  BOOST_TEST(xml.find("<title>量子コンピューターと暗号</title>\n        <respStmt xml:id=\"checker1\">\n          "
                      "<resp>fact-check</resp>\n          <persName>山田 花子</persName>") != std::string::npos, xml);
  Document r = jatei::tei::read(xml);
  BOOST_REQUIRE(r.header.responsibilities.size() == 1u);
  BOOST_TEST((r.header.responsibilities[0] == d.header.responsibilities[0]));
  BOOST_TEST(jatei::tei::write(r) == xml);
  // Read from a header: the ones with an id, in order, whatever element names the person; one
  // added is written after them, and the ones there stay as written.
  std::string hand = tei("<div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"s1\">本文。</s></p></div>");
  const std::string title = "<title>題</title>";
  hand.replace(hand.find(title), title.size(),
               "<title>題</title><respStmt><resp>校正</resp><name>無名</name></respStmt>"
               "<respStmt xml:id=\"ed1\"><resp>編集</resp><orgName>編集部 <hi>A</hi></orgName></respStmt>");
  Document h = jatei::tei::read(hand);
  BOOST_REQUIRE(h.header.responsibilities.size() == 1u);
  BOOST_TEST(h.header.responsibilities[0].id == "ed1");
  BOOST_TEST(h.header.responsibilities[0].resp == "編集");
  BOOST_TEST((h.header.responsibilities[0].names == std::vector<std::string>{"編集部 A"}));
  h.header.responsibilities.push_back({"translator1", "translation", {"Ann"}});
  std::string out = jatei::tei::write(h);
  std::size_t ed = out.find("<orgName>編集部 <hi>A</hi>"), tr = out.find("<respStmt xml:id=\"translator1\">");
  BOOST_TEST(out.find("<name>無名</name>") != std::string::npos);
  BOOST_TEST((ed != std::string::npos && tr != std::string::npos && ed < tr), out);
  BOOST_TEST(tr < out.find("</titleStmt>"));
  BOOST_TEST(jatei::tei::read(out).header.responsibilities.size() == 2u);
}

BOOST_AUTO_TEST_CASE(application_update_on_a_read_document) {
  Document d = jatei::tei::read(jatei::tei::write(sample()));
  d.add_application("jatei-segment", "9.9.9");
  d.add_application("jatei-terms", "1.0");
  Document r = jatei::tei::read(jatei::tei::write(d));
  BOOST_REQUIRE(r.header.applications.size() == 2u);
  BOOST_TEST(r.header.applications[0].version == "9.9.9");
  BOOST_TEST(r.header.applications[1].ident == "jatei-terms");
}

BOOST_AUTO_TEST_CASE(an_application_without_ident_is_left_as_it_is) {
  // A hand-written <application> without @ident was copied as a new <application ident="">
  // on every write (issue 11, row 10); it is now kept as written, and so is the output.
  std::string xml = tei("<div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"s1\">本文。</s></p></div>",
                        "    <encodingDesc><appInfo><application version=\"2\"><label>手作業</label></application>"
                        "</appInfo></encodingDesc>\n");
  std::string once = jatei::tei::write(jatei::tei::read(xml));
  BOOST_TEST(!contains(once, "ident=\"\""), once);
  BOOST_TEST(contains(once, "<application version=\"2\">"), once);
  BOOST_TEST(jatei::tei::write(jatei::tei::read(once)) == once);
  Document d = jatei::tei::read(xml);
  d.add_application("", "1");  // nothing to find it by again: not written
  d.add_application("jatei-claims", "1");
  std::string twice = jatei::tei::write(d);
  BOOST_TEST(!contains(twice, "ident=\"\""), twice);
  BOOST_TEST(jatei::tei::write(jatei::tei::read(twice)) == twice);
}

BOOST_AUTO_TEST_CASE(taxonomies_notes_and_persons) {
  Document d = sample();
  d.header.taxonomies.push_back({"factuality", {{"fact", "事実"}, {"speculation", "推測"}}});
  d.header.notes.push_back({"terminology", "「推論」と「推定」が混在"});
  d.header.persons.push_back({"spk1", "teacher", "先生"});
  d.header.persons.push_back({"spk2", "student", "ハルカ & 友人"});
  std::string xml = jatei::tei::write(d);
  BOOST_TEST(contains(xml, "<taxonomy xml:id=\"factuality\">"));
  BOOST_TEST(contains(xml, "<catDesc>推測</catDesc>"));
  BOOST_TEST(contains(xml, "<note type=\"terminology\">"));
  BOOST_TEST(contains(xml, "<persName>ハルカ &amp; 友人</persName>"));
  Document r = reread(d);
  BOOST_TEST((r.header.taxonomies == d.header.taxonomies));
  BOOST_TEST((r.header.notes == d.header.notes));
  BOOST_TEST((r.header.persons == d.header.persons));
  BOOST_TEST((r == d));
  // A later stage replaces the same taxonomy and its own note type instead of adding copies.
  Document again = jatei::tei::read(xml);
  again.header.taxonomies = {{"factuality", {{"fact", "事実"}}}};
  again.header.notes = {{"terminology", "修正済み"}};
  again.header.persons = {{"spk1", "teacher", "先生"}};
  std::string xml2 = jatei::tei::write(again);
  Document r2 = jatei::tei::read(xml2);
  BOOST_REQUIRE(r2.header.taxonomies.size() == 1u);
  BOOST_TEST(r2.header.taxonomies[0].categories.size() == 1u);
  BOOST_REQUIRE(r2.header.notes.size() == 1u);
  BOOST_TEST(r2.header.notes[0].text == "修正済み");
  BOOST_TEST(r2.header.persons.size() == 1u);
  BOOST_TEST(jatei::tei::write(r2) == xml2);
}

// ---------------------------------------------------------------------------------------------
// Spans
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(spans_written_properly_nested) {
  Document d = jatei::segment_text("山田さんは2024年8月に来た。\n", {});
  jatei::Sentence* s = d.sentences().at(0);
  const std::string& t = s->text;
  std::size_t yamada = t.find("山田"), date = t.find("2024年8月");
  jatei::Span outer{0, t.size(), "seg", {}};
  outer.attrs.set("type", "claim");
  jatei::Span name{yamada, yamada + std::string("山田さん").size(), "persName", {}};
  jatei::Span inner{yamada, yamada + std::string("山田").size(), "hi", {}};
  inner.attrs.set("rend", "b");
  jatei::Span when{date, date + std::string("2024年8月").size(), "date", {}};
  when.attrs.set("when", "2024-08");
  std::size_t kita = t.find("来た");
  jatei::Span lb{kita, kita, "lb", {}};
  s->spans = {when, inner, name, outer, lb};  // any order: the writer sorts them
  std::string xml = jatei::tei::write(d);
  BOOST_TEST(contains(xml, "<s xml:id=\"s1\"><seg type=\"claim\"><persName><hi rend=\"b\">山田</hi>さん</persName>は"
                           "<date when=\"2024-08\">2024年8月</date>に<lb/>来た。</seg></s>"),
             xml);
  Document r = jatei::tei::read(xml);
  BOOST_TEST(r.sentences().at(0)->text == t);
  BOOST_TEST(r.sentences().at(0)->spans.size() == 5u);
  BOOST_TEST(jatei::tei::write(r) == xml);
}

BOOST_AUTO_TEST_CASE(empty_span_at_the_end_of_another) {
  Document d = jatei::segment_text("あいう。\n", {});
  jatei::Sentence* s = d.sentences().at(0);
  s->spans = {{0, 3, "hi", {}}, {3, 3, "lb", {}}};
  std::string xml = jatei::tei::write(d);
  BOOST_TEST(contains(xml, "<s xml:id=\"s1\"><hi>あ</hi><lb/>いう。</s>"), xml);
}

BOOST_AUTO_TEST_CASE(crossing_spans_are_a_logic_error) {
  Document d = jatei::segment_text("あいうえお。\n", {});
  jatei::Sentence* s = d.sentences().at(0);
  s->spans = {{0, 9, "seg", {}}, {6, 12, "date", {}}};  // あいう / うえ: cross
  BOOST_CHECK_THROW(jatei::tei::write(d), std::logic_error);
  s->spans = {{0, 100, "seg", {}}};  // past the end
  BOOST_CHECK_THROW(jatei::tei::write(d), std::logic_error);
  s->spans = {{6, 3, "seg", {}}};  // end before begin
  BOOST_CHECK_THROW(jatei::tei::write(d), std::logic_error);
  s->spans = {{0, 6, "seg", {}}, {6, 12, "date", {}}};  // adjacent is fine
  BOOST_CHECK_NO_THROW(jatei::tei::write(d));
}

// ---------------------------------------------------------------------------------------------
// Escaping
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(escaping_in_text_and_attributes) {
  std::string text = "a&b <tag> \"quoted\" 'single' ]]> &amp;\n";
  Document d = jatei::segment_text(text, {});
  d.sentences().at(0)->attrs.set("corresp", "x&y<z>\"w\"\tq");
  d.divisions[0].attrs.set("n", "<&>");
  d.header.title = "T&<>\"";
  std::string xml = jatei::tei::write(d);
  BOOST_TEST(contains(xml, "a&amp;b &lt;tag&gt; \"quoted\" 'single' ]]&gt; &amp;amp;"), xml);
  // Attribute values are escaped as the header's (pugixml) and the exporters' are: > too.
  BOOST_TEST(contains(xml, "corresp=\"x&amp;y&lt;z&gt;&quot;w&quot;&#9;q\""), xml);
  BOOST_TEST(contains(xml, "n=\"&lt;&amp;&gt;\""), xml);
  Document r = reread(d);
  BOOST_TEST(r.text() == text);
  BOOST_TEST(r.sentences().at(0)->attrs.value("corresp") == "x&y<z>\"w\"\tq");
  BOOST_TEST(r.divisions[0].attrs.value("n") == "<&>");
  BOOST_TEST(r.header.title == "T&<>\"");
  BOOST_TEST((r == d));
}

BOOST_AUTO_TEST_CASE(attribute_line_breaks_survive) {
  Document d = sample();
  d.sentences().at(0)->attrs.set("n", "a\nb\r\nc");
  Document r = reread(d);
  BOOST_TEST(r.sentences().at(0)->attrs.value("n") == "a\nb\r\nc");
}

// ---------------------------------------------------------------------------------------------
// Unknown markup survives
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(unknown_inline_elements_survive) {
  std::string body =
      "<div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"s1\"><hi rend=\"b\">重要</hi>:"
      "<emph>必ず<hi rend=\"i\">読んで</hi></emph>ください。<lb/>改行。</s></p></div>\n";
  std::string xml = tei(body);
  Document d = jatei::tei::read(xml);
  auto* s = d.sentences().at(0);
  BOOST_TEST(s->text == "重要:必ず読んでください。改行。");
  BOOST_REQUIRE(s->spans.size() == 4u);
  BOOST_TEST(s->spans[0].element == "hi");
  BOOST_TEST(s->spans[0].attrs.value("rend") == "b");
  BOOST_TEST(s->spans[0].begin == 0u);
  BOOST_TEST(s->spans[0].end == std::string("重要").size());
  BOOST_TEST(s->spans[3].element == "lb");
  BOOST_TEST(s->spans[3].begin == s->spans[3].end);
  std::string out = jatei::tei::write(d);
  BOOST_TEST(contains(out, body), out);
  BOOST_TEST(jatei::tei::write(jatei::tei::read(out)) == out);
}

BOOST_AUTO_TEST_CASE(unknown_element_between_sentences_survives) {
  std::string body =
      "<div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"s1\">一。</s> <note type=\"comment\" "
      "target=\"#s1\">メモ<hi>強調</hi></note> <s xml:id=\"s2\">二。</s><lb/></p></div>";
  Document d = jatei::tei::read(tei(body));
  auto leaves = d.leaves();
  BOOST_REQUIRE(leaves.size() == 1u);
  int opaque = 0;
  for (auto& p : leaves[0]->pieces) opaque += p.kind == jatei::Piece::Kind::opaque;
  BOOST_TEST(opaque == 2);
  BOOST_TEST(d.sentences().size() == 2u);
  BOOST_TEST(d.text() == "一。  二。");  // opaque content is not source text
  std::string out = jatei::tei::write(d);
  BOOST_TEST(contains(out, body), out);
}

BOOST_AUTO_TEST_CASE(unknown_block_in_a_division_survives) {
  std::string body =
      "<div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"s1\">前。</s></p>\n"
      "<table rows=\"1\"><row><cell>表</cell></row></table>\n"
      "<anchor xml:id=\"a1\"/>\n"
      "<p xml:id=\"p2\"><s xml:id=\"s2\">後。</s></p></div>\n";
  Document d = jatei::tei::read(tei(body));
  auto& bl = d.divisions.at(0).turns.at(0).blocks;
  BOOST_REQUIRE(bl.size() == 4u);
  BOOST_TEST(jatei::to_string(bl[1].kind) == "opaque");
  BOOST_TEST(bl[1].lead == "\n");
  BOOST_TEST(jatei::to_string(bl[2].kind) == "opaque");
  std::string out = jatei::tei::write(d);
  BOOST_TEST(contains(out, body), out);
  BOOST_TEST(d.text() == "前。\n\n\n後。\n");
}

BOOST_AUTO_TEST_CASE(unknown_attributes_survive) {
  std::string body =
      "<div xml:id=\"d1\" type=\"dialogue\" n=\"1\" rend=\"box\"><sp xml:id=\"sp1\" who=\"#spk1\" cert=\"high\" "
      "n=\"7\"><speaker>先生:</speaker><p xml:id=\"p1\" rend=\"indent\"><s xml:id=\"s1\" ana=\"#fact\" "
      "n=\"x\">こんにちは。</s></p></sp></div>";
  std::string header = "    <profileDesc><particDesc><listPerson><person xml:id=\"spk1\" role=\"teacher\">"
                       "<persName>先生</persName></person></listPerson></particDesc></profileDesc>\n";
  std::string xml = tei(body, header, " n=\"root\" rend=\"r\"");
  Document d = jatei::tei::read(xml);
  BOOST_TEST(d.root_attrs.value("n") == "root");
  BOOST_TEST(d.root_attrs.value("xml:lang") == "ja");
  auto& div = d.divisions.at(0);
  BOOST_TEST(div.type == "dialogue");
  BOOST_TEST(div.id == "d1");
  BOOST_TEST(div.attrs.value("rend") == "box");
  auto& turn = div.turns.at(0);
  BOOST_TEST(turn.who == "#spk1");
  BOOST_TEST(turn.cert == "high");
  BOOST_TEST(turn.attrs.value("n") == "7");
  BOOST_TEST(turn.speaker.value_or("") == "先生:");
  BOOST_TEST(d.leaves().at(0)->attrs.value("rend") == "indent");
  BOOST_TEST(d.sentences().at(0)->attrs.value("ana") == "#fact");
  BOOST_TEST(d.sentences().at(0)->attrs.value("n") == "x");
  BOOST_TEST(d.text() == "先生:こんにちは。");
  std::string out = jatei::tei::write(d);
  BOOST_TEST(contains(out, body), out);
  BOOST_TEST(contains(out, "n=\"root\" rend=\"r\""), out);
  BOOST_TEST(jatei::tei::write(jatei::tei::read(out)) == out);
}

BOOST_AUTO_TEST_CASE(supplied_speaker_for_a_turn_without_label) {
  // Two inferred turns (no label in the source), one by a person without a name (its role is
  // supplied), one in unison; one labelled turn keeps its label and gets nothing supplied.
  std::string body =
      "<div type=\"dialogue\"><sp xml:id=\"sp1\" who=\"#spk1\" cert=\"high\"><p xml:id=\"p1\"><s xml:id=\"s1\">問い?</s></p></sp>\n"
      "<sp xml:id=\"sp2\" who=\"#spk2\"><speaker>学生:</speaker><p xml:id=\"p2\"><s xml:id=\"s2\">答え。</s></p></sp>\n"
      "<sp xml:id=\"sp3\" who=\"#spk3\" cert=\"low\"><p xml:id=\"p3\"><s xml:id=\"s3\">&lt;補足&gt;。</s></p></sp>\n"
      "<sp xml:id=\"sp4\" who=\"#spk1 #spk2\"><p xml:id=\"p4\"><s xml:id=\"s4\">はい。</s></p></sp></div>";
  std::string header = "    <profileDesc><particDesc><listPerson>"
                       "<person xml:id=\"spk1\" role=\"teacher\"><persName>森&amp;先生</persName></person>"
                       "<person xml:id=\"spk2\" role=\"student\"><persName>学生</persName></person>"
                       "<person xml:id=\"spk3\" role=\"host\"/>"
                       "</listPerson></particDesc></profileDesc>\n";
  Document d = jatei::tei::read(tei(body, header));
  std::string text = d.text();
  BOOST_TEST(text == "問い?\n学生:答え。\n<補足>。\nはい。");
  std::string out = jatei::tei::write(d);
  BOOST_TEST(contains(out, "<sp xml:id=\"sp1\" who=\"#spk1\" cert=\"high\"><speaker><supplied reason=\"inferred\">森&amp;先生</supplied></speaker><p xml:id=\"p1\">"), out);
  BOOST_TEST(contains(out, "<sp xml:id=\"sp2\" who=\"#spk2\"><speaker>学生:</speaker><p"), out);
  BOOST_TEST(contains(out, "<speaker><supplied reason=\"inferred\">host</supplied></speaker>"), out);
  BOOST_TEST(contains(out, "<speaker><supplied reason=\"inferred\">森&amp;先生・学生</supplied></speaker>"), out);
  // Read back: not the source's text, not a label; written again the same.
  Document again = jatei::tei::read(out);
  BOOST_TEST(again.text() == text);
  BOOST_TEST(!again.divisions.at(0).turns.at(0).speaker.has_value());
  BOOST_TEST(again.divisions.at(0).turns.at(1).speaker.value_or("") == "学生:");
  BOOST_TEST(jatei::tei::write(again) == out);
  // A person renamed in particDesc: the supplied speaker follows.
  again.header.persons.at(0).name = "森";
  BOOST_TEST(contains(jatei::tei::write(again), "<speaker><supplied reason=\"inferred\">森</supplied></speaker>"));
}

BOOST_AUTO_TEST_CASE(unknown_attributes_on_containers_survive) {
  std::string body =
      "<div type=\"article\"><list xml:id=\"l1\" rend=\"numbered\"><item xml:id=\"i1\" n=\"1\"><s xml:id=\"s1\">一</s>"
      "</item></list><quote xml:id=\"q1\" source=\"#x\"><p xml:id=\"p1\"><s xml:id=\"s2\">引用</s></p></quote>"
      "<figure xml:id=\"fig1\" rend=\"wide\"><head xml:id=\"h1\"><s xml:id=\"s3\">図</s></head></figure></div>";
  Document d = jatei::tei::read(tei(body));
  std::string out = jatei::tei::write(d);
  BOOST_TEST(contains(out, body), out);
}

BOOST_AUTO_TEST_CASE(unknown_header_elements_survive) {
  std::string header =
      "    <profileDesc><langUsage><language ident=\"ja\">日本語</language></langUsage></profileDesc>\n"
      "    <revisionDesc><change when=\"2024-01-01\" who=\"#ed1\">手で修正</change></revisionDesc>\n";
  std::string xml = tei("<div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"s1\">本文。</s></p></div>", header);
  // A notesStmt with a note of the model's kind, and an unknown element in fileDesc.
  std::string with_notes = xml;
  with_notes.replace(with_notes.find("      <sourceDesc>"), 0,
                     "      <notesStmt><note type=\"terminology\">表記ゆれ</note></notesStmt>\n");
  with_notes.replace(with_notes.find("      <publicationStmt>"), 0,
                     "      <editionStmt><edition>第2版</edition></editionStmt>\n");
  Document d = jatei::tei::read(with_notes);
  BOOST_REQUIRE(d.header.notes.size() == 1u);
  BOOST_TEST(d.header.notes[0].text == "表記ゆれ");
  d.add_application("jatei-claims", "0.1.0");
  std::string out = jatei::tei::write(d);
  BOOST_TEST(contains(out, "<change when=\"2024-01-01\" who=\"#ed1\">手で修正</change>"), out);
  BOOST_TEST(contains(out, "<revisionDesc>"));
  BOOST_TEST(contains(out, "<language ident=\"ja\">日本語</language>"));
  BOOST_TEST(contains(out, "<edition>第2版</edition>"));
  BOOST_TEST(contains(out, "<note type=\"terminology\">表記ゆれ</note>"));
  BOOST_TEST(contains(out, "ident=\"jatei-claims\""));
  Document r = jatei::tei::read(out);
  BOOST_TEST(r.header.notes.size() == 1u);
  BOOST_TEST(r.header.applications.size() == 1u);
  BOOST_TEST(jatei::tei::write(r) == out);
}

// What a person adds by hand and the tools do not read survives every tool (issue 11, row 9):
// <front> and <back>, other children of <TEI>, @rend on <text> and <body>, comments and
// processing instructions inside <s>, between sentences and between blocks.
namespace {
std::string hand_edited() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"ja\">\n"
         "  <teiHeader>\n"
         "    <fileDesc>\n"
         "      <titleStmt>\n"
         "        <title>題</title>\n"
         "      </titleStmt>\n"
         "      <publicationStmt>\n"
         "        <p>p</p>\n"
         "      </publicationStmt>\n"
         "      <sourceDesc>\n"
         "        <bibl>\n"
         "          <idno type=\"filename\">x.txt</idno>\n"
         "        </bibl>\n"
         "      </sourceDesc>\n"
         "    </fileDesc>\n"
         "    <!-- 見出しは編集部が確認済み -->\n"
         "  </teiHeader>\n"
         "  <facsimile><graphic url=\"page1.png\"/></facsimile>\n"
         "  <text rend=\"vertical\"><front><docTitle><titlePart>表紙</titlePart></docTitle></front>"
         "<body rend=\"prose\">\n<div type=\"article\">"
         "<p xml:id=\"p1\"><s xml:id=\"s1\">本<!-- 要確認 -->文<?editor mark?>です。</s>"
         "<!-- 文の間 --><s xml:id=\"s2\">次<hi rend=\"bold\">の</hi>文。</s></p>\n"
         "<!-- 段落の間 -->\n"
         "<p xml:id=\"p2\"><s xml:id=\"s3\">東京で会議が開かれたと報じられた。</s></p>"
         "</div>\n</body><back><div type=\"appendix\"><p>付録</p></div></back></text>\n"
         "  <listAnnotation xmlns=\"http://www.tei-c.org/ns/1.0\"><note>手書きの注</note></listAnnotation>\n"
         "</TEI>\n";
}
}  // namespace

BOOST_AUTO_TEST_CASE(hand_edits_survive_byte_for_byte) {
  std::string xml = hand_edited();
  Document d = jatei::tei::read(xml);
  BOOST_TEST(d.text() == "\n本文です。次の文。\n\n東京で会議が開かれたと報じられた。\n");
  std::string out = jatei::tei::write(d);
  // The header is printed again (indented), its comment kept; everything after it byte for byte.
  BOOST_TEST(contains(out, "    <!-- 見出しは編集部が確認済み -->\n"), out);
  std::size_t from = xml.find("  <facsimile>"), out_from = out.find("  <facsimile>");
  BOOST_REQUIRE(out_from != std::string::npos);
  BOOST_TEST(out.substr(out_from) == xml.substr(from));
  BOOST_TEST(jatei::tei::write(jatei::tei::read(out)) == out);
}

BOOST_AUTO_TEST_CASE(hand_edits_survive_every_stage) {
  Document d = jatei::tei::read(hand_edited());
  std::string before = d.text();
  jatei::Pipeline({}, {}).annotate(d, nullptr);
  std::string out = jatei::tei::write(d);
  for (const char* kept : {"<!-- 見出しは編集部が確認済み -->", "<facsimile><graphic url=\"page1.png\"/></facsimile>",
                           "<text rend=\"vertical\"><front><docTitle><titlePart>表紙</titlePart></docTitle></front>",
                           "<body rend=\"prose\">", "本<!-- 要確認 -->文<?editor mark?>です。", "<!-- 文の間 -->",
                           "<!-- 段落の間 -->", "</body><back><div type=\"appendix\"><p>付録</p></div></back></text>",
                           "<listAnnotation xmlns=\"http://www.tei-c.org/ns/1.0\"><note>手書きの注</note></listAnnotation>"})
    BOOST_TEST(contains(out, kept), "lost: " << kept << "\n" << out);
  Document again = jatei::tei::read(out);
  BOOST_TEST(again.text() == before);
  jatei::Pipeline({}, {}).annotate(again, nullptr);
  BOOST_TEST(jatei::tei::write(again) == out);  // every stage again: the same bytes
}

BOOST_AUTO_TEST_CASE(comments_and_processing_instructions_in_the_body_do_not_break_reading) {
  std::string xml = tei("<div type=\"article\"><!-- c --><p xml:id=\"p1\"><s xml:id=\"s1\">本文。</s></p></div>");
  Document d = jatei::tei::read(xml);
  BOOST_TEST(d.sentences().size() == 1u);
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(malformed_xml_is_a_data_error_with_position) {
  auto [line, col] = read_error("<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n  <teiHeader>\n</TEI>\n");
  BOOST_TEST(line >= 3u);
  BOOST_TEST(col >= 1u);
  // A mismatched end tag on line 3.
  auto [l2, c2] = read_error("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<teiHeader>\n   <p></q></teiHeader></TEI>");
  BOOST_TEST(l2 == 3u);
  BOOST_TEST(c2 >= 4u);
  // An unclosed attribute value on line 2.
  auto [l3, c3] = read_error("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<teiHeader n=\"x></teiHeader></TEI>");
  BOOST_TEST(l3 == 2u);
  BOOST_TEST(c3 >= 1u);
  // Empty input, plain text, a second root element.
  read_error("");
  read_error("just text");
  auto [l4, c4] = read_error(tei("<div type=\"article\"><p xml:id=\"p1\"/></div>") + "<TEI/>\n");
  BOOST_TEST(l4 >= 11u);
  BOOST_TEST(c4 >= 1u);
}

BOOST_AUTO_TEST_CASE(a_document_cut_short_is_said_to_be_truncated) {
  auto message = [](const std::string& xml) -> std::string {
    try {
      jatei::tei::read(xml, "cut.xml");
    } catch (const DataError& e) {
      return e.what();
    }
    BOOST_ERROR("no DataError for: " << xml.substr(0, 200));
    return "";
  };
  std::string doc = tei("<div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"s1\">本文。</s></p><p xml:id=\"p2\">"
                        "<s xml:id=\"s2\">次。</s></p></div>");
  std::size_t after_p1 = doc.find("</p>") + 4;
  // Cut after a whole element (the end of the text, a newline after it), and inside a tag.
  for (const std::string& cut : {doc.substr(0, after_p1), doc.substr(0, after_p1) + "\n", doc.substr(0, after_p1 + 3)}) {
    std::string m = message(cut);
    BOOST_TEST(m.find("malformed XML") != std::string::npos);
    BOOST_TEST(m.find("truncated") != std::string::npos, m);
  }
  // A tag misspelt inside the document is not called truncated.
  std::string misspelt = doc;
  misspelt.replace(misspelt.find("</s></p>"), 4, "</q>");
  std::string m = message(misspelt);
  BOOST_TEST(m.find("malformed XML") != std::string::npos);
  BOOST_TEST(m.find("truncated") == std::string::npos, m);
}

// The element left open is named with where it was opened, whichever way the text was parsed
// (a copy, or in place, where the parser overwrites some '<' and '/' with NULs).
BOOST_AUTO_TEST_CASE(an_end_tag_that_closes_the_wrong_element_names_the_open_one) {
  auto both = [](const std::string& xml) {
    std::vector<std::string> out;
    try {
      jatei::tei::read(xml, "x.xml");
      BOOST_ERROR("no DataError (copy) for: " << xml.substr(0, 200));
    } catch (const DataError& e) {
      out.push_back(e.what());
    }
    try {
      jatei::tei::read_in_place(std::string(xml), "x.xml");
      BOOST_ERROR("no DataError (in place) for: " << xml.substr(0, 200));
    } catch (const DataError& e) {
      out.push_back(e.what());
    }
    BOOST_TEST(out.size() == 2u);
    if (out.size() == 2u) BOOST_TEST(out[0] == out[1]);
    return out.empty() ? std::string() : out[0];
  };
  std::string doc = tei("<div type=\"article\">\n<p xml:id=\"p1\"><s xml:id=\"s1\">本文&amp;注。</s></p>\n"
                        "<p xml:id=\"p2\"><s xml:id=\"s2\">次。</s><lb/></p>\n</div>");
  std::size_t line_p1 = 1 + static_cast<std::size_t>(std::count(doc.begin(), doc.begin() + static_cast<long>(doc.find("<p xml:id=\"p1\"")), '\n'));
  // </p> of the first paragraph lost: </div> is where the parser stops, <p> the one left open.
  std::string lost = doc;
  lost.erase(lost.find("</s></p>") + 4, 4);
  std::string m = both(lost);
  BOOST_TEST(m.find("</div> does not close <p>, which is open since line " + std::to_string(line_p1) + ", column 1") !=
                 std::string::npos,
             m);
  // After an empty element (<lb/>, "<lb />", with attributes), the end tags still count.
  for (const std::string& empty : {std::string("<lb/>"), std::string("<lb />"), std::string("<lb n=\"2\"/>"),
                                   std::string("<lb n=\"2\" />")}) {
    std::string e = lost;
    e.replace(e.find("<lb/>"), 5, empty);
    std::string me = both(e);
    BOOST_TEST(me.find("does not close <p>, which is open since line " + std::to_string(line_p1)) != std::string::npos, me);
  }
  // Cut short inside the second paragraph: the innermost open element is named, and how many
  // are open around it.
  std::string cut = doc.substr(0, doc.find("</s><lb/>") + 4);
  std::string mc = both(cut);
  BOOST_TEST(mc.find("truncated?): <p>, opened at line " + std::to_string(line_p1 + 1) + ", column 1, is not closed") !=
                 std::string::npos,
             mc);
  BOOST_TEST(mc.find("elements open around it: 4") != std::string::npos, mc);  // TEI, text, body, div
  // A comment holding what looks like an end tag, the last thing before the error, is not counted.
  std::string commented = lost;
  commented.insert(commented.find("</div>"), "<!-- </p> -->");
  std::string mm = both(commented);
  BOOST_TEST(mm.find("</div> does not close <p>, which is open since line " + std::to_string(line_p1)) != std::string::npos,
             mm);
}

BOOST_AUTO_TEST_CASE(what_xml_forbids_outside_the_root_is_a_data_error) {
  std::string doc = tei("<div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"s1\">本文</s></p></div>");
  auto [l1, c1] = read_error(doc + "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"/>\n");  // two roots
  BOOST_TEST(l1 == 12u);
  (void)c1;
  read_error(doc + "trailing text\n");
  read_error("leading text" + doc.substr(doc.find("<TEI")));
  // Comments, processing instructions and whitespace are fine there.
  BOOST_CHECK_NO_THROW(jatei::tei::read(doc + "<!-- end -->\n<?pi x?>\n\n"));
}

BOOST_AUTO_TEST_CASE(plain_text_is_said_to_be_no_xml) {
  // A text file given to a TEI stage: said as such at its first character, whatever follows.
  for (std::string text : {std::string("家族で旅行しました。\n"), std::string("\n  Hello <b>x</b>\n"),
                           std::string("\xEF\xBB\xBF本文。<TEI/>")}) {
    std::string m;
    try {
      jatei::tei::read(text, "a.txt");
    } catch (const DataError& e) {
      m = e.what();
    }
    BOOST_TEST(m.find("not XML (plain text?)") != std::string::npos, m);
    BOOST_TEST(m.find("jatei-segment") != std::string::npos, m);
  }
  // XML after white space, or after a byte order mark, is read as before.
  std::string doc = tei("<div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"s1\">本文</s></p></div>");
  BOOST_CHECK_NO_THROW(jatei::tei::read("\n  " + doc));
  BOOST_CHECK_NO_THROW(jatei::tei::read("\xEF\xBB\xBF" + doc));
}

BOOST_AUTO_TEST_CASE(no_root_element_is_a_data_error_with_position) {
  // Tools print FILE:LINE:COL, so even an empty file needs a position.
  for (std::string xml : {"", "\n\n", "<?xml version=\"1.0\"?>\n", "<!-- only a comment -->\n"}) {
    auto [line, col] = read_error(xml);
    BOOST_TEST(line >= 1u, "[" << xml << "]");
    BOOST_TEST(col >= 1u, "[" << xml << "]");
  }
}

BOOST_AUTO_TEST_CASE(undefined_entities_are_a_data_error) {
  // Without a DTD only the five predefined entities exist; an undefined one (a hand edit with
  // &nbsp;) must not be read as the literal text "&nbsp;" and written back as "&amp;nbsp;".
  auto [line, col] = read_error(tei("<div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"s1\">a&nbsp;b</s></p></div>"));
  BOOST_TEST(line == 10u);
  BOOST_TEST(col > 1u);
  read_error(tei("<div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"s1\">A & B</s></p></div>"));  // bare &
  read_error(tei("<div type=\"article\" n=\"&copy;\"><p xml:id=\"p1\"/></div>"));
  // Predefined entities, character references, and '&' inside comments and CDATA are fine.
  Document d = jatei::tei::read(
      tei("<div type=\"article\"><!-- a & b --><p xml:id=\"p1\"><s xml:id=\"s1\">&amp;&lt;&gt;&quot;&apos;&#x3042;&#12354;"
          "<![CDATA[&raw;]]></s></p></div>"));
  BOOST_TEST(d.sentences().at(0)->text == "&<>\"'ああ&raw;");
}

BOOST_AUTO_TEST_CASE(non_tei_root_is_a_data_error) {
  read_error("<?xml version=\"1.0\"?>\n<html><body/></html>\n");
  read_error("<TEI><teiHeader/><text><body/></text></TEI>");  // not in the TEI namespace
  read_error("<TEI xmlns=\"http://example.com/\"><teiHeader/><text><body/></text></TEI>");
  auto [line, col] = read_error("<?xml version=\"1.0\"?>\n\n<root/>");
  BOOST_TEST(line == 3u);
  (void)col;
}

BOOST_AUTO_TEST_CASE(missing_header_or_body_is_a_data_error) {
  read_error("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body/></text></TEI>");
  read_error("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/></TEI>");
}

BOOST_AUTO_TEST_CASE(doctype_with_entity_is_a_data_error) {
  std::string xml =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE TEI [\n"
      "  <!ENTITY lol \"lol\">\n"
      "]>\n" + tei("<div type=\"article\"><p><s xml:id=\"s1\">&lol;</s></p></div>").substr(22);
  auto [line, col] = read_error(xml);
  BOOST_TEST(line == 3u);
  BOOST_TEST(col == 3u);
  // External entity (XXE) too.
  std::string xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<TEI/>";
  read_error(xxe);
}

BOOST_AUTO_TEST_CASE(text_outside_blocks_is_a_data_error) {
  auto [line, col] = read_error(tei("<div type=\"article\">迷子の文字<p xml:id=\"p1\"><s xml:id=\"s1\">本文</s></p></div>"));
  BOOST_TEST(line == 10u);
  (void)col;
  read_error(tei("stray<div type=\"article\"><p xml:id=\"p1\"/></div>"));
  read_error(tei("<div type=\"article\"><list xml:id=\"l1\">x<item xml:id=\"i1\"/></list></div>"));
  read_error(tei("<div type=\"article\"></div>after"));
}

BOOST_AUTO_TEST_CASE(body_that_does_not_follow_the_profile_is_a_data_error) {
  read_error(tei("<p xml:id=\"p1\"><s xml:id=\"s1\">本文</s></p>"));  // a block outside a div
  read_error(tei("<div type=\"article\"><list xml:id=\"l1\"><p xml:id=\"p1\"/></list></div>"));
  read_error(tei("<div type=\"article\"><list xml:id=\"l1\"></list></div>"));
  read_error(tei("<div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"s1\">a<s xml:id=\"s2\">b</s></s></p></div>"));
  read_error(tei("<div type=\"dialogue\"><sp xml:id=\"sp1\"><p xml:id=\"p1\"/></sp></div>"));  // sp without who
}

BOOST_AUTO_TEST_CASE(data_error_messages_are_informative) {
  try {
    jatei::tei::read("<html/>", "x.xml");
    BOOST_FAIL("no error");
  } catch (const DataError& e) {
    BOOST_TEST(contains(e.what(), "TEI"), e.what());
  }
}

// ---------------------------------------------------------------------------------------------
// Writer output shape
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(writer_output_shape) {
  Document d = sample();
  std::string xml = jatei::tei::write(d);
  BOOST_TEST(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"", 0) == 0u);
  BOOST_TEST(contains(xml, "xml:lang=\"ja\""));
  BOOST_TEST(contains(xml, "<application ident=\"jatei-segment\" version=\"" + std::string(jatei::kVersion) + "\""));
  BOOST_TEST(contains(xml, "<div type=\"article\">"));
  BOOST_TEST(contains(xml, "<list xml:id=\"l1\"><item xml:id=\"i1\"><s xml:id=\"s4\">・項目</s></item>\n<item"), xml);
  BOOST_TEST(contains(xml, "<figure xml:id=\"fig1\"><head xml:id=\"h2\">"), xml);
  BOOST_REQUIRE(xml.size() >= 7u);
  BOOST_TEST(xml.substr(xml.size() - 7) == "</TEI>\n");
}

// ---------------------------------------------------------------------------------------------
// The id scheme: writing a block from its lines, numbering a Block in memory and counting ahead
// give the same ids
// ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(one_id_scheme_for_writing_numbering_and_counting) {
  using jatei::BlockKind;
  using jatei::tei::IdCounters;
  using jatei::tei::TextRange;
  struct LineSpec {
    std::string lead, text;
    std::vector<TextRange> sentences;
  };
  struct BlockSpec {
    BlockKind kind;
    std::vector<LineSpec> lines;
  };
  const std::vector<BlockSpec> blocks = {
      {BlockKind::head, {{"", "見出し", {{0, 9}}}}},
      {BlockKind::paragraph, {{"\n", "一つ。 二つ。", {{0, 9}, {10, 19}}}}},
      {BlockKind::list, {{"\n\n", "・a&b", {{3, 6}}}, {"\n", "・c", {{3, 4}}}}},
      {BlockKind::quote, {{"\n", "「引用」", {{0, 12}}}}},
      {BlockKind::figure, {{"\n", "図1", {}}}},
      {BlockKind::byline, {{"\n", "文:某", {{0, 7}}}}},
      {BlockKind::trailer, {{"\n", "(了)", {{0, 5}}}}},
  };
  jatei::Division div;
  div.type = "article";

  std::string direct;
  jatei::tei::StreamWriter w([&](std::string_view c) { direct += c; }, 16);
  w.ids().s = 40;  // a part written from counters taken at its cut
  w.open_div(div, "");
  IdCounters counted;
  counted.s = 40;
  for (auto& b : blocks) {
    w.open_block(b.kind, b.lines.front().lead);
    std::size_t sentences = 0;
    for (auto& l : b.lines) {
      w.leaf(l.lead, l.text, l.sentences);
      sentences += l.sentences.size();
    }
    w.close_block();
    counted.count(b.kind, b.lines.size(), sentences);
  }
  w.close_div();
  w.end("\n");
  BOOST_TEST((w.ids() == counted));
  BOOST_TEST(counted.p == 2);  // the paragraph and the quote's p
  BOOST_TEST(counted.item == 2);
  BOOST_TEST(counted.head == 2);  // head, figure's head
  BOOST_TEST(counted.s == 40 + 8);

  std::string made;
  jatei::tei::StreamWriter m([&](std::string_view c) { made += c; }, 16);
  m.open_div(div, "");
  IdCounters numbered;
  numbered.s = 40;
  for (auto& b : blocks) {
    jatei::Block block;
    block.kind = b.kind;
    for (auto& l : b.lines) {
      jatei::Leaf leaf;
      leaf.element = jatei::tei::leaf_element(b.kind);
      leaf.lead = l.lead;
      std::size_t prev = 0;
      for (auto [from, to] : l.sentences) {
        if (from > prev) leaf.pieces.push_back({jatei::Piece::Kind::text, {}, l.text.substr(prev, from - prev)});
        jatei::Piece p;
        p.kind = jatei::Piece::Kind::sentence;
        p.sentence.text = l.text.substr(from, to - from);
        leaf.pieces.push_back(std::move(p));
        prev = to;
      }
      if (prev < l.text.size()) leaf.pieces.push_back({jatei::Piece::Kind::text, {}, l.text.substr(prev)});
      block.leaves.push_back(std::move(leaf));
    }
    numbered.assign(block);
    m.block(block);
  }
  m.close_div();
  m.end("\n");
  BOOST_TEST((numbered == counted));
  BOOST_TEST(made == direct);
  BOOST_TEST(contains(direct, "<list xml:id=\"l1\"><item xml:id=\"i1\">・<s xml:id=\"s44\">a&amp;b</s></item>"), direct);
  BOOST_TEST(contains(direct, "<figure xml:id=\"fig1\"><head xml:id=\"h2\">図1</head></figure>"), direct);
  BOOST_TEST(contains(direct, "<trailer xml:id=\"tr1\"><s xml:id=\"s48\">(了)</s></trailer>"), direct);
}
