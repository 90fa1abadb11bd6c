// Unit tests for jatei/export.hpp: XLIFF 2.1 and 1.2 (ids, notes, glossary, the writer's own
// constraints, the official XSDs), TBX 2019/2008, claims (order, fields, CSV, ClaimReview), the
// review page, and the model changes they rely on (translation divisions, <standOff>).
#define BOOST_TEST_MODULE export
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <optional>
#include <string>

#include "jatei/claims.hpp"
#include "jatei/error.hpp"
#include "jatei/export.hpp"
#include "jatei/merge.hpp"
#include "jatei/segment.hpp"
#include "jatei/speakers.hpp"
#include "jatei/tbx.hpp"
#include "jatei/tei.hpp"
#include "jatei/terms.hpp"
#include "jatei/validate.hpp"

using namespace jatei;
namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string kData = std::string(JATEI_SOURCE_DIR) + "/tests/data/export/";
const std::string kShared = JATEI_SHARED_DIR;
bool have_shared() { return fs::exists(kShared + "/external/xliff/2.1/xliff21-all-modules.xsd"); }

Document fixture() { return tei::read(slurp(kData + "dialogue.tei.xml"), "dialogue.tei.xml"); }

ExportOptions with_termbase() {
  ExportOptions o;
  o.termbases.push_back(std::make_shared<const jatei::tbx::Termbase>(jatei::tbx::read_file(kData + "ja-en-ai.tbx")));
  return o;
}

std::size_t count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
  return n;
}

std::vector<std::string> sentence_ids(const Document& d) {
  std::vector<std::string> out;
  for (auto* s : d.sentences()) out.push_back(s->id);
  return out;
}

std::string problems_text(const std::vector<XliffProblem>& ps) {
  std::string out;
  for (auto& p : ps) out += std::to_string(p.line) + " " + p.rule + ": " + p.message + "\n";
  return out;
}


// What the streamed exports are compared on: every golden article, every schema sample and the
// fixture, sorted.
std::vector<fs::path> streamed_inputs() {
  std::vector<fs::path> files;
  for (auto dir : {"/tests/golden/expected", "/tests/schema/valid"})
    for (auto& e : fs::directory_iterator(std::string(JATEI_SOURCE_DIR) + dir)) files.push_back(e.path());
  files.push_back(kData + "dialogue.tei.xml");
  std::sort(files.begin(), files.end());
  return files;
}

// The document read whole from `xml`, or none when tei::read refuses it: then the streamed
// writer (`write`, given the text and its name) must refuse it too, with the same message.
template <class Write>
std::optional<Document> read_or_refused_alike(const std::string& xml, const fs::path& path, Write&& write) {
  try {
    return tei::read(xml, path.string());
  } catch (const DataError& e) {
    try {
      write(xml, path.string());
      BOOST_ERROR("the streamed writer took " << path);
    } catch (const DataError& s) {
      BOOST_TEST(std::string(s.what()) == e.what());
    }
    return std::nullopt;
  }
}

