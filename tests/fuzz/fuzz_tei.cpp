// The TEI reader on any bytes, then every stage: a document read is written to bytes that read
// back to the same bytes; the stages keep its text; every stage run again changes nothing. The
// reader that goes a block at a time (read, read_in_place, text_of) answers as the one that
// parses the whole tree (read_tree): the same document and text, or the same error.
#include "fuzz.hpp"
#include "jatei/error.hpp"
#include "jatei/pipeline.hpp"
#include "jatei/tei.hpp"
#include "tei/read_tree.hpp"

using namespace jatei;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string tree_error;  // the whole-tree reader's refusal, else empty
  Document tree;
  try {
    tree = tei::read_tree(fuzz::bytes_of(data, size), "fuzz.xml");
  } catch (const DataError& e) {
    tree_error = std::to_string(e.line()) + ":" + std::to_string(e.column()) + " " + e.what();
  }
  std::string text_error, streamed_text;
  try {
    streamed_text = tei::text_of(fuzz::bytes_of(data, size), "fuzz.xml");
  } catch (const DataError& e) {
    text_error = std::to_string(e.line()) + ":" + std::to_string(e.column()) + " " + e.what();
  }
  JATEI_FUZZ_CHECK(text_error == tree_error, "text_of refuses it otherwise than read_tree");
  Document doc;
  std::string in_place_error;  // read_in_place's refusal (line:column message), else empty
  Document in_place;
  try {
    in_place = tei::read_in_place(std::string(fuzz::bytes_of(data, size)), "fuzz.xml");
  } catch (const DataError& e) {
    in_place_error = std::to_string(e.line()) + ":" + std::to_string(e.column()) + " " + e.what();
  }
  try {
    doc = tei::read(fuzz::bytes_of(data, size), "fuzz.xml");
  } catch (const DataError& e) {
    JATEI_FUZZ_CHECK(in_place_error == std::to_string(e.line()) + ":" + std::to_string(e.column()) + " " + e.what(),
                     "read_in_place refuses it otherwise");
    JATEI_FUZZ_CHECK(tree_error == in_place_error, "read refuses it otherwise than read_tree");
    return 0;  // refused with a place: what a reader should do with bad input
  }
  JATEI_FUZZ_CHECK(in_place_error.empty() && in_place == doc, "read_in_place reads another document");
  JATEI_FUZZ_CHECK(tree_error.empty() && tree == doc, "read reads another document than read_tree");
  const std::string text = doc.text();
  JATEI_FUZZ_CHECK(streamed_text == text, "text_of gives another text");
  std::string once = tei::write(doc);
  std::string pieces;
  tei::write(doc, [&](std::string_view p) { pieces += p; }, 64);
  JATEI_FUZZ_CHECK(pieces == once, "write to a sink gives other bytes");
  Document again = tei::read(once, "once.xml");  // must not throw: the writer's own output
  JATEI_FUZZ_CHECK(again.text() == text, "the written document's text differs");
  JATEI_FUZZ_CHECK(tei::write(again) == once, "read(write(d)) is not written to the same bytes");

  static const Pipeline stages({}, {});  // every stage with its built-in data, configured once
  stages.annotate(again, nullptr);
  std::string staged = tei::write(again);
  Document third = tei::read(staged, "staged.xml");
  JATEI_FUZZ_CHECK(third.text() == text, "the stages changed the text");
  stages.annotate(third, nullptr);
  JATEI_FUZZ_CHECK(tei::write(third) == staged, "a second run of the stages changed the document");
  return 0;
}
