// The TEI reader on any bytes, then every stage: a document read is written to bytes that read
// back to the same bytes; the stages keep its text; every stage run again changes nothing.
#include "fuzz.hpp"
#include "jatei/error.hpp"
#include "jatei/pipeline.hpp"
#include "jatei/tei.hpp"

using namespace jatei;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
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
    return 0;  // refused with a place: what a reader should do with bad input
  }
  JATEI_FUZZ_CHECK(in_place_error.empty() && in_place == doc, "read_in_place reads another document");
  const std::string text = doc.text();
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
