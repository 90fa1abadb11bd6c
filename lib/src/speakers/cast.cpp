// Who takes part in an unlabelled dialogue.
//
// A vocative at the start of a sentence (森さん、… では林さん、…) and a name asked in a question
// (西村さんはどう見ていますか) name the person spoken TO: that person takes part, and is not the
// one speaking. The lead (the narration before the dialogue, and the title) introduces people
// with a title or an honorific (吉岡浩之教授, 3年生の岸さん) or as the one who asks (編集部の森下が
// 聞いた): they take part when the dialogue speaks to them, by name or by their title (the 先生
// the students call is the professor of the lead), or when the lead says they ask.
#include "speakers/cast.hpp"

#include <algorithm>
#include <sstream>

#include "speakers/textutil.hpp"

namespace jatei::speakers {

namespace {

// A name of the lead: the whole as written (吉岡浩之教授), the name (吉岡浩之) and the title.
struct LeadName {
  std::string base, title;
  bool asks = false;  // the lead says this person asks (…が聞いた)
};

std::vector<LeadName> lead_names(Context& cx, const std::vector<Item*>& units) {
  std::vector<LeadName> out;
  if (units.empty()) return out;
  std::vector<std::string> texts{cx.doc.header.title};
  for (auto& r : cx.runs) {
    if (r.mode != Run::Mode::unlabelled) continue;
    for (auto& it : r.items) {
      if (&it == units.front()) break;
      if (it.part == Part::outside && !it.block.leaves.empty() && it.block.kind != BlockKind::opaque)
        texts.push_back(leaf_text(it.block.leaves[0]));
    }
    break;
  }
  for (auto& t : texts) {
    for (auto& raw : names_in_text(t, cx.cues)) {
      LeadName n;
      std::size_t title = 0;
      // The longest [honorific] the name ends with (准教授 before 教授).
      for (auto& e : cx.cues["honorific"].literal())
        if (raw.size() > e.text.size() && ends_with(raw, e.text)) {
          title = e.text.size();
          break;
        }
      n.base = raw.substr(0, raw.size() - title);
      n.title = raw.substr(raw.size() - title);
      if (cx.cues["title-name"].whole(raw)) n.base.clear(), n.title = raw;
      if (!n.base.empty() || !n.title.empty()) out.push_back(n);
    }
    // 編集部の森下が聞いた: the name right before the cue asks.
    std::size_t at = 0;
    std::string_view v = t;
    while (cx.cues["interviewer-cue"].contains(v, &at)) {
      std::size_t start = at;
      while (start > 0 && is_name_char(text::before(v, start))) start = text::prev(v, start);
      if (start < at) out.push_back({std::string(v.substr(start, at - start)), "", true});
      v = v.substr(text::next(v, at));
    }
  }
  return out;
}

}  // namespace

int Cast::member_of(const std::string& raw, const SpeakerModel::Compiled& c) const {
  std::string n = normalise_name(raw, c);
  for (std::size_t m = 0; m < members.size(); ++m)
    for (auto& a : members[m].aliases)
      if (a == n || a == raw) return static_cast<int>(m);
  return -1;
}

int Cast::addressee(const Item& u) const {
  for (auto& v : u.f.vocatives)
    if (int m = member_of(v, *cues); m >= 0) return m;
  if (!u.f.addressed.empty()) return member_of(u.f.addressed, *cues);
  return -1;
}

Cast find_cast(Context& cx, const std::vector<Item*>& units) {
  Cast cast;
  cast.cues = &cx.cues;
  std::vector<LeadName> lead = lead_names(cx, units);
  auto add = [&](const std::string& name, const std::string& alias, const std::string& title, bool leads) {
    for (auto& m : cast.members)
      if (m.name == name) {
        if (std::find(m.aliases.begin(), m.aliases.end(), alias) == m.aliases.end()) m.aliases.push_back(alias);
        m.lead = m.lead || leads;
        return;
      }
    cast.members.push_back({name, {alias}, title, leads ? "" : "", leads});
  };
  // The names the dialogue calls or asks.
  std::vector<std::string> called;
  for (Item* u : units) {
    for (auto& v : u->f.vocatives) called.push_back(v);
    if (!u->f.addressed.empty()) called.push_back(u->f.addressed);
  }
  for (auto& raw : called) {
    std::string n = normalise_name(raw, cx.cues);
    if (cx.cues["title-name"].whole(n)) {
      // 先生: the lead's one person with a leading title, when there is one.
      const LeadName* who = nullptr;
      int count = 0;
      for (auto& l : lead)
        if (!l.base.empty() && cx.cues["lead-title"].whole(l.title)) who = &l, ++count;
      if (count == 1) add(who->base, n, who->title, true);
      else add(n, n, n, cx.cues["lead-title"].whole(n));
      continue;
    }
    std::string full = n;
    for (auto& l : lead)
      if (!l.base.empty() && l.base.starts_with(n)) {
        full = l.base;
        break;
      }
    add(full, n, "", false);
  }
  // Whoever the lead says asks (編集部の森下が聞いた).
  for (auto& l : lead)
    if (l.asks) {
      add(l.base, l.base, "", true);
      cast.members.back().role = "interviewer";
      for (auto& m : cast.members)
        if (m.name == l.base) m.role = "interviewer";
    }
  for (std::size_t m = 0; m < cast.members.size(); ++m)
    if (cast.members[m].lead && cast.lead < 0) cast.lead = static_cast<int>(m);
  std::ostringstream why;
  why << cast.members.size() << " people named in the dialogue or its lead:";
  for (std::size_t m = 0; m < cast.members.size(); ++m) {
    why << (m ? ", " : " ") << cast.members[m].name;
    if (cast.members[m].lead) why << " (leads)";
  }
  if (cast.members.size() < 3) why << "; fewer than three: two speakers, named from the vocatives";
  cast.why = why.str();
  return cast;
}

double cast_emission(Context& cx, const Cast& cast, const Item& u, int s) {
  double v = 0;
  for (auto& n : u.f.vocatives)
    if (cast.member_of(n, cx.cues) == s) v -= cx.w("cast.self_address");
  if (!u.f.addressed.empty() && cast.member_of(u.f.addressed, cx.cues) == s) v -= cx.w("cast.self_address");
  for (auto& n : u.f.mentioned)
    if (cast.member_of(n, cx.cues) == s) v -= cx.w("cast.mention");
  if (s == cast.lead) {
    bool gives_floor = !u.f.vocatives.empty() || !u.f.addressed.empty();
    v += cx.w("cast.lead_question") * (u.f.question || u.f.request) + cx.w("cast.lead_floor") * gives_floor +
         cx.w("cast.lead_move") * u.f.move - cx.w("cast.lead_role") * u.f.role;
  }
  return v;
}

}  // namespace jatei::speakers