// A checker's CSV with three verdicts, by three reviewers, on the first three sentences that carry
// a class; empty when none does.
std::string three_verdicts(const Document& d) {
  std::string csv = "id,rating,reviewer,note,url,date\n";
  std::size_t n = 0;
  for (auto* s : d.sentences())
    if (!s->id.empty() && !s->attrs.value("ana").empty() && n < 3) {
      ++n;
      csv += s->id + ",Mostly false,Rev " + std::to_string(n) + ",checked,https://example.org/" + std::to_string(n) +
             ",2025-01-0" + std::to_string(n) + "\n";
    }
  return n == 0 ? std::string() : csv;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(model)

BOOST_AUTO_TEST_CASE(translation_division_is_not_source) {
  Document d = fixture();
  std::string text = d.text();
  std::size_t n = d.sentences().size();
  Division tr;
  tr.type = "translation";
  tr.attrs.set("xml:lang", "en");
  Turn t;
  Block b;
  Leaf l;
  l.lead = "\n";
  Piece p;
  p.kind = Piece::Kind::sentence;
  p.sentence.id = "s1.en";
  p.sentence.text = "The impact of DeepSeek-R1";
  p.sentence.attrs.set("corresp", "#s1");
  l.pieces.push_back(p);
  b.leaves.push_back(l);
  t.blocks.push_back(b);
  tr.turns.push_back(t);
  d.divisions.push_back(tr);
  BOOST_TEST(d.text() == text);
  BOOST_TEST(d.sentences().size() == n);
  Document back = tei::read(tei::write(d));
  BOOST_TEST(back.text() == text);
  BOOST_TEST(back.divisions.back().is_translation());
  BOOST_TEST(tei::write(back) == tei::write(d));
}

BOOST_AUTO_TEST_CASE(standoff_survives_a_round_trip) {
  std::string xml = slurp(std::string(JATEI_SOURCE_DIR) + "/tests/schema/valid/merged.xml");
  Document d = tei::read(xml);
  BOOST_TEST(d.standoff.raw.find("<listAnnotation type=\"factcheck\">") != std::string::npos);
  BOOST_TEST(!d.standoff.fact_checks.empty());
  std::string once = tei::write(d);
  BOOST_TEST(once.find("target=\"#s4\" resp=\"#checker1\">The fall was 16.97%") != std::string::npos);
  BOOST_TEST(tei::write(tei::read(once)) == once);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(xliff_export)

BOOST_AUTO_TEST_CASE(v21_units_segments_notes_glossary) {
  Document d = fixture();
  std::string x = export_xliff(d, with_termbase());
  BOOST_TEST(check_xliff(x).empty(), problems_text(check_xliff(x)));
  // One unit per block (leaf), one segment per sentence, with the TEI ids.
  BOOST_TEST(count(x, "<unit ") == d.leaves().size());
  BOOST_TEST(count(x, "<segment ") == d.sentences().size());
  for (auto& id : sentence_ids(d)) BOOST_TEST(count(x, "<segment id=\"" + id + "\"") == 1u, id);
  BOOST_TEST(x.find("<unit id=\"p3\" type=\"tei:p\">") != std::string::npos);
  BOOST_TEST(x.find("<unit id=\"i1\" type=\"tei:item\">") != std::string::npos);
  // No targets, but the target language is known: trgLang (XLIFF 2 requires it with targets and
  // allows it without; a CAT tool needs it to open the file).
  BOOST_TEST(x.find("trgLang=\"en\"") != std::string::npos);
  BOOST_TEST(x.find("<target") == std::string::npos);
  // The speaker, with the certainty of the attribution.
  BOOST_TEST(x.find("Speaker: 先生 (teacher); attribution certainty: high.") != std::string::npos);
  BOOST_TEST(x.find("Speaker: サルくん (student); attribution certainty: low.") != std::string::npos);
  // What a speculative sentence must keep, and its cue marked as a comment pointing at that note.
  BOOST_TEST(x.find("s8: speculation. The speaker is guessing: keep the hedge") != std::string::npos);
  BOOST_TEST(x.find("Cue: 「あくまで推測ですが」, 「と思います」.") != std::string::npos);
  BOOST_TEST(std::regex_search(x, std::regex("<mrk id=\"s8-cue1\" type=\"comment\" ref=\"#n=n[0-9]+\">あくまで推測ですが</mrk>")));
  BOOST_TEST(x.find("s6: reported.") != std::string::npos);
  // A hedge covering other sentences, from both sides.
  BOOST_TEST(x.find("This hedge covers s19 s20.") != std::string::npos);
  BOOST_TEST(x.find("s19: reported.") != std::string::npos);
  BOOST_TEST(x.find("The hedge in s21 (「いずれも憶測の域を出ない」) covers this sentence") != std::string::npos);
  // Terms: marked in the source, in the unit's glossary with the gloss and the termbase's English.
  BOOST_TEST(x.find("<mrk id=\"t1\" type=\"term\">推論</mrk>") != std::string::npos);
  BOOST_TEST(x.find("<gls:glossEntry ref=\"#t1\">") != std::string::npos);
  BOOST_TEST(x.find("<gls:translation source=\"gloss in the text\">reasoning</gls:translation>") != std::string::npos);
  BOOST_TEST(x.find("<gls:translation source=\"gloss in the text\">Distillation</gls:translation>") != std::string::npos);
  BOOST_TEST(x.find(">distillation</gls:translation>") == std::string::npos);  // the same word, once
  BOOST_TEST(x.find("<gls:definition source=\"ja-en-ai.tbx\">Training a smaller model") != std::string::npos);
  BOOST_TEST(x.find("<gls:translation source=\"ja-en-ai.tbx\">base model</gls:translation>") != std::string::npos);
  // Whitespace between sentences is an ignorable; deterministic output.
  BOOST_TEST(export_xliff(d, with_termbase()) == x);
}

BOOST_AUTO_TEST_CASE(v21_boilerplate_note_names_what_it_holds) {
  // A breadcrumb and related links are boilerplate as much as a share row: the note a translator
  // sees on those units must not say they are only prompts to share or subscribe.
  Document d = segment_text(
      "ホーム ＞ ニュース ＞ 経済\n【速報】新しい工場が完成\n新しい工場が完成した。生産は来月始まる。\n関連記事\n"
      "工場の歴史をたどる\nこの記事をシェア　X　Facebook　LINE\n",
      SegmentOptions{});
  std::string x = export_xliff(d, ExportOptions{});
  BOOST_TEST(check_xliff(x).empty(), problems_text(check_xliff(x)));
  std::string note = "Boilerplate: the page's furniture (navigation, related links, share, follow or subscription prompts";
  BOOST_TEST(count(x, note) >= 2u);  // the breadcrumb's division and the closing one
  BOOST_TEST(x.find("subscription, share or follow prompts.") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(v21_prefill_and_no_termbase) {
  Document d = fixture();
  ExportOptions o;
  o.prefill_target = true;
  std::string x = export_xliff(d, o);
  BOOST_TEST(check_xliff(x).empty(), problems_text(check_xliff(x)));
  BOOST_TEST(x.find("trgLang=\"en\"") != std::string::npos);
  BOOST_TEST(count(x, "<target>") == d.sentences().size());
  BOOST_TEST(count(x, "state=\"initial\"") == d.sentences().size());
  // Without a termbase, 蒸留 still has the article's own gloss; ベースモデル has nothing.
  BOOST_TEST(x.find(">Distillation</gls:translation>") != std::string::npos);
  BOOST_TEST(x.find("Terms without an English equivalent in the text or termbase: 「ベースモデル」") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(v12_one_trans_unit_per_sentence) {
  Document d = fixture();
  ExportOptions o = with_termbase();
  o.xliff_version = XliffVersion::v12;
  o.prefill_target = true;
  std::string x = export_xliff(d, o);
  BOOST_TEST(check_xliff(x).empty(), problems_text(check_xliff(x)));
  BOOST_TEST(count(x, "<trans-unit ") == d.sentences().size());
  BOOST_TEST(count(x, "<group ") == d.leaves().size());
  BOOST_TEST(count(x, "state=\"needs-translation\"") == d.sentences().size());
  BOOST_TEST(x.find("<source xml:lang=\"ja\">大きなモデルの出力で小さなモデルを訓練する方法です。</source>") != std::string::npos);
  BOOST_TEST(x.find("Term 「推論」 = reasoning (") != std::string::npos);
  BOOST_TEST(x.find("<mrk") == std::string::npos);  // plain sources: no tags for a CAT tool to carry
}

BOOST_AUTO_TEST_CASE(valid_against_the_official_schemas) {
  if (!have_shared()) return;
  Document d = fixture();
  for (bool prefill : {false, true}) {
    ExportOptions o = with_termbase();
    o.prefill_target = prefill;
    auto p21 = validate_xsd(export_xliff(d, o), kShared + "/external/xliff/2.1/xliff21-all-modules.xsd");
    BOOST_TEST(p21.empty(), (p21.empty() ? "" : p21.front()));
    o.xliff_version = XliffVersion::v12;
    setenv("XML_CATALOG_FILES", (kShared + "/external/xliff/1.2/catalog-offline.xml").c_str(), 1);
    auto p12 = validate_xsd(export_xliff(d, o), kShared + "/external/xliff/1.2/xliff-core-1.2-strict.xsd");
    BOOST_TEST(p12.empty(), (p12.empty() ? "" : p12.front()));
  }
}

BOOST_AUTO_TEST_CASE(every_schema_sample_and_odd_documents) {
  // Every TEI sample of the profile exports to XLIFF that passes the writer's checks.
  for (auto& e : fs::directory_iterator(std::string(JATEI_SOURCE_DIR) + "/tests/schema/valid")) {
    Document d;
    try {
      d = tei::read(slurp(e.path().string()), e.path().string());
    } catch (const DataError&) {
      continue;  // a sample the TEI reader does not take (not this module's concern)
    }
    for (auto v : {XliffVersion::v21, XliffVersion::v12}) {
      ExportOptions o;
      o.xliff_version = v;
      std::string x;
      BOOST_CHECK_NO_THROW(x = export_xliff(d, o));
      BOOST_TEST(check_xliff(x).empty(), e.path().filename().string());
    }
  }
  // A sentence with markup characters and a control character; ids that are not NCNames.
  Document d = fixture();
  d.sentences().front()->text = "a < b & \"c\" \x01";
  d.sentences().front()->spans.clear();
  std::string x = export_xliff(d);
  BOOST_TEST(x.find("a &lt; b &amp; \"c\" \xEF\xBF\xBD") != std::string::npos);
}

// jatei-export xliff reads the TEI a block at a time, twice (write_xliff): its bytes are those of
// the document read whole (export_xliff), for every golden article (every stage's markup: turns,
// hedges and their cues, terms and glosses), every schema sample, both versions, with and without
// the termbase and targets; the input's errors are tei::read's, before anything is written.
BOOST_AUTO_TEST_CASE(streamed_equals_whole_document) {
  const std::vector<fs::path> files = streamed_inputs();
  std::size_t compared = 0;
  for (auto& path : files) {
    std::string xml = slurp(path.string());
    Document d;
    try {
      d = tei::read(xml, path.string());
    } catch (const DataError&) {
      // Not a document the reader takes: the streamed export refuses it the same way.
      std::string out;
      BOOST_CHECK_THROW(write_xliff(xml, path.string(), {}, [&](std::string_view s) { out += s; }), DataError);
      BOOST_TEST(out.empty());
      continue;
    }
    for (auto v : {XliffVersion::v21, XliffVersion::v12})
      for (bool prefill : {false, true})
        for (bool termbase : {false, true}) {
          ExportOptions o = termbase ? with_termbase() : ExportOptions();
          o.xliff_version = v;
          o.prefill_target = prefill;
          std::string streamed;
          std::size_t pieces = 0;
          write_xliff(xml, path.string(), o, [&](std::string_view s) {
            streamed += s;
            ++pieces;
          });
          BOOST_TEST((streamed == export_xliff(d, o)), path.filename().string());
          BOOST_TEST(pieces >= 1u);
          ++compared;
        }
  }
  BOOST_TEST(compared >= 8u * 52u);
}

// jatei-export tbx reads the TEI a block at a time (write_tbx: the glossary from the survey read,
// the context sentences from a second): the bytes of the document read whole (export_tbx), for
// every golden article, schema sample and the fixture, both versions, with and without the
// termbase; the same error for an empty glossary in TBX 2008, and tei::read's for bad input.
BOOST_AUTO_TEST_CASE(tbx_streamed_equals_whole_document) {
  const std::vector<fs::path> files = streamed_inputs();
  std::size_t compared = 0, with_terms = 0, refused = 0;
  for (auto& path : files) {
    std::string xml = slurp(path.string());
    auto read = read_or_refused_alike(xml, path, [](const std::string& x, const std::string& p) { write_tbx(x, p, {}); });
    if (!read) continue;
    Document d = std::move(*read);
    // As it is, and with jatei-terms' markup (the golden files are made without it).
    Document with = d;
    terms::Annotator::default_instance().annotate(with);
    for (const Document* doc : {&d, &with})
      for (auto v : {TbxVersion::v2019, TbxVersion::v2008})
        for (bool termbase : {false, true}) {
          const std::string input = doc == &d ? xml : tei::write(*doc);
          ExportOptions o = termbase ? with_termbase() : ExportOptions();
          o.tbx_version = v;
          std::string whole, whole_error, streamed, streamed_error;
          try {
            whole = export_tbx(*doc, o);
          } catch (const DataError& e) {
            whole_error = e.what();
          }
          try {
            streamed = write_tbx(input, path.string(), o);
          } catch (const DataError& e) {
            streamed_error = e.what();
          }
          BOOST_TEST((streamed == whole), path.filename().string());
          BOOST_TEST(streamed_error == whole_error, path.filename().string());
          if (!whole_error.empty()) ++refused;
          if (whole.find("<descrip type=\"context\">") != std::string::npos) ++with_terms;
          ++compared;
        }
  }
  BOOST_TEST(compared >= 8u * 52u);
  BOOST_TEST(with_terms >= 80u);  // most articles have terms, whose first form has its sentence
  BOOST_TEST(refused >= 1u);      // TBX 2008 of a document without terms
  // A layout the block reader takes only whole (a carriage return between divisions).
  std::string xml = slurp(kData + "dialogue.tei.xml");
  std::string crlf = xml;
  crlf.replace(crlf.find("</div>") + 6, 0, "\r\n");
  BOOST_REQUIRE(!tei::streams(crlf));
  BOOST_TEST((write_tbx(crlf, "b.tei.xml", with_termbase()) == export_tbx(tei::read(crlf, "b.tei.xml"), with_termbase())));
}

// jatei-export claims reads the TEI a few sentences at a time (write_claims): the bytes of the
// document read whole (export_claims) and the same errors, nothing written before one, for every
// golden article, schema sample and the fixture as they are (most unclassified: refused), after
// jatei-speakers and jatei-claims, and with a checker's verdicts merged; every format, listing the
// claims or every sentence.
namespace {

void same_claims(const std::string& xml, const Document& d, const std::string& what, std::size_t& compared,
                 std::size_t& refused) {
  for (auto format : {ClaimsFormat::jsonl, ClaimsFormat::csv, ClaimsFormat::claimreview})
    for (bool all : {false, true}) {
      ExportOptions o;
      o.claims_format = format;
      o.all_sentences = all;
      o.date = "2025-01-02";
      std::string whole, whole_error, streamed, streamed_error;
      try {
        whole = export_claims(d, o);
      } catch (const DataError& e) {
        whole_error = e.what();
      }
      try {
        write_claims(xml, "a.tei.xml", o, [&](std::string_view piece) { streamed += piece; });
      } catch (const DataError& e) {
        streamed_error = e.what();
        BOOST_TEST(streamed.empty(), what + ": output before the error");
      }
      BOOST_TEST((streamed == whole), what);
      BOOST_TEST(streamed_error == whole_error, what);
      if (!whole_error.empty()) ++refused;
      ++compared;
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(claims_streamed_equals_whole_document) {
  const std::vector<fs::path> files = streamed_inputs();
  std::size_t compared = 0, refused = 0, reviews = 0;
  for (auto& path : files) {
    std::string xml = slurp(path.string());
    auto read = read_or_refused_alike(xml, path, [](const std::string& x, const std::string& p) {
      write_claims(x, p, {}, [](std::string_view) { BOOST_ERROR("written"); });
    });
    if (!read) continue;
    Document d = std::move(*read);
    const std::string name = path.filename().string();
    same_claims(xml, d, name, compared, refused);
    annotate_speakers(d);
    claims::annotate(d);
    same_claims(tei::write(d), d, name + " classified", compared, refused);
    // Three verdicts on the first claims.
    std::string csv = three_verdicts(d);
    if (csv.empty()) continue;
    merge_verdicts(d, csv, "v.csv");
    const std::string with = tei::write(d);
    same_claims(with, d, name + " verdicts", compared, refused);
    ExportOptions review;
    review.claims_format = ClaimsFormat::claimreview;
    review.date = "2025-01-02";
    if (export_claims(d, review).find("ClaimReview") != std::string::npos) ++reviews;
  }
  BOOST_TEST(compared >= 6u * 3u * 52u);
  BOOST_TEST(refused >= 6u * 50u);  // the golden files as they are: no jatei-claims yet
  BOOST_TEST(reviews >= 50u);
}

// The source a reported claim names is looked for eight sentences before it to seven after it:
// a read a few sentences at a time finds what the whole document finds, at both ends and past
// them; and a document the block reader reads whole gives the same bytes.
BOOST_AUTO_TEST_CASE(claims_streamed_sources_near_and_far) {
  std::string head = R"(<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="ja"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><bibl><idno type="filename">a.txt</idno></bibl></sourceDesc></fileDesc><encodingDesc><appInfo><application ident="jatei-claims" version="0.1.0"><label>jatei-claims</label></application></appInfo></encodingDesc></teiHeader>
<text><body>
<div type="article">)";
  std::string body;
  for (int i = 1; i <= 40; ++i) {
    std::string id = std::to_string(i);
    std::string s = "文" + id + "です。";
    if (i == 2 || i == 27 || i == 38) s = "<persName xml:id=\"n" + id + "\">田中" + id + "</persName>さんの話です。";
    std::string attrs = " ana=\"#fact\"";
    if (i == 10) attrs = " ana=\"#reported\" source=\"#n2\"";   // eight before: found
    if (i == 20) attrs = " ana=\"#reported\" source=\"#n27\"";  // seven after: found
    if (i == 30) attrs = " ana=\"#reported\" source=\"#n38\"";  // eight after: not looked at
    if (i == 11) attrs = " ana=\"#reported\" source=\"#n2\"";   // nine before: not looked at
    body += "<p xml:id=\"p" + id + "\"><s xml:id=\"s" + id + "\"" + attrs + ">" + s + "</s></p>\n";
  }
  std::string xml = head + body + "</div>\n</body></text></TEI>\n";
  Document d = tei::read(xml, "a.tei.xml");
  std::size_t compared = 0, refused = 0;
  same_claims(xml, d, "sources", compared, refused);
  BOOST_TEST(refused == 0u);
  std::string out = export_claims(d, {});
  BOOST_TEST(out.find("\"said_by\":{\"id\":\"n2\",\"name\":\"田中2\"") != std::string::npos);
  BOOST_TEST(out.find("\"said_by\":{\"id\":\"n27\",\"name\":\"田中27\"") != std::string::npos);
  BOOST_TEST(out.find("\"n38\"") == std::string::npos);
  BOOST_TEST(out.find("\"said_by\":{\"id\":\"n2\"") == out.rfind("\"said_by\":{\"id\":\"n2\""));  // s11's is not found
  std::string crlf = head + body + "</div>\r\n<div type=\"article\"><p><s ana=\"#fact\">二つ目。</s></p></div>\n</body></text></TEI>\n";
  BOOST_REQUIRE(!tei::streams(crlf));
  same_claims(crlf, tei::read(crlf, "b.tei.xml"), "read whole", compared, refused);
}

// Acronyms named beside them in another sentence (the survey's second read), hedges covering a
// later sentence, and a large document handed on in several batches: the same bytes both ways.
BOOST_AUTO_TEST_CASE(streamed_acronyms_hedges_and_batches) {
  std::string head = R"(<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="ja"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><bibl><idno type="filename">a.txt</idno></bibl></sourceDesc></fileDesc></teiHeader>
<text><body>
<div type="article">)";
  std::string body =
      R"(<p xml:id="p1"><s xml:id="s1"><term xml:id="t1">欧州連合</term>(<gloss target="#t1" xml:lang="en">EU</gloss>)は規則を発表した。</s></p>
<p xml:id="p2"><s xml:id="s2" ana="#speculation" corresp="#s3">来年には<seg type="cue">決まるらしい</seg>。</s> <s xml:id="s3"><term xml:id="t2">北海技術機構</term>(<gloss target="#t2" xml:lang="en">HTO</gloss>)は計画を示した。</s></p>
<p xml:id="p3"><s xml:id="s4">英語名はHokkai Technology Organization (HTO)である。</s></p>
)";
  std::string filler;
  for (int i = 0; i < 4000; ++i)
    filler += "<p xml:id=\"q" + std::to_string(i) + "\"><s xml:id=\"x" + std::to_string(i) +
              "\">長い記事の一文がここに続いていて、ひとつの単位になります。</s></p>\n";
  std::string xml = head + body + filler + "</div>\n</body></text></TEI>\n";
  Document d = tei::read(xml, "a.tei.xml");
  for (auto v : {XliffVersion::v21, XliffVersion::v12}) {
    ExportOptions o;
    o.xliff_version = v;
    std::string streamed;
    std::size_t pieces = 0;
    write_xliff(xml, "a.tei.xml", o, [&](std::string_view s) {
      streamed += s;
      ++pieces;
    });
    std::string whole = export_xliff(d, o);
    BOOST_TEST((streamed == whole));
    BOOST_TEST(pieces >= 3u);  // the head, several batches, the tail
    BOOST_TEST(streamed.size() > 600000u);
    BOOST_TEST(whole.find("Hokkai Technology Organization") != std::string::npos);
    BOOST_TEST(whole.find("European Union") != std::string::npos);
    BOOST_TEST(whole.find("The hedge in s2 (\xE3\x80\x8C決まるらしい\xE3\x80\x8D) covers this sentence") != std::string::npos);
    BOOST_TEST(check_xliff(streamed).empty(), problems_text(check_xliff(streamed)));
  }
  // A layout the block reader takes only whole (a carriage return between divisions): read whole
  // for the units, the same bytes.
  std::string crlf = head + body + "</div>\r\n<div type=\"article\"><p><s>二つ目。</s></p></div>\n</body></text></TEI>\n";
  BOOST_REQUIRE(!tei::streams(crlf));
  for (auto v : {XliffVersion::v21, XliffVersion::v12}) {
    ExportOptions o;
    o.xliff_version = v;
    std::string streamed;
    write_xliff(crlf, "b.tei.xml", o, [&](std::string_view s) { streamed += s; });
    BOOST_TEST((streamed == export_xliff(tei::read(crlf, "b.tei.xml"), o)));
    BOOST_TEST(streamed.find("Hokkai Technology Organization") != std::string::npos);
  }
  // Malformed input: tei::read's error, nothing written.
  std::string out;
  BOOST_CHECK_THROW(write_xliff(head + body, "a.tei.xml", {}, [&](std::string_view s) { out += s; }), DataError);
  BOOST_TEST(out.empty());
}

// The writer checks its output a batch of units at a time: a rule broken inside a batch is
// check_xliff's, and an id whose scope is the whole file (a unit's, a trans-unit's) is also
// checked across batches, so a duplicate far apart is caught as it was on the whole output.
BOOST_AUTO_TEST_CASE(batched_check_catches_file_scope_ids) {
  auto broken = [](bool far, XliffVersion v) -> std::string {
    Document d = fixture();
    std::vector<Leaf*> leaves;  // the leaves with a sentence: units
    for (Leaf* l : d.leaves())
      if (std::any_of(l->pieces.begin(), l->pieces.end(), [](const Piece& p) { return p.kind == Piece::Kind::sentence; }))
        leaves.push_back(l);
    auto sentences = d.sentences();
    if (far) sentences.front()->text += std::string(300000, 'a');  // a batch of its own
    BOOST_REQUIRE(leaves.size() >= 3u);
    BOOST_REQUIRE(!leaves.front()->id.empty());
    leaves.back()->id = leaves.front()->id;
    sentences.back()->id = sentences.front()->id;
    ExportOptions o;
    o.xliff_version = v;
    try {
      export_xliff(d, o);
    } catch (const std::logic_error& e) {
      return e.what();
    }
    return "";
  };
  for (bool far : {false, true}) {
    BOOST_TEST(broken(far, XliffVersion::v21).find("breaks rule K3") != std::string::npos, broken(far, XliffVersion::v21));
    BOOST_TEST(broken(far, XliffVersion::v12).find("breaks rule id") != std::string::npos, broken(far, XliffVersion::v12));
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(xliff_checks)

BOOST_AUTO_TEST_CASE(rules_of_the_checker) {
  auto rules = [](const std::string& xml) {
    std::set<std::string> out;
    for (auto& p : check_xliff(xml)) out.insert(p.rule);
    return out;
  };
  std::string head = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"ja\"";
  BOOST_TEST(rules(head + "><file id=\"f\"><unit id=\"u\"><segment id=\"a\"><source>x</source><target>y</target></segment></unit></file></xliff>").count("F1"));
  BOOST_TEST(rules(head + "><file id=\"f\"><unit id=\"u\"><segment id=\"a\"><source>x</source></segment><segment id=\"a\"><source>y</source></segment></unit></file></xliff>").count("K6S"));
  BOOST_TEST(rules(head + "><file id=\"f\"><unit id=\"u\"><notes><note id=\"n1\">a</note></notes><segment id=\"a\"><source><mrk id=\"m\" type=\"comment\" ref=\"#n=n2\">x</mrk></source></segment></unit></file></xliff>").count("F13"));
  BOOST_TEST(rules(head + "><file id=\"f\"><unit id=\"u\"><segment id=\"a\"><source><mrk id=\"m\" type=\"comment\" value=\"v\" ref=\"#n=n1\">x</mrk></source></segment></unit></file></xliff>").count("F12"));
  BOOST_TEST(rules(head + " xmlns:gls=\"urn:oasis:names:tc:xliff:glossary:2.0\"><file id=\"f\"><unit id=\"u\"><gls:glossary><gls:glossEntry ref=\"#zz\"><gls:term>t</gls:term></gls:glossEntry></gls:glossary><segment id=\"a\"><source>x</source></segment></unit></file></xliff>") ==
             std::set<std::string>({"gls2", "gls3"}));
  BOOST_TEST(rules("<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file original=\"a\" source-language=\"ja\" datatype=\"plaintext\"><body><trans-unit id=\"s1\"><source>a</source></trans-unit><trans-unit id=\"s1\"><source>b</source></trans-unit></body></file></xliff>").count("id"));
  BOOST_TEST(rules("<xliff").count("xml"));
}

// The official XLIFF 2.1 test suite: every valid file passes these checks; an invalid file
// whose fault is one of the constraints the writer relies on is rejected by the XSD or by them.
BOOST_AUTO_TEST_CASE(official_test_suite) {
  if (!have_shared()) return;
  std::string suite = kShared + "/external/xliff/2.1/test-suite/";
  std::string xsd = kShared + "/external/xliff/2.1/xliff21-all-modules.xsd";
  for (auto dir : {"core/valid", "modules/valid"})
    for (auto& e : fs::directory_iterator(suite + dir)) {
      if (e.path().extension() != ".xlf") continue;
      auto ps = check_xliff(slurp(e.path().string()));
      BOOST_TEST(ps.empty(), e.path().filename().string() + ": " + problems_text(ps));
    }
  // Invalid files that break a constraint of something jatei writes (ids and their scopes,
  // languages, notes, comment and term annotations, the glossary, fragment identifiers, states).
  const std::set<std::string> applicable = {
      "bad_CommentWithValueAndRef.xlf", "bad_DuplicateNoteIdsInFile.xlf", "bad_DuplicateNoteIdsInGroup.xlf",
      "bad_DuplicateNoteIdsInUnit.xlf", "bad_FileIdNotUnique.xlf", "bad_GroupIdNotUnique.xlf",
      "bad_IgnorableIdNotUnique.xlf", "bad_InvalidCommentAnnotation1.xlf", "bad_InvalidCommentAnnotation2.xlf",
      "bad_InvalidCommentAnnotation3.xlf", "bad_InvalidCommentAnnotation4.xlf", "bad_InvalidFragIdBadOrder.xlf",
      "bad_InvalidFragIdDuplicatedPrefix.xlf", "bad_InvalidFragIdMissplacedLeaf.xlf", "bad_InvalidFragIdNoSingleLeaf.xlf",
      "bad_InvalidFragIdPrefixNotNmtoken.xlf", "bad_InvalidFragIdPrefixTooShort.xlf", "bad_InvalidFragIdSyntax.xlf",
      "bad_InvalidFragIdUnknownPrefix.xlf", "bad_InvalidNoteRefInUnit.xlf", "bad_InvalidXmlLangInheritedFromFile.xlf",
      "bad_InvalidXmlLangInheritedFromGroup.xlf", "bad_InvalidXmlLangInheritedFromUnit.xlf",
      "bad_InvalidXmlLangOnFile.xlf", "bad_InvalidXmlLangOnGroup.xlf", "bad_InvalidXmlLangOnUnit.xlf",
      "bad_NoTrgLang.xlf", "bad_NoTrgLangWithIgnorable.xlf", "bad_PartIdNotUnique.xlf",
      "bad_RefAndValueInComment.xlf", "bad_SegmentIdNotUnique.xlf", "bad_SrcLangNotWellFormed.xlf",
      "bad_SubStateWithoutState.xlf", "bad_SubTypeWithoutType.xlf", "bad_TrgLangNotWellFormed.xlf",
      "bad_UnitWithoutSegment.xlf", "bad_WrongLangOnTarget.xlf", "bad_WrongSourceLang.xlf",
      "bad_WrongTargetLang.xlf", "bad_XmlLangNotWellFormed.xlf", "bad_DifferentXmlSpace.xlf",
      "bad_InvalidTypeSubTypeValues.xlf", "bad_InvalidId1.xlf", "bad_InvalidId2.xlf", "bad_InvalidId3.xlf",
      "bad_InvalidStateValue.xlf", "bad_SegmentWithoutSource.xlf", "bad_NotesWithoutNote.xlf",
      "Bad-gls_glossEntry-and-translation-not-unique-in-glossary.xlf",
      "Bad-gls_glossEntry-w-o-translation-or-definition.xlf", "Bad-gls_invalid-extension.xlf"};
  std::size_t total = 0, by_xsd = 0, by_checks = 0, by_either = 0;
  for (auto dir : {"core/invalid", "modules/invalid"})
    for (auto& e : fs::directory_iterator(suite + dir)) {
      if (e.path().extension() != ".xlf") continue;
      std::string name = e.path().filename().string(), xml = slurp(e.path().string());
      bool xsd_rejects = !validate_xsd(xml, xsd).empty();
      bool checks_reject = !check_xliff(xml).empty();
      ++total;
      by_xsd += xsd_rejects;
      by_checks += checks_reject;
      by_either += xsd_rejects || checks_reject;
      if (applicable.count(name)) BOOST_TEST((xsd_rejects || checks_reject), name + " is accepted");
    }
  BOOST_TEST_MESSAGE("XLIFF 2.1 invalid test files: " << total << "; rejected by the XSD " << by_xsd
                     << ", by check_xliff " << by_checks << ", by either " << by_either);
  BOOST_TEST(total == 162u);
  BOOST_TEST(by_either >= by_xsd + 20);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(tbx_export)

BOOST_AUTO_TEST_CASE(v2019_glossary) {
  Document d = fixture();
  std::string t = export_tbx(d, with_termbase());
  // 推論 (c4), 蒸留 (c1), ベースモデル (c6), 強化学習 (c16): one concept each.
  BOOST_TEST(count(t, "<conceptEntry ") == 4u);
  BOOST_TEST(t.find("<conceptEntry id=\"c4\">") != std::string::npos);
  BOOST_TEST(t.find("<term>reasoning</term>") != std::string::npos);
  BOOST_TEST(t.find("gloss in the text (s5)") != std::string::npos);
  BOOST_TEST(t.find("<descrip type=\"context\">DeepSeek-R1は2025年1月20日に公開された推論(reasoning)モデルです。</descrip>") != std::string::npos);
  // Read back by jatei-terms' reader (which checks the TBX-Basic picklists and levels).
  jatei::tbx::Termbase back = jatei::tbx::read(t, "glossary.tbx");
  BOOST_TEST(back.concepts.size() == 4u);
  if (have_shared()) {
    Validator v(kShared + "/external/tbx/core/TBXcoreStructV03.rng");
    auto ps = v.validate(t, "glossary.tbx");
    BOOST_TEST(ps.empty(), (ps.empty() ? "" : ps.front().message));
  }
}

BOOST_AUTO_TEST_CASE(an_ambiguous_term_gives_every_sense) {
  // jatei-terms leaves 推論 with both senses when the text does not settle which: the exports
  // give both translations and say so, never the first sense alone.
  std::string xml = slurp(kData + "dialogue.tei.xml");
  const std::string glossed =
      "<term xml:id=\"t1\" ref=\"ja-en-ai.tbx#c4\">推論</term>(<gloss target=\"#t1\" xml:lang=\"en\">reasoning</gloss>)";
  BOOST_TEST_REQUIRE(xml.find(glossed) != std::string::npos);
  xml.replace(xml.find(glossed), glossed.size(), "<term xml:id=\"t1\" ref=\"ja-en-ai.tbx#c4 ja-en-ai.tbx#c5\">推論</term>");
  Document d = tei::read(xml, "dialogue.tei.xml");
  std::string x = export_xliff(d, with_termbase());
  BOOST_TEST(check_xliff(x).empty(), problems_text(check_xliff(x)));
  std::size_t entry = x.find("<gls:glossEntry ref=\"#t1\">");
  BOOST_TEST_REQUIRE(entry != std::string::npos);
  std::string e = x.substr(entry, x.find("</gls:glossEntry>", entry) - entry);
  BOOST_TEST(e.find(">reasoning</gls:translation>") != std::string::npos, e);
  BOOST_TEST(e.find(">inference</gls:translation>") != std::string::npos, e);
  BOOST_TEST(e.find("<gls:definition source=\"ja-en-ai.tbx\">Ambiguous: the termbase has 2 senses of this term, and the text "
                    "does not settle which one it is here: \"reasoning\"") != std::string::npos, e);
  ExportOptions o12 = with_termbase();
  o12.xliff_version = XliffVersion::v12;
  std::string x12 = export_xliff(d, o12);
  BOOST_TEST(x12.find("Term 「推論」 = reasoning / inference (Ambiguous: the termbase has 2 senses") != std::string::npos, x12);
  // The TBX: one entry of both senses, with both English terms and the ambiguity said.
  std::string t = export_tbx(d, with_termbase());
  std::size_t c = t.find("<conceptEntry id=\"c4-c5\">");
  BOOST_TEST_REQUIRE(c != std::string::npos, t);
  std::string ce = t.substr(c, t.find("</conceptEntry>", c) - c);
  BOOST_TEST(ce.find("<term>reasoning</term>") != std::string::npos, ce);
  BOOST_TEST(ce.find("<term>inference</term>") != std::string::npos, ce);
  BOOST_TEST(ce.find("<descrip type=\"definition\">Ambiguous:") != std::string::npos, ce);
  BOOST_TEST(jatei::tbx::read(t, "glossary.tbx").concepts.size() == count(t, "<conceptEntry "));
  if (have_shared()) {
    Validator v(kShared + "/external/tbx/core/TBXcoreStructV03.rng");
    auto ps = v.validate(t, "glossary.tbx");
    BOOST_TEST(ps.empty(), (ps.empty() ? "" : ps.front().message));
  }
}

BOOST_AUTO_TEST_CASE(v2008_martif_and_empty) {
  Document d = fixture();
  ExportOptions o = with_termbase();
  o.tbx_version = TbxVersion::v2008;
  std::string t = export_tbx(d, o);
  BOOST_TEST(t.find("<martif type=\"TBX-Basic\" xml:lang=\"en\">") != std::string::npos);
  BOOST_TEST(count(t, "<termEntry ") == 4u);
  BOOST_TEST(t.find("<langSet xml:lang=\"en\">") != std::string::npos);
  jatei::tbx::Termbase back = jatei::tbx::read(t, "glossary.tbx");
  BOOST_TEST(back.concepts.size() == 4u);
  // A document without terms: TBX 2019 is a valid glossary with no entries (a <text> without
  // <body>); TBX 2008 has no empty form (its <body> needs a <termEntry>), so it is refused.
  Document plain = tei::read(slurp(std::string(JATEI_SOURCE_DIR) + "/tests/schema/valid/segment.xml"));
  std::string e19 = export_tbx(plain);
  BOOST_TEST(e19.find("<body") == std::string::npos);
  o.termbases.clear();
  BOOST_CHECK_THROW(export_tbx(plain, o), DataError);
  if (have_shared()) {
    Validator v(kShared + "/external/tbx/core/TBXcoreStructV03.rng");
    BOOST_TEST(v.validate(e19, "empty.tbx").empty());
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(claims_export)

BOOST_AUTO_TEST_CASE(jsonl_order_and_fields) {
  Document d = fixture();
  std::string j = export_claims(d);
  std::vector<std::string> lines;
  std::istringstream in(j);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  // Check-worthy first (s5 s6 s11 s12 s16 s19), then stated/reported/speculative ones.
  std::vector<std::string> order;
  for (auto& l : lines) order.push_back(l.substr(7, l.find('"', 7) - 7));
  std::vector<std::string> want = {"s5", "s6", "s11", "s12", "s16", "s19", "s8", "s13", "s15", "s17", "s20", "s21"};
  BOOST_TEST(order == want, boost::test_tools::per_element());
  const std::string& s11 = lines[2];
  BOOST_TEST(s11.find("\"speaker\":{\"id\":\"spk1\",\"name\":\"先生\",\"role\":\"teacher\",\"certainty\":\"high\"}") != std::string::npos);
  BOOST_TEST(s11.find("\"cues\":[{\"text\":\"報じられています\",\"class\":\"reported\"}]") != std::string::npos);
  BOOST_TEST(s11.find("\"dates\":[{\"text\":\"1月27日\",\"element\":\"date\",\"when\":\"2025-01-27\"}]") != std::string::npos);
  BOOST_TEST(s11.find("\"numbers\":[{\"text\":\"17%\",\"element\":\"num\",\"type\":\"percent\",\"value\":\"17\"}]") != std::string::npos);
  BOOST_TEST(s11.find("\"names\":[{\"text\":\"エヌビディア\",\"kind\":\"organisation\"}]") != std::string::npos);
  BOOST_TEST(s11.find("\"previous\":{\"id\":\"s10\",\"text\":\"エヌビディアの株価も下がったんですよね?\"}") != std::string::npos);
  BOOST_TEST(s11.find("\"url\":\"https://example.com/articles/deepseek-r1-shock\"") != std::string::npos);
  BOOST_TEST(lines[3].find("\"money\":[{\"text\":\"5900億ドル\",\"element\":\"measure\",\"type\":\"currency\",\"quantity\":\"590000000000\",\"unit\":\"USD\"}") != std::string::npos);
  BOOST_TEST(lines[5].find("\"hedged_by\":[\"s21\"]") != std::string::npos);
  BOOST_TEST(lines[5].find("\"speaker\":null") != std::string::npos);
  ExportOptions all;
  all.all_sentences = true;
  std::string every = export_claims(d, all);
  BOOST_TEST(count(every, "\n") == d.sentences().size());
}

BOOST_AUTO_TEST_CASE(csv_for_spreadsheets) {
  Document d = fixture();
  ExportOptions o;
  o.claims_format = ClaimsFormat::csv;
  std::string c = export_claims(d, o);
  BOOST_TEST(c.substr(0, 3) == "\xEF\xBB\xBF");
  BOOST_TEST(c.find("\"id\",\"rank\",\"checkworthy\"") == 3u);
  BOOST_TEST(count(c, "\r\n") == 13u);  // header + 12 records
  BOOST_TEST(c.find("\"s12\",\"4\",\"yes\",\"fact\",\"\",\"先生\",\"teacher\",\"high\"") != std::string::npos);
  BOOST_TEST(c.find("\"5900億ドル=590000000000 USD; 90兆円=90000000000000 JPY\"") != std::string::npos);
  // A field that a spreadsheet would run as a formula gets an apostrophe.
  Document f = fixture();
  f.sentences()[4]->text = "=HYPERLINK(\"x\")";
  f.sentences()[4]->spans.clear();
  BOOST_TEST(export_claims(f, o).find("\"'=HYPERLINK(\"\"x\"\")\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(claimreview_only_what_was_rated) {
  Document d = fixture();
  ExportOptions o;
  o.claims_format = ClaimsFormat::claimreview;
  o.date = "2025-02-01";
  // Nothing rated: no ClaimReview (an unrated skeleton is no review).
  BOOST_TEST(export_claims(d, o) == "[]\n");
  merge_verdicts(d,
                 "id,rating,reviewer,url,date,note\n"
                 "s5,Mostly true,Desk,https://fc.example.org/5,2025-02-03,ok\n"
                 "s6,2,Desk,,,\n",
                 "v.csv");
  o.publisher = "Example Fact Check";
  o.publisher_url = "https://fc.example.org";
  o.rating_scale = {"0=False", "1=Mostly false", "2=Half true", "3=Mostly true", "4=True"};
  std::string c = export_claims(d, o);
  BOOST_TEST(count(c, "\"@type\": \"ClaimReview\"") == 2u);
  BOOST_TEST(c.find("\"url\": \"https://fc.example.org/5\"") != std::string::npos);
  BOOST_TEST(count(c, "\"url\": \"\"") == 0u);  // no empty link for the verdict without one
  BOOST_TEST(c.find("\"datePublished\": \"2025-02-03\"") != std::string::npos);  // the verdict's
  BOOST_TEST(c.find("\"datePublished\": \"2025-02-01\"") != std::string::npos);  // the option's
  BOOST_TEST(count(c, "\"author\": {\"@type\": \"Organization\", \"name\": \"Example Fact Check\", \"url\": \"https://fc.example.org\"}") == 2u);
  BOOST_TEST(c.find("\"author\": {\"@type\": \"Person\", \"name\": \"先生\", \"description\": \"Attributed by jatei-speakers (certainty: high)\"}") != std::string::npos);
  BOOST_TEST(count(c, "\"datePublished\": \"2025-01-29\"") >= 2u);  // the article's date, on the Claim
  BOOST_TEST(c.find("\"appearance\": {\"@type\": \"CreativeWork\", \"url\": \"https://example.com/articles/deepseek-r1-shock\"") != std::string::npos);
  BOOST_TEST(c.find("\"reviewRating\": {\"@type\": \"Rating\", \"ratingValue\": 3, \"bestRating\": 4, \"worstRating\": 0, \"alternateName\": \"Mostly true\", \"ratingExplanation\": \"ok\"}") != std::string::npos);
  BOOST_TEST(c.find("\"ratingValue\": 2, \"bestRating\": 4, \"worstRating\": 0, \"alternateName\": \"Half true\"}") != std::string::npos);
  // --source-url wins over the header.
  o.source_url = "https://news.example.jp/x";
  BOOST_TEST(count(export_claims(d, o), "\"url\": \"https://news.example.jp/x\"") == 2u);
  // A scale that cannot be read.
  o.rating_scale = {"1=False", "one=True"};
  BOOST_CHECK_THROW(export_claims(d, o), DataError);
  o.rating_scale = {"False", "false"};
  BOOST_CHECK_THROW(export_claims(d, o), DataError);
}

// A press release dates itself in its title, in brackets (知事定例記者会見（令和8年11月27日）): the
// article's date when the header and the byline give none, in the claims records and on the
// review page; a date inside a title's words is no dateline.
BOOST_AUTO_TEST_CASE(a_title_that_ends_with_its_date_in_brackets_dates_the_article) {
  auto annotated = [](std::string_view text) {
    Document d = segment_text(text, SegmentOptions{});
    claims::annotate(d);
    return d;
  };
  Document d = annotated("知事定例記者会見（令和8年11月27日）\n\n■発表事項\n県内の公立病院では常勤医師が48人不足しています。\n");
  BOOST_TEST(export_claims(d).find("\"date\":\"2026-11-27\"") != std::string::npos, export_claims(d));
  BOOST_TEST(export_html(d).find("\u00B7 2026-11-27") != std::string::npos);
  Document e = annotated("2024年8月1日の大雨を振り返る\n\n■概要\n県内の公立病院では常勤医師が48人不足しています。\n");
  BOOST_TEST(export_claims(e).find("\"date\":\"2024-08-01\"") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(html_export)

BOOST_AUTO_TEST_CASE(review_page) {
  Document d = fixture();
  std::string h = export_html(d, with_termbase());
  BOOST_TEST(h.find("<!DOCTYPE html>") == 0u);
  BOOST_TEST(h.find("Content-Security-Policy") != std::string::npos);
  BOOST_TEST(h.find("src=") == std::string::npos);  // nothing loaded from anywhere
  BOOST_TEST(h.find("<link") == std::string::npos);
  // Counted in the text (the legend shows one of each too).
  auto in_text = [&](const std::string& re) {
    std::regex r(re);
    return static_cast<std::size_t>(std::distance(std::sregex_iterator(h.begin(), h.end(), r), std::sregex_iterator()));
  };
  BOOST_TEST(count(h, "<div class=\"turn") == 9u);
  BOOST_TEST(in_text("<mark class=\"s speculation[^\"]*\" id=\"s") == 4u);
  BOOST_TEST(count(h, "<li id=\"claim-") == 6u);
  BOOST_TEST(in_text("<span class=\"s question[^\"]*\" id=\"s") == 5u);
  BOOST_TEST(in_text("<span class=\"s reported[^\"]*\" id=\"s") == 3u);
  BOOST_TEST(h.find("data-en=\"reasoning\"") != std::string::npos);
  // The gloss first, then the termbase (whose "distillation" is the same word as the gloss).
  BOOST_TEST(h.find("data-en=\"Distillation / knowledge distillation\"") != std::string::npos);
  BOOST_TEST(h.find("<b class=\"cue cue-speculation\" title=\"speculation cue\">と思います</b>") != std::string::npos);
  BOOST_TEST(h.find("<html lang=\"ja\">") != std::string::npos);
  BOOST_TEST(h.find("@media print") != std::string::npos);
  BOOST_TEST(export_html(d, with_termbase()) == h);
}

namespace {

// write_html over `xml` against export_html over `d` (the same document), with and without the
// termbase, in the document's translation language and in another: the same bytes, or the same
// error with nothing handed over.
void same_html(const std::string& xml, const Document& d, const std::string& what, std::size_t& compared) {
  for (bool termbase : {false, true})
    for (const char* lang : {"en", "fr"}) {
      ExportOptions o = termbase ? with_termbase() : ExportOptions();
      o.target_lang = lang;
      std::string whole = export_html(d, o), streamed;
      std::size_t pieces = 0;
      write_html(xml, "a.tei.xml", o, [&](std::string_view piece) {
        streamed += piece;
        ++pieces;
      });
      BOOST_TEST((streamed == whole), what << " (" << lang << (termbase ? ", termbase" : "") << ")");
      BOOST_TEST(pieces >= 1u);
      ++compared;
    }
}

// The document with a translation division into `lang` of its first `n` sentences (as jatei-merge
// xliff adds one).
void translate_some(Document& d, const std::string& lang, std::size_t n) {
  Division tr;
  tr.type = "translation";
  tr.attrs.set("xml:lang", lang);
  tr.turns.emplace_back();
  Block b;
  b.kind = BlockKind::paragraph;
  Leaf l;
  std::size_t k = 0;
  for (auto* s : d.sentences()) {
    if (s->id.empty() || k == n) continue;
    Piece p;
    p.kind = Piece::Kind::sentence;
    p.sentence.id = "tr-" + lang + "-" + s->id;
    p.sentence.text = "[" + lang + "] " + std::to_string(++k) + " <&>";
    p.sentence.attrs.set("corresp", "#" + s->id);
    l.pieces.push_back(p);
  }
  b.leaves.push_back(l);
  tr.turns.back().blocks.push_back(b);
  d.divisions.push_back(tr);
}

}  // namespace

// The review page written a few turns at a time (jatei-export html) is the page of the whole
// document: every golden article, schema sample and the fixture, as they are, annotated by every
// stage, with verdicts and with translations; a document the reader takes only whole and errors
// too.
BOOST_AUTO_TEST_CASE(html_streamed_equals_whole_document) {
  std::size_t compared = 0, with_verdicts = 0, with_translation = 0;
  for (auto& path : streamed_inputs()) {
    std::string xml = slurp(path.string());
    auto read = read_or_refused_alike(xml, path, [](const std::string& x, const std::string& p) {
      write_html(x, p, {}, [](std::string_view) { BOOST_ERROR("written"); });
    });
    if (!read) continue;
    Document d = std::move(*read);
    const std::string name = path.filename().string();
    same_html(xml, d, name, compared);
    annotate_speakers(d);
    claims::annotate(d);
    terms::Annotator::default_instance().annotate(d);
    same_html(tei::write(d), d, name + " annotated", compared);
    std::string csv = three_verdicts(d);
    if (csv.empty()) continue;
    merge_verdicts(d, csv, "v.csv");
    same_html(tei::write(d), d, name + " verdicts", compared);
    ++with_verdicts;
    translate_some(d, "en", 5);
    translate_some(d, "de", 2);
    std::string translated = tei::write(d);
    same_html(translated, tei::read(translated, "a.tei.xml"), name + " translated", compared);
    if (export_html(d, {}).find("class=\"translation\" lang=\"en\"") != std::string::npos) ++with_translation;
  }
  BOOST_TEST(compared >= 4u * 3u * 50u);
  BOOST_TEST(with_verdicts >= 50u);
  BOOST_TEST(with_translation >= 50u);
}

// A long document (many pieces of output, units let go as the read goes on): the sources named
// eight sentences before and seven after a sentence are shown as the whole document shows them,
// hedges and verdicts far from what they point at too.
BOOST_AUTO_TEST_CASE(html_streamed_long_document_and_sources) {
  std::string head = R"(<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="ja"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><bibl><idno type="filename">a.txt</idno></bibl></sourceDesc></fileDesc><encodingDesc><appInfo><application ident="jatei-claims" version="0.1.0"><label>jatei-claims</label></application></appInfo></encodingDesc></teiHeader>
<text><body>
)";
  std::string body;
  for (int i = 1; i <= 3000; ++i) {
    std::string id = std::to_string(i);
    if (i % 400 == 1) body += std::string(i > 1 ? "</div>\n" : "") + "<div type=\"article\">";
    std::string s = "文" + id + "です。";
    if (i % 50 == 2 || i % 50 == 27 || i % 50 == 38) s = "<persName xml:id=\"n" + id + "\">田中" + id + "</persName>さんの話です。";
    std::string attrs = " ana=\"#fact #checkworthy\"";
    auto n = [&](int k) { return std::to_string(i - i % 50 + k); };
    if (i % 50 == 10) attrs = " ana=\"#reported #checkworthy\" source=\"#n" + n(2) + "\"";   // eight before
    if (i % 50 == 20) attrs = " ana=\"#reported #checkworthy\" source=\"#n" + n(27) + "\"";  // seven after
    if (i % 50 == 30) attrs = " ana=\"#reported\" source=\"#n" + n(38) + "\"";              // eight after
    if (i % 50 == 11) attrs = " ana=\"#reported\" source=\"#n" + n(2) + "\"";               // nine before
    if (i % 500 == 3) attrs = " ana=\"#speculation\" corresp=\"#s" + std::to_string(i + 100) + " #s1\"";
    body += "<p xml:id=\"p" + id + "\"><s xml:id=\"s" + id + "\"" + attrs + ">" + s + "</s></p>\n";
  }
  std::string xml = head + body + "</div>\n</body></text></TEI>\n";
  Document d = tei::read(xml, "a.tei.xml");
  std::size_t compared = 0;
  same_html(xml, d, "long", compared);
  std::string out = export_html(d, {});
  BOOST_TEST(out.size() > (std::size_t(256) << 10));
  BOOST_TEST(out.find("source: <a class=\"source\" href=\"#n2\"") != std::string::npos);
  BOOST_TEST(out.find("source: <a class=\"source\" href=\"#n27\"") != std::string::npos);
  BOOST_TEST(out.find("href=\"#n38\"") == std::string::npos);
  BOOST_TEST(out.find("hedged by <a href=\"#s3\">") != std::string::npos);
  std::string csv = "id,rating,reviewer,note,url,date\ns2999,False,R,far,https://example.org/1,2025-01-01\ns1,True,R,first,,\n";
  merge_verdicts(d, csv, "v.csv");
  same_html(tei::write(d), d, "long, verdicts", compared);
  BOOST_TEST(compared == 8u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(acronyms)

// The list a translator's glossary takes an acronym's full name from: the built-in one parses,
// full-width letters look up their ASCII entry, a later file wins and an empty name takes an
// entry out; a line that is not ACRONYM<TAB>name is a DataError at its line.
BOOST_AUTO_TEST_CASE(list_lookup_merge_and_errors) {
  const AcronymNames& b = AcronymNames::builtin();
  BOOST_TEST(b.size() > 50u);
  BOOST_REQUIRE(b.find("EU"));
  BOOST_TEST(b.find("EU")->name == "European Union");
  BOOST_REQUIRE(b.find("\xEF\xBC\xA5\xEF\xBC\xB5"));  // ＥＵ
  BOOST_TEST(b.find("\xEF\xBC\xA5\xEF\xBC\xB5")->name == "European Union");
  BOOST_TEST(b.find("IoT"));
  BOOST_TEST(!b.find("IOT"));  // case kept: IoT and IOT are looked up as written
  AcronymNames n = b;
  n.merge("# a newsroom's list\nEU\tthe European Union\nCON\tCoastal Observation Network\nAI\t\n", "mine.tsv");
  BOOST_TEST(n.find("EU")->name == "the European Union");
  BOOST_TEST(n.find("EU")->origin == "mine.tsv");
  BOOST_TEST(n.find("CON")->name == "Coastal Observation Network");
  BOOST_TEST(!n.find("AI"));
  BOOST_TEST(b.find("AI"));  // the built-in list is unchanged
  for (auto [text, line] : {std::pair<std::string, std::size_t>{"EU European Union\n", 1},
                            {"EU\tEuropean Union\nEuro\tnot one\n", 2},
                            {"\n\nE\tone capital\n", 3}}) {
    AcronymNames bad;
    try {
      bad.merge(text, "bad.tsv");
      BOOST_ERROR("accepted: " << text);
    } catch (const DataError& e) {
      BOOST_TEST(e.line() == line, text << ": " << e.what());
    }
  }
  BOOST_TEST(AcronymNames::is_acronym("SDGs"));
  BOOST_TEST(AcronymNames::is_acronym("M&A"));
  BOOST_TEST(!AcronymNames::is_acronym("OpenAI"));
  BOOST_TEST(!AcronymNames::is_acronym("reasoning"));
}

BOOST_AUTO_TEST_SUITE_END()
