// Names and roles: one person however the label varies, the name declared for each person
// (<persName>), and what each person does (@role).
//
// - A label's person: the name beside a word of office (佐藤花子 in 国務大臣（佐藤花子君）, 大場和彦
//   in 上下水道局長（大場和彦）), the last part of affiliation・name (高橋 in 関東日報・高橋, 岡田 in
//   ホスト・岡田), without the honorifics of [strip-honorific]. A name that is the start of another
//   name of the same document is that person (今井 and 今井真由美).
// - A label that is only a word of office or a role (（社長）, 司会, 作者より) is named from the
//   document when it says who holds it: a name right before the word (岩城隆之社長), or after it
//   and a colon (司会：編集部・有田美穂).
// - @role: the label's word where [roles] knows it (司会 -> moderator); otherwise what the person
//   does: the one who gives others the floor moderates, one who mostly asks is an asker, one
//   who answers an explainer; affiliation・name labels of people who ask are reporters.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "speakers/analysis.hpp"
#include "speakers/textutil.hpp"

namespace jatei::speakers {

namespace {

bool all_katakana(std::string_view s) {
  for (text::CodePoint cp : text::code_points(s))
    if (!text::katakana_word(cp.c) && cp.c != U'・') return false;
  return !s.empty();
}

bool has_letters(std::string_view s) {
  for (text::CodePoint cp : text::code_points(s))
    if (text::is_kanji(cp.c) || text::is_kana(cp.c) || text::is_latin(cp.c)) return true;
  return false;
}

std::string strip_honorific(std::string_view s, const SpeakerModel::Compiled& cues) {
  if (std::size_t n = cues["strip-honorific"].suffix(s); n && n < s.size()) s.remove_suffix(n);
  return std::string(s);
}

// Whether a word names an office or a role rather than a person (社長, 議長, 司会, ホスト).
bool role_word(std::string_view w, const SpeakerModel::Compiled& cues) {
  return cues["role-word"].whole(w) || cues["role-word"].suffix(w) > 0 || !cues.role_for(w).empty();
}

}  // namespace

// How strongly a paragraph says it is not `name`'s: a sentence that calls them (健太、土曜日ひま？
// ねえ美咲、… with or without an honorific: 2) or asks them about themself (美咲はもう行った？: 1),
// less when it gives that name as its own (健太です。: -2). For names the user gave (--names), which
// need no honorific to be known as names.
int calls_to(Context& cx, const Item& it, const std::string& name) {
  int v = 0;
  if (it.f.self_named == name) v -= 2;
  for (auto& leaf : it.block.leaves)
    for (auto& piece : leaf.pieces) {
      if (piece.kind != Piece::Kind::sentence) continue;
      std::string_view t = trim_space(piece.sentence.text);
      if (std::size_t n = cx.cues["vocative-skip"].prefix(t)) {
        std::string_view rest = t.substr(n);
        while (!rest.empty() && (text::at(rest, 0) == U'、' || text::at(rest, 0) == U'！' || text::at(rest, 0) == '!' ||
                                 text::is_space(text::at(rest, 0))))
          rest.remove_prefix(text::next(rest, 0));
        if (rest.starts_with(name)) t = rest;
      }
      if (!t.starts_with(name)) continue;
      std::string_view rest = t.substr(name.size());
      rest.remove_prefix(cx.cues["honorific"].prefix(rest));
      char32_t c = rest.empty() ? 0 : text::at(rest, 0);
      char32_t last = t.empty() ? 0 : text::before(t, t.size());
      if (c == 0 || c == U'、' || c == U'，' || c == ',' || c == U'！' || c == '!' || c == U'？' || c == '?' ||
          c == U'…' || c == U'〜' || c == U'～' || text::is_space(c))
        v += 2;
      else if ((rest.starts_with("は") || rest.starts_with("って") || rest.starts_with("も")) && (last == U'？' || last == '?'))
        v += 1;
    }
  return v;
}

LabelName label_name(const SpeakerLabel& l, const SpeakerModel::Compiled& cues) {
  LabelName out;
  if (l.style == SpeakerLabel::Style::dash) {
    out.key = "D:interviewer";
    out.role = "interviewer";
    return out;
  }
  std::string name = l.name, role;
  if (!l.note.empty()) {
    // 議長（大河内正君） １２番（村上由紀子議員） サポート（北村）: the person is in the bracket when it
    // ends with an honorific, or when the word before it is an office or a number; 山田(アナリスト)
    // and 森義人（もり・よしと）: the person is before it.
    bool honorific = cues["strip-honorific"].suffix(l.note) > 0;
    bool office = role_word(name, cues) || text::is_digit(text::at(name, 0)) || all_katakana(name);
    bool note_is_name = !cues["role-word"].whole(strip_honorific(l.note, cues)) && has_letters(l.note);
    bool reading = true;  // a reading in hiragana (もり・よしと) is no name
    for (text::CodePoint cp : text::code_points(l.note))
      reading = reading && (text::is_hiragana(cp.c) || cp.c == U'・' || text::is_prolonged(cp.c));
    if (!reading && note_is_name && (honorific || office)) {
      role = name;
      name = l.note;
    } else {
      role = l.note;
    }
  }
  // 関東日報・高橋 ホスト・岡田: the person is the last part (a name in katakana keeps its parts).
  if (std::size_t dot = name.rfind("・"); dot != std::string::npos && !all_katakana(name) && dot + 3 < name.size()) {
    role = name.substr(0, dot);
    name = name.substr(dot + 3);
  }
  name = strip_honorific(name, cues);
  // 三浦 早苗 and 三浦早苗: one person (the space between family and given name is no part of who).
  std::string key;
  for (text::CodePoint cp : text::code_points(name))
    if (!text::is_space(cp.c)) utf8::append(key, cp.c);
  out.key = "L:" + key;
  out.name = name;
  out.role = role;
  return out;
}

LabelName header_name(const PostHeader& h, bool by_id) {
  LabelName out;
  out.name = by_id ? h.id : h.handle;
  out.key = "H:" + out.name;
  out.role = h.role;
  return out;
}

namespace {

// 今井 and 今井真由美 in one document: the shorter is the longer one's surname.
std::map<std::string, std::string> merge_aliases(Context& cx) {
  std::set<std::string> keys;
  for (Item* it : cx.items())
    if (it->label && it->person.rfind("L:", 0) == 0) keys.insert(it->person);
  std::map<std::string, std::string> to;
  for (auto& a : keys) {
    if (text::length(a) < 4) continue;  // L: and at least two characters
    if (a.find('#') != std::string::npos) continue;  // 株主#2: one of a crowd who gave no name
    std::string longer;
    int n = 0;
    for (auto& b : keys)
      if (b != a && b.starts_with(a)) longer = b, ++n;
    if (n == 1) to[a] = longer;
  }
  return to;
}

// The person a role word stands for when the document names them: 岩城隆之社長 (a name right
// before the word), 司会：編集部・有田美穂 (after it and a colon).
// `outside`: the first leaf's text of every block outside the turns, in document order
// (outside_texts), made once for every role word.
std::vector<std::string> outside_texts(Context& cx) {
  std::vector<std::string> out;
  for (Item* it : cx.items()) {
    if (it->part != Part::outside || it->block.leaves.empty() || it->block.kind == BlockKind::opaque) continue;
    out.push_back(leaf_text(it->block.leaves[0]));
  }
  return out;
}

// The text outside the turns says that a label's person gives the others the floor: a
// [moderator-title] as a word of its own, then は, の, a colon or ・, then the name as the label
// writes it at the start of a run of kanji and katakana (司会の小川アナウンサー, 司会は小川真奈美
// アナウンサー, 進行・小川): the name written in full there (the kanji from the label's name on:
// 小川真奈美), "" when the text says no such thing.
// The places where such a title and its joiner stand do not depend on the name: they are found
// once for the document (moderator_sites: what follows each, in document order), and each
// person's name is looked for at them (moderator_in), the first place that has it answering.
std::vector<std::string_view> moderator_sites(const std::vector<std::string>& outside,
                                              const SpeakerModel::Compiled& cues) {
  std::vector<std::string_view> sites;
  for (const std::string& t : outside) {
    std::string_view v = t;
    for (std::size_t i = 0; i < v.size(); i = text::next(v, i)) {
      if (i > 0 && (text::is_kanji(text::before(v, i)) || text::katakana_word(text::before(v, i)))) continue;
      std::size_t n = cues["moderator-title"].prefix(v.substr(i));
      if (!n) continue;
      std::string_view rest = v.substr(i + n);
      bool joined = false;
      for (std::string_view j : {"は", "の", "：", ":", "・"})
        if (rest.starts_with(j)) {
          rest.remove_prefix(j.size());
          joined = true;
          break;
        }
      if (!joined) continue;
      while (!rest.empty() && text::is_space(text::at(rest, 0))) rest.remove_prefix(text::next(rest, 0));
      sites.push_back(rest);
    }
  }
  return sites;
}

std::string moderator_in(const std::vector<std::string_view>& sites, const std::string& name) {
  if (text::length(name) < 2 || !std::all_of(name.begin(), name.end(), [](char c) { return c != ' '; })) return {};
  for (std::string_view rest : sites) {
    if (!rest.starts_with(name)) continue;
    std::size_t e = 0;
    int k = 0;
    while (e < rest.size() && k < 6 && text::is_kanji(text::at(rest, e))) e = text::next(rest, e), ++k;
    return e >= name.size() ? std::string(rest.substr(0, e)) : name;
  }
  return {};
}

std::string holder_of(const std::vector<std::string>& outside, const std::string& word) {
  std::set<std::string> found;
  for (const std::string& t : outside) {
    std::string_view v = t;
    for (std::size_t at = v.find(word); at != std::string_view::npos; at = v.find(word, at + word.size())) {
      std::size_t start = at;
      while (start > 0 && (text::is_kanji(text::before(v, start)) || text::katakana_word(text::before(v, start))))
        start = text::prev(v, start);
      std::size_t end = at + word.size();
      bool whole = end >= v.size() || !text::is_kanji(text::at(v, end));
      if (start < at && whole && text::length(v.substr(start, at - start)) >= 2) {
        found.insert(std::string(v.substr(start, at - start)));
        continue;
      }
      // 市長の木下誠、教育長の岩田紀子です: the office, の, then a name of two to six kanji or
      // katakana that a comma, です/でした or a bracket closes, as in a list of who answered (a
      // heading's noun, 町長の行政報告, ends its line or goes on with a particle: no name).
      if (start == at && whole && end < v.size() && text::at(v, end) == U'の') {
        std::size_t b = text::next(v, end), e = b;
        while (e < v.size() && (text::is_kanji(text::at(v, e)) || text::katakana_word(text::at(v, e)))) e = text::next(v, e);
        std::size_t len = text::length(v.substr(b, e - b));
        std::string_view after = v.substr(e);
        bool ends = after.starts_with("、") || after.starts_with("，") || after.starts_with("（") ||
                    after.starts_with("(") || after.starts_with("です") || after.starts_with("でした");
        if (len >= 2 && len <= 6 && ends) found.insert(std::string(v.substr(b, e - b)));
        continue;
      }
      if (start == at && end < v.size() && (text::at(v, end) == U'：' || text::at(v, end) == ':')) {
        std::size_t b = text::next(v, end), e = b;
        while (e < v.size() && !text::is_space(text::at(v, e)) && text::at(v, e) != U'、' && text::at(v, e) != U'）')
          e = text::next(v, e);
        std::string who(v.substr(b, e - b));
        if (std::size_t dot = who.rfind("・"); dot != std::string::npos) who = who.substr(dot + 3);
        if (has_letters(who)) found.insert(who);
      }
    }
  }
  // 岩城隆之社長 and 岩城社長: one person, the fuller name.
  std::set<std::string> fullest;
  for (auto& a : found)
    if (std::none_of(found.begin(), found.end(), [&](const std::string& b) { return b != a && b.starts_with(a); }))
      fullest.insert(a);
  return fullest.size() == 1 ? *fullest.begin() : std::string();
}

// The interviewer of a dash interview, named by a byline (聞き手：佐藤あかね).
std::string name_after_cue(Context& cx, const Block& b) {
  if (b.leaves.empty()) return {};
  std::string t = leaf_text(b.leaves[0]);
  std::string_view v = trim_space(t);
  for (std::size_t i = 0; i < v.size(); i = text::next(v, i)) {
    std::size_t n = cx.cues["interviewer-byline"].prefix(v.substr(i));
    if (!n) continue;
    std::string_view rest = v.substr(i + n);
    std::size_t end = 0;
    while (end < rest.size()) {
      char32_t c = text::at(rest, end);
      if (text::is_space(c) || c == ')' || c == U'）' || c == U'、' || c == ',' || c == '/' || c == U'／' || c == U'。')
        break;
      end = text::next(rest, end);
    }
    return std::string(rest.substr(0, end));
  }
  return {};
}

// The interviewee named in a lead or title (代表の中村健太氏に聞いた).
std::string interviewee_in(Context& cx, std::string_view t) {
  for (auto& e : cx.cues["interviewee-cue"].literal()) {
    std::size_t at = t.find(e.text);
    if (at == std::string_view::npos) continue;
    std::size_t start = at;
    while (start > 0 && is_name_char(text::before(t, start))) start = text::prev(t, start);
    if (start < at) return family_before(t, start, t.substr(start, at - start), cx.cues) + std::string(t.substr(start, at - start));
  }
  return {};
}

// The one person the lead of an interview names with a title or an honorific (…記者会見した北野誠
// 社長との主なやりとりは次の通り。), when it names only one.
std::string only_person_of_lead(Context& cx) {
  std::set<std::string> found;
  for (auto& r : cx.runs) {
    if (r.mode != Run::Mode::labelled) continue;
    for (auto& it : r.items) {
      if (it.part == Part::unit) break;
      if (!it.paragraph) continue;
      for (auto& raw : names_in_text(leaf_text(it.block.leaves[0]), cx.cues)) {
        if (cx.cues["title-name"].whole(raw)) continue;
        std::string name = raw;
        for (auto& e : cx.cues["honorific"].literal())
          if (name.size() > e.text.size() && ends_with(name, e.text)) {
            name.resize(name.size() - e.text.size());
            break;
          }
        found.insert(name);
      }
    }
    break;
  }
  // 森本 and 森本晴子: one person, the fuller name.
  std::erase_if(found, [&](const std::string& a) {
    return std::any_of(found.begin(), found.end(), [&](const std::string& b) { return b != a && b.starts_with(a); });
  });
  return found.size() == 1 ? *found.begin() : std::string();
}

// A name card before the first turn: a family and a given name with a space between, alone on
// the line or before a bracket (石井 翔太（2022年入社／経済学部卒）, 小田切 誠一（おだぎり・せいいち）).
std::string name_card(std::string_view t) {
  t = trim_space(t);
  auto name_char = [](char32_t c) { return text::is_kanji(c) || text::katakana_word(c) || text::is_hiragana(c); };
  // A run of 1 to 6 name characters from i: where it ends, or npos.
  auto part = [&](std::size_t i) {
    int n = 0;
    while (i < t.size() && n < 6 && name_char(text::at(t, i))) i = text::next(t, i), ++n;
    return n == 0 || (i < t.size() && name_char(text::at(t, i))) ? std::string_view::npos : i;
  };
  std::size_t i = part(0);
  if (i == std::string_view::npos || i >= t.size() || !text::is_space(text::at(t, i))) return {};
  while (i < t.size() && text::is_space(text::at(t, i))) i = text::next(t, i);
  i = part(i);
  if (i == std::string_view::npos) return {};
  std::string_view rest = trim_space(t.substr(i));
  if (!rest.empty() && !(text::opens(text::at(rest, 0)) == 1 && text::closes(text::before(rest, rest.size())) == 1))
    return {};
  return std::string(t.substr(0, i));
}

// The one name card before the first turn of a labelled run, or "".
std::string only_name_card(Context& cx) {
  std::set<std::string> found;
  for (auto& r : cx.runs) {
    if (r.mode != Run::Mode::labelled) continue;
    for (auto& it : r.items) {
      if (it.part == Part::unit) break;
      if (it.block.leaves.size() != 1) continue;
      if (std::string n = name_card(leaf_text(it.block.leaves[0])); !n.empty()) found.insert(n);
    }
    break;
  }
  return found.size() == 1 ? *found.begin() : std::string();
}

}  // namespace

// The people an attendee list names ([attendee-key]: 出席者：佐藤花子、ジョン・スミス（技術部）),
// as written, brackets and honorifics off, in order; from every block of the document.
std::vector<std::string> attendee_names(Context& cx) {
  std::vector<const Block*> blocks;  // the runs' blocks (moved into their items), then the rest
  for (Item* it : cx.items()) blocks.push_back(&it->block);
  for (auto& d : cx.doc.divisions)
    for (auto& t : d.turns)
      for (auto& b : t.blocks) blocks.push_back(&b);
  std::vector<std::string> out;
  for (const Block* b : blocks)
    for (auto& leaf : b->leaves) {
      std::string whole = leaf_text(leaf);
      std::string_view v = trim_space(whole);
      if (v.empty()) continue;
      bool bracket = text::opens(text::at(v, 0)) != 0;  // 【出席者】
      if (bracket) v = v.substr(text::next(v, 0));
      std::size_t n = cx.cues["attendee-key"].prefix(v);
      if (!n) continue;
      v = v.substr(n);
      if (bracket && !v.empty() && text::closes(text::at(v, 0))) v = v.substr(text::next(v, 0));
      v = trim_space(v);
      if (!v.empty() && (text::at(v, 0) == U'：' || text::at(v, 0) == ':')) v = trim_space(v.substr(text::next(v, 0)));
      else if (!bracket) continue;
      // Names between 、 ， , ／ / and spaces (a bracket after a name is its note); a family and a
      // given name of at most three characters each with one space between are one name.
      std::vector<std::pair<std::string, bool>> parts(1);  // text, ended by a space
      int depth = 0;
      for (text::CodePoint cp : text::code_points(v)) {
        if (text::opens(cp.c)) ++depth;
        if (depth > 0) {
          if (text::closes(cp.c)) --depth;
          continue;
        }
        bool space = text::is_white_space(cp.c);
        if (space || cp.c == U'、' || cp.c == U'，' || cp.c == ',' || cp.c == U'／' || cp.c == '/') {
          if (!parts.back().first.empty()) parts.emplace_back(), parts[parts.size() - 2].second = space;
          continue;
        }
        utf8::append(parts.back().first, cp.c);
      }
      if (parts.back().first.empty()) parts.pop_back();
      for (std::size_t i = 0; i < parts.size(); ++i) {
        std::string name = parts[i].first;
        if (role_word(name, cx.cues)) continue;  // 司会 市長: a word of office before or between the names
        if (parts[i].second && i + 1 < parts.size() && text::length(name) <= 3 &&
            text::length(parts[i + 1].first) <= 3 && !role_word(parts[i + 1].first, cx.cues))
          name += " " + parts[++i].first;
        name = strip_honorific(name, cx.cues);
        bool shaped = text::length(name) >= 2 && text::length(name) <= 16;
        for (text::CodePoint cp : text::code_points(name))
          shaped = shaped && (is_name_char(cp.c) || text::is_hiragana(cp.c) || cp.c == U'・' || cp.c == ' ');
        if (shaped) out.push_back(name);
      }
    }
  return out;
}

namespace {

// The full name an attendee list gives a label's person: the one listed name that is the label's
// name, starts with it (佐藤 -> 佐藤花子) or ends with it after ・ (スミス -> ジョン・スミス).
std::string listed_full_name(const std::vector<std::string>& listed, std::string_view key) {
  std::string found;
  int n = 0;
  for (const std::string& name : listed) {
    std::string bare;
    for (text::CodePoint cp : text::code_points(name))
      if (!text::is_space(cp.c)) utf8::append(bare, cp.c);
    if (bare == key || (bare.starts_with(key) && !key.empty()) || ends_with(bare, "・" + std::string(key))) {
      if (found != name) ++n;
      found = name;
    }
  }
  return n == 1 ? found : std::string();
}

// Whether every label of a person is a bare question or answer mark (Q. A： Ｑ　): a role the
// label declares, not a name.
bool only_role_marks(const std::vector<Item*>& own) {
  if (own.empty()) return false;
  for (const Item* it : own) {
    const SpeakerLabel& sl = it->label->shape;
    if (sl.style != SpeakerLabel::Style::qa || !sl.mark.empty() || !(sl.name == "Q" || sl.name == "A")) return false;
  }
  return true;
}

// What a person does: how many turns, how many of them end by asking (a question, a request),
// and the [role] score of their paragraphs (explaining +, asking -).
struct Behaviour {
  int units = 0, turns = 0, asks = 0;
  double role = 0;
};

// Two names given with --names for a dialogue of two unlabelled speakers (U:A, U:B), in the order
// that agrees with whom each one's paragraphs call: the one called is the other (健太、土曜日ひま？
// is not 健太's). The names as given when the text says nothing of them.
std::vector<std::string> two_names_by_calls(Context& cx, const std::vector<Item*>& items, const std::vector<std::string>& order) {
  std::vector<std::string> given;
  for (auto& g : cx.opts.names) given.push_back(g);
  if (given.size() != 2 || given[0].empty() || given[1].empty() || order.size() < 2) return given;
  std::size_t a = order.size(), b = order.size();  // where U:A and U:B stand in the order of speaking
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (order[k] == "U:A") a = k;
    if (order[k] == "U:B") b = k;
  }
  if (a > 1 || b > 1) return given;  // names go by position: only when the two speak first
  // against[k][n]: how strongly the k-th speaker's paragraphs say they are not given[n].
  int against[2][2] = {{0, 0}, {0, 0}};
  for (const Item* it : items) {
    if (it->part != Part::unit || (it->person != "U:A" && it->person != "U:B")) continue;
    std::size_t k = it->person == "U:A" ? a : b;
    for (std::size_t n = 0; n < 2; ++n) against[k][n] += calls_to(cx, *it, given[n]);
  }
  if (against[0][1] + against[1][0] < against[0][0] + against[1][1]) std::swap(given[0], given[1]);
  return given;
}

// Names every person of the document in order of first speaking (name_people): first what the
// whole document says of them (merge_keys, read_turns, name_pair, name_interview, read_labels),
// then each person by the kind of their key (unlabelled pair, cast member, the one who gives a
// speech, dash interview, label).
class PeopleNamer {
 public:
  explicit PeopleNamer(Context& cx) : cx_(cx), items_(cx.items()) {}

