// --explain: which label styles the document was found to use and why, how each run of
// divisions was judged, and for every block whether it is a turn, whose, and why.
#include <algorithm>
#include <iomanip>

#include "speakers/analysis.hpp"

namespace jatei::speakers {

namespace {

std::string who_of(const Context& cx, const std::string& key) {
  for (std::size_t k = 0; k < cx.people.size(); ++k)
    if (cx.people[k].key == key) return "spk" + std::to_string(k + 1);
  return "-";
}

void explain_styles(const Context& cx, std::ostream& os) {
  for (auto& st : cx.styles) {
    os << "jatei-speakers: label shape " << st.shape << ": " << (st.accepted ? "induced" : "not a label") << " ("
       << st.why << ")";
    if (!st.names.empty()) {
      os << "; names:";
      int shown = 0;
      for (auto& [key, n] : st.names) {
        if (shown++ == 8) {
          os << " …";
          break;
        }
        os << ' ' << key.substr(2) << "×" << n;
      }
    }
    os << '\n';
  }
  if (!cx.cast_why.empty()) os << "jatei-speakers: cast: " << cx.cast_why << '\n';
  if (!cx.monologue_why.empty()) os << "jatei-speakers: " << cx.monologue_why << '\n';
}

void explain_item(const Context& cx, const Item& it, std::ostream& os) {
  std::string id = it.block.id;
  if (id.empty() && !it.block.leaves.empty()) id = it.block.leaves[0].id;
  os << "  " << std::left << std::setw(6) << id << ' ' << std::setw(9) << to_string(it.block.kind) << std::right;
  if (it.paragraph) {
    const Features& f = it.f;
    os << " chars=" << f.chars << " polite=" << f.polite << " casual=" << f.casual << " q=" << f.question
       << " req=" << f.request << " react=" << f.react << " answer=" << f.answer << " objection=" << f.objection
       << " cont=" << f.continuation << " move=" << f.move << " marker=" << f.marker << " narrative=" << f.narrative
       << " intro=" << f.intro << " note=" << f.note;
    if (!f.vocatives.empty()) {
      os << " vocative=" << f.vocatives[0];
      for (std::size_t k = 1; k < f.vocatives.size(); ++k) os << ',' << f.vocatives[k];
    }
    if (!f.addressed.empty()) os << " addressed=" << f.addressed;
    os << " role=" << f.role;
  }
  if (it.label) os << " label=\"" << it.label->text << "\"";
  if (it.part == Part::unit && it.state >= 0) {
    os << " |";
    if (it.switch_score > -1e17) os << " switch=" << it.switch_score;
    os << " emit=";
    for (std::size_t k = 0; k < it.emit.size(); ++k) os << (k ? "/" : "") << it.emit[k];
    os << " margin=" << it.margin << " (" << it.cert << ")";
  }
  std::string who = it.part == Part::outside ? std::string("-") : who_of(cx, it.person);
  os << " -> " << (it.part == Part::outside ? "outside" : it.part == Part::attached ? "attached " + who : who);
  if (!it.why.empty()) os << ": " << it.why;
  os << '\n';
}

}  // namespace

void explain(Context& cx, std::ostream& os) {
  os << std::fixed << std::setprecision(2);
  explain_styles(cx, os);
  for (auto& r : cx.runs) {
    os << "jatei-speakers: divisions";
    for (std::size_t d : r.divs) os << ' ' << (d + 1);
    os << ": " << r.why << '\n';
    if (!r.interview_why.empty() && r.mode != Run::Mode::labelled) os << "  not an interview without marks: " << r.interview_why << '\n';
    if (r.mode == Run::Mode::prose) {  // only the quotations given to someone (quotes.cpp)
      for (auto& it : r.items)
        if (it.part != Part::outside) explain_item(cx, it, os);
      continue;
    }
    for (auto& it : r.items) explain_item(cx, it, os);
    for (std::size_t k = 0; k < cx.people.size(); ++k)
      if (std::any_of(r.items.begin(), r.items.end(), [&](const Item& it) { return it.person == cx.people[k].key; }))
        os << "  spk" << (k + 1) << ": name=\"" << cx.people[k].name << "\" role=" << cx.people[k].role << '\n';
  }
}

}  // namespace jatei::speakers
