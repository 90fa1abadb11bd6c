// jatei-bench-icu FILE: the baseline of `make bench`. Runs ICU's sentence BreakIterator
// (locale ja) over a UTF-8 file through UText (no conversion to UTF-16) and prints the number
// of sentences. Nothing else: this is the cost of the bare iterator, file read included.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: jatei-bench-icu FILE\n");
    return 64;
  }
  std::ifstream in(argv[1], std::ios::binary | std::ios::ate);
  if (!in) {
    std::fprintf(stderr, "jatei-bench-icu: cannot open %s\n", argv[1]);
    return 66;
  }
  std::string text(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!text.empty() && !in.read(text.data(), static_cast<std::streamsize>(text.size()))) {
    std::fprintf(stderr, "jatei-bench-icu: read error on %s\n", argv[1]);
    return 74;
  }
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createSentenceInstance(icu::Locale::getJapanese(), status));
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "jatei-bench-icu: ICU error %s\n", u_errorName(status));
    return 70;
  }
  bi->setText(ut, status);
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "jatei-bench-icu: ICU error %s\n", u_errorName(status));
    return 70;
  }
  long long sentences = 0;
  for (int32_t p = bi->first(); (p = bi->next()) != icu::BreakIterator::DONE;) ++sentences;
  bi.reset();
  utext_close(ut);
  std::printf("%lld\n", sentences);
  return 0;
}