  void run() {
    merge_keys();
    read_turns();
    name_pair();
    name_interview();
    read_labels();
    // The names --names gives that no member of an unlabelled cast was matched to, in order.
    if (!cx_.cast.empty() && cx_.cast.front().named_by_user)
      for (auto& g : cx_.opts.names)
        if (!g.empty() && std::none_of(cx_.cast.begin(), cx_.cast.end(), [&](const CastMember& m) { return m.given == g; }))
          free_names_.push_back(g);
    // Two names for two unlabelled speakers: given in the order their calls say.
    std::vector<std::string> given = two_names_by_calls(cx_, items_, order_);
    for (std::size_t k = 0; k < order_.size(); ++k) {
      bool by_user = false;  // named from --names already (a member of the cast)
      Participant p = person(order_[k], by_user);
      if (!by_user && k < given.size() && !given[k].empty()) p.name = given[k];
      cx_.people.push_back(p);
    }
    // Every person --names declares is a participant, whether or not a turn was given to them.
    for (std::string g = next_given(); !g.empty(); g = next_given()) cx_.people.push_back({"N:" + g, g, ""});
  }

 private:
  // One key per person: aliases merged (今井 into 今井真由美), and an attendee list's full names:
  // a label that writes a listed person shorter is that person, and two labels of one listed
  // person are one person (スミス氏： and ジョン・スミス：).
  void merge_keys() {
    auto aliases = merge_aliases(cx_);
    for (Item* it : items_)
      if (auto a = aliases.find(it->person); a != aliases.end()) it->person = a->second;
    std::vector<std::string> listed = attendee_names(cx_);
    if (listed.empty()) return;
    std::map<std::string, std::string> first_key;  // listed name -> the key of its first label
    for (Item* it : items_) {
      if (it->person.rfind("L:", 0) != 0) continue;
      auto f = full_name_.find(it->person);
      if (f == full_name_.end()) f = full_name_.emplace(it->person, listed_full_name(listed, it->person.substr(2))).first;
      if (f->second.empty()) continue;
      std::string name = f->second;
      it->person = first_key.emplace(name, it->person).first->second;
    }
  }

