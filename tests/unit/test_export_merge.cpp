// Unit tests for jatei/merge.hpp: a translated XLIFF (2.1 and 1.2) back as a parallel text,
// fact-check verdicts (CSV and JSON Lines) into <standOff>; round trips, idempotence, errors
// that leave the document unchanged, and valid TEI after every merge.
#define BOOST_TEST_MODULE export_merge
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "jatei/error.hpp"
#include "jatei/export.hpp"
#include "jatei/merge.hpp"
#include "jatei/segment.hpp"
#include "jatei/tei.hpp"
#include "jatei/validate.hpp"

using namespace jatei;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string kData = std::string(JATEI_SOURCE_DIR) + "/tests/data/export/";

Document fixture() { return tei::read(slurp(kData + "dialogue.tei.xml"), "dialogue.tei.xml"); }

// Fills the target of every `every`-th segment (2.1) or trans-unit (1.2), the first included:
// "EN(<id>)".
std::string fill_some(const std::string& xlf, bool v12, std::size_t every) {
  std::regex seg(v12 ? "(<trans-unit id=\"([^\"]+)\"[^>]*>\\s*<source[^>]*>.*?</source>)(\\s*<target[^>]*>.*?</target>)?"
                     : "(<segment id=\"([^\"]+)\"[^>]*>\\s*<source>.*?</source>)(\\s*<target>.*?</target>)?");
  std::string out;
  std::size_t last = 0, i = 0;
  for (auto it = std::sregex_iterator(xlf.begin(), xlf.end(), seg); it != std::sregex_iterator(); ++it, ++i) {
    if (i % every != 0) continue;
    out += xlf.substr(last, static_cast<std::size_t>(it->position()) - last);
    std::string tag = v12 ? "<target xml:lang=\"en\" state=\"translated\">" : "<target>";
    out += (*it)[1].str() + tag + "EN(" + (*it)[2].str() + ")</target>";
    last = static_cast<std::size_t>(it->position() + it->length());
  }
  out += xlf.substr(last);
  if (!v12 && out.find("trgLang") == std::string::npos) out.replace(out.find("srcLang="), 0, "trgLang=\"en\" ");
  return out;
}

// Fills every target of an XLIFF: "EN(<id>)" for each segment (2.1) or trans-unit (1.2).
std::string fill(const std::string& xlf, bool v12) { return fill_some(xlf, v12, 1); }

void valid(const Document& d, const std::string& what) {
  Validator v(default_schema_path());
  auto ps = v.validate(tei::write(d), what);
  std::string msg;
  for (auto& p : ps) msg += std::to_string(p.line) + ": " + p.message + "\n";
  BOOST_TEST(ps.empty(), what + "\n" + msg);
}

