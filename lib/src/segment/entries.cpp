// Entries numbered by a shape the page repeats ([numbered-entry]: No.1（第2章） … No.2（…）): the
// heads of their entries, or, where each entry's lines are fields keyed in 【】, the records of a
// list; and the entries of a chronology, keyed by their dates. The last step of mark_lists
// (lists.cpp).
#include "segment/plan.hpp"

#include "segment/layout.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

namespace jatei::seg {
namespace {

// A line of three or more parts between spaces whose last part is a date or a time (No.3　ミナト
// 04/18 21:07): the header of a post on a board, a number, a handle and when it was posted, not
// the heading of a numbered entry (the speaker stage reads it as the post's label).
bool ends_with_post_stamp(std::string_view c) {
  std::vector<std::string_view> parts;
  for (std::size_t i = 0; i < c.size();) {
    std::size_t len = 0;
    char32_t ch = utf8::decode(c, i, len);
    bool space = ch == ' ' || ch == U'\u3000' || ch == '\t';
    if (space) {
      i += len;
      continue;
    }
    std::size_t start = i;
    while (i < c.size()) {
      ch = utf8::decode(c, i, len);
      if (ch == ' ' || ch == U'\u3000' || ch == '\t') break;
      i += len;
    }
    parts.push_back(c.substr(start, i - start));
  }
  return parts.size() >= 3 && has_date_or_time(parts.back());
}

// The date that keys an entry of a chronology, at the start of a line (4月1日：…, 2024/4/10　…,
// 5月8日（木） 15:00：…): a month and a day (with its year or not) or a year alone (2019年度：…),
// maybe when in it (上旬, 頃, 末) or a span (4月1日～3日), the day of the week in brackets and a
// time, then a colon or a space before the text; or, in the chronology of one day,
// the time alone (8:30：…, 14時　…; never a transcript's stamp with its seconds, 00:41:10). Returns
// where the text starts (0: no such key, or nothing after it).
std::size_t timeline_key(std::string_view c) {
  std::size_t at = 0, len = 0, digits = 0, groups = 0;
  bool month = false, year = false;
  // A date from `at` on: figures and 年 月 日 / . -; a year alone (2019年, 2019年度) is one too.
  auto date = [&]() {
    bool in_digits = false;
    char32_t last = 0;
    while (at < c.size()) {
      char32_t ch = utf8::decode(c, at, len);
      if (is_ascii_digit_or_fw(ch)) {
        if (!in_digits) ++groups;
        in_digits = true;
        ++digits;
      } else if (ch == U'年' || ch == U'月' || ch == U'日' || ch == '/' || ch == U'／' || ch == '.' || ch == '-') {
        if (!in_digits) return false;
        in_digits = false;
        month = month || ch != U'年';
      } else if (ch == U'度' && last == U'年') {
      } else {
        break;
      }
      last = ch;
      at += len;
    }
    year = year || (groups == 1 && (last == U'年' || last == U'度'));
    // Then when in it: 4月上旬, 2020年頃, 3月末, 2021年春.
    for (std::string_view part : {"上旬", "中旬", "下旬", "初旬", "初め", "頃", "ごろ", "末", "春", "夏", "秋", "冬"})
      if (c.substr(at).starts_with(part)) {
        at += part.size();
        break;
      }
    return true;
  };
  if (!date()) return 0;
  std::size_t first_digits = digits;
  // A span: 4月1日～3日, 2019年～2020年, 2024年4月～ (and since then).
  for (std::string_view dash : {"～", "〜", "~"})
    if (groups > 0 && c.substr(at).starts_with(dash)) {
      at += dash.size();
      std::size_t before = groups;
      if (!date()) return 0;
      year = year && groups == before + 1;
      break;
    }
  if (year && !month) month = true, groups = 2;  // (a year keys its entry as a month and a day do)
  // No date: the day's own chronology may key its entries by the time alone (8:30：…, 14時　…).
  bool time_only = groups < 2 || !month;
  if (time_only) at = 0;
  else if (first_digits > 8) return 0;
  // (Two figures apart by / . or -, without 月 or a year, may be a fraction or a post's number
  // in a thread, 1/3 …: such a date keys a line only with a colon or a time after it.)
  bool bare = !time_only && !year && groups == 2 && c.substr(0, at).find("月") == std::string_view::npos;
  auto skip_spaces = [&]() {
    std::size_t n = 0;
    while (at < c.size() && is_space(utf8::decode(c, at, len))) at += len, ++n;
    return n;
  };
  // The day of the week in brackets: (月), （木・祝）.
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}})
    if (!time_only && c.substr(at).starts_with(open)) {
      std::size_t end = c.find(close, at);
      if (end == std::string_view::npos || count_chars(c.substr(at + open.size(), end - at - open.size()), 4) > 3) return 0;
      at = end + close.size();
    }
  std::size_t spaces = skip_spaces();
  // A time: 15:00, 9時, 9時30分.
  auto figures = [&](std::size_t& p) {
    std::size_t n = 0;
    while (p < c.size() && is_ascii_digit_or_fw(utf8::decode(c, p, len))) p += len, ++n;
    return n;
  };
  std::size_t p = at;
  bool time = false;
  if (std::size_t h = figures(p); h >= 1 && h <= 2) {
    std::string_view rest = c.substr(p);
    if (rest.starts_with(":") || rest.starts_with("：")) {
      std::size_t q = p + (rest.starts_with(":") ? 1 : 3);
      if (figures(q) == 2) at = q, time = true;
    } else if (rest.starts_with("時")) {
      at = p + 3, time = true;
      std::size_t q = at;
      if (figures(q) >= 1 && c.substr(q).starts_with("分")) at = q + 3;
    }
  }
  if (time_only) {
    // (A transcript's stamp keeps its seconds, 00:41:10: no entry of a chronology.)
    std::size_t q = at + (c.substr(at).starts_with(":") ? 1 : c.substr(at).starts_with("：") ? 3 : 0);
    if (!time || (q > at && figures(q) == 2)) return 0;
  }
  if (time) spaces += skip_spaces();
  std::size_t sep = 0;
  if (c.substr(at).starts_with("：")) sep = 3;
  else if (c.substr(at).starts_with(":")) sep = 1;
  at += sep;
  if (sep) skip_spaces();
  // (4月1日、… or 4月1日に…: the date is the sentence's own.)
  if ((sep == 0 && spaces == 0) || (bare && sep == 0 && !time)) return 0;
  return at < c.size() ? at : 0;
}

