// Who takes part in an unlabelled dialogue.
//
// A vocative at the start of a sentence (森さん、… では林さん、…) and a name asked in a question
// (西村さんはどう見ていますか) name the person spoken TO: that person takes part, and is not the
// one speaking. The lead (the narration before the dialogue, and the title) introduces people
// with a title or an honorific (吉岡浩之教授, 3年生の岸さん) or as the one who asks (編集部の森下が
// 聞いた): they take part when the dialogue speaks to them, by name or by their title (the 先生
// the students call is the professor of the lead), or when the lead says they ask. Friends the
// lead introduces with an honorific take part when the dialogue calls them by the bare name (葵さん
// in the lead, 葵は？ in the chat); the one person the lead names with a teaching title after the
// name (川口真理子准教授) takes part and leads when the dialogue calls two or more others and no one
// who leads: someone gives them the floor.
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
  bool bare = false;  // named without an honorific in a list of the people present (ユイ、サキ、ミホの3人)
  bool leads = false; // the lead gives the person a leading title before the name (講師は…中西涼子さん)
  bool moderates = false; // … a title of one who gives the floor (進行は…, 司会の…)
  bool counted = false; // one of the people a sentence lists with their count (…さん、…さん、…さんの3人)
  bool described = false; // introduced in a paragraph of the lead after what they are and の (アシスタントの水野さん)
  std::vector<std::string> words;  // the words of kanji or katakana in the clause before the name (温泉旅館を営む: 温泉旅館)
  int joined = -1;  // the names of the lead joined to it by と or 、 (竹内美咲さんと原田翔さん) share this number
};

}  // namespace

// The count of people a sentence gives (の3人, 三人が, 4人で), or 0.
int people_count(std::string_view t) {
  for (std::size_t at = t.find("人"); at != std::string_view::npos; at = t.find("人", at + 1)) {
    if (at == 0) continue;
    char32_t c = text::before(t, at);
    int n = c >= U'0' && c <= U'9' ? static_cast<int>(c - U'0') : c >= U'０' && c <= U'９' ? static_cast<int>(c - U'０')
            : c == U'二' ? 2 : c == U'三' ? 3 : c == U'四' ? 4 : c == U'五' ? 5 : c == U'六' ? 6 : -1;
    if (n < 0) continue;
    std::size_t start = text::prev(t, at);
    if (start > 0 && (text::is_digit(text::before(t, start)) || text::is_kanji(text::before(t, start)))) continue;  // 13人, 十三人
    return n;
  }
  return 0;
}

