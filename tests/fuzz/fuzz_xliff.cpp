// A translated XLIFF merged into a document (tests/data/export/dialogue.tei.xml): refused with
// the document unchanged, or merged into a document that is written, read back and merged again
// to the same bytes, its source text untouched. The streamed merge (XliffMerge: libxml2's reader
// where the whole merge has pugixml) decides only what the whole merge takes, the same way.
#include "fuzz.hpp"
#include "jatei/error.hpp"
#include "jatei/merge.hpp"
#include "jatei/tei.hpp"

using namespace jatei;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string base_xml = fuzz::source_file("tests/data/export/dialogue.tei.xml");
  static const Document base = tei::read(base_xml, "dialogue.tei.xml");
  static const std::string base_out = tei::write(base);
  std::string_view xliff = fuzz::bytes_of(data, size);
  Document doc = base;
  XliffMerge streamed(base_xml, "dialogue.tei.xml");
  XliffMergeReport streamed_report;
  bool decided = streamed.read(xliff, streamed_report);
  XliffMergeReport report;
  try {
    report = merge_xliff(doc, xliff, "fuzz.xlf");
  } catch (const DataError&) {
    JATEI_FUZZ_CHECK(tei::write(doc) == base_out, "a refused XLIFF changed the document");
    JATEI_FUZZ_CHECK(!decided, "the streamed merge took an XLIFF the whole merge refuses");
    return 0;
  }
  std::string merged = tei::write(doc);
  if (decided) {
    std::string out;
    streamed.write([&](std::string_view piece) { out += piece; });
    JATEI_FUZZ_CHECK(out == merged, "the streamed merge wrote other bytes");
    JATEI_FUZZ_CHECK(streamed_report.translated == report.translated && streamed_report.lang == report.lang &&
                         streamed_report.version == report.version && streamed_report.untranslated == report.untranslated &&
                         streamed_report.repeated == report.repeated,
                     "the streamed merge reported otherwise");
  }
  Document back = tei::read(merged, "merged.xml");
  JATEI_FUZZ_CHECK(back.text() == base.text(), "merging changed the source text");
  merge_xliff(back, xliff, "fuzz.xlf");  // accepted once, accepted again
  JATEI_FUZZ_CHECK(tei::write(back) == merged, "merging the same XLIFF again changed the document");
  return 0;
}