  // Order of first speaking, over the whole document, and what each does.
  void read_turns() {
    std::set<std::string, std::less<>> ordered;  // the keys in order, for a look-up
    const Item* last = nullptr;                  // the last unit of the turn being read
    auto end_turn = [&] {
      if (last) acts_[last->person].asks += last->f.question || last->f.request;
      last = nullptr;
    };
    for (Item* it : items_) {
      if (it->part == Part::outside || it->person.empty()) continue;
      if (ordered.insert(it->person).second) order_.push_back(it->person);
      if (it->part != Part::unit || !it->paragraph) continue;
      Behaviour& b = acts_[it->person];
      if (!last || last->person != it->person || it->label) {
        end_turn();
        ++b.turns;
      }
      ++b.units;
      b.role += it->f.role;
      last = it;
    }
    end_turn();
  }

  // Two unlabelled speakers: vocatives name the other one; the one whose paragraphs explain
  // more is the explainer.
  void name_pair() {
    std::map<std::string, std::map<std::string, int>> votes;
    for (Item* it : items_) {
      if (it->part != Part::unit || (it->person != "U:A" && it->person != "U:B")) continue;
      std::string other = it->person == "U:A" ? "U:B" : "U:A";
      if (!it->f.vocative.empty()) votes[other][normalise_name(it->f.vocative, cx_.cues)] += 2;
      if (!it->f.addressed.empty()) votes[other][normalise_name(it->f.addressed, cx_.cues)] += 1;
    }
    auto best_name = [&](const std::string& key, const std::string& taken) {
      std::string best;
      int best_n = 0;
      bool best_personal = false;
      for (auto& [name, n] : votes[key]) {
        if (name == taken) continue;
        bool personal = !cx_.cues["title-name"].whole(name);
        if (best.empty() || (personal && !best_personal) || (personal == best_personal && n > best_n)) {
          best = name, best_n = n, best_personal = personal;
        }
      }
      return best;
    };
    name_a_ = best_name("U:A", "");
    name_b_ = best_name("U:B", name_a_);
    if (!name_b_.empty() && name_b_ == name_a_) name_b_.clear();
    a_explains_ = (acts_["U:A"].units ? acts_["U:A"].role / acts_["U:A"].units : 0) >=
                  (acts_["U:B"].units ? acts_["U:B"].role / acts_["U:B"].units : 0);
  }

