// The TBX reader (2019 and 2008) on any bytes; a termbase it accepts is written as TBX-Basic
// that reads back and is written again to the same bytes, and marks the terms of a document
// (tests/data/export/dialogue.txt, segmented) without changing its text, twice the same.
#include <memory>

#include "fuzz.hpp"
#include "jatei/error.hpp"
#include "jatei/segment.hpp"
#include "jatei/tbx.hpp"
#include "jatei/tei.hpp"
#include "jatei/terms.hpp"

using namespace jatei;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Document base = segment_text(fuzz::source_file("tests/data/export/dialogue.txt"), {});
  static const std::string base_text = base.text();
  tbx::Termbase tb;
  try {
    tb = tbx::read(fuzz::bytes_of(data, size), "fuzz.tbx");
  } catch (const DataError&) {
    return 0;
  }
  std::string written = tbx::write(tb);
  tbx::Termbase back = tbx::read(written, "written.tbx");  // must not throw: our own output
  JATEI_FUZZ_CHECK(tbx::write(back) == written, "read(write(tb)) is not written to the same bytes");

  terms::Annotator annotator({std::make_shared<const tbx::Termbase>(std::move(tb))});
  Document doc = base;
  annotator.annotate(doc);
  std::string once = tei::write(doc);
  Document again = tei::read(once, "terms.xml");
  JATEI_FUZZ_CHECK(again.text() == base_text, "marking terms changed the text");
  annotator.annotate(again);
  JATEI_FUZZ_CHECK(tei::write(again) == once, "marking terms again changed the document");
  return 0;
}
