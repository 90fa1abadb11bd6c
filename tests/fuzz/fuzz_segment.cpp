// Decoding and segmentation of any bytes: nothing lost (the document's text is the decoded
// text), what is written is read back to the same bytes, the streaming writers give the bytes
// of tei::write(segment()), and so does the two-thread path.
#include "fuzz.hpp"
#include "jatei/decode.hpp"
#include "jatei/error.hpp"
#include "jatei/segment.hpp"
#include "jatei/tei.hpp"

using namespace jatei;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes = fuzz::bytes_of(data, size);
  for (bool replace : {false, true}) {
    DecodeOptions d;
    d.replace_invalid = replace;
    Decoded decoded;
    try {
      decoded = decode(bytes, d);
    } catch (const DataError&) {
      JATEI_FUZZ_CHECK(!replace, "decoding failed under replace_invalid");
      continue;
    }
    SegmentOptions so;
    so.source_name = "fuzz.txt";
    Document doc = segment(decoded, so);
    JATEI_FUZZ_CHECK(doc.text() == decoded.view(), "the document's text is not the decoded text");
    std::string xml = tei::write(doc);
    Document back = tei::read(xml, "fuzz.xml");
    JATEI_FUZZ_CHECK(back.text() == decoded.view(), "the written TEI does not give the text back");
    JATEI_FUZZ_CHECK(tei::write(back) == xml, "read(write(d)) is not written to the same bytes");

    std::string streamed;
    tei::StreamWriter w([&](std::string_view chunk) { streamed += chunk; });
    segment_to(decoded, so, w);
    JATEI_FUZZ_CHECK(streamed == xml, "segment_to() differs from tei::write(segment())");

    std::string from_bytes;
    tei::StreamWriter wb([&](std::string_view chunk) { from_bytes += chunk; });
    DecodeOptions borrow = d;
    borrow.may_borrow = true;
    segment_bytes_to(bytes, borrow, so, wb);
    JATEI_FUZZ_CHECK(from_bytes == xml, "segment_bytes_to() differs from tei::write(segment())");

    // The second thread on this text (on one input in eight: handing work to a thread costs
    // far more than segmenting a short text, and the input decides, so a finding replays).
    if (size % 8 == 0) {
      SegmentOptions threads = so;
      threads.parallel_min_bytes = 0;
      JATEI_FUZZ_CHECK(tei::write(segment(decoded, threads)) == xml, "the two-thread path differs");
    }
  }
  return 0;
}