  // A dash interview: the interviewer from a 聞き手: byline, the interviewee from the lead.
  void name_interview() {
    for (auto& d : cx_.doc.divisions)
      for (auto& t : d.turns)
        for (auto& b : t.blocks)
          if (b.kind == BlockKind::byline && interviewer_.empty()) interviewer_ = name_after_cue(cx_, b);
    for (Item* it : items_)
      if (it->block.kind == BlockKind::byline && interviewer_.empty()) interviewer_ = name_after_cue(cx_, it->block);
    for (auto& r : cx_.runs) {
      if (r.mode != Run::Mode::labelled) continue;
      for (auto& it : r.items) {
        if (it.part == Part::unit) break;
        if ((it.paragraph || it.block.kind == BlockKind::head) && interviewee_.empty())
          interviewee_ = interviewee_in(cx_, leaf_text(it.block.leaves[0]));
      }
    }
    if (interviewee_.empty()) interviewee_ = interviewee_in(cx_, cx_.doc.header.title);
    if (interviewee_.empty()) interviewee_ = only_person_of_lead(cx_);
    if (interviewee_.empty()) interviewee_ = only_name_card(cx_);
  }

  // Each key's labelled items, in document order (one pass, not one per key), and how the
  // labels write each person, the fullest form (三浦 早苗 over 三浦).
  void read_labels() {
    for (Item* it : items_)
      if (it->label) labelled_[it->person].push_back(it);
    for (Item* it : items_) {
      if (!it->label || it->person.rfind("L:", 0) != 0) continue;
      std::string n = label_name(it->label->shape, cx_.cues).name;
      std::string bare;
      for (text::CodePoint cp : text::code_points(n))
        if (!text::is_space(cp.c)) utf8::append(bare, cp.c);
      if (bare == it->person.substr(2) && n.size() > written_[it->person].size()) written_[it->person] = n;
    }
  }