std::string xml_escape_for_test(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

template <class F>
std::string data_error(F f) {
  try {
    f();
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(xliff)

BOOST_AUTO_TEST_CASE(round_trip_21_and_12) {
  for (bool v12 : {false, true}) {
    Document d = fixture();
    std::string source_text = d.text();
    ExportOptions o;
    o.xliff_version = v12 ? XliffVersion::v12 : XliffVersion::v21;
    std::string filled = fill(export_xliff(d, o), v12);
    XliffMergeReport r = merge_xliff(d, filled, "t.xlf");
    BOOST_TEST(r.version == (v12 ? "1.2" : "2.1"));
    BOOST_TEST(r.lang == "en");
    BOOST_TEST(r.untranslated.empty());
    BOOST_TEST(r.translated == d.sentences().size());
    // Every source sentence has its translation, pointing back with @corresp, in a translation
    // division per source division (after them, the source's type as @subtype).
    BOOST_TEST(d.divisions.back().is_translation());
    std::size_t n = 0, source_divisions = 0, translation_divisions = 0;
    for (auto& tr : d.divisions) {
      if (!tr.is_translation()) {
        ++source_divisions;
        BOOST_TEST(translation_divisions == 0u);
        continue;
      }
      BOOST_TEST(tr.attrs.value("xml:lang") == "en");
      BOOST_TEST(tr.attrs.value("subtype") == d.divisions[translation_divisions++].type);
      for (auto& t : tr.turns)
        for (auto& b : t.blocks)
          for (auto& l : b.leaves)
            for (auto& p : l.pieces)
              if (p.kind == Piece::Kind::sentence) {
                std::string id = p.sentence.attrs.value("corresp").substr(1);
                BOOST_TEST(p.sentence.text == "EN(" + id + ")");
                BOOST_TEST(p.sentence.id == id + ".en");
                ++n;
              }
    }
    BOOST_TEST(translation_divisions == source_divisions);
    BOOST_TEST(n == d.sentences().size());
    BOOST_TEST(d.text() == source_text);  // jatei-text still gives back the source only
    valid(d, v12 ? "merged 1.2" : "merged 2.1");
    // Idempotent: the same XLIFF again gives the same bytes.
    std::string once = tei::write(d);
    merge_xliff(d, filled, "t.xlf");
    BOOST_TEST(tei::write(d) == once);
    // And it survives a read/write round trip.
    BOOST_TEST(tei::write(tei::read(once)) == once);
  }
}

BOOST_AUTO_TEST_CASE(untranslated_are_reported_not_invented) {
  Document d = fixture();
  ExportOptions o;
  o.prefill_target = true;
  std::string x = export_xliff(d, o);
  // Translate s2 and s5 only; the other prefilled copies stay as they were.
  x = std::regex_replace(x, std::regex("(<segment id=\"s2\" state=\")initial(\">\\s*<source>.*?</source>\\s*<target>).*?(</target>)"),
                         "$1translated$2Do you know DeepSeek-R1, Saru-kun?$3");
  x = std::regex_replace(x, std::regex("(<segment id=\"s5\" state=\"initial\">\\s*<source>.*?</source>\\s*<target>).*?(</target>)"),
                         "$1DeepSeek-R1 is a reasoning model released on 20 January 2025.$2");
  XliffMergeReport r = merge_xliff(d, x);
  BOOST_TEST(r.translated == 2u);
  BOOST_TEST(r.untranslated.size() == d.sentences().size() - 2);
  BOOST_TEST(r.untranslated.front() == "s1");
  std::string out = tei::write(d);
  BOOST_TEST(out.find("<s xml:id=\"s2.en\" corresp=\"#s2\">Do you know DeepSeek-R1, Saru-kun?</s>") != std::string::npos);
  BOOST_TEST(out.find("<p xml:id=\"p3.en\" corresp=\"#p3\"><s xml:id=\"s5.en\" corresp=\"#s5\">DeepSeek-R1 is a reasoning") != std::string::npos);
  BOOST_TEST(out.find("corresp=\"#s1\"") == std::string::npos);
  valid(d, "partial");
}

BOOST_AUTO_TEST_CASE(errors_leave_the_document_alone) {
  Document d = fixture();
  std::string before = tei::write(d);
  std::string good = fill(export_xliff(d), false);
  BOOST_TEST(data_error([&] { merge_xliff(d, std::regex_replace(good, std::regex("segment id=\"s3\""), "segment id=\"s99\"")); })
                 .find("'s99' is not a sentence of this document") != std::string::npos);
  BOOST_TEST(data_error([&] { merge_xliff(d, std::regex_replace(good, std::regex("<segment id=\"s3\">"), "<segment>")); })
                 .find("without an id") != std::string::npos);
  BOOST_TEST(data_error([&] { merge_xliff(d, std::regex_replace(good, std::regex("はい、名前だけは。"), "いいえ。")); })
                 .find("is not the text of sentence s3") != std::string::npos);
  BOOST_TEST(data_error([&] {
               merge_xliff(d, std::regex_replace(good, std::regex("<segment id=\"s3\">\\s*<source>.*?</source>\\s*<target>.*?</target>\\s*</segment>"), ""));
             }).find("no segment for 1 sentence(s) of the document: s3") != std::string::npos);
  BOOST_TEST(data_error([&] { merge_xliff(d, std::regex_replace(good, std::regex("version=\"2.1\""), "version=\"3.0\"")); })
                 .find("unsupported XLIFF version") != std::string::npos);
  BOOST_TEST(data_error([&] { merge_xliff(d, std::regex_replace(good, std::regex(" trgLang=\"en\""), "")); })
                 .find("no target language") != std::string::npos);
  BOOST_TEST(data_error([&] { merge_xliff(d, "<xliff version=\"2.1\"><file"); }).find("malformed XML") != std::string::npos);
  BOOST_TEST(data_error([&] { merge_xliff(d, "<TEI/>"); }).find("not an XLIFF") != std::string::npos);
  // Another namespace, or none, is another vocabulary; a second root is not XML (both were
  // read: issue 11, row 10).
  BOOST_TEST(data_error([&] {
               merge_xliff(d, std::regex_replace(good, std::regex("urn:oasis:names:tc:xliff:document:2.0"), "urn:example:other"));
             }).find("is not in the XLIFF 2 namespace") != std::string::npos);
  BOOST_TEST(data_error([&] {
               merge_xliff(d, std::regex_replace(good, std::regex(" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\""), ""));
             }).find("(it has none)") != std::string::npos);
  BOOST_TEST(data_error([&] { merge_xliff(d, good + "<xliff/>"); }).find("more than one root") != std::string::npos);
  std::string v12 = fill(export_xliff(d, [] { ExportOptions o; o.xliff_version = XliffVersion::v12; return o; }()), true);
  BOOST_TEST(data_error([&] {
               merge_xliff(d, std::regex_replace(v12, std::regex("urn:oasis:names:tc:xliff:document:1.2"), "urn:oasis:names:tc:xliff:document:2.0"));
             }).find("is not in the XLIFF 1.2 namespace") != std::string::npos);
  BOOST_TEST(tei::write(d) == before);
}

BOOST_AUTO_TEST_CASE(translator_and_a_second_language) {
  Document d = fixture();
  XliffMergeOptions mo;
  mo.translator = "Jane Smith";
  merge_xliff(d, fill(export_xliff(d), false), "t.xlf", mo);
  mo.lang = "de";
  mo.translator = "Jane Smith";
  merge_xliff(d, fill(export_xliff(d), false), "t.xlf", mo);
  std::string out = tei::write(d);
  BOOST_TEST(out.find("<respStmt xml:id=\"translator1\">") != std::string::npos);
  BOOST_TEST(out.find("translator2") == std::string::npos);  // one person, declared once
  BOOST_TEST(out.find("<div type=\"translation\" subtype=\"dialogue\" xml:lang=\"en\" resp=\"#translator1\">") != std::string::npos);
  BOOST_TEST(out.find("<div type=\"translation\" subtype=\"dialogue\" xml:lang=\"de\" resp=\"#translator1\">") != std::string::npos);
  valid(d, "two translations");
  // The exporters see the translation: the review page shows it under its block.
  std::string html = export_html(d);
  BOOST_TEST(html.find("<p class=\"translation\" lang=\"en\">EN(s5) EN(s6)</p>") != std::string::npos);
  // And a re-export skips it: the XLIFF of the merged document is the XLIFF of the source.
  BOOST_TEST(export_xliff(d) == export_xliff(fixture()));
}

// jatei-merge xliff on bytes (XliffMerge: the TEI read a block at a time, the XLIFF a segment at
// a time): its report, its error and the bytes it writes are those of merge_xliff on the document
// read whole, then tei::write; whether the stream decided is returned.
namespace {

struct Outcome {
  std::string out, error;
  std::size_t line = 0;
  XliffMergeReport r;
};

void same_report(const XliffMergeReport& a, const XliffMergeReport& b, const std::string& what) {
  BOOST_TEST(a.version == b.version, what);
  BOOST_TEST(a.lang == b.lang, what);
  BOOST_TEST(a.translated == b.translated, what);
  BOOST_TEST((a.untranslated == b.untranslated), what);
  BOOST_TEST((a.repeated == b.repeated), what);
  BOOST_TEST((a.locked == b.locked), what);
}

bool same_both_ways(const std::string& tei_xml, const std::string& xlf, const XliffMergeOptions& o, const std::string& what) {
  Outcome whole;
  {
    Document d = tei::read(tei_xml, "a.tei.xml");
    try {
      whole.r = merge_xliff(d, xlf, "t.xlf", o);
      whole.out = tei::write(d);
    } catch (const DataError& e) {
      whole.error = e.what();
      whole.line = e.line();
    }
  }
  // The stream alone: when it decides, the whole read agrees.
  XliffMerge m(tei_xml, "a.tei.xml", o);
  XliffMergeReport r;
  bool streamed = m.read(xlf, r);
  if (streamed) {
    std::string out;
    std::size_t pieces = 0;
    m.write([&](std::string_view piece) {
      out += piece;
      ++pieces;
    });
    BOOST_TEST(whole.error.empty(), what + ": the stream took what the whole read refuses: " + whole.error);
    BOOST_TEST((out == whole.out), what);
    BOOST_TEST(pieces >= 1u);
    same_report(r, whole.r, what);
  }
  // The whole of it on bytes (the stream, else the document read whole): the same answer.
  Outcome bytes;
  try {
    bytes.r = merge_xliff(tei_xml, "a.tei.xml", xlf, "t.xlf", o, [&](std::string_view piece) { bytes.out += piece; });
  } catch (const DataError& e) {
    bytes.error = e.what();
    bytes.line = e.line();
    BOOST_TEST(bytes.out.empty(), what + ": output before the error");
  }
  BOOST_TEST(bytes.error == whole.error, what);
  BOOST_TEST(bytes.line == whole.line, what);
  BOOST_TEST((bytes.out == whole.out), what);
  same_report(bytes.r, whole.r, what);
  return streamed;
}


// What translate-toolkit's po2xliff makes of a PO that xliff2po made of the document: one
// trans-unit a distinct text, its sentences named in <context-group purpose="location">, after
// the PO header unit (XLIFF 1.1, no template).
std::string po_xliff(const Document& d) {
  std::vector<std::pair<std::string, std::vector<std::string>>> units;
  std::map<std::string, std::size_t> by_text;
  for (auto* s : d.sentences()) {
    if (s->id.empty()) continue;
    std::string text = xml_escape_for_test(s->text);
    auto [it, fresh] = by_text.emplace(text, units.size());
    if (fresh) units.push_back({text, {}});
    units[it->second].second.push_back(s->id);
  }
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<xliff version=\"1.1\" xmlns=\"urn:oasis:names:tc:xliff:document:1.1\">"
                  "<file datatype=\"po\" original=\"a.po\" source-language=\"ja\" target-language=\"en\"><body>\n"
                  "<trans-unit id=\"hdr\" restype=\"x-gettext-domain-header\" approved=\"no\" xml:space=\"preserve\">"
                  "<source>Content-Type: text/plain</source><target>Content-Type: text/plain</target></trans-unit>\n";
  std::size_t n = 0;
  for (auto& [text, ids] : units) {
    ++n;
    x += "<trans-unit id=\"" + std::to_string(n) + "\" xml:space=\"preserve\"><source>" + text + "</source>";
    if (n % 3 != 0) x += "<target state=\"translated\">EN(" + ids.front() + ")</target>";
    x += "<context-group name=\"po-reference\" purpose=\"location\">";
    for (auto& id : ids) x += "<context context-type=\"sourcefile\">" + id + "</context>";
    x += "</context-group></trans-unit>\n";
  }
  return x + "</body></file></xliff>\n";
}

}  // namespace

// Every golden article (every stage's markup: turns, speakers, claims, terms), every schema
// sample and the dialogue fixture, through 2.1 and 1.2 XLIFFs filled whole, in part (repetitions
// filled from their first translation), not at all, prefilled, a PO round trip; merged again over
// the translation it made, with a translator, and in a second language: the stream decides every
// one, with the bytes of the document read whole.
// --lock-boilerplate: the page's furniture goes out translate="no"; a translator's tool locks it,
// and the merge lists it as locked, not untranslated, read whole or streamed, 2.1 and 1.2.
BOOST_AUTO_TEST_CASE(locked_furniture_is_not_untranslated) {
  Document d = segment_text("本文です。二文目です。\n二段落目です。\nこの記事をシェアする\nメルマガ登録はこちら\n", SegmentOptions{});
  std::set<std::string> furniture;
  for (auto& div : d.divisions)
    if (div.type == "boilerplate")
      for (auto& t : div.turns)
        for (auto& b : t.blocks)
          for (auto& l : b.leaves)
            for (auto& p : l.pieces)
              if (p.kind == Piece::Kind::sentence) furniture.insert(p.sentence.id);
  BOOST_TEST(furniture.size() == 2u);
  std::string tei_xml = tei::write(d);
  for (bool v12 : {false, true}) {
    ExportOptions o;
    o.xliff_version = v12 ? XliffVersion::v12 : XliffVersion::v21;
    o.prefill_target = true;
    o.lock_boilerplate = true;
    std::string x = export_xliff(d, o);
    // Locked: one 2.1 unit a furniture block, one 1.2 trans-unit a furniture sentence.
    std::regex locked(v12 ? "<trans-unit id=\"([^\"]+)\"[^>]*translate=\"no\"" : "<unit [^>]*translate=\"no\"");
    std::size_t n = static_cast<std::size_t>(std::distance(std::sregex_iterator(x.begin(), x.end(), locked), std::sregex_iterator()));
    BOOST_TEST(n == 2u, x);
    // The translator translates what is not locked (the prefilled targets marked done) and
    // leaves the locked ones as they came.
    std::string done;
    std::size_t at = 0;
    const std::string open = v12 ? "<trans-unit " : "<unit ";
    for (std::size_t u = x.find(open); u != std::string::npos; u = x.find(open, u + 1)) {
      std::size_t end = x.find(v12 ? "</trans-unit>" : "</unit>", u);
      std::string unit = x.substr(u, end - u);
      if (unit.find("translate=\"no\"") == std::string::npos)
        unit = std::regex_replace(unit, std::regex(v12 ? "state=\"needs-translation\"" : "state=\"initial\""), "state=\"translated\"");
      done += x.substr(at, u - at) + unit;
      at = end;
    }
    done += x.substr(at);
    Document merged = tei::read(tei_xml);
    XliffMergeReport r = merge_xliff(merged, done, "t.xlf");
    BOOST_TEST(r.untranslated.empty(), v12);
    BOOST_TEST(std::set<std::string>(r.locked.begin(), r.locked.end()) == furniture, v12);
    BOOST_TEST(r.translated == d.sentences().size() - furniture.size());
    BOOST_TEST(same_both_ways(tei_xml, done, {}, v12 ? "locked 1.2" : "locked 2.1"));
    // translate="yes" inside a locked group (1.2) or file (2.1) unlocks: nothing is locked then.
    std::string unlocked = std::regex_replace(done, std::regex("translate=\"no\""), "translate=\"yes\"");
    Document again = tei::read(tei_xml);
    XliffMergeReport r2 = merge_xliff(again, unlocked, "t.xlf");
    BOOST_TEST(r2.locked.empty());
    BOOST_TEST(r2.untranslated.size() == furniture.size());
  }
  // Without the option nothing is locked.
  ExportOptions plain;
  BOOST_TEST(export_xliff(d, plain).find("translate=") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(streamed_equals_whole_document) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (auto dir : {"/tests/golden/expected", "/tests/schema/valid"})
    for (auto& e : fs::directory_iterator(std::string(JATEI_SOURCE_DIR) + dir)) files.push_back(e.path());
  files.push_back(kData + "dialogue.tei.xml");
  std::sort(files.begin(), files.end());
  std::size_t streamed = 0, documents = 0;
  for (auto& path : files) {
    std::string xml = slurp(path.string());
    Document d;
    try {
      d = tei::read(xml, path.string());
    } catch (const DataError&) {
      BOOST_CHECK_THROW(XliffMerge(xml, path.string()), DataError);  // tei::read's error, first
      continue;
    }
    if (d.sentences().empty()) continue;
    ++documents;
    const std::string name = path.filename().string();
    ExportOptions o12;
    o12.xliff_version = XliffVersion::v12;
    ExportOptions prefill;
    prefill.prefill_target = true;
    XliffMergeOptions en;
    en.lang = "en";
    const std::string x21 = fill(export_xliff(d), false), x12 = fill(export_xliff(d, o12), true);
    streamed += same_both_ways(xml, x21, {}, name + " 2.1");
    streamed += same_both_ways(xml, x12, {}, name + " 1.2");
    streamed += same_both_ways(xml, fill_some(export_xliff(d), false, 3), {}, name + " 2.1, one in three");
    streamed += same_both_ways(xml, fill_some(export_xliff(d, o12), true, 2), {}, name + " 1.2, one in two");
    streamed += same_both_ways(xml, export_xliff(d), en, name + " 2.1, none");
    streamed += same_both_ways(xml, export_xliff(d, prefill), en, name + " 2.1 prefilled");
    streamed += same_both_ways(xml, po_xliff(d), {}, name + " PO");
    // Merged again: the translation replaced in its place, @resp kept or a translator declared;
    // a second language after it.
    XliffMergeOptions jane;
    jane.translator = "Jane Smith";
    Document once = d;
    merge_xliff(once, x21, "t.xlf", jane);
    const std::string merged = tei::write(once);
    streamed += same_both_ways(merged, fill_some(export_xliff(d), false, 2), {}, name + " again");
    streamed += same_both_ways(merged, x21, jane, name + " again, translator");
    XliffMergeOptions de = jane;
    de.lang = "de";
    de.translator = "Max Muster";
    streamed += same_both_ways(merged, x12, de, name + " second language");
  }
  BOOST_TEST(documents >= 50u);
  BOOST_TEST(streamed == 10u * documents);
}

// Every error merge_xliff gives is left to it (the stream says false): the same message and line,
// nothing written. What libxml2 and pugixml might read differently is left to the whole read too;
// what they read alike the stream takes.
BOOST_AUTO_TEST_CASE(streamed_errors_and_what_it_leaves_to_the_whole_read) {
  const std::string xml = slurp(kData + "dialogue.tei.xml");
  Document d = tei::read(xml, "a.tei.xml");
  const std::string good = fill(export_xliff(d), false);
  ExportOptions o12;
  o12.xliff_version = XliffVersion::v12;
  const std::string v12 = fill(export_xliff(d, o12), true);
  auto sub = [](const std::string& x, const char* re, const char* by) { return std::regex_replace(x, std::regex(re), by); };
  const std::string errors[] = {
      sub(good, "segment id=\"s3\"", "segment id=\"s99\""),
      sub(good, "<segment id=\"s3\">", "<segment>"),
      sub(good, "はい、名前だけは。", "いいえ。"),
      sub(good, "<segment id=\"s3\">\\s*<source>.*?</source>\\s*<target>.*?</target>\\s*</segment>", ""),
      sub(good, "version=\"2.1\"", "version=\"3.0\""),
      sub(good, " trgLang=\"en\"", ""),
      sub(good, " trgLang=\"en\"", " trgLang=\"e n\""),
      "<xliff version=\"2.1\"><file",
      "<TEI/>",
      "",
      "  \n",
      "plain text",
      sub(good, "urn:oasis:names:tc:xliff:document:2.0", "urn:example:other"),
      sub(good, " xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"", ""),
      good + "<xliff/>",
      sub(v12, "urn:oasis:names:tc:xliff:document:1.2", "urn:oasis:names:tc:xliff:document:2.0"),
      sub(good, "(<segment id=\"s4\">\\s*<source>.*?</source>\\s*<target>.*?</target>\\s*</segment>)", "$1$1"),  // twice
      sub(good, "<target>EN\\(s2\\)</target>", "<target>EN&bogus;</target>"),
      sub(good, "<target>EN\\(s2\\)</target>", "<target>EN\x01</target>"),
      sub(good, "</xliff>", ""),
  };
  std::size_t n = 0;
  for (auto& x : errors) {
    std::string what = "error case " + std::to_string(n++);
    BOOST_TEST(!same_both_ways(xml, x, {}, what), what);
  }
  // Nested past the limit inside a target.
  std::string deep = "<target>";
  for (int i = 0; i < 300; ++i) deep += "<mrk id=\"m" + std::to_string(i) + "\">";
  deep += "x";
  for (int i = 0; i < 300; ++i) deep += "</mrk>";
  BOOST_TEST(!same_both_ways(xml, sub(good, "<target>EN\\(s2\\)", (deep + "EN(s2)").c_str()), {}, "deep"));
  // PO units: two different translations of one sentence, a source that is not the sentence's.
  std::string po = po_xliff(d);
  std::string po2 = po;
  po2.replace(po2.find("</body>"), 0,
              "<trans-unit id=\"dup\"><source>" + xml_escape_for_test(d.sentences().front()->text) +
                  "</source><target state=\"translated\">OTHER</target><context-group purpose=\"location\"><context "
                  "context-type=\"sourcefile\">" + d.sentences().front()->id + "</context></context-group></trans-unit>\n");
  BOOST_TEST(!same_both_ways(xml, po2, {}, "PO, two translations"));
  BOOST_TEST(!same_both_ways(xml, sub(po, "はい、名前だけは。", "いいえ。"), {}, "PO, another source"));

  // Read alike by both: CDATA, character references, <cp>, inline codes and their text, comments
  // and processing instructions in a target, CRLF line ends, a byte order mark, a declaration of
  // another encoding (the bytes are UTF-8 to both).
  const std::string alike[] = {
      sub(good, "<target>EN\\(s2\\)</target>", "<target><![CDATA[a <b> & c]]> &#x3042;&amp;&lt;<cp hex=\"20AC\"/></target>"),
      sub(good, "<target>EN\\(s2\\)</target>",
          "<target>x<ph id=\"1\" disp=\"{1}\"/><pc id=\"2\">y<sc id=\"3\"/></pc><mrk id=\"m\" translate=\"no\">z</mrk></target>"),
      sub(good, "<target>EN\\(s2\\)</target>", "<target>a<!-- note --> b<?pi x?>\n\t c</target>"),
      sub(good, "\n", "\r\n"),
      "\xEF\xBB\xBF" + good,
      sub(good, "<\\?xml version=\"1.0\" encoding=\"UTF-8\"\\?>", "<?xml version='1.0' encoding='utf-8'?>"),
      sub(good, "<target>EN\\(s2\\)</target>", "<target>EN(s1)</target>"),  // the same words for two sentences
      sub(good, "<target>EN\\(s2\\)</target>", "<target>   </target>"),      // a target of white space
  };
  n = 0;
  for (auto& x : alike) {
    std::string what = "alike " + std::to_string(n++);
    BOOST_TEST(same_both_ways(xml, x, {}, what), what);
  }
  // What the whole read takes and the stream leaves to it: a DOCTYPE, another encoding declared
  // (pugixml reads the bytes as UTF-8, libxml2 would convert them), a prefix never declared, a
  // segment inside a segment, an attribute twice.
  const std::string left[] = {
      "<!DOCTYPE xliff>\n" + good.substr(good.find("<xliff")),
      sub(good, "<\\?xml version=\"1.0\" encoding=\"UTF-8\"\\?>", "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>"),
      sub(good, "<target>EN\\(s2\\)</target>", "<target><x:mrk>EN(s2)</x:mrk></target>"),
      sub(good, "<target>EN\\(s2\\)</target>", "<target>EN(s2)<segment id=\"s2\"/></target>"),
      sub(good, "<segment id=\"s2\">", "<segment id=\"s2\" id=\"s2\">"),
  };
  n = 0;
  for (auto& x : left) {
    std::string what = "left " + std::to_string(n++);
    BOOST_TEST(!same_both_ways(xml, x, {}, what), what);
  }

  // The TEI: a translation of this language before a source division, a layout the block reader
  // reads only whole (a carriage return between divisions), a sentence id given twice.
  Document t = d;
  merge_xliff(t, good, "t.xlf");
  std::rotate(t.divisions.begin(), t.divisions.end() - 1, t.divisions.end());
  BOOST_REQUIRE(t.divisions.front().is_translation());
  BOOST_TEST(!same_both_ways(tei::write(t), good, {}, "translation first"));
  XliffMergeOptions de;
  de.lang = "de";
  BOOST_TEST(same_both_ways(tei::write(t), good, de, "another language first"));
  std::string crlf = tei::write(t);
  crlf.replace(crlf.find("</div>") + 6, 0, "\r\n");
  BOOST_REQUIRE(!tei::streams(crlf));
  BOOST_TEST(!same_both_ways(crlf, good, de, "read only whole"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(verdicts)

const char* kCsv =
    "\xEF\xBB\xBF\"id\",\"rating\",\"note\",\"reviewer\",\"url\",\"date\"\r\n"
    "\"s11\",\"Mostly true\",\"The fall was 16.97%, on 27 January 2025.\",\"佐藤花子\",\"https://example.org/checks/123\",\"2025-01-30\"\r\n"
    "\"s12\",\"Unproven\",\"No source for the yen figure; \"\"about\"\" hides a lot.\",\"佐藤花子\",\"\",\"\"\r\n"
    "\"s6\",\"\",\"still checking\",\"佐藤花子\",\"\",\"\"\r\n";

BOOST_AUTO_TEST_CASE(csv_into_standoff_idempotent) {
  Document d = fixture();
  VerdictMergeReport r = merge_verdicts(d, kCsv, "v.csv");
  BOOST_TEST(r.added == 2u);
  BOOST_TEST(r.skipped == 1u);
  std::string out = tei::write(d);
  BOOST_TEST(out.find("<respStmt xml:id=\"checker1\">") != std::string::npos);
  BOOST_TEST(out.find("<note type=\"factcheck\" subtype=\"mostly-true\" n=\"Mostly true\" target=\"#s11\" resp=\"#checker1\">"
                      "The fall was 16.97%, on 27 January 2025. <date when=\"2025-01-30\">2025-01-30</date> "
                      "<ref target=\"https://example.org/checks/123\">https://example.org/checks/123</ref></note>") != std::string::npos);
  BOOST_TEST(out.find("No source for the yen figure; \"about\" hides a lot.") != std::string::npos);
  BOOST_TEST(out.find("<application ident=\"jatei-merge\"") != std::string::npos);
  valid(d, "verdicts");
  VerdictMergeReport again = merge_verdicts(d, kCsv, "v.csv");
  BOOST_TEST(again.added == 0u);
  BOOST_TEST(again.unchanged == 2u);
  BOOST_TEST(tei::write(d) == out);
  BOOST_TEST(tei::write(tei::read(out)) == out);
  // The exports see the verdicts.
  BOOST_TEST(export_html(d).find("<span class=\"verdict\" lang=\"en\"") != std::string::npos);
  ExportOptions o;
  o.claims_format = ClaimsFormat::claimreview;
  o.date = "2025-02-01";
  BOOST_TEST(export_claims(d, o).find("\"alternateName\": \"Mostly true\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(jsonl_update_and_second_reviewer) {
  Document d = fixture();
  merge_verdicts(d, kCsv, "v.csv");
  std::string jl =
      "{\"id\": \"s11\", \"rating\": \"True\", \"note\": \"Checked again: \\u6b63\\u78ba.\", \"reviewer\": \"佐藤花子\", \"url\": null}\n"
      "\n"
      "{\"sentence\": \"#s19\", \"rating\": \"Unproven\", \"reviewer\": \"Kenji Mori\", \"extra\": {\"nested\": [1, 2]}}\n";
  VerdictMergeReport r = merge_verdicts(d, jl, "v.jsonl");
  BOOST_TEST(r.updated == 1u);
  BOOST_TEST(r.added == 1u);
  std::string out = tei::write(d);
  BOOST_TEST(out.find("subtype=\"true\" n=\"True\" target=\"#s11\" resp=\"#checker1\">Checked again: 正確.</note>") != std::string::npos);
  BOOST_TEST(out.find("<respStmt xml:id=\"checker2\">") != std::string::npos);
  BOOST_TEST(out.find("target=\"#s19\" resp=\"#checker2\"") != std::string::npos);
  valid(d, "jsonl");
}

// A CR inside a quoted cell (a name typed across a line break in a spreadsheet) is kept as CR:
// written as &#13; in the header and the notes, read back as CR, so the same file merged again
// finds the same reviewer and changes nothing (the fuzzer found the name written raw, read back
// as LF, and a second merge that rewrote it).
BOOST_AUTO_TEST_CASE(a_cr_in_a_cell_survives_the_round_trip) {
  Document d = fixture();
  const std::string csv =
      "id,rating,note,reviewer\r\n"
      "s11,False,\"first line\rsecond line\",\"佐藤花\r子\"\r\n";
  VerdictMergeReport r = merge_verdicts(d, csv, "v.csv");
  BOOST_TEST(r.added == 1u);
  std::string out = tei::write(d);
  BOOST_TEST(out.find("<persName>佐藤花&#13;子</persName>") != std::string::npos);
  BOOST_TEST(out.find('\r') == std::string::npos);
  Document back = tei::read(out);
  BOOST_TEST(tei::write(back) == out);
  VerdictMergeReport again = merge_verdicts(back, csv, "v.csv");
  BOOST_TEST(again.added == 0u);
  BOOST_TEST(again.unchanged == 1u);
  BOOST_TEST(tei::write(back) == out);
}

BOOST_AUTO_TEST_CASE(the_exported_claims_csv_comes_back) {
  Document d = fixture();
  ExportOptions o;
  o.claims_format = ClaimsFormat::csv;
  std::string csv = export_claims(d, o);
  // The checker fills rating, note, reviewer and url of the s5 row (the last four columns).
  std::string row = "\"s5\",\"1\"";
  std::size_t p = csv.find(row);
  BOOST_REQUIRE(p != std::string::npos);
  std::size_t e = csv.find("\r\n", p);
  std::string line = csv.substr(p, e - p);
  line = line.substr(0, line.size() - std::string(",\"\",\"\",\"\",\"\"").size()) +
         ",\"True\",\"Released on 20 January 2025.\",\"佐藤花子\",\"https://example.org/checks/7\"";
  csv.replace(p, e - p, line);
  VerdictMergeReport r = merge_verdicts(d, csv, "claims.csv");
  BOOST_TEST(r.added == 1u);
  BOOST_TEST(r.skipped == 11u);
  valid(d, "from the claims CSV");
}

BOOST_AUTO_TEST_CASE(errors) {
  Document d = fixture();
  std::string before = tei::write(d);
  BOOST_TEST(data_error([&] { merge_verdicts(d, "id,rating,reviewer\ns99,False,A\n"); }).find("'s99' is not a sentence") != std::string::npos);
  BOOST_TEST(data_error([&] { merge_verdicts(d, "sentence,note\ns1,x\n"); }).find("no rating column") != std::string::npos);
  BOOST_TEST(data_error([&] { merge_verdicts(d, "rating,note\nTrue,x\n"); }).find("no id column") != std::string::npos);
  BOOST_TEST(data_error([&] { merge_verdicts(d, "id,rating\ns5,True\n"); }).find("names no reviewer") != std::string::npos);
  BOOST_TEST(data_error([&] { merge_verdicts(d, "id,rating,reviewer,date\ns5,True,A,30/01/2025\n"); }).find("is not YYYY-MM-DD") != std::string::npos);
  BOOST_TEST(data_error([&] { merge_verdicts(d, "id,rating,reviewer\n\"s5,True,A\n"); }).find("unterminated") != std::string::npos);
  BOOST_TEST(data_error([&] { merge_verdicts(d, "{\"id\": \"s5\", \"rating\": \"True\"\n"); }).find("bad JSON") != std::string::npos);
  // Strict JSON: a bare word is no value ({"id":s5} was read as the id "s5"), refused with its
  // line and column; so are a line that is no object and a value after the object.
  auto json_error = [&](const std::string& text, std::size_t line, std::size_t column) {
    try {
      merge_verdicts(d, text);
    } catch (const DataError& e) {
      BOOST_TEST(std::string(e.what()).find("bad JSON") == 0u, e.what());
      BOOST_TEST(e.line() == line, text);
      BOOST_TEST(e.column() == column, text << " at column " << e.column());
      return;
    }
    BOOST_ERROR("accepted: " << text);
  };
  json_error("{\"id\":\"s1\",\"rating\":\"True\",\"reviewer\":\"A\"}\n{\"id\":s5,\"rating\":\"True\",\"reviewer\":\"A\"}\n", 2, 7);
  // The column is that of the last character the parser read: the ',' that ends "tru", the
  // end of the line after the 5.
  json_error("{\"id\":\"s5\",\"rating\":tru,\"reviewer\":\"A\"}\n", 1, 24);
  json_error("{\"id\":\"s5\",\"rating\":\"True\",\"reviewer\":\"A\"} 5\n", 1, 44);
  json_error("{\"id\":\"s5\",\"rating\":\"True\",\"reviewer\":\"A\"}\n[1]\n", 2, 1);
  // A nested value is skipped, a number is kept as written, null is empty.
  BOOST_TEST(data_error([&] {
               merge_verdicts(d, "{\"id\":\"s5\",\"rating\":\"True\",\"reviewer\":\"A\",\"x\":{\"id\":\"s99\"},\"note\":1.50,\"url\":null}\n");
             }) == "");
  BOOST_TEST(tei::write(d).find("1.50") != std::string::npos);
  d = fixture();
  before = tei::write(d);
  // A good row before a bad one: nothing is merged.
  BOOST_TEST(!data_error([&] { merge_verdicts(d, "id,rating,reviewer\ns5,True,A\ns98,False,A\n"); }).empty());
  BOOST_TEST(tei::write(d) == before);
  // Semicolon-separated (a spreadsheet in another locale) and a default reviewer.
  VerdictMergeOptions mo;
  mo.reviewer = "Desk";
  BOOST_TEST(merge_verdicts(d, "id;rating;note\ns5;True;ok\n", "x", mo).added == 1u);
  valid(d, "semicolons");
}

// VerdictMerge (jatei-merge verdicts: the TEI read a division at a time, twice) against
// merge_verdicts on the document read whole: the same bytes, report and errors, over every golden
// article, schema sample and the fixture, with a file of new verdicts by two reviewers, the same
// file again (nothing changes), one with an unknown id (refused; left out with skip_unknown) and
// a document whose body already holds the id the first reviewer would take.
namespace {

struct VerdictOutcome {
  VerdictMergeReport r;
  std::string out, error;
  std::vector<VerdictProblem> problems;
};

VerdictOutcome verdicts_whole(const std::string& xml, const std::string& csv, const VerdictMergeOptions& o) {
  VerdictOutcome w;
  Document d = tei::read(xml, "a.tei.xml");
  try {
    w.r = merge_verdicts(d, csv, "v.csv", o);
    w.out = tei::write(d);
  } catch (const VerdictErrors& e) {
    w.error = e.what();
    w.problems = e.problems();
  } catch (const DataError& e) {
    w.error = e.what();
  }
  return w;
}

VerdictOutcome verdicts_streamed(const std::string& xml, const std::string& csv, const VerdictMergeOptions& o) {
  VerdictOutcome s;
  VerdictMerge m(xml, "a.tei.xml");
  try {
    s.r = m.merge(csv, "v.csv", o);
    m.write([&](std::string_view piece) { s.out += piece; });
  } catch (const VerdictErrors& e) {
    s.error = e.what();
    s.problems = e.problems();
  } catch (const DataError& e) {
    s.error = e.what();
  }
  return s;
}

void same_verdicts(const std::string& xml, const std::string& csv, const VerdictMergeOptions& o, const std::string& what) {
  VerdictOutcome w = verdicts_whole(xml, csv, o), s = verdicts_streamed(xml, csv, o);
  BOOST_TEST((s.out == w.out), what);
  BOOST_TEST(s.error == w.error, what);
  BOOST_TEST(s.problems.size() == w.problems.size(), what);
  for (std::size_t k = 0; k < s.problems.size() && k < w.problems.size(); ++k)
    BOOST_TEST((s.problems[k].line == w.problems[k].line && s.problems[k].id == w.problems[k].id &&
                s.problems[k].message == w.problems[k].message),
               what);
  BOOST_TEST(s.r.added == w.r.added, what);
  BOOST_TEST(s.r.updated == w.r.updated, what);
  BOOST_TEST(s.r.unchanged == w.r.unchanged, what);
  BOOST_TEST(s.r.skipped == w.r.skipped, what);
  BOOST_TEST(s.r.left.size() == w.r.left.size(), what);
}

}  // namespace

BOOST_AUTO_TEST_CASE(streamed_equals_whole_document) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (auto dir : {"/tests/golden/expected", "/tests/schema/valid"})
    for (auto& e : fs::directory_iterator(std::string(JATEI_SOURCE_DIR) + dir)) files.push_back(e.path());
  files.push_back(kData + "dialogue.tei.xml");
  std::sort(files.begin(), files.end());
  std::size_t documents = 0, merged = 0;
  for (auto& path : files) {
    std::string xml = slurp(path.string());
    Document d;
    try {
      d = tei::read(xml, path.string());
    } catch (const DataError&) {
      BOOST_CHECK_THROW(VerdictMerge(xml, path.string()), DataError);  // tei::read's error, first
      continue;
    }
    auto sentences = d.sentences();
    if (sentences.empty()) continue;
    ++documents;
    const std::string name = path.filename().string();
    // Every third sentence: reviewer A, then B; one row without a rating.
    std::string csv = "id,rating,note,reviewer,url,date\n";
    for (std::size_t k = 0; k < sentences.size(); k += 3)
      if (!sentences[k]->id.empty())
        csv += sentences[k]->id + "," + (k % 2 ? "False" : "Mostly true") + ",note " + std::to_string(k) + "," +
               (k % 6 ? "Reviewer B" : "佐藤花子") + ",https://example.org/" + std::to_string(k) + ",2025-01-30\n";
    if (!sentences.back()->id.empty()) csv += sentences.back()->id + ",,still checking,A,,\n";
    VerdictMergeOptions none;
    same_verdicts(xml, csv, none, name + " new");
    VerdictOutcome once = verdicts_whole(xml, csv, none);
    if (!once.out.empty() && once.error.empty()) {
      ++merged;
      same_verdicts(once.out, csv, none, name + " again");
      same_verdicts(once.out, "id,rating,reviewer\n" + sentences.front()->id + ",True,佐藤花子\n", none, name + " updated");
    }
    const std::string unknown = csv + "s999999,False,A,,,\n";
    same_verdicts(xml, unknown, none, name + " unknown id");
    VerdictMergeOptions skip;
    skip.skip_unknown = true;
    same_verdicts(xml, unknown, skip, name + " skip unknown");
    same_verdicts(xml, "id,rating\n", none, name + " header only");
  }
  BOOST_TEST(documents >= 50u);
  BOOST_TEST(merged >= 50u);
  // The body holds the id a first reviewer would take: the next one is declared.
  std::string xml = slurp(kData + "dialogue.tei.xml");
  std::size_t at = xml.find("xml:id=\"p1\"");
  BOOST_REQUIRE(at != std::string::npos);
  xml.replace(at, 11, "xml:id=\"checker1\"");
  const std::string csv = "id,rating,reviewer\ns5,True,A\ns6,False,B\n";
  same_verdicts(xml, csv, {}, "checker1 taken");
  BOOST_TEST(verdicts_streamed(xml, csv, {}).out.find("<respStmt xml:id=\"checker2\">") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_problem_at_once_then_skip_unknown) {
  Document d = fixture();
  std::string before = tei::write(d);
  // Five rows: two clean, an unknown id, a bad date, a row without a reviewer, another unknown id.
  const std::string csv =
      "id,rating,reviewer,date\n"
      "s5,True,A,2025-01-30\n"
      "s77,False,A,\n"
      "s6,False,A,30/01/2025\n"
      "s11,Unproven,,\n"
      "#s88,False,A,\n"
      "s12,True,A,\n";
  std::vector<VerdictProblem> got;
  try {
    merge_verdicts(d, csv, "v.csv");
  } catch (const VerdictErrors& e) {
    got = e.problems();
    BOOST_TEST(e.line() == 3u);
    BOOST_TEST(std::string(e.what()).find("4 rows cannot be merged") != std::string::npos);
  }
  BOOST_REQUIRE(got.size() == 4u);
  BOOST_TEST(got[0].line == 3u);
  BOOST_TEST(got[0].id == "s77");
  BOOST_TEST(got[0].message.find("unknown id") != std::string::npos);
  BOOST_TEST(got[1].line == 4u);
  BOOST_TEST(got[1].id == "s6");
  BOOST_TEST(got[1].message.find("is not YYYY-MM-DD") != std::string::npos);
  BOOST_TEST(got[2].line == 5u);
  BOOST_TEST(got[2].id == "s11");
  BOOST_TEST(got[2].message.find("names no reviewer") != std::string::npos);
  BOOST_TEST(got[3].line == 6u);
  BOOST_TEST(got[3].id == "s88");
  BOOST_TEST(tei::write(d) == before);  // nothing merged

  // --skip-unknown: the unknown ids are left out and listed, the other problems still block.
  VerdictMergeOptions skip;
  skip.skip_unknown = true;
  got.clear();
  try {
    merge_verdicts(d, csv, "v.csv", skip);
  } catch (const VerdictErrors& e) {
    got = e.problems();
  }
  BOOST_REQUIRE(got.size() == 2u);
  BOOST_TEST(got[0].id == "s6");
  BOOST_TEST(got[1].id == "s11");
  BOOST_TEST(tei::write(d) == before);

  // Once the other rows are clean, the rest is merged and the unknown ones reported.
  const std::string fixed =
      "id,rating,reviewer,date\n"
      "s5,True,A,2025-01-30\n"
      "s77,False,A,\n"
      "s6,False,A,2025-01-30\n"
      "s11,Unproven,B,\n"
      "#s88,False,A,\n"
      "s12,True,A,\n";
  VerdictMergeReport r = merge_verdicts(d, fixed, "v.csv", skip);
  BOOST_TEST(r.added == 4u);
  BOOST_REQUIRE(r.left.size() == 2u);
  BOOST_TEST(r.left[0].line == 3u);
  BOOST_TEST(r.left[0].id == "s77");
  BOOST_TEST(r.left[1].line == 6u);
  BOOST_TEST(r.left[1].id == "s88");
  std::string out = tei::write(d);
  for (const char* id : {"#s5\"", "#s6\"", "#s11\"", "#s12\""})
    BOOST_TEST(out.find(std::string("target=\"") + id) != std::string::npos, id);
  BOOST_TEST(out.find("#s77") == std::string::npos);
  valid(d, "skip unknown");
  // JSON Lines: the line numbers are the file's, blank lines counted.
  Document j = fixture();
  try {
    merge_verdicts(j, "{\"id\": \"s5\", \"rating\": \"True\", \"reviewer\": \"A\"}\n\n{\"id\": \"s99\", \"rating\": \"x\"}\n"
                      "{\"id\": \"s6\", \"rating\": \"x\", \"reviewer\": \"A\", \"url\": \"a b\"}\n");
    BOOST_FAIL("no error");
  } catch (const VerdictErrors& e) {
    BOOST_REQUIRE(e.problems().size() == 2u);
    BOOST_TEST(e.problems()[0].line == 3u);
    BOOST_TEST(e.problems()[1].line == 4u);
    BOOST_TEST(e.problems()[1].message.find("contains spaces") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()
