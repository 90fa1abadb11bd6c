// The header of minutes: the heads of its rosters (出席委員, 議事日程) and the lines of each
// roster under them, a list. A step of mark_furniture (furniture.cpp), after the page's close and
// before the text is found punctuated or not.
#include "segment/plan.hpp"

#include "segment/layout.hpp"

#include <vector>

namespace jatei::seg {
namespace {

class Rosters : Pass {
 public:
  explicit Rosters(Plan& p) : Pass(p) {}

  // The header of minutes: a [roster-head] line (出席委員, ○本日の会議に付した案件, 議事日程　第十四号),
  // short and no sentence, is a heading; the lines right under it that are no sentences (委員長
  // 佐藤一郎君, a bill's name), up to a blank line, the next such heading, a sentence, a time of
  // day (午後一時二分開議, 10:00開会) or a rule, are the items of its list.
  void mark_rosters() {
    auto words = [](std::string_view c) {
      for (std::string_view mark : {"○", "◯", "●", "■"})
        if (c.starts_with(mark)) return trim(c.substr(mark.size()));
      return c;
    };
    auto head = [&](const Line& l) {
      if ((l.kind != LineKind::para && l.kind != LineKind::bullet && l.kind != LineKind::section_head) || l.chars > 20 ||
          ends_like_sentence(l.content()))
        return false;
      std::string_view w = words(l.content());
      return !w.empty() && rules_.matches_whole("roster-head", w);
    };
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (!head(lines_[i])) continue;
      std::vector<std::size_t> items;
      for (std::size_t j = i + 1; j < lines_.size(); ++j) {
        const Line& t = lines_[j];
        std::string_view c = t.content();
        if (t.kind == LineKind::blank || head(t) || t.chars > 80 || ends_like_sentence(c) || c.ends_with("？") ||
            (t.kind != LineKind::para && t.kind != LineKind::bullet && t.kind != LineKind::number) ||
            starts_with_time(c) || c.starts_with("午前") || c.starts_with("午後") || is_rule_line(c, t.chars))
          break;
        items.push_back(j);
      }
      if (items.empty()) continue;
      lines_[i].kind = LineKind::section_head;
      for (std::size_t j : items) lines_[j].kind = LineKind::bullet;
      i = items.back();
    }
  }
};

}  // namespace

void mark_rosters(Plan& plan) { Rosters(plan).mark_rosters(); }

}  // namespace jatei::seg