namespace {

// 講師は観光地づくりに詳しい中西涼子さん / 司会の有田さん / 進行は市民協働課の岩田が務めた: a title of
// [lead-title] or [moderator-title] followed by は, の or a colon, then, in the same sentence, the
// first name with an honorific, or else a name the page writes bare for its own staff (…の岩田が):
// the one who leads. Every such title of the text, in order.
struct Titled {
  std::string name, title;
  bool moderates = false;  // a [moderator-title]: gives the others the floor
};
// The name that stands right after a title and its joiner (司会の小川まどかアナウンサーが, 進行役の
// 岩田です, 司会は小川さん): a run of kanji or katakana, a given name in hiragana after it at most,
// then an [honorific], a title of [moderator-title] or [lead-title], or a word that closes a
// name (が, は, と, 、, 。, です, a bracket): 小川; "" when the words after the title are no name
// (講師は観光地づくりに…, 進行は本紙の前田).
std::string name_after_title(std::string_view rest, const SpeakerModel::Compiled& cues) {
  while (!rest.empty() && text::is_space(text::at(rest, 0))) rest.remove_prefix(text::next(rest, 0));
  std::size_t e = 0;
  while (e < rest.size() && is_name_char(text::at(rest, e))) e = text::next(rest, e);
  std::string_view run = rest.substr(0, e);
  // a title the run ends with (小川アナウンサー): the name before it
  for (const char* list : {"moderator-title", "lead-title", "honorific"})
    for (std::size_t k = 0; k < run.size(); k = text::next(run, k))
      if (k > 0 && cues[list].whole(run.substr(k))) {
        run = run.substr(0, k);
        break;
      }
  std::size_t len = text::length(run);
  if (len < 1 || len > 6 || cues["first-person"].whole(run) || cues["not-name"].whole(run) ||
      cues["title-name"].whole(run))
    return {};  // (司会の私が)
  std::string_view after = rest.substr(e);
  if (run.size() < e) return std::string(run);  // the title came off
  auto titles = [&](std::string_view v) {
    return cues["honorific"].prefix(v) || cues["moderator-title"].prefix(v) || cues["lead-title"].prefix(v);
  };
  if (titles(after)) return std::string(run);
  for (std::string_view closes : {"が", "は", "と", "、", "。", "です", "（", "("})
    if (after.starts_with(closes)) return std::string(run);
  std::size_t h = 0, kana = 0;
  while (h < after.size() && text::is_hiragana(text::at(after, h)) && kana < 4) h = text::next(after, h), ++kana;
  if (kana > 0 && titles(after.substr(h))) return std::string(run);
  return {};
}

std::vector<Titled> titled_before(std::string_view t, const SpeakerModel::Compiled& cues) {
  std::vector<Titled> out;
  for (std::size_t i = 0; i < t.size(); i = text::next(t, i)) {
    // A word of its own (not 市長 in 副市長…; a katakana title after kanji is one: 番組アシスタント).
    if (i > 0 && is_name_char(text::before(t, i)) &&
        !(text::is_kanji(text::before(t, i)) && text::katakana_word(text::at(t, i))))
      continue;
    std::size_t lead = cues["lead-title"].prefix(t.substr(i)), mod = cues["moderator-title"].prefix(t.substr(i));
    std::size_t n = std::max(lead, mod);
    if (!n) continue;
    std::string_view rest = t.substr(i + n);
    if (!(rest.starts_with("は") || rest.starts_with("の") || rest.starts_with("：") || rest.starts_with(":"))) continue;
    std::size_t end = rest.find("。");
    std::string_view sentence = rest.substr(0, end);
    // The name right after the title is the one it titles (司会の小川まどかアナウンサーが、…石原健一
    // さんを迎え: 小川, not the first name with an honorific).
    std::string name = name_after_title(rest.substr(text::next(rest, 0)), cues);
    if (name.empty()) {
      auto names = names_in_text(sentence, cues);
      std::erase_if(names, [&](const std::string& x) { return cues["title-name"].whole(x); });
      name = names.empty() ? std::string() : names.front();
    }
    if (name.empty()) {
      // 市民協働課の岩田が: one to four name characters between の and が.
      for (std::size_t ga = sentence.find("が"); ga != std::string_view::npos && name.empty(); ga = sentence.find("が", ga + 1)) {
        std::size_t start = ga;
        while (start > 0 && is_name_char(text::before(sentence, start))) start = text::prev(sentence, start);
        std::size_t len = text::length(sentence.substr(start, ga - start));
        if (len >= 1 && len <= 4 && start > 0 && sentence.substr(0, start).ends_with("の"))
          name = std::string(sentence.substr(start, ga - start));
      }
    }
    if (name.empty()) {
      // 進行は本紙の前田。: the same name closing the sentence.
      std::string_view s = trim_space(sentence);
      std::size_t start = s.size();
      while (start > 0 && is_name_char(text::before(s, start))) start = text::prev(s, start);
      std::size_t len = text::length(s.substr(start));
      if (len >= 1 && len <= 4 && start > 0 && s.substr(0, start).ends_with("の")) name = std::string(s.substr(start));
    }
    if (name.empty()) continue;
    out.push_back({name, std::string(t.substr(i, n)), mod >= lead});
  }
  return out;
}

// ユイ、サキ、ミホの3人 / 森と林の二人: the names a text lists before "の" and a count of people.
std::vector<std::string> enumerated_names(std::string_view t) {
  std::vector<std::string> out;
  for (std::size_t at = t.find("の"); at != std::string_view::npos; at = t.find("の", at + 1)) {
    std::size_t k = at + 3;  // after の
    std::size_t digits = 0;
    auto count_char = [](char32_t c) {
      return text::is_digit(c) || c == U'二' || c == U'三' || c == U'四' || c == U'五' || c == U'六';
    };
    while (k < t.size() && count_char(text::at(t, k))) k = text::next(t, k), ++digits;
    if (digits == 0 || t.substr(k, 3) != "人") continue;
    std::vector<std::string> names;
    std::size_t end = at;
    while (end > 0) {
      std::size_t start = end;
      while (start > 0 && is_name_char(text::before(t, start))) start = text::prev(t, start);
      std::size_t len = text::length(t.substr(start, end - start));
      if (len == 0 || len > 8) break;
      names.insert(names.begin(), std::string(t.substr(start, end - start)));
      char32_t sep = text::before(t, start);
      if (sep != U'、' && sep != U'と' && sep != U'，') break;
      end = text::prev(t, start);
    }
    if (names.size() >= 2) out.insert(out.end(), names.begin(), names.end());
  }
  return out;
}

// Uses of a name the lead gave without an honorific, in a unit: called at the start of a
// sentence (ミホ、…), asked in a question (ミホは…でしょ？ サキって…してる？), or spoken of.
void find_bare_uses(Item& u, const std::string& name, const SpeakerModel::Compiled& cues) {
  if (u.block.leaves.empty()) return;
  for (auto& p : u.block.leaves[0].pieces) {
    if (p.kind != Piece::Kind::sentence) continue;
    std::string_view s = trim_space(p.sentence.text);
    Ending e = analyse_ending(s, cues);
    for (std::size_t at = s.find(name); at != std::string_view::npos; at = s.find(name, at + 1)) {
      std::size_t after = at + name.size();
      if ((at > 0 && is_name_char(text::before(s, at))) || (after < s.size() && is_name_char(text::at(s, after)))) continue;
      if (cues["honorific"].prefix(s.substr(after))) continue;  // 葵さん: a use with its honorific, found by the features
      std::string_view head = s.substr(0, at);
      head.remove_prefix(cues["vocative-skip"].prefix(head));
      while (!head.empty() && (text::at(head, 0) == U'、' || text::is_space(text::at(head, 0))))
        head.remove_prefix(text::next(head, 0));
      bool at_start = head.empty();
      char32_t next = text::at(s, after);
      if (at_start && (next == U'、' || next == U'！' || next == '!' || next == U'，')) u.f.vocatives.push_back(name);
      else if ((e.question || e.request) && cues["addressee-particle"].prefix(s.substr(after)) && u.f.addressed.empty())
        u.f.addressed = name;
      else if (next != U'、' || !at_start) u.f.mentioned.push_back(name);
    }
  }
}

// The title and the blocks before the dialogue's first unit (its lead).
std::vector<std::string> lead_texts(Context& cx, const std::vector<Item*>& units) {
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
  return texts;
}

// The words of two or more kanji or katakana in the clause of `t` right before `name` (from the
// sentence start or the last 、 before it): what the lead says the person is or does
// (温泉旅館を営む井上さん: 温泉旅館; 地元の大学に通う小池さん: 地元, 大学).
std::vector<std::string> clause_words(std::string_view t, std::string_view name) {
  std::vector<std::string> out;
  std::size_t at = t.find(name);
  if (at == std::string_view::npos) return out;
  std::string_view clause = t.substr(0, at);
  for (std::string_view cut : {"。", "、", "，"})
    if (std::size_t c = clause.rfind(cut); c != std::string_view::npos) clause = clause.substr(c + cut.size());
  std::string word;
  auto flush = [&] {
    if (text::length(word) >= 2) out.push_back(word);
    word.clear();
  };
  bool kanji = false;
  for (text::CodePoint cp : text::code_points(clause)) {
    bool k = text::is_kanji(cp.c), kata = text::katakana_word(cp.c);
    if (!k && !kata) {
      flush();
      continue;
    }
    if (!word.empty() && k != kanji) flush();
    kanji = k;
    utf8::append(word, cp.c);
  }
  flush();
  return out;
}

std::vector<LeadName> lead_names(Context& cx, const std::vector<Item*>& units) {
  std::vector<LeadName> out;
  int joined = -1;  // the last group number of joined names
  if (units.empty()) return out;
  // An attendee list (出演：森本ひろみ、杉田健太、小野寺あかね) names everyone who takes part.
  for (auto& listed : attendee_names(cx)) {
    LeadName n;
    for (text::CodePoint cp : text::code_points(listed))
      if (!text::is_space(cp.c)) utf8::append(n.base, cp.c);
    n.counted = true;
    out.push_back(n);
  }
  auto texts = lead_texts(cx, units);
  for (std::size_t ti = 0; ti < texts.size(); ++ti) {
    const std::string& t = texts[ti];
    // A sentence that lists as many names as the count of people it gives: those people take part.
    std::vector<std::string> listed;
    for (std::string_view rest = t; !rest.empty();) {
      std::size_t end = rest.find("。");
      std::string_view sentence = rest.substr(0, end);
      auto names = names_in_text(sentence, cx.cues);
      if (names.size() >= 2 && people_count(sentence) == static_cast<int>(names.size()))
        listed.insert(listed.end(), names.begin(), names.end());
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 3);
    }
    // 竹内美咲さんと原田翔さん: names with only と or 、 between them go together.
    std::vector<int> joined_of;
    {
      auto names = names_in_text(t, cx.cues);
      std::size_t from = 0, prev_end = std::string::npos;
      for (auto& raw : names) {
        std::size_t at = t.find(raw, from);
        int group = -1;
        if (at != std::string::npos && prev_end != std::string::npos && at >= prev_end) {
          std::string_view between = std::string_view(t).substr(prev_end, at - prev_end);
          if (between == "と" || between == "、" || between == "，") group = joined_of.back() >= 0 ? joined_of.back() : ++joined;
          if (group >= 0 && joined_of.back() < 0) joined_of.back() = group;
        }
        joined_of.push_back(group);
        if (at != std::string::npos) from = prev_end = at + raw.size();
      }
    }
    std::size_t nth = 0;
    for (auto& raw : names_in_text(t, cx.cues)) {
      LeadName n;
      n.joined = nth < joined_of.size() ? joined_of[nth] : -1;
      ++nth;
      n.counted = std::find(listed.begin(), listed.end(), raw) != listed.end();
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
      n.described = ti > 0 && !n.base.empty() && t.find("の" + raw) != std::string::npos;  // ti 0: the title
      if (ti > 0 && !n.base.empty()) n.words = clause_words(t, raw);
      if (!n.base.empty() || !n.title.empty()) out.push_back(n);
    }
    for (auto& titled : titled_before(t, cx.cues)) {
      LeadName n;
      n.base = normalise_name(titled.name, cx.cues);
      for (auto& e : cx.cues["honorific"].literal())
        if (n.base.size() > e.text.size() && ends_with(n.base, e.text)) {
          n.base.resize(n.base.size() - e.text.size());
          break;
        }
      n.title = titled.title;
      n.leads = true;
      n.moderates = titled.moderates;
      if (!n.base.empty()) out.push_back(n);
    }
    for (auto& name : enumerated_names(t)) {
      LeadName n;
      n.base = name;
      n.bare = true;
      out.push_back(n);
    }
    // 編集部の森下が聞いた: the name right before the cue asks.
    std::size_t at = 0;
    std::string_view v = t;
    while (cx.cues["interviewer-cue"].contains(v, &at)) {
      std::size_t start = at;
      while (start > 0 && is_name_char(text::before(v, start))) start = text::prev(v, start);
      if (start < at) {
        LeadName n;
        n.base = std::string(v.substr(start, at - start));
        n.asks = true;
        out.push_back(n);
      }
      v = v.substr(text::next(v, at));
    }
  }
  return out;
}

