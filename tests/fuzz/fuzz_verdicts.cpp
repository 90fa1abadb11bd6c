// A checker's verdicts (CSV or JSON Lines) merged into a document: refused with the document
// unchanged, or merged into one that is written, read back and merged again to the same bytes.
#include "fuzz.hpp"
#include "jatei/error.hpp"
#include "jatei/merge.hpp"
#include "jatei/tei.hpp"

using namespace jatei;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string base_xml = fuzz::source_file("tests/data/export/dialogue.tei.xml");
  static const Document base = tei::read(base_xml, "dialogue.tei.xml");
  static const std::string base_out = tei::write(base);
  std::string_view verdicts = fuzz::bytes_of(data, size);
  Document doc = base;
  try {
    merge_verdicts(doc, verdicts, "fuzz.csv");
  } catch (const DataError&) {
    JATEI_FUZZ_CHECK(tei::write(doc) == base_out, "refused verdicts changed the document");
    return 0;
  }
  std::string merged = tei::write(doc);
  Document back = tei::read(merged, "merged.xml");
  JATEI_FUZZ_CHECK(back.text() == base.text(), "merging changed the source text");
  merge_verdicts(back, verdicts, "fuzz.csv");
  JATEI_FUZZ_CHECK(tei::write(back) == merged, "merging the same verdicts again changed the document");
  return 0;
}
