// Unit tests for the stages run a few divisions at a time (jatei::annotate_parts, issue 15): on
// documents larger than a part, the bytes and the --explain lines of each such stage are those
// of its StageRun on the whole document, whatever the size of the parts, and a part is cut
// where the stage allows (the document is not held whole).
#define BOOST_TEST_MODULE stage_parts
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "jatei/error.hpp"
#include "jatei/pipeline.hpp"
#include "jatei/segment.hpp"
#include "jatei/tei.hpp"

namespace fs = std::filesystem;
using jatei::Document;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const jatei::Stage& stage(const std::string& name) {
  for (auto& s : jatei::document_stages())
    if (s.name == name) return s;
  throw std::runtime_error("no stage " + name);
}

// The corpora's articles one after the other, round after round (about 400 KB of text), segmented, and with `before` run on it.
std::string large_document(const std::vector<std::string>& before) {
  std::string text;
  std::vector<fs::path> files;
  for (auto& e : fs::directory_iterator(fs::path(JATEI_SOURCE_DIR) / "corpora"))
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (std::size_t i = 0; !files.empty() && text.size() < 400000; ++i) text += slurp(files[i % files.size()]) + "\n";
  Document d = jatei::segment_text(text, {});
  for (auto& name : before) stage(name).configure({})(d, nullptr);
  return jatei::tei::write(d);
}

struct Output {
  std::string xml, explain;
  std::size_t parts = 0;
};

// The stage on the whole document, as the tools ran it before.
Output whole(const jatei::Stage& s, const std::string& xml) {
  Output o;
  std::ostringstream explain;
  Document d = jatei::tei::read(xml, "x.xml");
  s.configure({})(d, &explain);
  o.xml = jatei::tei::write(d);
  o.explain = explain.str();
  return o;
}

// The stage a few divisions at a time, parts of `part_bytes` of text.
Output in_parts(const jatei::Stage& s, std::string xml, std::size_t part_bytes) {
  Output o;
  std::ostringstream explain;
  jatei::StagePartsMaker maker = s.configure_parts({});
  jatei::StagePartsMaker counting = [&](std::ostream* e) {
    jatei::StageParts p = maker(e);
    auto annotate = p.annotate;
    p.annotate = [&o, annotate](Document& part) {
      ++o.parts;
      annotate(part);
    };
    return p;
  };
  jatei::annotate_parts(std::move(xml), "x.xml", counting, [&](std::string_view piece) { o.xml += piece; }, &explain,
                        part_bytes);
  o.explain = explain.str();
  return o;
}

