// What the number finder (numbers.cpp) reads before it writes a mention: where a numeral
// stands, whether it is a number at all, what follows it (numbers_read.cpp). Internal.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "claims/entity_words.hpp"
#include "claims/numerals.hpp"
#include "claims/spans.hpp"
#include "jatei/claims.hpp"

namespace jatei::claims::numbers {

using Unit = EntityWords::Unit;

// A numeral where a number may start, and what stands before it.
struct Place {
  std::size_t start = 0;  // where the mention starts (at a currency sign: US$5)
  std::size_t i = 0;      // where the numeral starts
  char32_t c = 0;         // the numeral's first character
  char32_t p = 0;         // the character before the mention
  bool currency_prefix = false;
  std::string_view prefix_unit;  // USD for $5
  detail::Numeral num;
};

// What follows the numeral: a range, a scale word, a unit, a half.
struct Extent {
  double lo = 0, hi = 0;
  bool ranged = false;
  double scale = 1;
  const Unit* unit = nullptr;
  double half = 0;
  std::size_t before_unit = 0;  // after the number, its range and scale word
  std::size_t end = 0;          // after the unit and the half
};

// The longest unit at normalised byte i (len set), or null; a Latin unit must end there.
const Unit* unit_at(std::string_view n, std::size_t i, std::size_t& len);
// Whether the source character behind normalised byte i is an enclosed numeral (①, ⑴, ㉑).
bool enclosed(std::string_view source, const Normalised& norm, std::size_t i);

// The reading half of the finder: every decision that looks without writing.
class NumberReader {
 public:
  NumberReader(std::string_view source, const Normalised& norm)
      : source_(source), norm_(norm), n_(norm.text), tech_(detail::technical_spans(n_)) {}

 protected:
  std::string_view source_;
  const Normalised& norm_;
  std::string_view n_;
  std::vector<detail::Range> tech_;

  // $500Billion, US$5, ¥100, €3: a currency sign before the digits.
  Place place(std::size_t i) const;
  // Where to go on when no number starts at the place (an era year, a URL, ①, a Latin token).
  std::optional<std::size_t> not_a_number(const Place& k) const;
  // Where to go on when the number is part of a date the date finder reads.
  std::optional<std::size_t> covered_by_date(const Place& k) const;
  // The range, scale word, unit and half after the numeral.
  Extent extent(const Place& k) const;
  // Where to go on when what was read is not a figure (2FA, 一夜, a day count without a marker).
  std::optional<std::size_t> not_a_figure(const Place& k, const Extent& x) const;
};

}  // namespace jatei::claims::numbers
