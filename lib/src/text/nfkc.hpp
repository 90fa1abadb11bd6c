// text::nfkc_segments a stretch at a time (lib/src/text/nfkc.cpp; jatei/text.hpp says what a
// segment is). Internal to the library: terms::normalize reads a long sentence so.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "jatei/text.hpp"

namespace jatei::text {

// The segments from `from` (0, or what the call before returned: a segment's start) until one
// ends at or past from + max_bytes; returns where the last one ends (src.size() at the end).
// Their b and e are offsets into `src`, out_b and out_e into this call's `out` (both cleared
// first). The segments are those nfkc_segments gives for the whole of `src`, cut into stretches.
std::size_t nfkc_segments(std::string_view src, std::size_t from, std::size_t max_bytes,
                          std::vector<NfkcSegment>& segments, std::u32string& out);

}  // namespace jatei::text
