// Unit tests for the TEI reader that reads a block at a time (tei::read, tei::read_blocks,
// tei::text_of): on every document, the same model, text and errors as the reader that parses
// the whole tree (tei::read_tree), on documents larger than the pieces it parses, and on the
// layouts it hands over to that reader.
#define BOOST_TEST_MODULE tei_stream
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "jatei/error.hpp"
#include "jatei/pipeline.hpp"
#include "jatei/segment.hpp"
#include "jatei/tei.hpp"
#include "tei/read_tree.hpp"
#include "tei_fixture.hpp"

namespace fs = std::filesystem;
using jatei::DataError;
using jatei::Document;

namespace {

using tei_fixture::slurp;

// Collects what read_blocks hands over into a Document, as a tool that streams would see it.
class Collect : public jatei::tei::BlockHandler {
 public:
  Document doc;
  int restarts = 0;
  void begin(Document& d) override {
    BOOST_TEST(d.divisions.empty());
    doc = d;
  }
  void division(jatei::Division&& d) override {
    BOOST_TEST(d.turns.empty());
    doc.divisions.push_back(std::move(d));
  }
  void block(jatei::Block&& b, std::size_t run) override {
    BOOST_TEST(run >= 1u);
    auto& turns = doc.divisions.back().turns;
    if (turns.empty() || turns.back().spoken()) turns.emplace_back();
    turns.back().blocks.push_back(std::move(b));
  }
  void turn(jatei::Turn&& t) override { doc.divisions.back().turns.push_back(std::move(t)); }
  void end(Document& d) override {
    doc.tail = d.tail;
    doc.back = d.back;
    doc.after_text = d.after_text;
    doc.standoff = d.standoff;
  }
  void restart() override {
    doc = Document();
    ++restarts;
  }
};

// Both readers on `xml`: the same document, text and serialisation, or the same error.
void same(const std::string& xml, const std::string& what) {
  std::string tree_error, stream_error, blocks_error, text_error;
  Document tree, stream;
  try {
    tree = jatei::tei::read_tree(xml, "x.xml");
  } catch (const DataError& e) {
    tree_error = std::string(e.what()) + " " + std::to_string(e.line()) + ":" + std::to_string(e.column());
  }
  try {
    stream = jatei::tei::read(xml, "x.xml");
  } catch (const DataError& e) {
    stream_error = std::string(e.what()) + " " + std::to_string(e.line()) + ":" + std::to_string(e.column());
  }
  BOOST_TEST(stream_error == tree_error, what);
  try {
    Document in_place = jatei::tei::read_in_place(std::string(xml), "x.xml");
    BOOST_TEST((in_place == tree), what << ": read_in_place");
  } catch (const DataError& e) {
    BOOST_TEST(std::string(e.what()) + " " + std::to_string(e.line()) + ":" + std::to_string(e.column()) == tree_error, what);
  }
  Collect c;
  try {
    jatei::tei::read_blocks(xml, "x.xml", c);
  } catch (const DataError& e) {
    blocks_error = std::string(e.what()) + " " + std::to_string(e.line()) + ":" + std::to_string(e.column());
  }
  BOOST_TEST(blocks_error == tree_error, what);
  std::string text;
  try {
    text = jatei::tei::text_of(xml, "x.xml");
  } catch (const DataError& e) {
    text_error = std::string(e.what()) + " " + std::to_string(e.line()) + ":" + std::to_string(e.column());
  }
  BOOST_TEST(text_error == tree_error, what);
  if (!tree_error.empty()) return;
  BOOST_TEST((stream == tree), what << ": read differs from read_tree");
  BOOST_TEST((c.doc == tree), what << ": read_blocks differs from read_tree");
  BOOST_TEST(text == tree.text(), what << ": text_of differs");
  BOOST_TEST(jatei::tei::write(stream) == jatei::tei::write(tree), what);
}

std::string tei(const std::string& body, const std::string& around_text = "", const std::string& after_root = "") {
  tei_fixture::Parts parts;
  parts.before_root = "<!-- before -->\n";
  parts.header_attrs = " xml:id=\"hd\"";
  parts.around_text = around_text;
  parts.after_root = after_root;
  return tei_fixture::document(body, parts);
}

// A document larger than the reader's pieces (64 KB): the corpora's articles, one after the
// other, segmented and annotated by every stage (turns, claims, terms).
std::string large_document() {
  std::string text;
  std::vector<fs::path> files = tei_fixture::corpus_files();
  for (std::size_t i = 0; i < files.size() && text.size() < 400000; ++i) text += slurp(files[i]) + "\n";
  Document d = jatei::segment_text(text, {});
  for (auto& stage : jatei::document_stages()) stage.configure({})(d, nullptr);
  return jatei::tei::write(d);
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_large_annotated_document_reads_the_same) {
  std::string xml = large_document();
  BOOST_TEST(xml.size() > 300000u);
  BOOST_TEST(xml.find("<sp ") != std::string::npos);
  same(xml, "large");
  // Divisions parsed in pieces of one child, of a few, of many.
  for (std::size_t bytes : {1, 300, 5000}) {
    jatei::tei::set_fragment_bytes(bytes);
    same(xml, "large, pieces of " + std::to_string(bytes) + " bytes");
  }
  jatei::tei::set_fragment_bytes(std::size_t(64) << 10);
  Collect c;
  jatei::tei::read_blocks(xml, "x.xml", c);
  BOOST_TEST(c.restarts == 0, "the stream handed a jatei document over to the tree reader");
}

BOOST_AUTO_TEST_CASE(layouts_the_stream_takes_and_those_it_hands_over) {
  std::string blocks = "<div type=\"article\" xml:id=\"d1\">\n<p xml:id=\"p1\"><s xml:id=\"s1\">本文。</s></p>"
                       "<!-- 註 --><?pi x?>\n<list xml:id=\"l1\"><item xml:id=\"i1\"><s xml:id=\"s2\">項目</s></item></list>"
                       "<sp who=\"#a\"><speaker>A</speaker><p xml:id=\"p2\"><s xml:id=\"s3\">はい。</s></p></sp>\n"
                       "<p xml:id=\"p3\"><s xml:id=\"s4\">&lt;終&gt;</s></p><unknown a=\"1\">x</unknown>\n</div>\n";
  std::vector<std::pair<std::string, std::string>> cases = {
      {"plain", tei(blocks)},
      {"empty body", tei("")},
      {"empty div", tei("<div type=\"article\"/>\n<div type=\"x\"></div>")},
      {"a translation division", tei(blocks + "<div type=\"translation\" xml:lang=\"en\">\n<p><s>Text.</s></p>\n</div>")},
      {"front, back, comments around text", tei(blocks, "  <!-- c --><facsimile/>\n").replace(
                                                 tei(blocks, "  <!-- c --><facsimile/>\n").find("<text>"), 6, "<text rend=\"x\"><front><p>f</p></front>")},
      {"standOff and more after text", tei(blocks).replace(tei(blocks).find("</TEI>"), 6,
                                                            "<standOff><listAnnotation/></standOff><!-- after --></TEI>")},
      {"a comment after the root", tei(blocks, "", "<!-- end -->\n")},
      {"CR and a reference between divisions", tei("<div type=\"a\"><p><s>x</s></p></div>&#10;\r\n<div type=\"b\"/>")},
      {"CDATA in a division", tei("<div type=\"a\"><![CDATA[ ]]><p><s>x</s></p></div>")},
      {"header after text", "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><div><p><s>x</s></p></div></body></text>"
                            "<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt></fileDesc></teiHeader></TEI>"},
      {"text in a division", tei("<div type=\"a\">loose<p><s>x</s></p></div>")},
      {"a duplicate id", tei(blocks + "<div xml:id=\"p1\"/>")},
      {"a duplicate id in the header", tei("<div xml:id=\"hd\"/>")},
      {"a mismatched end tag", tei("<div type=\"a\"><p><s>x</s></q></div>")},
      {"a truncated document", tei(blocks).substr(0, tei(blocks).find("<list"))},
      {"a truncated tag", tei(blocks).substr(0, tei(blocks).find("<list") + 3)},
      {"no body", "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text/></TEI>"},
      {"another root", tei(blocks, "", "<TEI/>")},
      {"not TEI", "<html><body/></html>"},
      {"no namespace", "<TEI><teiHeader/><text><body/></text></TEI>"},
      {"empty", ""},
      {"an <sp> without @who", tei("<div><sp><p><s>x</s></p></sp></div>")},
      {"a block in the body", tei("<p><s>x</s></p>")},
      {"an attribute with '>'", tei("<div type=\"a>b\" n='x\"y'><p rend=\"<>\"><s>x</s></p></div>")},
      // Processing instructions whose target is not a name (the fuzzer's <?x[l …?>): refused by
      // every reader alike, in the prologue, in a division and after the root.
      {"a PI target that is not a name", "<?x[l version=\"1.0\"?>\n" + tei(blocks)},
      {"a PI target glued to its data", tei("<div type=\"a\"><?pi\"x\"?><p><s>x</s></p></div>")},
      {"a PI without a target", tei(blocks, "", "<?" "?>\n")},
      {"a PI target starting with a digit", tei("<div type=\"a\"><?1pi x?><p><s>x</s></p></div>")},
      {"PIs with good targets", tei("<div type=\"a\"><?a-b.c_d:e x?><?x?><?日本 ok?><p><s>x</s></p></div>")},
  };
  for (std::size_t bytes : {1, 40, 65536}) {
    jatei::tei::set_fragment_bytes(bytes);
    for (auto& [what, xml] : cases) same(xml, what + " (pieces of " + std::to_string(bytes) + ")");
  }
  // Too deep: past the limit inside a block.
  std::string deep = "<div type=\"a\"><p><s>";
  for (int i = 0; i < 300; ++i) deep += "<hi>";
  deep += "x";
  for (int i = 0; i < 300; ++i) deep += "</hi>";
  same(tei(deep + "</s></p></div>"), "too deep");
}
