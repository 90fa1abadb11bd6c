// Entries numbered by a shape the page repeats ([numbered-entry]: No.1（第2章） … No.2（…）): the
// heads of their entries, or, where each entry's lines are fields keyed in 【】, the records of a
// list. The last step of mark_lists (lists.cpp).
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
      if ((l.kind != LineKind::para && l.kind != LineKind::number) || l.chars > 40 || ends_like_sentence(l.content()))
        continue;
      std::string_view c = l.content();
      if (ends_with_post_stamp(c)) continue;
      std::size_t best = 0;
      const RuleEntry* shape = nullptr;
      for (const RuleEntry& e : shapes)
        if (std::size_t n = glob_prefix(e.pattern, c); n != std::string_view::npos && n > best) best = n, shape = &e;
      if (!shape || best >= c.size()) continue;
      std::size_t len = 0;
      if (text::is_digit(utf8::decode(c, best, len))) continue;  // more digits than the shape takes
      int number = 0, scale = 1;
      for (std::size_t at = best; at > 0;) {  // the digits the shape's '#' took, from the last
        char32_t d = utf8::decode_before(c, at, len);
        if (!is_ascii_digit_or_fw(d)) break;
        number += scale * static_cast<int>(d >= U'０' ? d - U'０' : d - '0');
        scale *= 10;
        at -= len;
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

void mark_numbered_entries(Plan& plan) { Entries(plan).mark_numbered_entries(); }

}  // namespace jatei::seg
