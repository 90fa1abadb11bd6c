// A claims lexicon (cues.tsv format) and a gazetteer (names.tsv format) on any bytes: refused
// with a line, or merged into the built-in ones to annotate a document (tests/data/export/
// dialogue.txt, segmented) without changing its text, and the same again.
#include "fuzz.hpp"
#include "jatei/claims.hpp"
#include "jatei/error.hpp"
#include "jatei/segment.hpp"
#include "jatei/tei.hpp"

using namespace jatei;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Document base = segment_text(fuzz::source_file("tests/data/export/dialogue.txt"), {});
  static const std::string base_text = base.text();
  std::string_view input = fuzz::bytes_of(data, size);
  claims::Lexicon lexicon = claims::Lexicon::builtin();
  claims::Gazetteer gazetteer = claims::Gazetteer::builtin();
  bool any = false;
  try {
    lexicon.merge(claims::Lexicon::parse(input, "fuzz.tsv"));
    any = true;
  } catch (const DataError& e) {
    JATEI_FUZZ_CHECK(e.line() > 0, "a lexicon error without a line");
  }
  try {
    gazetteer.merge(claims::Gazetteer::parse(input, "fuzz.tsv"));
    any = true;
  } catch (const DataError& e) {
    JATEI_FUZZ_CHECK(e.line() > 0, "a gazetteer error without a line");
  }
  if (!any) return 0;
  claims::Options o;
  o.lexicon = &lexicon;
  o.gazetteer = &gazetteer;
  Document doc = base;
  claims::annotate(doc, o);
  std::string once = tei::write(doc);
  Document again = tei::read(once, "claims.xml");
  JATEI_FUZZ_CHECK(again.text() == base_text, "claims changed the text");
  claims::annotate(again, o);
  JATEI_FUZZ_CHECK(tei::write(again) == once, "claims again changed the document");
  return 0;
}