// Three or more names given with --names are the participants: each is matched to the person of
// the text it names (中西 is the lead's 中西涼子; あかね is 小野寺あかね), the people the text names
// beyond them are left out, and a name the text never uses is a person of its own, told apart
// from the others by how they speak; its name is given in order of first speaking (names.cpp).
void from_names(Context& cx, Cast& cast) {
  const std::vector<std::string>& given = cx.opts.names;
  std::vector<std::string> names;
  for (auto& g : given)
    if (!g.empty()) names.push_back(g);
  if (names.size() < 3) return;
  auto names_member = [&](const std::string& g, const CastMember& m) {
    std::string n = normalise_name(g, cx.cues);
    if (m.name == g || m.name == n) return true;
    for (auto& a : m.aliases)
      if (a == g || a == n) return true;
    bool long_enough = text::length(n) >= 2;
    return long_enough && (m.name.starts_with(n) || ends_with(m.name, n) || n.starts_with(m.name));
  };
  std::vector<CastMember> kept;
  std::vector<std::string> unmatched;
  std::vector<bool> used(cast.members.size(), false);
  for (auto& g : names) {
    bool found = false;
    for (std::size_t m = 0; m < cast.members.size() && !found; ++m)
      if (!used[m] && names_member(g, cast.members[m])) {
        used[m] = found = true;
        CastMember c = cast.members[m];
        c.given = g;
        c.named_by_user = true;
        kept.push_back(c);
      }
    if (!found) unmatched.push_back(g);
  }
  // The text's other people take the names it does not use, as many as there are.
  std::size_t room = unmatched.size();
  for (std::size_t m = 0; m < cast.members.size() && room > 0; ++m)
    if (!used[m]) {
      CastMember c = cast.members[m];
      c.named_by_user = true;
      kept.push_back(c);
      --room;
    }
  for (std::size_t k = unmatched.size() - room; k < unmatched.size(); ++k) {
    CastMember c;
    c.name = unmatched[k];
    c.aliases = {unmatched[k]};
    c.named_by_user = true;
    kept.push_back(c);
  }
  std::string teacher = cast.teacher >= 0 ? cast.members[static_cast<std::size_t>(cast.teacher)].name : "";
  cast.members = kept;
  cast.teacher = -1;
  for (std::size_t m = 0; m < cast.members.size(); ++m)
    if (!teacher.empty() && cast.members[m].name == teacher) cast.teacher = static_cast<int>(m);
}

