// Dates and times: W3C dates (2024-08, --01-20) on the NFKC copy of the sentence, mapped back to
// source bytes. A relative date (昨年, 前回) keeps its relation in @subtype rather than a guessed
// year; a year seen earlier in the document (DateContext) completes a month and day.
#include <algorithm>
#include <optional>
#include <string>

#include "claims/entity_words.hpp"
#include "claims/numerals.hpp"
#include "claims/spans.hpp"
#include "jatei/claims.hpp"
#include "jatei/text.hpp"

namespace jatei::claims {

using namespace text;
using namespace detail;  // the numerals and spans the finders share

namespace {

// A year (with month and day when they follow) ends at `end`; its value starts at `begin`.
struct Year {
  int value = -1;
  std::size_t begin = 0, end = 0;
};

// A day of the month at n[e] (N日, not the span N日間): "-DD" appended to `when` and `e` moved
// past it. False, and nothing changed, when none is there.
bool take_day(std::string_view n, std::size_t& e, std::string& when) {
  std::size_t de = 0;
  int day = small_int_at(n, e, de);
  if (day < 1 || day > 31 || !starts_with(n, de, "日") || starts_with(n, de, "日間")) return false;
  e = de + 3;
  when += "-" + two(day);
  return true;
}

// The times of a sentence: 10:30, and the Japanese clock: 14時30分, 14時, 9時半, 午後3時, 午前十時
// (午前 and 午後 place the hour; a kanji hour only after them, since 一時 and 同時 are words).
// A decision of its own beside the dates: DateFinder asks it where no date starts.
class TimeFinder {
 public:
  TimeFinder(const Normalised& norm, std::vector<Mention>& out) : norm_(norm), n_(norm.text), out_(out) {}

  // A time at i, added to the mentions: where it ends; none when no time starts there.
  std::optional<std::size_t> find(std::size_t i) {
    if (auto e = colon_time(i)) return e;
    return clock_reading(i);
  }

 private:
  std::optional<std::size_t> colon_time(std::size_t i) {
    std::string_view n = n_;
    char32_t c = at(n, i), p = before(n, i);
    if (!(is_ascii_digit(c) && !is_ascii_digit(p) && p != ':' && p != '/' && !is_ascii_alpha(p))) return {};
    std::size_t he = 0;
    int h = int_at(n, i, he, 2);
    if (!(h >= 0 && h <= 24 && he < n.size() && n[he] == ':')) return {};
    std::size_t me = 0;
    int mi = int_at(n, he + 1, me, 2);
    if (!(mi >= 0 && mi < 60 && me - he - 1 == 2 && !is_ascii_digit(at(n, me)) && at(n, me) != ':')) return {};
    Mention m = make(norm_, i, me, "time");
    m.attrs.set("when", two(h) + ":" + two(mi) + ":00");
    out_.push_back(std::move(m));
    return me;
  }

  std::optional<std::size_t> clock_reading(std::size_t i) {
    std::string_view n = n_;
    int shift = -1;  // 午前 0, 午後 12, neither -1
    std::size_t j = i;
    if (starts_with(n, i, "午前") || starts_with(n, i, "午後")) {
      shift = starts_with(n, i, "午後") ? 12 : 0;
      j = i + std::string_view("午前").size();
    }
    char32_t p = before(n, i);
    if (shift < 0 && (!is_ascii_digit(at(n, j)) || is_ascii_digit(p) || is_ascii_alpha(p) || p == '.' || p == U'第'))
      return {};
    std::size_t he = 0;
    int h = shift < 0 ? int_at(n, j, he, 2) : small_int_at(n, j, he);
    if (h < 0 || h > 23 || (shift >= 0 && h > 12) || !starts_with(n, he, "時")) return {};
    std::size_t e = he + std::string_view("時").size();
    // 3時間, 2時限, 10時点, 4時台: a duration, a period, a point, an hour's span, not a clock time.
    static constexpr std::u32string_view not_clock = U"間限点台代期刻給差計";
    if (not_clock.find(at(n, e)) != std::u32string_view::npos) return {};
    int mi = 0;
    std::size_t me = 0;
    int m = shift < 0 ? int_at(n, e, me, 2) : small_int_at(n, e, me);
    if (m >= 0 && m < 60 && starts_with(n, me, "分") && !starts_with(n, me, "分間")) {
      mi = m;
      e = me + std::string_view("分").size();
    } else if (starts_with(n, e, "半") && !starts_with(n, e, "半ば")) {
      mi = 30;
      e += std::string_view("半").size();
    }
    if (shift == 12 && h < 12) h += 12;
    if (shift == 0 && h == 12) h = 0;
    Mention mention = make(norm_, i, e, "time");
    mention.attrs.set("when", two(h) + ":" + two(mi) + ":00");
    out_.push_back(std::move(mention));
    return e;
  }

