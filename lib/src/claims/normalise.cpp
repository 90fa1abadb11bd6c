// NFKC with an offset map. Normalising one canonical segment at a time (a starter and the
// combining marks after it) keeps every output byte tied to the source characters it came
// from, so a match on the normalised copy maps back to whole source characters. Characters
// that NFKC leaves alone (ASCII, kana, kanji) are copied without a round trip through ICU.
#include <algorithm>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "jatei/claims.hpp"
#include "jatei/text.hpp"

namespace jatei::claims {
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

// Stable under NFKC and a boundary on both sides (no combining mark can follow usefully).
bool inert(char32_t c) {
  return c < 0x80 || (c >= 0x3041 && c <= 0x3094) || (c >= 0x30A1 && c <= 0x30F6) || c == 0x30FC ||
         (c >= 0x4E00 && c <= 0x9FFF) || c == 0x3001 || c == 0x3002 || c == 0x300C || c == 0x300D;
}

// Combining voiced/semi-voiced marks and other combining characters.
bool combining(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || c == 0x3099 || c == 0x309A || c == 0xFF9E || c == 0xFF9F ||
         (c >= 0xFE00 && c <= 0xFE0F) || c == 0x200D;
}

}  // namespace

namespace {

// The run that holds byte b of the text (runs are in text order, none empty).
const Normalised::Run& run_of(const Normalised& n, std::size_t b) {
  auto it = std::upper_bound(n.runs.begin(), n.runs.end(), b,
                             [](std::size_t x, const Normalised::Run& r) { return x < r.out; });
  return *(it - 1);
}

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::size_t Normalised::begin_of(std::size_t b) const {
  const Run& r = run_of(*this, b);
  if (!r.copied) return r.src_begin;
  std::size_t c = b;
  while (c > r.out && continuation(text[c])) --c;
  return r.src_begin + (c - r.out);
}

std::size_t Normalised::end_of(std::size_t b) const {
  const Run& r = run_of(*this, b);
  if (!r.copied) return r.src_end;
  std::size_t stop = r.out + (r.src_end - r.src_begin);
  std::size_t e = b + 1;
  while (e < stop && continuation(text[e])) ++e;
  return r.src_begin + (e - r.out);
}

std::pair<std::size_t, std::size_t> Normalised::source(std::size_t b, std::size_t e) const {
  if (b >= text.size() || e <= b) {
    std::size_t at = b < text.size() ? begin_of(b) : (text.empty() ? 0 : end_of(text.size() - 1));
    return {at, at};
  }
  if (e > text.size()) e = text.size();
  return {begin_of(b), end_of(e - 1)};
}

Normalised normalise(std::string_view src) {
  Normalised out;
  out.text.reserve(src.size());
  const icu::Normalizer2& n2 = nfkc();
  std::size_t i = 0;
  // The character at i (decoded once: the look-ahead that ends a segment is the next one's start).
  std::size_t len = 0;
  char32_t c = src.empty() ? 0 : utf8::decode(src, 0, len);
  while (i < src.size()) {
    std::size_t j = i + len;
    // Extend the segment over following characters that have no boundary before them.
    bool simple = inert(c);
    char32_t d = 0;
    std::size_t l2 = 0;
    while (j < src.size()) {
      d = utf8::decode(src, j, l2);
      bool joins = combining(d) || (!inert(d) && !n2.hasBoundaryBefore(static_cast<UChar32>(d)));
      if (!joins) break;
      simple = false;
      j += l2;
    }
    // `copied`: the bytes are the source's own and the segment one character.
    auto emit = [&](std::string_view bytes, bool copied) {
      if (bytes.empty()) return;
      auto at = static_cast<std::uint32_t>(out.text.size());
      out.text.append(bytes);
      if (copied && !out.runs.empty()) {
        Normalised::Run& last = out.runs.back();
        if (last.copied && last.src_end == i && last.out + (last.src_end - last.src_begin) == at) {
          last.src_end = static_cast<std::uint32_t>(j);
          return;
        }
      }
      out.runs.push_back({at, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), copied});
    };
    if (simple) {
      emit(src.substr(i, j - i), true);
    } else {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(
          icu::StringPiece(src.data() + i, static_cast<int32_t>(j - i)));
      UErrorCode ec = U_ZERO_ERROR;
      icu::UnicodeString n = n2.normalize(u, ec);
      std::string bytes;
      if (U_FAILURE(ec)) bytes.assign(src.substr(i, j - i));
      else n.toUTF8String(bytes);
      emit(bytes, j == i + len && bytes == src.substr(i, j - i));
    }
    i = j;
    c = d;
    len = l2;
  }
  return out;
}

}  // namespace jatei::claims