// Whether the people the dialogue calls by name are all answerers, asked by someone it never
// names (the announcer of a hero interview, the reporter of a roundtable whose lead says only
// 聞き手は本紙記者). The page says it is an interview ([interview-lead] in the title or the lead),
// and who asks and who answers is a role kept across the dialogue: when every member is called
// by name in a prompt (a paragraph that says nothing of its speaker: no first person), nearly
// every call is such a prompt and the one called answers without calling or asking anyone back,
// the one who calls is none of them. (A moderator among the members is called, if at all, by a
// guest who speaks of themself first.) Returns why ("" = not so).
std::string unnamed_asker(Context& cx, const Cast& cast, const std::vector<Item*>& units) {
  const std::size_t k = cast.members.size();
  if (k < 2 || cast.lead >= 0 || !cast.polite) return {};
  auto texts = lead_texts(cx, units);
  if (std::none_of(texts.begin(), texts.end(), [&](const std::string& t) { return cx.cues["interview-lead"].contains(t); }))
    return {};
  for (auto& m : cast.members)
    if (m.lead || !m.role.empty() || m.named_by_user) return {};
  std::vector<int> called(k, 0);
  int calls = 0, prompts = 0, answered = 0;
  for (std::size_t t = 0; t < units.size(); ++t) {
    int to = cast.addressee(*units[t]);
    if (to < 0) continue;
    ++calls;
    const Features& f = units[t]->f;
    bool prompt = !f.first_person;
    prompts += prompt;
    called[static_cast<std::size_t>(to)] += prompt;
    if (t + 1 < units.size() && units[t + 1]->switch_score > -1e17) {
      const Features& a = units[t + 1]->f;
      answered += cast.addressee(*units[t + 1]) < 0 && !a.question && !a.group_call;
    }
  }
  if (calls < cx.w("cast.asker_min_calls")) return {};
  for (int c : called)
    if (c == 0) return {};
  if (prompts < cx.w("cast.asker_prompts") * calls || answered < cx.w("cast.asker_answered") * calls) return {};
  return "an interview; each of the " + std::to_string(k) + " is called by name in a prompt (" + std::to_string(calls) + " calls, " +
         std::to_string(prompts) + " of them prompts, " + std::to_string(answered) +
         " answered without asking back): someone the dialogue never names asks";
}

}  // namespace

