// NFKC with an offset map, a run at a time, on the text layer's segments (text::nfkc_segments:
// each output byte is tied to the source characters it came from, so a match on the normalised
// copy maps back to whole source characters).
#include <algorithm>

#include "jatei/claims.hpp"
#include "jatei/text.hpp"
#include "jatei/utf8.hpp"
#include "text/nfkc.hpp"

namespace jatei::claims {
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
  // The segments a stretch of 64 KB at a time (the same segments): for a sentence of millions of
  // characters, 24 bytes of segment and code point a character were five times its text.
  thread_local std::vector<text::NfkcSegment> segments;
  thread_local std::u32string points;
  constexpr std::size_t kStretch = 64 * 1024;
  std::size_t next = 0;
  do {
    next = text::nfkc_segments(src, next, kStretch, segments, points);
    for (const text::NfkcSegment& g : segments) {
      auto at = static_cast<std::uint32_t>(out.text.size());
      if (g.copied) {
        out.text.append(src.substr(g.b, g.e - g.b));
        // A copied segment right after a copied run extends it.
        if (!out.runs.empty()) {
          Normalised::Run& last = out.runs.back();
          if (last.copied && last.src_end == g.b && last.out + (last.src_end - last.src_begin) == at) {
            last.src_end = g.e;
            continue;
          }
        }
      } else {
        for (std::uint32_t k = g.out_b; k < g.out_e; ++k) utf8::append(out.text, points[k]);
        if (out.text.size() == at) continue;  // normalised to nothing
      }
      out.runs.push_back({at, g.b, g.e, g.copied});
    }
  } while (next < src.size());
  return out;
}

}  // namespace jatei::claims