  const Normalised& norm_;
  std::string_view n_;
  std::vector<Mention>& out_;
};

// The dates and times of one sentence, found left to right: at each place the first kind of
// date that matches is taken, and the search goes on after it.
class DateFinder {
 public:
  DateFinder(const Normalised& norm, DateContext& ctx, const EntityWords& words)
      : norm_(norm), n_(norm.text), ctx_(ctx), w_(words), tech_(detail::technical_spans(n_)) {}

  std::vector<Mention> run() {
    std::size_t i = 0;
    while (i < n_.size()) {
      if (inside(tech_, i)) {
        i = next(n_, i);
        continue;
      }
      std::optional<std::size_t> e = relative_word(i);
      if (!e) e = year(i);
      if (!e) e = month_day_or_ago(i);
      if (!e) e = times_.find(i);  // a time (TimeFinder)
      i = e ? *e : next(n_, i);
    }
    return std::move(out_);
  }

 private:
  const Normalised& norm_;
  std::string_view n_;
  DateContext& ctx_;
  const EntityWords& w_;
  std::vector<detail::Range> tech_;
  std::vector<Mention> out_;
  TimeFinder times_{norm_, out_};
  // The year and month the sentence last stated (12月10日から15日まで: 15日 is of December), 0
  // when none; a year of 0 with a month: a month of no known year.
  int last_year_ = 0, last_month_ = 0;

  // 昨年, 昨年2月, 昨年の12月, 昨年秋, 前回: a relative date word, with a month and day or a
  // part of the year after it. A word counted from the page's date (昨年, 来月: a fourth field in
  // entities.tsv) gets the year or month it names when the page has a dateline: 来年4月 of a page
  // dated 2026 is 2027-04.
  std::optional<std::size_t> relative_word(std::size_t i);

  // The year (unit 'y': "2027") or month ('m': "2026-11") a relative word counted from the page's
  // date names, or "" when it is not counted so or the page has no dateline.
  std::string page_relative(const EntityWords::RelativeDate& r, char unit) const {
    if (r.page != unit || ctx_.page_year <= 0) return "";
    if (unit == 'y') return std::to_string(ctx_.page_year + r.offset);
    if (ctx_.page_month < 1) return "";
    int months = ctx_.page_year * 12 + (ctx_.page_month - 1) + r.offset;
    return std::to_string(months / 12) + "-" + two(months % 12 + 1);
  }

  // 令和6年, 令和元年 → 2024, 2019.
  Year era_year(std::size_t i) const {
    std::string_view n = n_;
    Year y;
    y.begin = i;
    if (std::find(w_.era_first.begin(), w_.era_first.end(), at(n, i)) == w_.era_first.end()) return y;
    for (auto& era : w_.eras) {
      if (!starts_with(n, i, era.text)) continue;
      std::size_t j = i + era.text.size();
      if (starts_with(n, j, "元")) {
        y.value = era.base + 1;
        y.end = j + 3;
      } else {
        std::size_t je = 0;
        int v = small_int_at(n, j, je);
        if (v >= 1 && v <= 99) {
          y.value = era.base + v;
          y.end = je;
        }
      }
      if (y.value > 0 && starts_with(n, y.end, "年")) y.end += 3;
      else y.value = -1;
      break;
    }
    return y;
  }

  // 2024/8/1, 2024-08-01, 2025.03.14 (a web article's dateline) at i, four digits v ending at
  // je; not a version number (2023.10.1.2 goes on).
  std::optional<std::size_t> numeric_date(std::size_t i, int v, std::size_t je) {
    std::string_view n = n_;
    if (!((n[je] == '/' || n[je] == '-' || n[je] == '.') && je + 1 < n.size() && is_ascii_digit(at(n, je + 1)))) return {};
    std::size_t me = 0;
    int mo = int_at(n, je + 1, me, 2);
    if (!(mo >= 1 && mo <= 12 && me < n.size() && n[me] == n[je] && is_ascii_digit(at(n, me + 1)))) return {};
    std::size_t de = 0;
    int day = int_at(n, me + 1, de, 2);
    bool more = de + 1 < n.size() && (n[de] == '.' || n[de] == '-' || n[de] == '/') && is_ascii_digit(at(n, de + 1));
    if (!(day >= 1 && day <= 31 && !is_ascii_digit(at(n, de)) && !more)) return {};
    Mention m = make(norm_, i, de, "date");
    m.attrs.set("when", std::to_string(v) + "-" + two(mo) + "-" + two(day));
    out_.push_back(std::move(m));
    ctx_.year = v;
    last_year_ = v;
    last_month_ = mo;
    return de;
  }

