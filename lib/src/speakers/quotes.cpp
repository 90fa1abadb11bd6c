// Quotations in prose: an article that is no dialogue may still give a paragraph or a quote
// block wholly in 「…」 to someone (a feature quotes the designer it visits, a report the official it cites). The
// quotation is that person's when the paragraphs around it say so:
//   - the paragraph after it reports it (「…」 / と佐伯さんは話す。): the name in that paragraph;
//   - the paragraphs on both sides name one person (佐伯美緒さんは…という。 「…」 佐伯さんが勧めるのは…);
//   - the paragraph before it is about one person and ends by introducing words ([quote-lead]:
//     …は次のように話す。 …という。).
// Names are those with an honorific or a title (names_in_text), a romanised reading in
// brackets after a name (佐伯美緒(Mio Saeki)さん) left out. A quotation nobody is named for
// stays outside every turn.
#include <algorithm>

#include "speakers/analysis.hpp"
#include "speakers/textutil.hpp"

namespace jatei::speakers {

namespace {

// A paragraph wholly in 「…」.
bool whole_quotation(std::string_view t) {
  t = trim_space(t);
  if (t.empty() || text::at(t, 0) != U'「' || text::before(t, t.size()) != U'」') return false;
  int depth = 0;
  for (text::CodePoint cp : text::code_points(t)) {
    if (cp.c == U'「') ++depth;
    else if (cp.c == U'」' && --depth == 0 && text::end(cp) != t.size()) return false;  // closes before the end
  }
  return depth == 0;
}

// The text without brackets of Latin letters (a reading: 佐伯美緒(Mio Saeki)さん -> 佐伯美緒さん).
std::string without_readings(std::string_view t) {
  std::string out;
  for (std::size_t i = 0; i < t.size();) {
    char32_t c = text::at(t, i);
    if (c == '(' || c == U'（') {
      std::size_t j = text::next(t, i);
      bool latin = false, only = true;
      while (j < t.size() && text::at(t, j) != ')' && text::at(t, j) != U'）') {
        char32_t d = text::at(t, j);
        latin = latin || text::is_latin(d);
        only = only && (text::is_latin(d) || text::is_space(d) || d == '.' || d == '-');
        j = text::next(t, j);
      }
      if (j < t.size() && latin && only) {
        i = text::next(t, j);
        continue;
      }
    }
    std::size_t n = text::next(t, i);
    out.append(t.substr(i, n - i));
    i = n;
  }
  return out;
}

struct Named {
  std::vector<std::string> names;  // people named, honorifics off, in order
  bool leads = false;              // ends by introducing words (…は次のように話す。 …という。)
  bool reports = false;            // opens by reporting what was just quoted (と話す。 と佐伯さんは語る。)
};

Named named_in(Context& cx, const Item* it) {
  Named n;
  if (!it || !it->paragraph) return n;
  std::string t = without_readings(trim_space(leaf_text(it->block.leaves[0])));
  for (auto& raw : names_in_text(t, cx.cues)) {
    if (cx.cues["title-name"].whole(raw)) continue;
    std::string name = normalise_name(raw, cx.cues);
    for (auto& e : cx.cues["honorific"].literal())  // 佐伯教授 -> 佐伯
      if (name.size() > e.text.size() && ends_with(name, e.text)) {
        name.resize(name.size() - e.text.size());
        break;
      }
    if (!name.empty() && std::find(n.names.begin(), n.names.end(), name) == n.names.end()) n.names.push_back(name);
  }
  std::string_view v = trim_space(t);
  n.leads = cx.cues["quote-lead"].suffix(v) > 0;
  std::size_t stop = v.find("。");
  n.reports = cx.cues["quote-tail"].whole(stop == std::string_view::npos ? v : v.substr(0, stop + 3));
  return n;
}

// One person: equal names, or one the start of the other (佐伯 and 佐伯美緒): the fuller.
std::string same_person(const std::string& a, const std::string& b) {
  if (a.starts_with(b)) return a;
  if (b.starts_with(a)) return b;
  return {};
}

}  // namespace

void attribute_quotations(Context& cx) {
  for (auto& r : cx.runs) {
    if (r.mode != Run::Mode::prose) continue;
    for (std::size_t i = 0; i < r.items.size(); ++i) {
      Item& it = r.items[i];
      bool block = it.block.kind == BlockKind::quote || it.paragraph;
      if (!block || it.block.leaves.size() != 1 || !it.person.empty()) continue;
      if (!whole_quotation(leaf_text(it.block.leaves[0]))) continue;
      const Item* before = nullptr;
      const Item* after = nullptr;
      for (std::size_t j = i; j-- > 0;)
        if (r.items[j].block.kind != BlockKind::opaque) {
          before = &r.items[j];
          break;
        }
      for (std::size_t j = i + 1; j < r.items.size(); ++j)
        if (r.items[j].block.kind != BlockKind::opaque) {
          after = &r.items[j];
          break;
        }
      Named b = named_in(cx, before), a = named_in(cx, after);
      std::string who, why;
      if (a.reports && !a.names.empty()) {
        who = a.names.front();
        for (auto& n : b.names)
          if (auto s = same_person(n, who); !s.empty()) who = s;
        why = "a quotation the paragraph after it reports (" + who + ")";
      }
      for (std::size_t x = 0; who.empty() && x < b.names.size(); ++x)
        for (auto& n : a.names)
          if (auto s = same_person(b.names[x], n); !s.empty()) {
            who = s;
            why = "a quotation between paragraphs that both name " + who;
            break;
          }
      if (who.empty() && b.leads && b.names.size() == 1) {
        who = b.names.front();
        why = "a quotation the paragraph before it introduces (" + who + ")";
      }
      if (who.empty()) continue;
      it.part = Part::unit;
      it.person = "Q:" + who;
      it.cert = "medium";
      it.why = why;
    }
  }
}

}  // namespace jatei::speakers
