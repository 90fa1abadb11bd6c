// A rules file (segment.rules format) on any bytes: refused with a line, or parsed into rules
// whose patterns match in bounded time and agree with themselves (a whole match is exactly a
// longest prefix that is the whole text), and that segment a text without losing a character.
#include <algorithm>
#include <vector>

#include "fuzz.hpp"
#include "jatei/error.hpp"
#include "jatei/rules.hpp"
#include "jatei/segment.hpp"

using namespace jatei;

namespace {
// Up to `max` lines of `all` appended to `out`.
void lines_of(std::string_view all, std::size_t max, std::vector<std::string_view>& out) {
  for (std::size_t pos = 0, n = 0; pos < all.size() && n < max; ++n) {
    std::size_t nl = std::min(all.find('\n', pos), all.size());
    out.push_back(all.substr(pos, nl - pos));
    pos = nl + 1;
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string text = fuzz::source_file("tests/data/export/dialogue.txt");
  static const char* const kSections[] = {"byline", "caption", "trailer", "boilerplate", "list-number",
                                          "list-bullet", "dateline", "sentence-start", "protected", "title"};
  std::string_view input = fuzz::bytes_of(data, size);
  Rules extra;
  try {
    extra = Rules::parse(input, "fuzz.rules");
  } catch (const DataError& e) {
    JATEI_FUZZ_CHECK(e.line() > 0, "a rules error without a line");
    return 0;
  }
  // The entries as patterns, and the input's own lines (patterns too, with the markers of a
  // rules file left in), against the lines of the input and of an article.
  std::vector<std::string> patterns;
  for (const char* s : kSections)
    for (auto& e : extra.section(s))
      if (patterns.size() < 24) patterns.push_back(e.pattern);
  std::vector<std::string_view> texts;
  lines_of(input, 8, texts);
  for (std::size_t k = 0; k < texts.size() && k < 8; ++k) patterns.emplace_back(texts[k]);
  lines_of(text, 24, texts);
  for (const std::string& p : patterns) {
    for (std::string_view t : texts) {
      bool whole = glob_match(p, t);
      std::size_t prefix = glob_prefix(p, t);
      JATEI_FUZZ_CHECK(whole == (prefix == t.size()), "glob_match and glob_prefix disagree on the whole text");
      JATEI_FUZZ_CHECK(prefix == std::string_view::npos || prefix <= t.size(), "glob_prefix past the text");
    }
  }
  Rules rules = Rules::builtin();
  try {
    extra.check_sections(rules);
  } catch (const DataError& e) {
    JATEI_FUZZ_CHECK(e.line() > 0, "an unknown section without a line");
    return 0;
  }
  rules.merge(extra);
  SegmentOptions so;
  so.rules = &rules;
  Document doc = segment_text(text, so);
  JATEI_FUZZ_CHECK(doc.text() == text, "segmentation with these rules lost characters");
  return 0;
}