int Cast::member_of(const std::string& raw, const SpeakerModel::Compiled& c) const {
  std::string n = normalise_name(raw, c);
  for (std::size_t m = 0; m < members.size(); ++m)
    for (auto& a : members[m].aliases)
      if (a == n || a == raw) return static_cast<int>(m);
  // The full name the lead gives (小林大地選手 of a member the dialogue calls 小林選手).
  for (std::size_t m = 0; m < members.size(); ++m)
    if (!members[m].name.empty() && members[m].name == n) return static_cast<int>(m);
  return -1;
}

int Cast::addressee(const Item& u) const {
  for (auto& v : u.f.vocatives)
    if (int m = member_of(v, *cues); m >= 0) return m;
  if (!u.f.addressed.empty()) return member_of(u.f.addressed, *cues);
  return -1;
}

namespace {

// Adds a member, or the alias to the member of that name (who leads when either says so).
void add_member(Cast& cast, const std::string& name, const std::string& alias, const std::string& title, bool leads) {
  for (auto& m : cast.members)
    if (m.name == name) {
      if (std::find(m.aliases.begin(), m.aliases.end(), alias) == m.aliases.end()) m.aliases.push_back(alias);
      m.lead = m.lead || leads;
      return;
    }
  cast.members.push_back({name, {alias}, title, "", leads, "", false, {}});
}

// The people the dialogue calls or asks, each the fullest form the lead gives them.
void add_called(Context& cx, Cast& cast, const std::vector<LeadName>& lead, const std::vector<Item*>& units) {
  std::vector<std::string> called;
  for (Item* u : units) {
    for (auto& v : u->f.vocatives) called.push_back(v);
    if (!u->f.addressed.empty()) called.push_back(u->f.addressed);
  }
  // 松永先生 is the lead's 松永修(さん): the name without the title it is called by; あかねちゃん,
  // ひろみさん are the lead's 小野寺あかね, 森本ひろみ: called by the given name.
  auto full_name = [&](const std::string& n) {
    std::string stem = n;
    for (auto& e : cx.cues["honorific"].literal())
      if (stem.size() > e.text.size() && ends_with(stem, e.text)) {
        stem.resize(stem.size() - e.text.size());
        break;
      }
    // The fullest form the lead gives (the title's 石田選手 and the lead's 石田拓海選手: 石田拓海).
    std::string best = n;
    bool found = false;
    for (auto& l : lead)
      if (!l.base.empty() && (l.base.starts_with(n) || l.base.starts_with(stem) ||
                              (text::length(stem) >= 2 && l.base.size() > stem.size() && ends_with(l.base, stem))) &&
          (!found || l.base.size() > best.size()))
        best = l.base, found = true;
    return best;
  };
  for (auto& raw : called) {
    std::string n = normalise_name(raw, cx.cues);
    if (cx.cues["title-name"].whole(n)) {
      // 先生: the lead's one person with a leading title, when there is one (the one who
      // moderates, 司会の…, is not the one called 先生).
      const LeadName* who = nullptr;
      int count = 0;
      for (auto& l : lead)
        if (!l.base.empty() && cx.cues["lead-title"].whole(l.title) && !l.moderates) who = &l, ++count;
      if (count == 1) {
        add_member(cast, who->base, n, who->title, true);
        continue;
      }
      // …else the one person the lead describes by a profession people call so (日本料理店の
      // 店主・石原健一さん, 料理研究家の…: [teacher-word]), who teaches while another leads.
      if (count == 0) {
        const LeadName* expert = nullptr;
        int experts = 0;
        for (auto& l : lead) {
          if (l.base.empty() || l.moderates || (expert && expert->base == l.base)) continue;
          bool is = std::any_of(l.words.begin(), l.words.end(), [&](const std::string& w) {
            return cx.cues["teacher-word"].suffix(w) > 0;
          });
          if (is) expert = &l, ++experts;
        }
        if (experts == 1) {
          add_member(cast, expert->base, n, expert->title, false);
          continue;
        }
      }
      // …else the one person the dialogue also calls with that title after the name (長尾先生).
      std::string titled;
      int with_title = 0;
      for (auto& other : called) {
        std::string o = normalise_name(other, cx.cues);
        if (o.size() > n.size() && ends_with(o, n) && !cx.cues["title-name"].whole(o) && full_name(o) != titled)
          titled = full_name(o), ++with_title;
      }
      if (with_title == 1) add_member(cast, titled, n, n, cx.cues["lead-title"].whole(n));
      else add_member(cast, n, n, n, cx.cues["lead-title"].whole(n));
      continue;
    }
    add_member(cast, full_name(n), n, "", false);
  }
}

// The people the lead introduces each after what they are (番組アシスタントの水野さん、ゲストで俳優の
// 谷口亮さん) are the candidates: when the dialogue speaks to two or more of them, the one or two it
// never calls take part too (the host who gives the others the floor).
void add_described(Context& cx, Cast& cast, const std::vector<LeadName>& lead) {
  std::vector<std::string> in, out;
  auto taking_part = [&](const std::string& base) {
    return cast.member_of(base, cx.cues) >= 0 ||
           std::any_of(cast.members.begin(), cast.members.end(), [&](const CastMember& m) { return m.name == base; });
  };
  for (auto& l : lead) {
    if (!l.described) continue;
    auto& bucket = taking_part(l.base) ? in : out;
    if (std::find(in.begin(), in.end(), l.base) == in.end() && std::find(out.begin(), out.end(), l.base) == out.end())
      bucket.push_back(l.base);
  }
  if (in.size() >= 2 && !out.empty() && out.size() <= cx.w("cast.described_max_uncalled"))
    for (auto& l : lead)
      if (l.described && !taking_part(l.base)) add_member(cast, l.base, l.base, l.title, false);
}

// The one of `known` a paragraph's first or second sentence introduces its speaker as: the
// sentence ends with the name and a [self-intro] ending (…の西田と申します。 …をやっている村井です。),
// nothing of the name before it (the longest name that fits), or "".
// `said_in` is given the sentence.
std::string introduced_as(const Item& u, const std::vector<std::string>& known, const SpeakerModel::Compiled& cues,
                          std::string_view* said_in = nullptr) {
  if (u.block.leaves.empty()) return {};
  int k = 0;
  for (auto& p : u.block.leaves[0].pieces) {
    if (p.kind != Piece::Kind::sentence || trim_space(p.sentence.text).empty()) continue;
    if (k++ >= 2) break;
    std::string_view s = trim_space(p.sentence.text);
    while (!s.empty() && text::is_terminator(text::before(s, s.size()))) s = s.substr(0, text::prev(s, s.size()));
    std::size_t n = cues["self-intro"].suffix(s);
    if (!n || n >= s.size()) continue;
    std::string_view said = s.substr(0, s.size() - n);
    std::string best;
    for (auto& name : known)
      if (name.size() > best.size() && ends_with(said, name) &&
          (said.size() == name.size() || !is_name_char(text::before(said, said.size() - name.size()))))
        best = name;
    if (!best.empty()) {
      if (said_in) *said_in = s;
      return best;
    }
  }
  return {};
}

// …をやっている村井です。 店主の西田と申します。: a self-introduction whose name the dialogue calls
// or the lead gives, after whatever clause says what the speaker does, names the speaker (a name
// the dialogue or the lead knows is surer than a word the features took for one: 私の仕事です).
// Returns the names known.
std::vector<std::string> introductions(Context& cx, const Cast& cast, const std::vector<LeadName>& lead,
                                       const std::vector<Item*>& units) {
  std::vector<std::string> known;
  for (auto& m : cast.members) {
    known.push_back(m.name);
    known.insert(known.end(), m.aliases.begin(), m.aliases.end());
  }
  for (auto& l : lead) known.push_back(l.base);
  std::erase_if(known, [&](const std::string& k) { return k.empty() || cx.cues["title-name"].whole(k); });
  for (Item* u : units)
    if (std::string self = introduced_as(*u, known, cx.cues); !self.empty()) u->f.self_named = self;
  return known;
}

// What a member says they do when they give their name (振興組合で空き店舗の仲介をしている岡本です:
// 振興組合, 空き店舗, 仲介) describes them as the lead's words do.
void described_by_themselves(Context& cx, Cast& cast, const std::vector<std::string>& known,
                             const std::vector<Item*>& units) {
  for (Item* u : units) {
    std::string_view sentence;
    std::string self = introduced_as(*u, known, cx.cues, &sentence);
    int m = self.empty() ? -1 : cast.member_of(self, cx.cues);
    if (m < 0) continue;
    auto& described = cast.members[static_cast<std::size_t>(m)].described;
    for (auto& w : clause_words(sentence, self))
      if (std::find(described.begin(), described.end(), w) == described.end()) described.push_back(w);
  }
}

// Names the lead joins (3年生の竹内美咲さんと原田翔さん) take part together: when the dialogue speaks
// to one of them among others, the other takes part too, called or not.
void add_joined(Context& cx, Cast& cast, const std::vector<LeadName>& lead) {
  if (cast.members.size() < 2) return;
  auto taking_part = [&](const std::string& base) {
    return cast.member_of(base, cx.cues) >= 0 ||
           std::any_of(cast.members.begin(), cast.members.end(), [&](const CastMember& m) { return m.name == base; });
  };
  for (auto& l : lead) {
    if (l.joined < 0 || l.base.empty() || cx.cues["title-name"].whole(l.base) || taking_part(l.base)) continue;
    bool with = std::any_of(lead.begin(), lead.end(), [&](const LeadName& o) {
      return o.joined == l.joined && &o != &l && !o.base.empty() && taking_part(o.base);
    });
    if (with) add_member(cast, l.base, l.base, l.title, false);
  }
}

}  // namespace