  // An era year, or a Western year (2024年, not the duration 2024年間), or a numeric date.
  std::optional<std::size_t> year(std::size_t i) {
    std::string_view n = n_;
    Year y = era_year(i);
    char32_t c = at(n, i), p = before(n, i);
    if (y.value < 0 && is_ascii_digit(c) && !is_ascii_digit(p) && !is_ascii_alpha(p) && p != '-' && p != '.' && p != '/') {
      std::size_t je = 0;
      int v = int_at(n, i, je, 4);
      if (v >= 1000 && v < 2200 && je - i == 4) {
        if (starts_with(n, je, "年")) {
          std::string_view rest = n.substr(je + 3);
          bool duration = rest.starts_with("間") || rest.starts_with("以上") || rest.starts_with("ぶり") ||
                          rest.starts_with("余") || rest.starts_with("近");
          if (!duration) {
            y.value = v;
            y.end = je + 3;
          }
        } else if (auto e = numeric_date(i, v, je)) {
          return e;
        }
      }
    }
    if (y.value <= 0) return {};
    return year_date(y);
  }

  // The date a year starts: 2030年代 (a decade), 2024年8月1日, 2020年以降, 2024年.
  std::size_t year_date(const Year& y);

  // A numeral that does not continue a number or a Latin token: 1月20日 or 3年前 may start here.
  bool numeral_starts_here(std::size_t i) const {
    char32_t c = at(n_, i), p = before(n_, i);
    return (is_ascii_digit(c) || kanji_digit(c) > 0 || kanji_unit(c) == 10 || c == U'数') && !is_ascii_digit(p) &&
           kanji_digit(p) < 0 && !is_ascii_alpha(p) && p != '-' && p != '.' && !kanji_unit(p) && !(c == U'数' && is_kanji(p));
  }

  std::optional<std::size_t> month_day_or_ago(std::size_t i) {
    if (!numeral_starts_here(i)) return {};
    if (auto e = month_day(i)) return e;
    if (auto e = slash_month_day(i)) return e;
    if (auto e = ago(i)) return e;
    return day_alone(i);
  }

  // The year and month before a month and day: the context's year, or "-" (--12-10).
  std::string year_or_dash() const { return ctx_.year ? std::to_string(ctx_.year) : "-"; }

  // 12/10(木), 12/10(木・祝): a month and day in digits before a weekday in brackets, as a
  // schedule writes them (a bare 12/10 may be a fraction or a score, and stays a number).
  std::optional<std::size_t> slash_month_day(std::size_t i) {
    std::string_view n = n_;
    if (!is_ascii_digit(at(n, i))) return {};
    std::size_t me = 0;
    int month = int_at(n, i, me, 2);
    if (!(month >= 1 && month <= 12 && me < n.size() && n[me] == '/')) return {};
    std::size_t de = 0;
    int day = int_at(n, me + 1, de, 2);
    if (!(day >= 1 && day <= 31 && de > me + 1 && !is_ascii_digit(at(n, de)) && weekday_at(de))) return {};
    Mention m = make(norm_, i, de, "date");
    m.attrs.set("when", year_or_dash() + "-" + two(month) + "-" + two(day));
    out_.push_back(std::move(m));
    last_year_ = ctx_.year;
    last_month_ = month;
    return de;
  }

  // A weekday in brackets at i: (木), (木曜), (木曜日), (木・祝), (祝).
  bool weekday_at(std::size_t i) const {
    std::string_view n = n_;
    if (!starts_with(n, i, "(")) return false;
    static constexpr std::u32string_view days = U"月火水木金土日祝";
    std::size_t j = i + 1;
    if (days.find(at(n, j)) == std::u32string_view::npos) return false;
    j = next(n, j);
    if (starts_with(n, j, "曜日")) j += std::string_view("曜日").size();
    else if (starts_with(n, j, "曜")) j += std::string_view("曜").size();
    if (starts_with(n, j, "・") && days.find(at(n, j + std::string_view("・").size())) != std::u32string_view::npos)
      j = next(n, j + std::string_view("・").size());
    return starts_with(n, j, ")");
  }