  std::string next_given() { return next_free_ < free_names_.size() ? free_names_[next_free_++] : std::string(); }

  // The participant of one key.
  Participant person(const std::string& key, bool& by_user) {
    Participant p{key, "", ""};
    const Behaviour& b = acts_[key];
    if (key == "U:A" || key == "U:B") {
      bool a = key == "U:A";
      p.name = a ? name_a_ : name_b_;
      p.role = (a == a_explains_) ? "explainer" : "asker";
    } else if (key.rfind("C:", 0) == 0) {
      cast_member(p, b, by_user);
    } else if (key.rfind("M:", 0) == 0) {  // the one who gives a speech (monologue.cpp)
      p.name = key.substr(2);
      p.role = "speaker";
    } else if (key == "D:interviewer") {
      p.name = interviewer_;
      p.role = "interviewer";
    } else if (key == "D:interviewee") {
      p.name = interviewee_;
      p.role = "interviewee";
    } else {
      labelled_person(p, b);
    }
    return p;
  }

  // A member of an unlabelled cast: the cast's name and role, else what they do.
  void cast_member(Participant& p, const Behaviour& b, bool& by_user) {
    p.name = p.key.substr(2);
    for (auto& m : cx_.cast)
      if (m.name == p.name) {
        p.role = !m.role.empty() ? m.role : m.lead ? "moderator" : "";
        if (m.named_by_user) {
          // --names: the name matched to this person, else the next name not matched, in order
          // of first speaking.
          p.name = !m.given.empty() ? m.given : next_given();
          by_user = true;
        }
      }
    if (p.role.empty()) p.role = b.turns && b.asks * 2 >= b.turns ? "asker" : "explainer";
  }