Cast find_cast(Context& cx, const std::vector<Item*>& units) {
  Cast cast;
  cast.cues = &cx.cues;
  std::vector<LeadName> lead = lead_names(cx, units);
  auto add = [&](const std::string& name, const std::string& alias, const std::string& title, bool leads) {
    add_member(cast, name, alias, title, leads);
  };
  add_called(cx, cast, lead, units);
  std::vector<std::string> known = introductions(cx, cast, lead, units);
  // Whoever gives their own name (村上です。 市民協働課の岩田です) is the person the lead or the
  // dialogue names so (a name given once and nowhere else may be a word: 了解です).
  for (Item* u : units) {
    const std::string& self = u->f.self_named;
    if (self.empty() || cast.member_of(self, cx.cues) >= 0) continue;
    for (auto& m : cast.members)
      if (m.name.starts_with(self) && text::length(self) >= 2) m.aliases.push_back(self);
    if (cast.member_of(self, cx.cues) >= 0) continue;
    for (auto& l : lead)
      if (!l.base.empty() && l.base.starts_with(self)) {
        add(l.base, self, l.title, false);
        break;
      }
  }
  // The people the lead lists (ユイ、サキ、ミホの3人) take part; the dialogue calls them bare.
  for (auto& l : lead) {
    if (!l.bare) continue;
    add(l.base, l.base, "", false);
    for (Item* u : units) find_bare_uses(*u, l.base, cx.cues);
  }
  // A person the lead introduces with an honorific (友だちの葵さん、蓮さん) whom friends call without
  // it (蓮、カレーでいい？ 葵は？): the dialogue calling or asking the bare name speaks to them.
  for (auto& l : lead) {
    if (l.bare || l.asks || l.base.empty() || !cx.cues["strip-honorific"].whole(l.title)) continue;
    if (cast.member_of(l.base, cx.cues) >= 0) continue;
    bool called_bare = false;
    for (Item* u : units) {
      find_bare_uses(*u, l.base, cx.cues);
      called_bare = called_bare || u->f.addressed == l.base ||
                    std::find(u->f.vocatives.begin(), u->f.vocatives.end(), l.base) != u->f.vocatives.end();
    }
    if (called_bare) add(l.base, l.base, "", false);
  }
  // The people a sentence of the lead lists with their count (…さん、…さん、…さんの3人) take part,
  // called or not.
  for (auto& l : lead)
    if (l.counted && !l.base.empty() && cast.member_of(l.base, cx.cues) < 0) add(l.base, l.base, l.title, false);
  add_described(cx, cast, lead);
  add_joined(cx, cast, lead);
  // Whoever the lead gives a leading title (講師は…中西涼子さん) takes part and leads, called or not,
  // when others take part. So does the one person the lead names with a teaching title after the
  // name (川口真理子准教授のゼミ) when the dialogue speaks to two or more others and to no one who
  // leads: someone calls them, and the students do not call each other to the floor.
  // One who moderates (進行は…岩田が務めた) leads rather than the one who teaches (講師は…).
  bool moderated = std::any_of(lead.begin(), lead.end(), [](const LeadName& l) { return l.moderates; });
  if (!cast.members.empty())
    for (auto& l : lead)
      if (l.leads) add(l.base, l.base, l.title, !moderated || l.moderates);
  if (moderated)
    for (std::size_t k = 0; k < cast.members.size(); ++k) {
      auto& m = cast.members[k];
      bool mod = false, teaches = false;
      for (auto& l : lead) {
        mod = mod || (l.moderates && l.base == m.name);
        teaches = teaches || (l.leads && !l.moderates && l.base == m.name);
      }
      // …and so is the one the dialogue calls by a teaching title (先生) while another moderates.
      for (auto& a : m.aliases) teaches = teaches || (cx.cues["title-name"].whole(a) && cx.cues["lead-title"].whole(a));
      m.lead = mod;
      // With someone else giving the floor, the one the lead titles as teaching (講師は…) is the
      // one the questions are put to: they explain.
      if (teaches && !mod && cast.teacher < 0) cast.teacher = static_cast<int>(k);
    }
  if (cast.members.size() >= 2 && std::none_of(cast.members.begin(), cast.members.end(),
                                               [](const CastMember& m) { return m.lead; })) {
    const LeadName* teacher = nullptr;
    int count = 0;
    for (auto& l : lead)
      if (!l.base.empty() && cx.cues["lead-title"].whole(l.title) && !cx.cues["title-name"].whole(l.base) &&
          cast.member_of(l.base, cx.cues) < 0 && (!teacher || teacher->base != l.base))
        teacher = &l, ++count;
    if (count == 1) add(teacher->base, teacher->base, teacher->title, true);
  }
  // Whoever the lead says asks (編集部の森下が聞いた).
  for (auto& l : lead)
    if (l.asks) {
      add(l.base, l.base, "", true);
      cast.members.back().role = "interviewer";
      for (auto& m : cast.members)
        if (m.name == l.base) m.role = "interviewer";
    }
  // What the lead says each member is or does (温泉旅館を営む井上さん), for the paragraphs that speak
  // of it as their own (うちの旅館, 旅館としては); so does what a member says they do when they give
  // their name (振興組合で空き店舗の仲介をしている岡本です: 振興組合, 空き店舗, 仲介).
  for (auto& m : cast.members)
    for (auto& l : lead)
      if (!l.base.empty() && l.base == m.name)
        for (auto& w : l.words)
          if (std::find(m.described.begin(), m.described.end(), w) == m.described.end()) m.described.push_back(w);
  described_by_themselves(cx, cast, known, units);
  from_names(cx, cast);
  for (std::size_t m = 0; m < cast.members.size(); ++m)
    if (cast.members[m].lead && cast.lead < 0) cast.lead = static_cast<int>(m);
  double polite = 0, casual = 0;
  for (Item* u : units) polite += u->f.polite, casual += u->f.casual;
  cast.polite = polite > casual;
  std::string asker = unnamed_asker(cx, cast, units);
  if (!asker.empty()) {
    // A member without a name (no persName), who leads.
    cast.members.push_back({"", {}, "", "interviewer", true, "", false, {}});
    cast.lead = static_cast<int>(cast.members.size() - 1);
  }
  std::ostringstream why;
  why << cast.members.size() << " people named in the dialogue or its lead:";
  for (std::size_t m = 0; m < cast.members.size(); ++m) {
    why << (m ? ", " : " ") << (cast.members[m].name.empty() ? "one not named" : cast.members[m].name);
    if (cast.members[m].lead) why << " (leads)";
  }
  if (!asker.empty()) why << "; " << asker;
  if (cast.teacher >= 0) why << "; " << cast.members[static_cast<std::size_t>(cast.teacher)].name << " explains (taught, another leads)";
  if (cast.members.size() < 3) why << "; fewer than three: two speakers, named from the vocatives";
  cast.why = why.str();
  if (!cast.members.empty() && cast.members.front().named_by_user)
    cast.why += "; --names gives the " + std::to_string(cast.members.size()) + " people";
  return cast;
}

