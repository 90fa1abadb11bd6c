// What the finders of dates, numbers and names share: the spans of a sentence in which they do
// not look (URLs), and a mention made from a range of the normalised text. Internal.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "jatei/claims.hpp"

namespace jatei::claims::detail {

struct Range {
  std::size_t b, e;
};

// Spans of URLs and other Latin technical tokens in which digits are not numbers.
std::vector<Range> technical_spans(std::string_view normalised);
bool inside(const std::vector<Range>& ranges, std::size_t i);

// A mention of `element` over normalised bytes [b, e), placed on the source bytes behind them.
Mention make(const Normalised& norm, std::size_t b, std::size_t e, std::string element);

}  // namespace jatei::claims::detail