class Entries : Pass {
 public:
  explicit Entries(Plan& p) : Pass(p) {}

  // Entries numbered by a shape the page repeats ([numbered-entry]: No.1（第2章） … No.2（…）
  // …): two or more short lines of one shape, not sentences, numbered 1, 2, 3 … in order, each
  // over a line that is not the next entry, head their entries (an opinion and the answer to it).
  void mark_numbered_entries() {
    const std::vector<RuleEntry>& shapes = rules_.section("numbered-entry");
    if (shapes.empty()) return;
    // By shape (the pattern without its digits): the lines numbered so, and their numbers.
    std::unordered_map<std::string, std::vector<std::pair<std::size_t, int>>> found;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      std::string_view c = l.content();
      // (One short sentence may head its entry, a quiz's question over its hint: 問1　「胡瓜」は何と
      // 読む？, 問2　次の漢字を読みなさい。)
      if ((l.kind != LineKind::para && l.kind != LineKind::number) || l.chars > 40 ||
          (ends_like_sentence(c) && (l.r_count != 1 || l.chars > 25)))
        continue;
      if (ends_with_post_stamp(c)) continue;
      std::size_t best = 0;
      const RuleEntry* shape = nullptr;
      for (const RuleEntry& e : shapes)
        if (std::size_t n = glob_prefix(e.pattern, c); n != std::string_view::npos && n > best) best = n, shape = &e;
      if (!shape || best >= c.size()) continue;
      std::size_t len = 0;
      if (text::is_digit(utf8::decode(c, best, len))) continue;  // more digits than the shape takes
      int number = 0;  // the digits the shape's '#' took (the last run of them: 第12問)
      bool in_run = false;
      for (std::size_t at = 0; at < best; at += len) {
        char32_t d = utf8::decode(c, at, len);
        if (!is_ascii_digit_or_fw(d)) {
          in_run = false;
          continue;
        }
        if (!in_run) number = 0;
        in_run = true;
        number = number * 10 + static_cast<int>(d >= U'０' ? d - U'０' : d - '0');
      }
      std::string key = shape->pattern;
      key.erase(std::remove(key.begin(), key.end(), '#'), key.end());
      found[key].push_back({i, number});
    }
    for (auto& by_key : found) {
      // Not a structured binding: C++20 lets a lambda capture one, Clang 14 (the fuzz build) does not.
      const auto& entries = by_key.second;
      std::vector<std::size_t> run;
      for (auto [i, number] : entries) {
        if (number != static_cast<int>(run.size()) + 1) break;
        std::size_t n = next_nonblank(i);
        if (n == npos) break;
        run.push_back(i);
      }
      // (Each over something of its own: the next line is not the next entry.)
      bool apart = run.size() >= 2 && std::all_of(run.begin(), run.end(), [&](std::size_t i) {
        std::size_t n = next_nonblank(i);
        return n != npos && std::none_of(entries.begin(), entries.end(), [&](auto& e) { return e.first == n; });
      });
      if (apart && !mark_keyed_entries(run))
        for (std::size_t i : run) lines_[i].kind = LineKind::section_head;
    }
  }

  // A chronology: lines keyed by a date (4月1日：新システムが稼働。, 5月8日 15:00　市長が謝罪),
  // three or more in the page, each beside another (the run under a heading), are the entries of
  // a list, not paragraphs. A dateline is none, nor a chat log's line, whose key is followed by
  // who speaks (4/1 10:15 母：…).
  //
  // An entry may also be keyed by a word that dates it from the one before ([timeline-word]:
  // 同日　…, 翌朝：…) among entries keyed by dates; and one entry alone under a heading of the
  // chronology (【11月5日】 over 10:00：…) is an entry too where others stand beside each other.
  void mark_timeline() {
    std::vector<std::size_t> keyed;
    std::vector<char> is_keyed(lines_.size(), 0);
    std::size_t dated = 0;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      if (l.kind != LineKind::para || l.dateline || l.chars > kMaxCueChars) continue;
      std::string_view c = l.content();
      std::size_t at = timeline_key(c);
      bool relative = at == 0 && (at = relative_key(c)) != 0;
      if (at == 0) continue;
      std::string_view rest = c.substr(at, 30);
      std::size_t colon = std::min(rest.find("："), rest.find(':'));
      if (colon != std::string_view::npos && count_chars(rest.substr(0, colon), 11) <= 10) continue;
      keyed.push_back(i);
      is_keyed[i] = 1;
      dated += !relative;
    }
    if (dated < 3) return;
    std::vector<std::size_t> entries, alone;
    for (std::size_t i : keyed) {
      std::size_t p = prev_nonblank(i), n = next_nonblank(i);
      if ((p != npos && is_keyed[p]) || (n != npos && is_keyed[n])) entries.push_back(i);
      else if (p != npos && lines_[p].kind == LineKind::section_head) alone.push_back(i);
    }
    if (entries.empty()) return;
    for (std::size_t i : entries) lines_[i].kind = LineKind::bullet;
    for (std::size_t i : alone) lines_[i].kind = LineKind::bullet;
  }

  // Where the text of a line keyed by a [timeline-word] starts (同日　…, 翌日：…), or 0.
  std::size_t relative_key(std::string_view c) const {
    for (const RuleEntry& e : rules_.section("timeline-word")) {
      if (!c.starts_with(e.pattern)) continue;
      std::size_t at = e.pattern.size(), len = 0, spaces = 0;
      while (at < c.size() && is_space(utf8::decode(c, at, len))) at += len, ++spaces;
      if (c.substr(at).starts_with("：")) at += 3;
      else if (c.substr(at).starts_with(":")) at += 1;
      else if (spaces == 0) continue;
      while (at < c.size() && is_space(utf8::decode(c, at, len))) at += len;
      if (at < c.size()) return at;
    }
    return 0;
  }

  // The text of numbered entries given by keys in 【】 at the start of its lines (No.1：… /
  // 【意見の要旨】…。 / 【市の考え方】…。, No.2：… / 【意見の要旨】…): where every entry is
  // followed only by such lines up to the next, and each key comes back in another entry (the
  // fields of a record, not a heading said once), the entries and their lines are the items of a
  // list, a record each, rather than headings over paragraphs. Returns whether it marked them.
  bool mark_keyed_entries(const std::vector<std::size_t>& run) {
    auto key_of = [&](std::size_t j) -> std::string_view {
      const Line& l = lines_[j];
      std::string_view c = l.content();
      if (l.kind != LineKind::para || !c.starts_with("【")) return {};
      std::size_t end = c.find("】");
      if (end == std::string_view::npos || count_chars(c.substr(3, end - 3), 16) > 15) return {};
      if (trim(c.substr(end + 3)).empty()) return {};  // 【ご意見】 alone heads what follows
      return c.substr(0, end + 3);
    };
    std::unordered_map<std::string_view, int> keys;
    std::vector<std::size_t> fields;
    for (std::size_t k = 0; k < run.size(); ++k) {
      std::size_t until = k + 1 < run.size() ? run[k + 1] : npos, j = next_nonblank(run[k]);
      std::size_t n = 0;
      for (; j != npos && j != until; j = next_nonblank(j)) {
        std::string_view key = key_of(j);
        if (key.empty()) break;
        ++keys[key];
        fields.push_back(j);
        ++n;
      }
      if (n == 0 || (until != npos && j != until)) return false;
    }
    if (std::any_of(keys.begin(), keys.end(), [](const auto& e) { return e.second < 2; })) return false;
    for (std::size_t i : run) lines_[i].kind = LineKind::bullet;
    for (std::size_t j : fields) lines_[j].kind = LineKind::bullet;
    return true;
  }
};

}  // namespace

void mark_numbered_entries(Plan& plan) {
  Entries entries(plan);
  entries.mark_numbered_entries();
  entries.mark_timeline();
}

}  // namespace jatei::seg
