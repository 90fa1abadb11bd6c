// Turn grouping in a run with labels: a labelled line starts a turn; a line without a label
// inside the run continues the current turn; everything that is no one's speech stays out and,
// where it shows that the turn is over, closes it. Each decision leaves its reason in Item::why
// for --explain.
//
// A turn goes on over lines without a label, lists and quotes it introduces. It is closed by a
// heading, a byline or trailer, narration (plain written prose with no spoken register: the
// editor's words after a speech), page furniture (a counter, a button row, a line the page
// repeats), and a line that starts like a label the document does not use as one (管理人コメント：
// … is another voice) unless it is the same voice adding to its post (追記：, [same-voice]). A
// bracketed stage note on its own line (〔拍手〕, （笑）) stays out without closing the turn.
// In an interview whose only labels are the interviewer's (―― or Q.), the lines without a label
// are the interviewee's.
#include <algorithm>
#include <map>
#include <set>
#include <optional>
#include <utility>

#include "speakers/analysis.hpp"
#include "speakers/textutil.hpp"

namespace jatei::speakers {

namespace {

// A whole line in brackets: a stage note or an aside (〔拍手〕 〔「そうだ」と呼ぶ者あり〕 （笑）).
bool bracketed_line(std::string_view t) {
  t = trim_space(t);
  if (t.empty()) return false;
  int family = text::opens(text::at(t, 0));
  if (!family || family == 3 || family == 4) return false;  // not 「…」『…』: that is speech
  return text::closes(text::before(t, t.size())) == family;
}

// What opens the list or quote at i belongs to the turn when something spoken follows it in the
// same turn (a continuation or the next labelled line), or when the paragraph before it leads
// into it (…は次の通りです： ・…).
bool inside_dialogue(const Run& r, std::size_t i) {
  for (std::size_t j = i + 1; j < r.items.size(); ++j) {
    const Item& n = r.items[j];
    if (n.block.kind == BlockKind::opaque || n.block.kind == BlockKind::list || n.block.kind == BlockKind::quote ||
        n.block.kind == BlockKind::figure || (n.paragraph && n.f.note))
      continue;
    if (n.label) return true;
    return n.paragraph && !n.furniture && !n.f.narrative;
  }
  return false;
}

// A tag or a key at the start of a line (【訂正】… 【追記】… 管理人コメント：… 引用元：…): whose
// word, if it is one ("" otherwise).
std::string tag_prefix(std::string_view t) {
  t = trim_space(t);
  char32_t c = text::at(t, 0);
  int family = text::opens(c);
  if (family == 8 || family == 2 || family == 9) {  // 【…】 ［…］ 〔…〕
    std::size_t i = text::next(t, 0), start = i;
    for (int n = 0; n < 16 && i < t.size(); ++n, i = text::next(t, i))
      if (text::closes(text::at(t, i)) == family) {
        std::string_view word = t.substr(start, i - start);
        return std::string(word.substr(0, word.find("・")));
      }
    return {};
  }
  std::size_t i = 0;
  for (int n = 0; n < 12 && i < t.size(); ++n, i = text::next(t, i)) {
    char32_t d = text::at(t, i);
    if (d == U'：' || (d == ':' && !text::is_digit(text::at(t, text::next(t, i))))) {
      std::string_view word = t.substr(0, i);
      if (std::size_t open = word.find("（"); open != std::string_view::npos && open > 0) word = word.substr(0, open);
      return std::string(word);
    }
    if (!(text::is_kanji(d) || text::is_kana(d) || text::is_latin(d) || d == U'（' || d == U'）' || d == '/' ||
          text::is_digit(d)))
      return {};
  }
  return {};
}

// A button or a link after a post (コメントする（※…）, もっと見る（つくれぽ 125件）): short, no
// sentence end, ending with a word of [button-end].
bool button_line(std::string_view t, const SpeakerModel::Compiled& cues) {
  t = trim_space(t);
  if (t.empty() || has_terminator(t) || text::length(t) > 30) return false;
  if (text::closes(text::before(t, t.size())) == 1)
    if (std::size_t open = t.rfind("（"); open != std::string_view::npos && open > 0) t = trim_space(t.substr(0, open));
  return cues["button-end"].suffix(t) > 0;
}

// Whether the line after item i does not go on with the turn: furniture, another label, a
// block that is no paragraph, or nothing.
bool turn_ends_after(const Run& r, std::size_t i) {
  for (std::size_t j = i + 1; j < r.items.size(); ++j) {
    const Item& n = r.items[j];
    if (n.block.kind == BlockKind::opaque) continue;
    return n.label || n.furniture || !n.paragraph;
  }
  return true;
}

// A bracket at the start of a line that names a person by a title (（品質保証担当の大島一郎常務）):
// the name (大島一郎) and the bracket's text.
std::optional<std::pair<std::string, std::string>> bracketed_person(std::string_view t, const SpeakerModel::Compiled& cues) {
  int family = text::opens(text::at(t, 0));
  if (family != 1) return std::nullopt;
  std::size_t close = text::next(t, 0);
  for (int n = 0; n < 30 && close < t.size() && text::closes(text::at(t, close)) != family; ++n) close = text::next(t, close);
  if (close >= t.size() || text::closes(text::at(t, close)) != family) return std::nullopt;
  std::string_view inner = t.substr(text::next(t, 0), close - text::next(t, 0));
  std::size_t title = cues["role-word"].suffix(inner);
  if (!title) title = cues["honorific"].suffix(inner);
  if (!title || title >= inner.size()) return std::nullopt;
  std::string_view before = inner.substr(0, inner.size() - title);
  std::size_t start = before.size();
  while (start > 0 && is_name_char(text::before(before, start))) start = text::prev(before, start);
  std::string_view name = before.substr(start);
  if (text::length(name) < 2 || trim_space(t.substr(text::next(t, close))).empty()) return std::nullopt;
  return std::make_pair(std::string(name), std::string(t.substr(0, text::next(t, close))));
}

// Whether what follows the heading at i is no continuation of a turn: another heading, a list
// or furniture first, or nothing spoken.
bool closed_by_head(const Run& r, std::size_t i) {
  for (std::size_t j = i + 1; j < r.items.size(); ++j) {
    const Item& n = r.items[j];
    if (n.block.kind == BlockKind::opaque) continue;
    return !n.paragraph || n.label || n.furniture || n.f.narrative || n.f.note || !n.f.spoken();
  }
  return true;
}

// A profile line: a name with its reading in brackets at the start (大槻玲奈（おおつき・れいな）
// 弁護士。…, 森義人(もり・よしと), a given name in hiragana after a kanji family name too:
// 三輪ゆう子（みわ・ゆうこ）).
bool profile_line(std::string_view t) {
  t = trim_space(t);
  std::size_t i = 0;
  int n = 0;
  while (i < t.size() && n < 12 &&
         (is_name_char(text::at(t, i)) || (n > 0 && text::is_kanji(text::at(t, 0)) && text::is_hiragana(text::at(t, i)))))
    i = text::next(t, i), ++n;
  if (n < 2 || i >= t.size() || text::opens(text::at(t, i)) != 1) return false;
  int kana = 0;
  for (std::size_t k = text::next(t, i); k < t.size(); k = text::next(t, k)) {
    char32_t c = text::at(t, k);
    if (text::closes(c) == 1) return kana >= 2;
    if (text::is_hiragana(c) || text::is_prolonged(c)) ++kana;
    else if (c != U'・' && c != ' ' && c != U'　') return false;
  }
  return false;
}

bool leads_in(const Item& before) {
  // The leaf's text is held here: a view of the temporary would outlive it.
  const std::string whole =
      before.text.empty() && !before.block.leaves.empty() ? leaf_text(before.block.leaves[0]) : before.text;
  std::string_view t = trim_space(whole);
  if (t.empty()) return false;
  char32_t last = text::before(t, t.size());
  return last == U'：' || last == ':';
}

// What grouping knows as it reads a run.
struct Grouping {
  bool interview = true;     // every label is the interviewer's (―― or Q.)
  bool quoted = true;        // every label is 名前「…」: a line of the dialogue is a quotation too
  std::size_t last_label = 0;
  std::string current;       // whose turn is open ("" = none)
  bool posts = false;        // the open turn is a post under a header line
  bool last_spoken = false;  // the item before was part of the open turn
  bool answering = false;    // the open turn answers a question-and-answer pair
  int answers = 0;           // labels of the run on the answering side of such a pair
  std::map<std::string, std::string> crowd;  // a [crowd-role] label's key -> the person its turns go on with
  std::map<std::string, int> unnamed;        // … how many introduced themselves without a name
  std::set<std::string> introducing;         // … the labels whose turns say who speaks, some of them
};

// A label kept from an earlier run that this step made itself in an interview: another official
// answering, named in brackets (（品質保証担当の大島一郎常務）「…」). The person and the bracket.
std::optional<std::pair<std::string, std::string>> kept_bracketed_answer(Context& cx, const Item& it) {
  if (!it.forced || !it.label || !it.old_label) return std::nullopt;
  std::string whole = *it.old_label + (it.block.leaves.empty() ? std::string() : leaf_text(it.block.leaves[0]));
  auto other = bracketed_person(whole, cx.cues);
  if (!other || other->second != *it.old_label) return std::nullopt;
  return other;
}

Grouping grouping_of(Context& cx, Run& r) {
  Grouping g;
  bool asks = false;
  for (std::size_t i = 0; i < r.items.size(); ++i) {
    const Item& it = r.items[i];
    if (!it.label) continue;
    g.answers += it.label->answers;
    asks = asks || it.label->shape.role == "interviewer";
    // (a second run keeps the labels of the officials it named in brackets: still an interview)
    if (it.label->shape.role != "interviewer" && !kept_bracketed_answer(cx, it)) g.interview = false;
    g.last_label = i;
    g.quoted = g.quoted && it.label->shape.style == SpeakerLabel::Style::quote;
  }
  g.interview = g.interview && asks;
  return g;
}

// A labelled line starts a turn.
void start_turn(Grouping& g, Item& it) {
  it.part = Part::unit;
  it.person = it.label->key;
  it.cert = it.label->recurring ? "" : "medium";
  it.why = it.label->header          ? "post header (" + it.label->family + ")"
           : it.label->signed_at_end ? "signed at the line's end: " + it.label->shape.shape
                                     : "label " + it.label->shape.shape;
  if (!it.label->header && !it.label->recurring) it.why += " (its name once, inside the style's run)";
  g.current = it.person;
  // (a collected comment is one person's words under their name: the page's narration after it
  // is no part of it, as it may be of a forum post)
  g.posts = it.label->header && !it.label->comment;
  g.answering = it.label->answers;
  g.last_spoken = true;
}

// A label of a role several people may hold at once ([crowd-role]: 記者; [audience-role]: 株主,
// 参加者) stands for several people. Where its turns say who speaks (関東日報の高橋です。 株主番号
// 3102番の者です。), a turn that does is that person's, a new one unless the same name was given
// before, and the label's turns after it go on with them until another introduces themself (a
// follow-up needs no introduction). Where none does (a summary of the questions), an audience's
// turn after someone else's is the next one of them, unless it follows up on the answer (関連して
// 伺います。 それは…: [follow-up], [same-asker]); a 記者 who never says who they are is one person
// (an interviewer). `before`: the person of the turn before ("" = none open).
// The text of a labelled line after its label (the label is still in the text on a first run,
// in <speaker> on a second).
std::string_view after_label(const Item& it) {
  std::string_view t = trim_space(it.text);
  if (it.label && !it.label->text.empty() && t.starts_with(it.label->text)) t.remove_prefix(it.label->text.size());
  return trim_space(t);
}

// What the turn opened at i says first: the text after its label, or, for a label alone on its
// line (（記者） over the question), the paragraph under it.
std::string_view first_said(const Run& r, std::size_t i) {
  std::string_view said = after_label(r.items[i]);
  if (!said.empty() || !r.items[i].label || !r.items[i].label->shape.alone) return said;
  for (std::size_t j = i + 1; j < r.items.size(); ++j) {
    const Item& n = r.items[j];
    if (n.block.kind == BlockKind::opaque) continue;
    if (n.label || !n.paragraph) return {};
    return trim_space(n.text);
  }
  return {};
}

void one_of_a_crowd(Context& cx, Grouping& g, Run& r, std::size_t i, const std::string& before) {
  Item& it = r.items[i];
  const std::string key = it.person;
  if (key.rfind("L:", 0) != 0) return;
  std::string_view word = std::string_view(key).substr(2);
  bool audience = cx.cues["audience-role"].whole(word);
  if (!audience && !cx.cues["crowd-role"].whole(word)) return;
  std::string_view said = first_said(r, i);
  auto c = g.crowd.find(key);
  if (g.introducing.count(key)) {
    if (auto intro = introduction(said, cx.cues)) {
      std::string& who = g.crowd[key];
      who = !intro->empty() ? "L:" + *intro : key + "#" + std::to_string(++g.unnamed[key]);
      it.why += intro->empty() ? "; introduces someone new who gives no name"
                               : "; introduces " + *intro + ": that person, one of the " + key.substr(2);
      c = g.crowd.find(key);
    }
  } else if (!audience) {
    return;
  } else if (c == g.crowd.end()) {
    c = g.crowd.emplace(key, key).first;  // the first of them
  } else if (before != c->second) {
    if (cx.cues["follow-up"].prefix(said) || cx.cues["same-asker"].prefix(said)) {
      it.why += "; follows up the answer: the same one of the " + key.substr(2);
    } else {
      c->second = key + "#" + std::to_string(++g.unnamed[key] + 1);
      it.why += "; after another's turn, introducing no one: the next of the " + key.substr(2);
    }
  }
  if (c != g.crowd.end()) g.current = it.person = c->second;
}

// Leaves an item out of every turn; `close`: it shows the open turn is over (`ended`: no label
// comes after it).
void leave_out(Grouping& g, Item& it, bool ended, std::string why, bool close) {
  it.part = Part::outside;
  it.why = std::move(why);
  if ((close || ended) && !g.interview) g.current.clear();
  if (close) g.answering = false;
  g.last_spoken = false;
}

// A block that is no paragraph: a list or quote the turn introduces, or something outside it.
void place_other_block(Run& r, std::size_t i, Grouping& g, bool ended) {
  Item& it = r.items[i];
  switch (it.block.kind) {
    case BlockKind::list:
    case BlockKind::quote:
      if (g.last_spoken && !g.current.empty() && (inside_dialogue(r, i) || (i > 0 && leads_in(r.items[i - 1])))) {
        it.part = Part::attached;
        it.person = g.current;
        it.why = "introduced by the turn before it";
        g.last_spoken = true;
      } else {
        leave_out(g, it, ended, "a list or quote after the dialogue, introduced by no turn", false);
      }
      return;
    case BlockKind::figure:
      leave_out(g, it, ended, ended ? "a caption after the last labelled turn: the dialogue is over" : "a caption", false);
      return;
    case BlockKind::note:
      // 追記（3/16）：… right after a post: its writer adds to it, even after the last label (the
      // last post's addendum); a notice elsewhere, or a correction after the dialogue, is the
      // editor's.
      if (g.last_spoken && !g.current.empty() &&
          (!ended || (!it.block.leaves.empty() && it.block.leaves[0].attrs.value("type") == "addendum"))) {
        it.part = Part::attached;
        it.person = g.current;
        it.why = "an addendum to the turn before it";
        g.last_spoken = true;
      } else {
        leave_out(g, it, ended, "a correction or an addendum notice", false);
      }
      return;
    case BlockKind::head:
      // An answer of a question-and-answer pair goes on under its own subheadings (【回答】 …
      // ■差額の請求は3年まで …): the lines after the heading are still the answer's. Where the
      // pair repeats (問／答 over and over, as council minutes write them), each answer is short
      // and a heading opens the next section, as it closes any turn.
      if (g.answering && g.answers < 2 && !closed_by_head(r, i)) {
        it.part = Part::outside;
        it.why = "a heading inside the answer: the answer goes on under it";
        g.last_spoken = false;
        return;
      }
      leave_out(g, it, ended, "a heading: the turn before it is over", true);
      return;
    default:
      leave_out(g, it, ended, "a " + std::string(to_string(it.block.kind)) + ": the turn before it is over", true);
  }
}

// A key and a date after its colon, nothing else (購入日：2026/05/01).
bool dated_key(std::string_view t) {
  std::size_t full = t.find("："), half = t.find(':');
  std::size_t at = std::min(full, half);
  if (at == std::string_view::npos) return false;
  return date_only(t.substr(at + (at == full ? std::string_view("：").size() : 1)));
}

// A short noun phrase with no sentence end: at most ten characters, no hiragana but の (回答,
// その他の回答, ベストアンサー).
bool heading_noun(std::string_view t) {
  t = trim_space(t);
  std::size_t n = text::length(t);
  if (n == 0 || n > 10 || has_terminator(t) || stamp_line(t)) return false;
  for (text::CodePoint cp : text::code_points(t))
    if (text::is_hiragana(cp.c) && cp.c != U'の') return false;
  return true;
}

// Why a line without a label inside the run is no part of the open turn, and whether it closes
// it; nothing when it goes on with the turn.
std::optional<std::pair<std::string, bool>> not_in_turn(Context& cx, const Run& r, std::size_t i, const Grouping& g,
                                                        bool ended, const std::string& whole) {
  const Item& it = r.items[i];
  if (it.furniture) return std::make_pair("page furniture (a counter, a button row, a line the page repeats)", true);
  if (it.post_closed) return std::make_pair("after the line that dates the post above: the post is over", true);
  if (button_line(whole, cx.cues) && turn_ends_after(r, i)) return std::make_pair("a button or link after the post", true);
  if (bracketed_line(whole))
    return std::make_pair(ended ? "a note in brackets after the last labelled turn: the dialogue is over"
                                : "a note in brackets on its own line",
                          false);
  // (a key and a date in a post, 購入日：2026/05/01 under a reviewer's name, is the post's own line)
  if (std::string tag = tag_prefix(whole); !tag.empty() && !cx.cues["same-voice"].whole(tag) &&
      !(g.posts && dated_key(whole)))
    return std::make_pair("starts with a tag or a key (" + tag + ") the document does not use as a label: another voice", true);
  if (g.quoted && !g.interview && text::at(trim_space(whole), 0) != U'「')
    return std::make_pair("not a quotation, in a dialogue of 名前「…」 lines: narration", true);
  if (profile_line(whole)) return std::make_pair("a profile (a name with its reading in brackets): not part of the turn", true);
  // After the last answer of question-and-answer pairs that repeat (問／答 pages), a short line
  // with no sentence end heads a section of the page's own (議会を傍聴しませんか): the answers
  // are over.
  if (ended && g.answers >= 2 && !has_terminator(whole) && it.f.chars <= cx.w("label.section_head_chars"))
    return std::make_pair("a short line with no sentence end after the last answer of repeated pairs: a section of the page", true);
  // Right over the next post's header on a board that writes the poster's name over the date, a
  // noun of at most ten characters (回答, その他の回答; no hiragana but の, no sentence end) heads
  // the posts that follow: the page's, not the post's. (A forum's one-word reply, 草, stays the
  // post's: its headers are one line.)
  if (g.posts && i + 1 < r.items.size() && r.items[i + 1].label && r.items[i + 1].label->header &&
      r.items[i + 1].label->family == kDatedHeaderFamily && heading_noun(whole))
    return std::make_pair("a short line with no sentence end right over the next post's header: a heading of the page", true);
  if (it.f.note) return std::make_pair("an editor's note", !g.posts);
  if (it.f.narrative && !g.posts) return std::make_pair("narration (no spoken register): not part of the turn", true);
  return std::nullopt;
}

// In an interview whose questions alone are labelled, （品質保証担当の大島一郎常務）「…」: another
// official answers, named in brackets. Whether the line is such an answer (then labelled).
bool answer_by_bracketed_person(Context& cx, Item& it, const std::string& whole) {
  auto other = bracketed_person(whole, cx.cues);
  if (!other) return false;
  std::size_t first = it.block.leaves[0].pieces.empty() || it.block.leaves[0].pieces[0].kind != Piece::Kind::sentence
                          ? 0
                          : it.block.leaves[0].pieces[0].sentence.text.size();
  if (other->second.size() > first) return false;  // the bracket must end inside the first sentence
  it.person = "L:" + other->first;
  it.cert = "high";
  it.why = "an answer by the person named in brackets before it";
  Label l;
  l.text = other->second;
  l.key = it.person;
  l.shape.name = other->first;
  l.shape.length = other->second.size();
  l.shape.shape = "（名前）";
  l.is_new = true;
  l.recurring = false;
  it.label = l;
  return true;
}

// In an interview, nothing before the first question is an answer.
void nothing_before_the_first_question(Run& r) {
  for (auto& it : r.items) {
    if (it.label) break;
    if (it.part != Part::outside) {
      it.part = Part::outside;
      it.person.clear();
      it.cert.clear();
      it.why = "before the first question";
    }
  }
}

}  // namespace

void group_labelled(Context& cx, Run& r) {
  Grouping g = grouping_of(cx, r);
  for (std::size_t i = 0; i < r.items.size(); ++i)
    if (r.items[i].label && introduction(first_said(r, i), cx.cues)) g.introducing.insert(r.items[i].label->key);
  r.why = g.interview ? "interview: the questions are labelled, the answers are the interviewee's" : "labelled dialogue";
  for (std::size_t i = 0; i < r.items.size(); ++i) {
    Item& it = r.items[i];
    bool ended = i > g.last_label;  // no label after it: the dialogue may be over
    if (it.block.kind == BlockKind::opaque) continue;
    if (it.label) {
      if (auto other = g.interview ? kept_bracketed_answer(cx, it) : std::nullopt) {  // as the first run named it
        it.part = Part::unit;
        it.person = it.label->key = "L:" + other->first;
        it.label->shape.name = other->first;
        it.label->recurring = false;
        it.cert = "high";
        it.why = "an answer by the person named in brackets before it";
        g.last_spoken = true;
        continue;
      }
      std::string before = g.current;
      start_turn(g, it);
      one_of_a_crowd(cx, g, r, i, before);
      if (it.label->signed_at_end) g.current.clear(), g.last_spoken = false;  // the comment ends with its line
      continue;
    }
    if (g.current.empty() && !g.interview) {
      leave_out(g, it, ended, it.why.empty() ? "no turn is open" : it.why, false);
      continue;
    }
    if (it.block.kind != BlockKind::paragraph && it.block.kind != BlockKind::code) {
      // (a line of code goes with the turn it is in, as a paragraph does)
      place_other_block(r, i, g, ended);
      continue;
    }
    std::string whole = it.text.empty() ? leaf_text(it.block.leaves[0]) : it.text;
    if (auto out = not_in_turn(cx, r, i, g, ended, whole)) {
      leave_out(g, it, ended, out->first, out->second);
      continue;
    }
    it.part = Part::unit;
    if (g.interview && answer_by_bracketed_person(cx, it, whole)) {
      g.last_spoken = true;
      continue;
    }
    if (g.interview) {
      it.person = "D:interviewee";
      it.cert = "high";
      it.why = "an answer: the interview labels only its questions";
    } else {
      it.person = g.current;
      it.cert = g.posts ? "high" : "medium";
      it.why = g.posts ? "a line of the post under the header" : "no label inside the run of labelled turns: the turn goes on";
    }
    g.current = it.person;
    g.last_spoken = true;
  }
  if (g.interview) nothing_before_the_first_question(r);
}

}  // namespace jatei::speakers