// The one member a paragraph speaks of as its speaker's own: a word after an [own-mark] (うちの旅館,
// 私の大学) or before an [own-stance] (旅館としては) that is part of one word the lead describes
// exactly one member with (温泉旅館を営む井上さん), or -1.
int own_word_member(Context& cx, const Cast& cast, const Item& u) {
  std::string_view t = u.text;
  std::vector<std::string> said;
  auto word_at = [&](std::size_t i, bool forward) {
    std::string w;
    if (forward) {
      for (std::size_t j = i; j < t.size(); j = text::next(t, j)) {
        char32_t c = text::at(t, j);
        if (!text::is_kanji(c) && !text::katakana_word(c)) break;
        utf8::append(w, c);
      }
    } else {
      std::size_t j = i;
      while (j > 0 && (text::is_kanji(text::before(t, j)) || text::katakana_word(text::before(t, j)))) j = text::prev(t, j);
      w = std::string(t.substr(j, i - j));
    }
    return w;
  };
  for (std::size_t i = 0; i < t.size(); i = text::next(t, i)) {
    std::string_view rest = t.substr(i);
    if (std::size_t n = cx.cues["own-mark"].prefix(rest)) said.push_back(word_at(i + n, true));
    if (cx.cues["own-stance"].prefix(rest)) said.push_back(word_at(i, false));
  }
  int found = -1;
  for (auto& w : said) {
    if (text::length(w) < 2) continue;
    for (std::size_t m = 0; m < cast.members.size(); ++m)
      for (auto& d : cast.members[m].described)
        if (d.find(w) != std::string::npos) {
          if (found >= 0 && found != static_cast<int>(m)) return -1;
          found = static_cast<int>(m);
        }
  }
  return found;
}