  // 4日、 4日夜, 15日まで: a day written alone, of the month the sentence last stated, or else of
  // the page's dateline (a news article dated 2026年12月4日 says 4日 for that day). Only before
  // the words of entities.tsv's day-after (not 4日間, 1日3回), in digits, not after a counter's
  // kanji (毎, 第), and never a day the month has no room for.
  std::optional<std::size_t> day_alone(std::size_t i) {
    std::string_view n = n_;
    if (!is_ascii_digit(at(n, i))) return {};
    char32_t p = before(n, i);
    if (is_kanji(p) && p != U'同') return {};
    std::size_t de = 0;
    int day = int_at(n, i, de, 2);
    if (!(day >= 1 && day <= 31 && starts_with(n, de, "日"))) return {};
    std::size_t e = de + std::string_view("日").size();
    bool dated = std::any_of(w_.day_after.begin(), w_.day_after.end(),
                             [&](const std::string& a) { return starts_with(n, e, a); });
    // (1日に3回: one day, a rate.)
    if (!dated || (day == 1 && starts_with(n, e, "に"))) return {};
    if (starts_with(n, e, "(") && !weekday_at(e)) return {};
    int year = last_month_ ? last_year_ : ctx_.page_year, month = last_month_ ? last_month_ : ctx_.page_month;
    static constexpr int room[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month >= 1 && day > room[month - 1]) return {};
    std::string when = month < 1 ? "---" + two(day)
                                 : (year > 0 ? std::to_string(year) : std::string("-")) + "-" + two(month) + "-" + two(day);
    Mention m = make(norm_, i, e, "date");
    m.attrs.set("when", when);
    out_.push_back(std::move(m));
    return e;
  }

  // Month and day without a year (1月20日, 1月), in the year last seen when there is one.
  std::optional<std::size_t> month_day(std::size_t i) {
    std::string_view n = n_;
    char32_t c = at(n, i), p = before(n, i);
    std::size_t me = 0;
    int month = small_int_at(n, i, me);
    if (!(month >= 1 && month <= 12 && starts_with(n, me, "月") && !starts_with(n, me, "月間") &&
          !starts_with(n, me, "月曜") && (is_ascii_digit(c) || !numeral_word_before(p))))
      return {};
    std::size_t e = me + 3;
    std::size_t de = 0;
    int day = small_int_at(n, e, de);
    std::string when;
    last_year_ = ctx_.year;
    last_month_ = month;
    if (day >= 1 && day <= 31 && starts_with(n, de, "日") && !starts_with(n, de, "日間")) {
      e = de + 3;
      when = ctx_.year ? std::to_string(ctx_.year) + "-" + two(month) + "-" + two(day) : "--" + two(month) + "-" + two(day);
    } else {
      when = ctx_.year ? std::to_string(ctx_.year) + "-" + two(month) : "--" + two(month);
    }
    Mention m = make(norm_, i, e, "date");
    m.attrs.set("when", when);
    out_.push_back(std::move(m));
    return e;
  }

