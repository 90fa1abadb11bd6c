// Numerals in Arabic digits and in kanji, as the finders of numbers and dates read them.
// Internal to the claims stage.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace jatei::claims::detail {

int kanji_digit(char32_t c);  // 〇 一 … 九 → 0 … 9, else -1
int kanji_unit(char32_t c);   // 十 百 千 → 10 100 1000, else 0

struct Numeral {
  std::size_t b = 0, e = 0;
  double value = 0;
  bool kanji = false;        // written with kanji numerals only
  bool several = false;      // 数 (数か月, 数十): a range rather than a value
  double lo = 0, hi = 0;     // for several
  int kanji_chars = 0;       // numeral characters in kanji
};

// A number below 10000 in Arabic or kanji at i (no 万/億/兆).
std::optional<Numeral> small_number(std::string_view n, std::size_t i);
// A full number at i: terms with 兆/億/万 (1兆2000億, 5000億, 三千万).
std::optional<Numeral> number_at(std::string_view n, std::size_t i);

// Kanji that start a word containing a numeral (唯一, 統一, 同一, 万一 …) when they stand before it.
bool numeral_word_before(char32_t p);

std::string two(int v);  // "07"
// Digits as an int (ASCII), -1 if none or more than max_digits; e is where they end.
int int_at(std::string_view n, std::size_t i, std::size_t& e, int max_digits = 4);
// A small number in Arabic or kanji at i, as an int (for months, days, durations in dates).
int small_int_at(std::string_view n, std::size_t i, std::size_t& e);

}  // namespace jatei::claims::detail