double cast_emission(Context& cx, const Cast& cast, const Item& u, int s) {
  double v = 0;
  for (auto& n : u.f.vocatives)
    if (cast.member_of(n, cx.cues) == s) v -= cx.w("cast.self_address");
  if (!u.f.addressed.empty() && cast.member_of(u.f.addressed, cx.cues) == s) v -= cx.w("cast.self_address");
  for (auto& n : u.f.mentioned)
    if (cast.member_of(n, cx.cues) == s) v -= cx.w("cast.mention");
  if (!u.f.self_named.empty() && cast.member_of(u.f.self_named, cx.cues) == s) v += cx.w("cast.self_name");
  if (int own = own_word_member(cx, cast, u); own == s) v += cx.w("cast.own_word");
  if (s == cast.teacher) v += cx.w("cast.teacher_role") * u.f.role;
  if (s == cast.lead) {
    // Calling someone or everyone gives the floor; in a polite dialogue the one who leads does so
    // politely, and a casual call is an aside between the others (早川さん、一緒にやらない？).
    bool calls = !u.f.vocatives.empty() || !u.f.addressed.empty() || u.f.group_call;
    // Where another teaches (cast.teacher), a call that asks someone else to do something
    // (松本さん、切ってみてください) is the teacher's instruction, not the floor given.
    bool instructs = cast.teacher >= 0 && cast.addressee(u) != cast.teacher && u.f.request && !u.f.question &&
                     !u.f.any_question && !u.f.greeting;
    bool gives_floor = calls && !(cast.polite && u.f.casual > u.f.polite) && !instructs;
    v += cx.w("cast.lead_floor") * gives_floor + cx.w("cast.lead_move") * u.f.move;
  }
  return v;
}

}  // namespace jatei::speakers
