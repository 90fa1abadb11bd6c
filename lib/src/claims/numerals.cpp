// Numerals (Arabic and kanji), the number formats of TEI values, and the helpers the finders
// of numbers, dates and names share.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "claims/numerals.hpp"
#include "claims/spans.hpp"
#include "jatei/claims.hpp"
#include "jatei/text.hpp"

namespace jatei::claims {

using namespace text;

std::string format_number(double v) {
  if (std::isnan(v) || std::isinf(v)) return "0";
  char buf[40];
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e18) {
    std::snprintf(buf, sizeof buf, "%.0f", std::round(v));
    return buf;
  }
  // Plain decimals while they are short; otherwise the shortest exact form, in exponent
  // notation when that is shorter (1e+70): xsd:double, which teidata.numeric allows. Every
  // double's shortest form fits in 40 bytes, so to_chars cannot fail here.
  auto r = std::fabs(v) < 1e18 ? std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed)
                               : std::to_chars(buf, buf + sizeof buf, v);
  if (r.ec != std::errc()) r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

bool is_plain_decimal(std::string_view s) {
  return !s.empty() && s.find_first_not_of("-0123456789.") == std::string_view::npos;
}

namespace detail {

std::vector<Range> technical_spans(std::string_view n) {
  std::vector<Range> out;
  for (std::size_t i = 0; i < n.size();) {
    if ((n[i] == 'h' || n[i] == 'w') &&
        (n.substr(i).starts_with("http://") || n.substr(i).starts_with("https://") || n.substr(i).starts_with("www."))) {
      std::size_t j = i;
      while (j < n.size() && static_cast<unsigned char>(n[j]) > 0x20 && static_cast<unsigned char>(n[j]) < 0x80) ++j;
      out.push_back({i, j});
      i = j;
      continue;
    }
    ++i;
  }
  return out;
}

bool inside(const std::vector<Range>& rs, std::size_t i) {
  for (auto& r : rs)
    if (r.b <= i && i < r.e) return true;
  return false;
}

Mention make(const Normalised& norm, std::size_t b, std::size_t e, std::string element) {
  Mention m;
  auto [sb, se] = norm.source(b, e);
  m.begin = sb;
  m.end = se;
  m.element = std::move(element);
  return m;
}

// ------------------------------------------------------------------------------------------
// Numerals
// ------------------------------------------------------------------------------------------

int kanji_digit(char32_t c) {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}
int kanji_unit(char32_t c) {
  switch (c) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    default: return 0;
  }
}
namespace {
double big_unit(char32_t c) {
  switch (c) {
    case U'万': return 1e4;
    case U'億': return 1e8;
    case U'兆': return 1e12;
    default: return 0;
  }
}  // namespace
}


namespace {
// A unit whose quantity may have a fractional part, written after a number (percent, times,
// points, the large units, degrees and the measures of length, weight, volume and time).
bool decimal_unit_at(std::string_view n, std::size_t k) {
  static const std::string_view units[] = {"％", "%", "パーセント", "倍", "ポイント", "兆", "億", "万", "度", "キロ",
                                           "メートル", "センチ", "ミリ", "グラム", "トン", "リットル", "秒", "ヘクタール"};
  std::string_view rest = n.substr(std::min(k, n.size()));
  for (auto u : units)
    if (rest.starts_with(u)) return true;
  return false;
}
}  // namespace