  // N年前, 10年後, 3か月後, 数年前: relative with a duration.
  std::optional<std::size_t> ago(std::size_t i) {
    std::string_view n = n_;
    auto num = small_number(n, i);
    if (!num) return {};
    std::size_t ne = num->e;
    static const std::pair<std::string_view, char> units[] = {{"年", 'Y'}, {"か月", 'M'}, {"カ月", 'M'}, {"ヶ月", 'M'},
                                                              {"週間", 'W'}, {"日", 'D'}};
    for (auto& [uw, code] : units) {
      if (!starts_with(n, ne, uw)) continue;
      std::size_t e = ne + uw.size();
      std::string sub;
      if (starts_with(n, e, "前")) sub = "before";
      else if (starts_with(n, e, "後")) sub = "after";
      if (sub.empty()) return {};
      if (num->kanji && num->kanji_chars == 1 && !num->several && numeral_word_before(before(n, i))) return {};
      e += 3;
      Mention m = make(norm_, i, e, "date");
      m.attrs.set("type", "relative");
      m.attrs.set("subtype", sub);
      if (!num->several) {
        // xsd:duration has no weeks: 1週間後 is P7D; and no exponent: a figure too large
        // for plain digits gets no @dur.
        std::string figure = format_number(code == 'W' ? num->value * 7 : num->value);
        if (is_plain_decimal(figure)) m.attrs.set("dur", "P" + figure + (code == 'W' ? std::string("D") : std::string(1, code)));
      }
      out_.push_back(std::move(m));
      return e;
    }
    return {};
  }
};

std::optional<std::size_t> DateFinder::relative_word(std::size_t i) {
  std::string_view n = n_;
  if (std::find(w_.relative_first.begin(), w_.relative_first.end(), at(n, i)) == w_.relative_first.end()) return {};
  for (auto& r : w_.relative_dates) {
    if (!starts_with(n, i, r.text)) continue;
    std::size_t e = i + r.text.size();
    std::string when;
    std::size_t me = 0;
    int month = small_int_at(n, e, me);
    // 昨年の12月: the month of that year (never the year an earlier sentence named)
    if (!(month >= 1 && month <= 12) && starts_with(n, e, "の")) {
      std::size_t me2 = 0;
      int m2 = small_int_at(n, e + 3, me2);
      if (m2 >= 1 && m2 <= 12 && starts_with(n, me2, "月") && !starts_with(n, me2, "月間")) {
        month = m2;
        me = me2;
      }
    }
    std::string year = page_relative(r, 'y');
    std::string in_month = page_relative(r, 'm');
    if (r.page != 'm' && month >= 1 && month <= 12 && starts_with(n, me, "月") && !starts_with(n, me, "月間")) {
      e = me + 3;
      when = (year.empty() ? "-" : year) + "-" + two(month);
      take_day(n, e, when);
      last_month_ = month;
      last_year_ = year.empty() ? 0 : r.offset + ctx_.page_year;
    } else if (!in_month.empty()) {
      // 来月10日: a day of the month it names.
      when = in_month;
      if (!take_day(n, e, when)) {
        for (auto& part : w_.date_parts) {
          if (starts_with(n, e, part)) {
            e += part.size();
            break;
          }
        }
      }
    } else {
      when = year;
      for (auto& part : w_.date_parts) {
        if (starts_with(n, e, part)) {
          e += part.size();
          break;
        }
      }
    }
    Mention m = make(norm_, i, e, "date");
    m.attrs.set("type", "relative");
    m.attrs.set("subtype", r.subtype);
    if (!when.empty()) m.attrs.set("when", when);
    out_.push_back(std::move(m));
    return e;
  }
  return {};
}

std::size_t DateFinder::year_date(const Year& y) {
  std::string_view n = n_;
  std::size_t e = y.end;
  std::string when = std::to_string(y.value);
  ctx_.year = y.value;
  if (starts_with(n, e, "代")) {
    e += 3;
    Mention m = make(norm_, y.begin, e, "date");
    m.attrs.set("notBefore", when);
    m.attrs.set("notAfter", std::to_string(y.value + 9));
    out_.push_back(std::move(m));
    return e;
  }
  // 2025年度, 令和7年度: a Japanese fiscal (or school) year, April to the next March.
  if (starts_with(n, e, "度")) {
    e += std::string_view("度").size();
    Mention m = make(norm_, y.begin, e, "date");
    m.attrs.set("type", "fiscal-year");
    m.attrs.set("from", when + "-04-01");
    m.attrs.set("to", std::to_string(y.value + 1) + "-03-31");
    out_.push_back(std::move(m));
    return e;
  }
  std::size_t me = 0;
  int month = small_int_at(n, e, me);
  if (month >= 1 && month <= 12 && starts_with(n, me, "月") && !starts_with(n, me, "月間")) {
    e = me + 3;
    when += "-" + two(month);
    last_year_ = y.value;
    last_month_ = month;
    take_day(n, e, when);
  }
  Mention m = make(norm_, y.begin, e, "date");
  if (starts_with(n, e, "以降")) {
    e += std::string_view("以降").size();
    m = make(norm_, y.begin, e, "date");
    m.attrs.set("notBefore", when);
  } else if (starts_with(n, e, "以前")) {
    e += std::string_view("以前").size();
    m = make(norm_, y.begin, e, "date");
    m.attrs.set("notAfter", when);
  } else {
    m.attrs.set("when", when);
  }
  out_.push_back(std::move(m));
  return e;
}


}  // namespace

std::vector<Mention> find_dates(std::string_view sentence, DateContext& ctx) {
  return find_dates(sentence, normalise(sentence), ctx);
}

std::vector<Mention> find_dates(std::string_view, const Normalised& norm, DateContext& ctx) {
  return DateFinder(norm, ctx, EntityWords::builtin()).run();
}

}  // namespace jatei::claims
