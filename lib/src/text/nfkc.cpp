// NFKC a canonical segment at a time (jatei/text.hpp says what a segment is and why).
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <memory>
#include <stdexcept>

#include "jatei/text.hpp"
#include "jatei/utf8.hpp"
#include "text/nfkc.hpp"

namespace jatei::text {
namespace {

const icu::Normalizer2& nfkc() {
  static const icu::Normalizer2* n = [] {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* p = icu::Normalizer2::getNFKCInstance(ec);
    if (U_FAILURE(ec) || !p) throw std::runtime_error("ICU NFKC normaliser unavailable");
    return p;
  }();
  return *n;
}

// Per code point: kKeeps (NFKC maps it to itself: no decomposition) and kJoins (it belongs to
// the segment of the character before it). Below U+10000 in pages of 256 made on first use, as
// the class table is; above, asked of ICU each time (rare in Japanese text).
constexpr std::uint8_t kKeeps = 1, kJoins = 2;

bool extra_joiner(char32_t c) { return (c >= 0xFE00 && c <= 0xFE0F) || c == 0x200D; }

std::uint8_t compute(char32_t c) {
  const icu::Normalizer2& n = nfkc();
  auto u = static_cast<UChar32>(c);
  icu::UnicodeString d;
  std::uint8_t f = 0;
  if (!n.getDecomposition(u, d)) f |= kKeeps;
  if (!n.hasBoundaryBefore(u) || extra_joiner(c)) f |= kJoins;
  return f;
}

std::atomic<const std::uint8_t*> g_pages[0x100] = {};

std::uint8_t flags(char32_t c) {
  if (c < 0x80) return kKeeps;  // ASCII: its own NFKC; a combining mark after it joins it, not it
  if (c >= 0x10000) return compute(c);
  std::size_t index = c >> 8;
  const std::uint8_t* page = g_pages[index].load(std::memory_order_acquire);
  if (!page) {
    auto made = std::make_unique<std::uint8_t[]>(256);
    auto first = static_cast<char32_t>(index << 8);
    for (char32_t k = 0; k < 256; ++k) made[k] = compute(first + k);
    const std::uint8_t* expected = nullptr;
    if (g_pages[index].compare_exchange_strong(expected, made.get(), std::memory_order_acq_rel)) page = made.release();
    else page = expected;
  }
  return page[c & 0xFF];
}

}  // namespace

void nfkc_segments(std::string_view src, std::vector<NfkcSegment>& segments, std::u32string& out) {
  nfkc_segments(src, 0, std::string_view::npos, segments, out);
}

std::size_t nfkc_segments(std::string_view src, std::size_t from, std::size_t max_bytes,
                          std::vector<NfkcSegment>& segments, std::u32string& out) {
  segments.clear();
  out.clear();
  icu::UnicodeString chunk, normal;
  std::size_t i = from, len = 0;
  const std::size_t stop = max_bytes >= src.size() - std::min(from, src.size()) ? src.size() : from + max_bytes;
  char32_t c = from >= src.size() ? 0 : utf8::decode(src, from, len);
  while (i < stop) {
    std::size_t j = i + len;
    char32_t d = 0;
    std::size_t dlen = 0;
    bool alone = true;
    while (j < src.size()) {
      d = utf8::decode(src, j, dlen);
      if (!(flags(d) & kJoins)) break;
      alone = false;
      j += dlen;
    }
    auto at = static_cast<std::uint32_t>(out.size());
    bool copied;
    if (alone && (flags(c) & kKeeps)) {
      out.push_back(c);
      copied = true;
    } else {
      chunk = icu::UnicodeString::fromUTF8(icu::StringPiece(src.data() + i, static_cast<int32_t>(j - i)));
      UErrorCode ec = U_ZERO_ERROR;
      nfkc().normalize(chunk, normal, ec);
      if (U_FAILURE(ec)) normal = chunk;
      for (int32_t k = 0; k < normal.length();) {
        UChar32 cp = normal.char32At(k);
        k += U16_LENGTH(cp);
        out.push_back(static_cast<char32_t>(cp));
      }
      copied = alone && out.size() == at + 1 && out[at] == c;
    }
    segments.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), at,
                        static_cast<std::uint32_t>(out.size()), copied});
    i = j;
    c = d;
    len = dlen;
  }
  return i;
}

}  // namespace jatei::text