std::optional<Numeral> small_number(std::string_view n, std::size_t i) {
  Numeral r;
  r.b = i;
  char32_t c = at(n, i);
  if (is_ascii_digit(c)) {
    std::size_t j = i;
    std::string digits;
    while (j < n.size() && is_ascii_digit(at(n, j))) digits.push_back(n[j++]);
    // Thousands separators: 1,121 (groups of three only).
    while (j + 3 < n.size() && n[j] == ',' && is_ascii_digit(at(n, j + 1)) && is_ascii_digit(at(n, j + 2)) && is_ascii_digit(at(n, j + 3)) &&
           !is_ascii_digit(at(n, j + 4))) {
      digits.append(n.substr(j + 1, 3));
      j += 4;
    }
    if (j + 1 < n.size() && n[j] == '.' && is_ascii_digit(at(n, j + 1))) {
      digits.push_back('.');
      ++j;
      while (j < n.size() && is_ascii_digit(at(n, j))) digits.push_back(n[j++]);
    }
    double v = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), v);
    // 3千, 2百 after Arabic digits.
    if (int u = kanji_unit(at(n, j)); u) {
      v *= u;
      j = next(n, j);
    }
    r.value = v;
    r.e = j;
    return r;
  }
  if (c == U'数') {
    std::size_t j = next(n, i);
    int u = kanji_unit(at(n, j));
    r.several = true;
    if (u) {
      r.lo = 2.0 * u;
      r.hi = 9.0 * u;
      j = next(n, j);
    } else {
      r.lo = 2;
      r.hi = 9;
    }
    r.e = j;
    r.kanji = true;
    r.kanji_chars = 1;
    return r;
  }
  if (kanji_digit(c) < 0 && !kanji_unit(c)) return std::nullopt;
  // Kanji: positional (二〇二四) or with units (二千二十四).
  std::size_t j = i;
  double total = 0, cur = -1;
  bool positional = true;
  std::string pos_digits;
  int count = 0;
  while (j < n.size()) {
    char32_t d = at(n, j);
    int dv = kanji_digit(d);
    int u = kanji_unit(d);
    if (dv >= 0) {
      if (cur >= 0 && !positional) break;
      pos_digits.push_back(static_cast<char>('0' + dv));
      cur = cur < 0 ? dv : cur * 10 + dv;
    } else if (u) {
      positional = false;
      total += (cur < 0 ? 1 : cur) * u;
      cur = -1;
    } else {
      break;
    }
    ++count;
    j = next(n, j);
  }
  if (count == 0) return std::nullopt;
  r.value = total + (cur < 0 ? 0 : cur);
  r.e = j;
  r.kanji = true;
  r.kanji_chars = count;
  // 三十一・五％, 一・五倍, 二・三兆円: a middle dot between kanji numerals is a decimal point
  // when the digits after it are followed by a unit that measures (％, 倍, ポイント, 兆 …);
  // before anything else it joins two numbers (一・二年生: the first and second years).
  if (j < n.size() && at(n, j) == U'・') {
    std::size_t k = next(n, j);
    std::string frac;
    while (k < n.size() && kanji_digit(at(n, k)) >= 0) {
      frac.push_back(static_cast<char>('0' + kanji_digit(at(n, k))));
      k = next(n, k);
    }
    if (!frac.empty() && frac.size() <= 4 && decimal_unit_at(n, k)) {
      double f = 0;
      for (std::size_t d = frac.size(); d-- > 0;) f = (f + (frac[d] - '0')) / 10;
      r.value += f;
      r.e = k;
      r.kanji_chars += static_cast<int>(frac.size()) + 1;
    }
  }
  return r;
}

std::optional<Numeral> number_at(std::string_view n, std::size_t i) {
  auto first = small_number(n, i);
  if (!first) return std::nullopt;
  Numeral r = *first;
  if (r.several) {
    // 数万, 数億
    if (double m = big_unit(at(n, r.e)); m) {
      r.lo *= m;
      r.hi *= m;
      r.e = next(n, r.e);
    }
    return r;
  }
  double total = 0, last = 1e300;
  std::size_t j = i;
  Numeral cur = r;
  bool kanji = true;
  int kc = 0;
  while (true) {
    kanji = kanji && cur.kanji;
    kc += cur.kanji_chars;
    double m = big_unit(at(n, cur.e));
    if (m && m < last) {
      total += cur.value * m;
      last = m;
      j = next(n, cur.e);
      kc += 1;
      auto more = small_number(n, j);
      if (!more || more->several) break;
      // The next term must be smaller than the unit just used (1兆2000億, not 1兆2000兆).
      double m2 = big_unit(at(n, more->e));
      if (m2 && m2 >= m) break;
      cur = *more;
      continue;
    }
    total += cur.value;
    j = cur.e;
    break;
  }
  r.value = total;
  r.e = j;
  r.kanji = kanji;
  r.kanji_chars = kc;
  return r;
}

bool numeral_word_before(char32_t p) {
  static const char32_t allowed[] = {U'約', U'第', U'計', U'全', U'総', U'最', U'大', U'低', U'超', U'年', U'月', U'日', U'毎'};
  return is_kanji(p) && std::find(std::begin(allowed), std::end(allowed), p) == std::end(allowed);
}

std::string two(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

int int_at(std::string_view n, std::size_t i, std::size_t& e, int max_digits) {
  std::size_t j = i;
  int v = 0, k = 0;
  while (j < n.size() && is_ascii_digit(at(n, j)) && k < max_digits + 1) {
    v = v * 10 + (n[j] - '0');
    ++j;
    ++k;
  }
  if (k == 0 || k > max_digits) return -1;
  e = j;
  return v;
}

int small_int_at(std::string_view n, std::size_t i, std::size_t& e) {
  auto r = small_number(n, i);
  if (!r || r->several || r->value != std::floor(r->value) || r->value > 100000) return -1;
  e = r->e;
  return static_cast<int>(r->value);
}

}  // namespace detail

std::optional<double> parse_number(std::string_view expression) {
  Normalised norm = normalise(expression);
  std::string_view n = norm.text;
  // Fractions: 十分の一, 3分の1.
  std::size_t bun = n.find("分の");
  if (bun != std::string_view::npos) {
    auto d = detail::number_at(n, 0);
    auto u = detail::number_at(n, bun + std::string_view("分の").size());
    if (d && u && d->e == bun && u->e == n.size() && d->value != 0) return u->value / d->value;
    return std::nullopt;
  }
  auto r = detail::number_at(n, 0);
  if (!r || r->e != n.size() || r->several) return std::nullopt;
  return r->value;
}

}  // namespace jatei::claims
