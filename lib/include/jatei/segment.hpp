// Text -> Document: blocks (paragraphs, lists, quotes, captions, trailers, bylines,
// boilerplate, summary, title) and sentences.
//
//   jatei::Decoded d = jatei::decode(bytes);
//   jatei::SegmentOptions o; o.source_name = "article.txt";
//   jatei::Document doc = jatei::segment(d, o);
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jatei/decode.hpp"
#include "jatei/document.hpp"
#include "jatei/rules.hpp"
#include "jatei/tei.hpp"

namespace jatei {

inline constexpr const char* kVersion = "0.1.0";

struct SegmentOptions {
  std::string source_name = "-";  // file name for the header
  std::string title;              // overrides the title line / file name
  const Rules* rules = nullptr;   // nullptr = Rules::builtin()
  // Texts of at least this many bytes have their lines classified and split into sentences by two
  // threads, 1,024 lines at a time from a shared counter (the same result; DEVELOPING.md).
  std::size_t parallel_min_bytes = 256 * 1024;
};

// A sentence's byte range within a line (no leading or trailing whitespace).
using Range = std::pair<std::size_t, std::size_t>;

// Splits one line (no line break inside) into sentences.
std::vector<Range> split_sentences(std::string_view line, const Rules& rules);

// The same for many lines: the rules sections splitting consults are looked up once. Holds
// pointers into the Rules, which must outlive it. split() may be called from several threads.
class SentenceSplitter {
 public:
  explicit SentenceSplitter(const Rules& rules);
  // Appends the sentences of one line (no line break inside) to out. `valid_utf8`: the caller
  // knows the line is well-formed UTF-8 (as decoded text is), which lets the kana and kanji be
  // stepped over 32 bytes at a time where the processor can; the result is the same.
  void split(std::string_view line, std::vector<Range>& out, bool valid_utf8 = false) const;

  struct Sections {
    const std::vector<RuleEntry>*starts, *continuations, *protected_, *emoticon_words, *symbols, *abbreviations,
        *particles, *predicates;
  };

  // The patterns no sentence ends inside (URL schemes, whose match extends over the URL, and
  // the protected names), and the code points they start with, looked up for every one.
  struct Index {
    struct Pattern {
      std::string text;
      bool url = false;
    };
    std::vector<Pattern> protected_patterns;
    std::array<std::uint64_t, 1024> first_bits{};  // U+0000-U+FFFF, a bit each
    bool astral_first = false;                     // some pattern starts above U+FFFF
    // The first characters of patterns that are kana or kanji (their UTF-8 bytes): a run of
    // them stops there. At most kMaxStops, or the runs are only looked for one by one.
    static constexpr std::size_t kMaxStops = 8;
    std::vector<std::array<unsigned char, 3>> plain_stops;
    bool may_start_protected(char32_t c) const {
      return c < 0x10000 ? ((first_bits[c >> 6] >> (c & 63)) & 1) != 0 : astral_first;
    }
  };

 private:
  Sections sections_;
  Index index_;
};

// Builds the document for decoded text.
Document segment(const Decoded& decoded, const SegmentOptions& options);

// Same, written straight to a TEI writer without holding the whole document: memory stays
// near the size of the text. The bytes are those of tei::write(segment(decoded, options)).
void segment_to(const Decoded& decoded, const SegmentOptions& options, tei::StreamWriter& writer);

// Decodes `bytes` and writes their TEI, as decode() and segment_to() would one after the other
// (the header's digest is the same), but with the source's SHA-256 taken on a second thread
// while decoding and grouping leave it idle. `bytes` must outlive the call. Returns what decode()
// found (its text only when it did not borrow `bytes`), and their digest. Throws what decode() throws, before
// anything is written.
Decoded segment_bytes_to(std::string_view bytes, DecodeOptions decode_options, const SegmentOptions& options,
                         tei::StreamWriter& writer);

// Same as segment(), for UTF-8 text already normalised (LF line ends).
Document segment_text(std::string_view text, const SegmentOptions& options);

// Whether a code point is whitespace kept between sentences: text::is_space (ASCII space and
// tab, U+3000, the other White_Space that does not end a line).
bool is_space(char32_t c);

}  // namespace jatei