  // The role a person's labels give in words (司会, 記者, 質問者, Q. A., 【相談】 【回答】), or "".
  std::string word_role(const std::vector<Item*>& own_items) const {
    for (Item* it : own_items) {
      const SpeakerLabel& sl = it->label->shape;
      std::string r = cx_.cues.role_for(sl.name);                                          // 司会
      if (r.empty() && !it->label->header) r = cx_.cues.role_for(label_name(sl, cx_.cues).role);  // ホスト・岡田
      if (r.empty() && it->label->header) r = cx_.cues.role_for(sl.role);                  // 質問者：…
      if (r.empty() && sl.style == SpeakerLabel::Style::qa) r = sl.role;                   // Q. A.
      if (r.empty() && qa_word(sl.name, cx_.cues) != 0) r = sl.role;                       // 【相談】 【回答】
      if (!r.empty()) return r;
    }
    return {};
  }

  // A person of labels (or of post headers): the fullest way the labels write them, the role
  // their words give or what they do, and the name the document gives a role word.
  void labelled_person(Participant& p, const Behaviour& b) {
    static const std::vector<Item*> kNone;
    auto w = written_.find(p.key);
    p.name = w != written_.end() && !w->second.empty() ? w->second : p.key.substr(2);
    // 株主#2: one of those under a [crowd-role] label who gave no name, named by the label.
    if (std::size_t hash = p.name.find('#'); hash != std::string::npos) p.name.resize(hash);
    auto own = labelled_.find(p.key);
    const std::vector<Item*>& own_items = own == labelled_.end() ? kNone : own->second;
    p.role = word_role(own_items);
    if (p.role.empty() && b.turns) {
      bool affiliated = false;  // 関東日報・高橋: someone from an outlet
      for (Item* it : own_items)
        if (it->label->shape.name.find("・") != std::string::npos) affiliated = true;
      if (b.asks * 2 >= b.turns) p.role = affiliated ? "reporter" : "asker";
      else p.role = "explainer";
    }
    if (role_word(p.name, cx_.cues)) {
      auto h = holders_.find(p.name);
      if (h == holders_.end()) {
        if (!outside_) outside_ = outside_texts(cx_);
        h = holders_.emplace(p.name, holder_of(*outside_, p.name)).first;
      }
      if (!h->second.empty()) p.name = h->second;
    }
    // A person the text outside the turns names as the one who gives the floor (司会の小川アナ
    // ウンサー) moderates, under whatever label.
    if (p.role != "moderator" && !own_items.empty() && !own_items.front()->label->header) {
      if (!outside_) outside_ = outside_texts(cx_);
      if (!sites_) sites_ = moderator_sites(*outside_, cx_.cues);
      if (std::string full = moderator_in(*sites_, p.name); !full.empty()) {
        p.role = "moderator";
        if (full.size() > p.name.size()) p.name = full;
      }
    }
    // 【回答】 of an advice column: the one person its lead names answers (弁護士の大槻玲奈さんが答えます).
    if (qa_word(p.name, cx_.cues) < 0) {
      if (!only_person_) only_person_ = only_person_of_lead(cx_);
      if (!only_person_->empty()) p.name = *only_person_;
    }
    // Q. and A. declare roles, not people named Q and A: the interviewer is named by a byline
    // (聞き手：…), the one who answers by the lead or the title, else nobody.
    if (only_role_marks(own_items))
      p.name = p.role == "interviewer" ? interviewer_ : p.role == "interviewee" ? interviewee_ : std::string();
    if (auto f = full_name_.find(p.key); f != full_name_.end() && !f->second.empty()) p.name = f->second;
  }

  Context& cx_;
  std::vector<Item*> items_;
  std::map<std::string, std::string> full_name_;  // person key -> the listed name
  std::vector<std::string> order_;
  std::map<std::string, Behaviour> acts_;
  std::string name_a_, name_b_;  // of U:A and U:B
  bool a_explains_ = false;
  std::string interviewer_, interviewee_;
  std::map<std::string, std::vector<Item*>, std::less<>> labelled_;
  std::map<std::string, std::string> written_;
  std::optional<std::vector<std::string>> outside_;
  std::optional<std::vector<std::string_view>> sites_;  // into *outside_ (moderator_sites)
  std::map<std::string, std::string, std::less<>> holders_;
  std::optional<std::string> only_person_;
  std::vector<std::string> free_names_;
  std::size_t next_free_ = 0;
};

}  // namespace

void name_people(Context& cx) { PeopleNamer(cx).run(); }

}  // namespace jatei::speakers