void same_in_parts(const std::string& name, const std::string& xml, std::size_t min_parts) {
  const jatei::Stage& s = stage(name);
  Output w = whole(s, xml);
  for (std::size_t bytes : {std::size_t(0), std::size_t(2000), std::size_t(64) << 10, std::size_t(1) << 30}) {
    Output p = in_parts(s, xml, bytes);
    BOOST_TEST(p.xml == w.xml, name << ", parts of " << bytes << " bytes: not the bytes of the whole");
    BOOST_TEST(p.explain == w.explain, name << ", parts of " << bytes << " bytes: not the explanations of the whole");
    if (bytes == 0) BOOST_TEST(p.parts >= min_parts, name << ": " << p.parts << " parts");
    if (bytes == std::size_t(1) << 30) BOOST_TEST(p.parts == 1u);
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(claims_in_parts_gives_the_bytes_of_the_whole) {
  // Segmented, and with the speakers' turns (<sp>, participants in the header).
  std::string segmented = large_document({});
  BOOST_TEST(segmented.size() > 300000u);
  same_in_parts("claims", segmented, 20);
  std::string spoken = large_document({"speakers"});
  BOOST_TEST(spoken.find("<sp ") != std::string::npos);
  same_in_parts("claims", spoken, 20);
}

BOOST_AUTO_TEST_CASE(terms_in_parts_gives_the_bytes_of_the_whole) {
  // Read twice (a gloss decides the sense of a term met before it; the ids and the header's
  // terminology notes are the whole document's): the bytes and lines of the whole.
  std::string segmented = large_document({});
  same_in_parts("terms", segmented, 20);
  // Its own earlier markup (ids kept by place), beside the other stages' spans and turns.
  std::string annotated = large_document({"speakers", "claims", "terms"});
  BOOST_TEST(annotated.find("<term ") != std::string::npos);
  BOOST_TEST(annotated.find("type=\"terminology\"") != std::string::npos);
  same_in_parts("terms", annotated, 20);
}

BOOST_AUTO_TEST_CASE(a_document_the_stream_does_not_take_is_read_whole) {
  // A header after <text>: read_blocks would hand it to the tree reader; annotate_parts reads it
  // whole from the start, one part, same bytes.
  std::string xml =
      "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"s1\">"
      "2024年に売上は3億円だった。</s></p></div></body></text><teiHeader><fileDesc><titleStmt><title>t</title>"
      "</titleStmt></fileDesc></teiHeader></TEI>";
  BOOST_TEST(!jatei::tei::streams(xml, "x.xml"));
  Output w = whole(stage("claims"), xml);
  Output p = in_parts(stage("claims"), xml, 0);
  BOOST_TEST(p.xml == w.xml);
  BOOST_TEST(p.parts == 1u);
  // A stage read twice finds it out on its first read, and starts again on the whole document.
  std::string glossed =
      "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><div type=\"article\"><p xml:id=\"p1\"><s xml:id=\"s1\">"
      "大規模言語モデル（LLM）の蒸留が進んだ。</s></p></div><div type=\"article\"><p xml:id=\"p2\"><s xml:id=\"s2\">"
      "LLMの推論は速い。</s></p></div></body></text><teiHeader><fileDesc><titleStmt><title>t</title>"
      "</titleStmt></fileDesc></teiHeader></TEI>";
  BOOST_TEST(!jatei::tei::streams(glossed, "x.xml"));
  Output tw = whole(stage("terms"), glossed);
  Output tp = in_parts(stage("terms"), glossed, 0);
  BOOST_TEST(tw.xml.find("<term ") != std::string::npos);
  BOOST_TEST(tp.xml == tw.xml);
  BOOST_TEST(tp.explain == tw.explain);
  BOOST_TEST(tp.parts == 1u);
}

BOOST_AUTO_TEST_CASE(an_error_in_the_input_comes_before_any_output) {
  std::string xml = large_document({});
  xml.insert(xml.rfind("</div>"), "<p xml:id=\"p1\"><s>dup</s></p>");  // p1 twice, near the end
  std::string out;
  BOOST_CHECK_THROW(jatei::annotate_parts(std::string(xml), "x.xml", stage("claims").configure_parts({}),
                                          [&](std::string_view piece) { out += piece; }, nullptr, 0),
                    jatei::DataError);
  BOOST_TEST(out.empty());
}

BOOST_AUTO_TEST_CASE(an_error_of_the_stage_is_its_own) {
  // A DataError the stage throws while the reader hands it divisions (a data file read at first
  // use) comes out as it is: the reader does not take it for its own and start again.
  std::string xml = large_document({});
  jatei::StagePartsMaker failing = [](std::ostream*) {
    jatei::StageParts p;
    p.header = [](Document&) {};
    p.cut_before = [](const jatei::Division&) { return true; };
    p.annotate = [](Document&) { throw jatei::DataError("entities.tsv: an unknown list", 3, 1); };
    p.finish = [] {};
    return p;
  };
  std::string out;
  try {
    jatei::annotate_parts(std::move(xml), "x.xml", failing, [&](std::string_view piece) { out += piece; }, nullptr, 0);
    BOOST_FAIL("no error");
  } catch (const jatei::DataError& e) {
    BOOST_TEST(std::string(e.what()).find("unknown list") != std::string::npos);
  }
}

// jatei-annotate runs the claims stage over the document it holds in memory a few divisions at
// a time (annotate_parts on a Document): the bytes and --explain lines of the StageRun on the
// whole, for a document read from TEI and for one as jatei-annotate has it (segmented and
// annotated in memory, never written), whatever the size of the parts; terms (read twice: the
// survey sees a copy of each part) likewise.
BOOST_AUTO_TEST_CASE(a_document_in_memory_in_parts_gives_the_bytes_of_the_whole) {
  auto in_memory = [](const jatei::Stage& s, Document d, std::size_t part_bytes, std::size_t& parts) {
    std::ostringstream explain;
    jatei::StagePartsMaker maker = s.configure_parts({});
    jatei::StagePartsMaker counting = [&](std::ostream* e) {
      jatei::StageParts p = maker(e);
      auto annotate = p.annotate;
      p.annotate = [&parts, annotate](Document& part) {
        ++parts;
        annotate(part);
      };
      return p;
    };
    jatei::annotate_parts(d, counting, &explain, part_bytes);
    return jatei::tei::write(d) + "\n--explain--\n" + explain.str();
  };
  auto whole_of = [](const jatei::Stage& s, Document d) {
    std::ostringstream explain;
    s.configure({})(d, &explain);
    return jatei::tei::write(d) + "\n--explain--\n" + explain.str();
  };
  // As jatei-annotate holds it: segmented and with the speakers' turns, in memory.
  std::string text;
  std::vector<fs::path> files;
  for (auto& e : fs::directory_iterator(fs::path(JATEI_SOURCE_DIR) / "corpora"))
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (std::size_t i = 0; !files.empty() && text.size() < 400000; ++i) text += slurp(files[i % files.size()]) + "\n";
  Document held = jatei::segment_text(text, {});
  stage("speakers").configure({})(held, nullptr);
  Document read = jatei::tei::read(large_document({"speakers", "claims"}), "x.xml");
  for (const char* name : {"claims", "terms"}) {
    const jatei::Stage& s = stage(name);
    for (const Document* d : {&held, &read}) {
      const std::string want = whole_of(s, *d);
      for (std::size_t bytes : {std::size_t(0), std::size_t(2000), std::size_t(64) << 10, std::size_t(1) << 30}) {
        std::size_t parts = 0;
        BOOST_TEST(in_memory(s, *d, bytes, parts) == want, name << ", parts of " << bytes << " bytes");
        if (bytes == 0) BOOST_TEST(parts >= 20u, name << ": " << parts << " parts");
        if (bytes == std::size_t(1) << 30) BOOST_TEST(parts == 1u);
      }
    }
  }
}
