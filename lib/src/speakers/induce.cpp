// Label induction: which line-initial shapes are speaker labels in this document.
//
// A shape is a label style when the document uses it repeatedly for a small set of names: it
// starts at least `label.min_lines` lines, some name recurs in it, and the text after it reads
// like speech (a spec sheet's サイズ： 重さ： lines and a profile's 森義人（もり・よしと）　… do
// not). A line whose name occurs once is a label too when it sits among the style's recurring
// lines (a cluster not broken by a heading): a guest who speaks once, a reporter asking once. A
// post header (a handle and a date on a line of its own) is one when such lines recur, each over
// the lines of its post. Nothing here knows a site: the shapes come from labels.cpp and what
// makes one a style is counted in the document.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "jatei/segment.hpp"
#include "speakers/analysis.hpp"
#include "speakers/textutil.hpp"

namespace jatei::speakers {

namespace {

// The leaf of a block that may start with a label: a paragraph, or a heading, quote or one-item
// list that segmentation took a labelled line for (a short line, a line after a statement, a
// line opening with a mark).
const Leaf* label_leaf(const Block& b) {
  if (b.leaves.size() != 1) return nullptr;
  if (b.kind == BlockKind::paragraph || b.kind == BlockKind::head || b.kind == BlockKind::quote ||
      b.kind == BlockKind::list)
    return &b.leaves[0];
  return nullptr;
}

// A line's text with every digit run as '#' and without whitespace: lines a page repeats with
// other numbers (参考になった 12人 ｜ 違反報告) have the same skeleton.
std::string skeleton(std::string_view s) {
  std::string out;
  bool digits = false;
  for (text::CodePoint cp : text::code_points(s)) {
    if (text::is_white_space(cp.c)) continue;
    if (text::is_digit(cp.c) || ((cp.c == ',' || cp.c == '.') && digits)) {
      if (!digits) out += '#';
      digits = true;
      continue;
    }
    digits = false;
    utf8::append(out, cp.c);
  }
  return out;
}

int letters(std::string_view s) {
  int n = 0;
  for (text::CodePoint cp : text::code_points(s))
    n += text::is_kanji(cp.c) || text::is_kana(cp.c) || text::is_latin(cp.c);
  return n;
}

// Page furniture that is no one's speech: counters and button rows (共感した 23 ｜ 閲覧数 4,812,
// いいね 214　ブックマーク 37), and lines the page repeats with other numbers.
void mark_furniture(std::vector<Item*>& items) {
  std::map<std::string, int> seen;
  std::vector<std::string> sk(items.size());
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Item& it = *items[k];
    if (!it.paragraph || has_terminator(it.text)) continue;
    sk[k] = skeleton(it.text);
    if (letters(sk[k]) >= 3) ++seen[sk[k]];
  }
  for (std::size_t k = 0; k < items.size(); ++k) {
    Item& it = *items[k];
    if (!it.paragraph || has_terminator(it.text)) continue;
    std::string_view t = trim_space(it.text);
    int digit_runs = 0, parts = 1, bars = 0;
    bool in_digits = false, in_space = false;
    for (text::CodePoint cp : text::code_points(t)) {
      bool d = text::is_digit(cp.c) || (in_digits && (cp.c == '.' || cp.c == ','));  // 4.0 1,204: one number
      if (d && !in_digits) ++digit_runs;
      in_digits = d;
      bool sp = text::is_space(cp.c);
      if (sp && !in_space) ++parts;
      in_space = sp;
      bars += cp.c == '|' || cp.c == U'｜';
    }
    bool counters = (bars > 0 && (digit_runs > 0 || parts >= 3)) || (digit_runs >= 2 && parts >= 3 && text::length(t) <= 60);
    bool repeated = !sk[k].empty() && seen[sk[k]] >= 2 && sk[k].find('#') != std::string::npos;
    it.furniture = counters || repeated;
  }
}

// Whether the item after k (in document order) is the body of a post: a paragraph, a list or a
// quote that is not itself a header, a label or furniture.
bool body_follows(const std::vector<Item*>& items, std::size_t k) {
  for (std::size_t j = k + 1; j < items.size(); ++j) {
    const Item& n = *items[j];
    if (n.block.kind == BlockKind::opaque) continue;
    if (n.header || n.furniture) return false;
    if (n.block.kind == BlockKind::list || n.block.kind == BlockKind::quote) return true;
    return n.paragraph && !trim_space(n.text).empty();
  }
  return false;
}

// The items of a list split for its labels go back together where no label was accepted.
void rejoin_lists(Run& r) {
  std::vector<Item> kept;
  kept.reserve(r.items.size());  // (an Item is large: moved once, not again at every growth)
  for (auto& it : r.items) {
    if (it.list_group && !it.label && !kept.empty() && kept.back().list_group == it.list_group && !kept.back().label &&
        kept.back().block.kind == BlockKind::list) {
      for (auto& leaf : it.block.leaves) kept.back().block.leaves.push_back(std::move(leaf));
      continue;
    }
    kept.push_back(std::move(it));
  }
  r.items = std::move(kept);
}

std::string display(const LabelStyle& s) { return s.shape.empty() ? s.family : s.shape; }

// A family of labels alone on their line (小野寺 / 【司会】 / 森田： over the paragraph they say).
bool line_family(const std::string& family) { return !family.empty() && family.back() == '|'; }

// Whether the line at k reads like speech; for a label alone on its line, the paragraph under it.
bool said_after(Context& cx, const std::vector<Item*>& items, std::size_t k) {
  const Item& it = *items[k];
  if (!it.candidate || !it.candidate->label.alone) {
    Features f = it.paragraph ? it.f : paragraph_features(*label_leaf(it.block), cx.model, cx.role_w);
    if (f.spoken() || !it.candidate) return f.spoken();
    // The cues read at the start of a paragraph (a greeting, a reaction, an answer word) are
    // read after the label: 田中：うん。 reads like speech.
    std::string_view after = trim_space(std::string_view(it.text).substr(std::min(it.text.size(), it.candidate->label.length)));
    return cx.cues["greeting"].prefix(after) > 0 || cx.cues["reaction"].prefix(after) > 0 ||
           cx.cues["answer"].prefix(after) > 0;
  }
  for (std::size_t j = k + 1; j < items.size(); ++j) {
    const Item& n = *items[j];
    if (n.block.kind == BlockKind::opaque) continue;
    return n.paragraph && !(n.candidate && n.candidate->label.alone) && !n.header && n.f.spoken();
  }
  return false;
}

// The person a short line names with an honorific or a title of office after the name, the
// line being nothing else (川村直子議員, ◆大野健一 議員, 森さん（みなみ野クラブ）): the heading of a
// section of one person's questions. "" when it is not such a line.
std::string person_line(std::string_view t, const SpeakerModel::Compiled& cues, std::string* title = nullptr) {
  t = trim_space(t);
  if (t.empty() || has_terminator(t) || text::length(t) > 24) return {};
  std::string core, part;  // part: the text since the last space (一般質問　川村直子議員)
  bool started = false;
  for (text::CodePoint cp : text::code_points(t)) {
    if (text::opens(cp.c)) break;  // a bracket after the name: the group or the party
    if (text::is_white_space(cp.c)) {
      if (started) part = core;
      continue;
    }
    // (a given name may be in hiragana: 森田かおり議員; the name starts with no hiragana)
    if (!is_name_char(cp.c) && cp.c != U'・' && !(started && text::is_hiragana(cp.c))) {
      if (started) return {};
      continue;  // a mark before the name (◆ ○ ■)
    }
    started = true;
    utf8::append(core, cp.c);
  }
  std::size_t n = cues["strip-honorific"].suffix(core);
  if (!n) n = cues["honorific"].suffix(core);
  if (!n || n >= core.size()) return {};
  // Words before a space are a heading's (一般質問　川村直子議員) unless only the honorific
  // follows the space (川村直子　議員).
  if (!part.empty() && core.size() - part.size() > n) core.erase(0, part.size());
  std::string name = core.substr(0, core.size() - n);
  if (text::length(name) < 2 || text::length(name) > 8) return {};
  if (title) *title = core.substr(core.size() - n);
  return name;
}

// The number a Q./A. mark carries (Q1. A12: → "1", "12"; Q. → ""), digits of either width.
std::string mark_number(const Item& it) {
  const SpeakerLabel& l = it.candidate->label;
  std::string_view mark = std::string_view(it.text).substr(0, std::min(l.length, it.text.size()));
  std::string n;
  for (text::CodePoint cp : text::code_points(mark))
    if (text::is_digit(cp.c)) utf8::append(n, cp.c >= U'０' && cp.c <= U'９' ? U'0' + (cp.c - U'０') : cp.c);
  return n;
}

// Q1. Q2. … numbered questions of an FAQ, headings over their answers: with no A. anywhere, or
// with each answer numbered as the question it follows (Q1. … A1. …, Q2. … A2. …): the page's
// own numbered items, one writer's questions and answers. An interview marks its questions
// without numbers.
bool faq_headings(const std::vector<Item*>& items, const std::vector<std::size_t>& ks) {
  std::string asked;  // the number of the last question
  for (std::size_t k : ks) {
    const Item& it = *items[k];
    const SpeakerLabel& l = it.candidate->label;
    if (it.forced || l.style != SpeakerLabel::Style::qa) return false;
    std::string n = mark_number(it);
    if (n.empty()) return false;
    if (l.name == "Q") asked = n;
    else if (l.name != "A" || n != asked) return false;
  }
  return true;
}

// A Q./A. pair or two in a page that is otherwise no interview (patch notes, a product page, a
// health page's よくある質問): at most `label.faq_max_questions` questions, and the lines from
// the first question to the end of the last answer (the paragraphs that go on after it) are less
// than the share `label.min_qa_share` of the page's blocks. Decided by the document: the same
// pair over most of a short page is an interview.
bool few_questions_aside(Context& cx, const std::vector<Item*>& items, const std::vector<std::size_t>& ks) {
  int questions = 0;
  for (std::size_t k : ks) {
    if (items[k]->forced) return false;
    questions += items[k]->candidate->label.name == "Q";
  }
  if (questions == 0 || questions > cx.w("label.faq_max_questions")) return false;
  std::size_t last = ks.back();
  while (last + 1 < items.size()) {  // the answer goes on over plain paragraphs
    const Item& n = *items[last + 1];
    if (n.block.kind == BlockKind::head || n.candidate || n.header || n.furniture ||
        !(n.paragraph || n.block.kind == BlockKind::list || n.block.kind == BlockKind::quote))
      break;
    ++last;
  }
  int covered = 0, total = 0;
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Item& it = *items[k];
    if (it.block.kind == BlockKind::opaque || it.furniture) continue;
    ++total;
    covered += k >= ks.front() && k <= last;
  }
  return total > 0 && covered < cx.w("label.min_qa_share") * total;
}

// Q./A. pairs that no one says: a page's よくある質問, where every answer speaks for whoever
// runs the page (a city office, a shop) rather than for a person. Every label is the bare mark
// (no name: A(中村): names one), no answer nor the paragraphs that go on after it has a voice
// (first person, a casual or exclamatory sentence, a reaction, an emoji or 笑, a sentence that
// ends as a person speaks of themself: [voice-end], …と思います, …んです), and the pairs
// are a part of the page: grouped under headings (plain ones too: a short line with no sentence
// end), or covering less than the share
// `label.faq_part_share` of its blocks. An interview's answers have someone's voice; bare pairs
// over a whole page stay turns.
bool voiceless_pairs(Context& cx, const std::vector<Item*>& items, const std::vector<std::size_t>& ks) {
  auto voiced = [](const Features& f) {
    return f.first_person || f.casual > 0 || f.exclaim || f.marker || f.react;
  };
  int answers = 0;
  for (std::size_t k : ks) {
    const Item& it = *items[k];
    const SpeakerLabel& l = it.candidate->label;
    if (it.forced || l.style != SpeakerLabel::Style::qa || !l.mark.empty() || (l.name != "Q" && l.name != "A"))
      return false;
    if (l.name != "A") continue;
    ++answers;
    const Leaf* leaf = label_leaf(it.block);
    if (voiced(it.paragraph || !leaf ? it.f : paragraph_features(*leaf, cx.model, cx.role_w))) return false;
    // …と思います, …んです: a person answering for themself, not a page's FAQ
    if (voice_ending(cx, it)) return false;
    for (std::size_t j = k + 1; j < items.size(); ++j) {  // the answer goes on over plain paragraphs
      const Item& n = *items[j];
      if (n.block.kind == BlockKind::head || n.candidate || n.header || n.furniture || !n.paragraph) break;
      if (voiced(n.f) || voice_ending(cx, n)) return false;
    }
  }
  if (answers == 0) return false;
  // A heading between two pairs: a head, or a short line with no sentence end that no label
  // opens (手数料について, その他), at most `label.section_head_chars` characters.
  bool grouped = false;
  for (std::size_t k = ks.front() + 1; k < ks.back() && !grouped; ++k) {
    const Item& it = *items[k];
    grouped = it.block.kind == BlockKind::head ||
              (it.paragraph && (!it.candidate || it.candidate->label.alone) && !it.header && !has_terminator(it.text) &&
               it.f.chars <= cx.w("label.section_head_chars"));
  }
  int covered = 0, total = 0;
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Item& it = *items[k];
    if (it.block.kind == BlockKind::opaque || it.furniture) continue;
    ++total;
    covered += k >= ks.front() && k <= ks.back();
  }
  return grouped || (total > 0 && covered < cx.w("label.faq_part_share") * total);
}

}  // namespace

std::vector<Item*> Context::items() {
  std::vector<Item*> out;
  for (auto& r : runs)
    for (auto& it : r.items) out.push_back(&it);
  return out;
}

namespace {

// A name with nothing around it but the space before the speech (名前　…): the label of the
// family N_, its role the one the rules give the name.
LabelCandidate bare_name(Context& cx, const std::string& name) {
  LabelCandidate c;
  c.family = "N_";
  c.label.style = SpeakerLabel::Style::space;
  c.label.name = name;
  c.label.length = name.size();
  c.label.shape = "名前";
  c.label.role = cx.cues.role_for(name);
  return c;
}

// A label a person or an earlier run put in <speaker>: kept (forced), and read for its shape so
// that it is counted with the others and a second run decides the same.
void read_kept_label(Context& cx, Item& it) {
  const std::string& t = *it.old_label;
  it.forced = true;
  if (auto h = parse_post_header(t)) {
    it.header = h;
    return;
  }
  // The label with the text after it, as the line stood.
  std::string rest = it.block.leaves.empty() ? std::string() : leaf_text(it.block.leaves[0]);
  // A label that was the whole line (【相談】 over the paragraphs it heads): the same shape as the
  // first run found, so that its turn goes on the same way (and keeps its @cert).
  if (trim_space(rest).empty())
    if (auto c = parse_label(t, cx.model, true); c && c->label.alone && c->label.length == t.size()) {
      it.candidate = c;
      return;
    }
  for (const std::string& line : {t + rest, t + "x"})
    if (auto c = parse_label(line, cx.model, false); c && c->label.length == t.size()) {
      it.candidate = c;
      return;
    }
  // A name with no mark before the speech (大川そうだったね。: bare_name_labels), kept: the name and
  // a space's family, as the first run found it.
  if (!trim_space(rest).empty() && !text::is_white_space(text::at(rest, 0)) && !t.empty() &&
      text::length(t) <= 4) {
    bool kanji = true;
    for (text::CodePoint cp : text::code_points(t)) kanji = kanji && text::is_kanji(cp.c);
    if (kanji) {
      it.candidate = bare_name(cx, t);
      return;
    }
  }
  // A label that was a line of its own (小野寺 / 菅原（准教授）).
  if (auto c = parse_label(t, cx.model, true); c && c->label.alone && c->label.length == t.size()) {
    it.candidate = c;
    return;
  }
  LabelCandidate hand;  // a label written by hand (二人:)
  hand.label.length = t.size();
  for (text::CodePoint cp : text::code_points(t))
    if (is_name_char(cp.c) || text::is_hiragana(cp.c) || text::is_digit(cp.c) || cp.c == U'・')
      utf8::append(hand.label.name, cp.c);
  hand.family = "hand";
  it.candidate = hand;
}

// The label shape and the post header shape a line starts with.
void read_line_shape(Context& cx, Item& it) {
  const Leaf* leaf = label_leaf(it.block);
  // A byline may be the first post's header (segmentation takes a name and a date under the
  // title for the article's byline): it is one when the document's other headers share its shape.
  if (!leaf && it.block.kind == BlockKind::byline && it.block.leaves.size() == 1 &&
      !it.block.leaves[0].pieces.empty() && it.block.leaves[0].pieces[0].kind == Piece::Kind::sentence) {
    it.text = leaf_text(it.block.leaves[0]);
    it.header = parse_post_header(it.text);
    return;
  }
  if (!leaf || leaf->pieces.empty() || leaf->pieces[0].kind != Piece::Kind::sentence) return;
  it.text = leaf_text(*leaf);
  it.candidate = parse_label(it.text, cx.model, true);
  // A label must end inside the first sentence (the rest of it stays a sentence).
  if (it.candidate && it.candidate->label.length > leaf->pieces[0].sentence.text.size()) it.candidate.reset();
  // (a header line with a mark before it, ■12 名無しさん …, is a one-item list to segmentation)
  if (it.block.kind == BlockKind::paragraph || it.block.kind == BlockKind::list) it.header = parse_post_header(it.text);
  // A line signed with a name and an age stands out like a heading to segmentation (a short line
  // without punctuation between paragraphs); a heading with a date only stays a heading (a blog's
  // dated titles).
  if (it.block.kind == BlockKind::head)
    if (auto h = parse_post_header(it.text); h && h->aged) it.header = h;
  // So does a handle with a time relative to now (ねこ丸　3日前, kazu（出品者）　2日前), as a comment
  // board shows when each comment was posted; a blog's dated title carries a date.
  if (it.block.kind == BlockKind::head)
    if (auto h = parse_post_header(it.text); h && h->relative) it.header = h;
}

// ------------------------------------------------------------------------------------------
// Names with no mark before the speech (大川そうだったね。 村上はい。), as a newsletter prints a
// 対談 whose bold names were lost: the label is only the name, told from the speech by the
// document's repetition. A kanji prefix of a line is such a name when
//   - it starts at least `label.min_repeats` paragraphs that go on with a sentence, and what
//     follows it on those lines differs (the name ends where the lines branch: 大川 before
//     そ/村/あ, not 大 before 川 every time);
//   - it is not the start of narration about the person: no particle, honorific, word of office
//     or punctuation right after it (大川は… 大川さんが… 大川センター長は…), unless an answer,
//     a reaction or a greeting opens the speech (村上はい。);
//   - the document names that person elsewhere: with an honorific (村上さん), or in full on a
//     line of its own (大川健司（北部物流センター長）);
// and at least two such names do (a dialogue). Those lines get a candidate of the name-and-space
// family: one style with the lines that do put a space after the name.
// ------------------------------------------------------------------------------------------

// Kanji at the start of a paragraph (at most five), with the byte after each.
std::vector<std::pair<char32_t, std::size_t>> leading_kanji(std::string_view t) {
  std::vector<std::pair<char32_t, std::size_t>> out;
  for (text::CodePoint cp : text::code_points(t)) {
    if (!text::is_kanji(cp.c) || out.size() >= 5) break;
    out.emplace_back(cp.c, text::end(cp));
  }
  return out;
}

// What follows a bare name on a line says the line is about the person, not said by them.
bool narrated_after(std::string_view rest, const SpeakerModel::Compiled& cues) {
  if (rest.empty()) return true;
  char32_t c = text::at(rest, 0);
  if (cues["answer"].prefix(rest) > 0 || cues["reaction"].prefix(rest) > 0 || cues["greeting"].prefix(rest) > 0)
    return false;
  static constexpr std::u32string_view kParticles = U"はがをにでとのもへやか";
  if (kParticles.find(c) != std::u32string_view::npos || c == U'、' || c == U'。' || c == ',' || text::opens(c) || text::closes(c) ||
      text::is_white_space(c) || is_dash(c) || c == U'・' || c == ':' || c == U'：')
    return true;
  return cues["honorific"].prefix(rest) > 0 || cues["strip-honorific"].prefix(rest) > 0 ||
         cues["role-word"].prefix(rest) > 0 || !has_terminator(rest);
}

// Whether the document names `name` elsewhere: with an honorific after it, or in full at the
// start of a line that is only that (大川健司（北部物流センター長）, 村上美咲).
bool named_elsewhere(const std::vector<Item*>& items, const std::string& name, const SpeakerModel::Compiled& cues) {
  for (const Item* it : items) {
    if (it->block.leaves.empty()) continue;
    std::string t = leaf_text(it->block.leaves[0]);
    for (std::size_t at = t.find(name); at != std::string::npos; at = t.find(name, at + 1)) {
      std::string_view rest = std::string_view(t).substr(at + name.size());
      if (!rest.empty() && (cues["honorific"].prefix(rest) > 0 || cues["strip-honorific"].prefix(rest) > 0)) return true;
      if (at != 0) continue;
      // a line of the full name: one to three more letters, then a bracket or the line's end
      std::size_t n = 0, b = 0;
      while (b < rest.size() && n < 4) {
        char32_t c = text::at(rest, b);
        if (!(text::is_kanji(c) || text::is_kana(c))) break;
        b = text::next(rest, b);
        ++n;
      }
      if (n >= 1 && n <= 3 && (b == rest.size() || text::opens(text::at(rest, b)) == 1) && !has_terminator(rest))
        return true;
    }
  }
  return false;
}

// Gives the lines that start with such a name a candidate label (see above); returns how many.
int bare_name_labels(Context& cx, std::vector<Item*>& items) {
  // Prefixes of one to four kanji: the lines they start, and what follows them there.
  struct Prefix {
    std::vector<std::size_t> lines;  // items whose rest reads as speech
    std::set<char32_t> next;
  };
  std::map<std::string, Prefix> prefixes;
  auto eligible = [&](const Item& it) {
    if (it.forced || it.header || !it.paragraph || it.text.empty()) return false;
    return !it.candidate || (it.candidate->family == "N_" && it.candidate->label.time.empty());
  };
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Item& it = *items[k];
    if (!eligible(it)) continue;
    auto lead = leading_kanji(it.text);
    for (std::size_t n = 1; n <= lead.size() && n <= 4; ++n) {
      std::string_view rest = std::string_view(it.text).substr(lead[n - 1].second);
      std::string name = it.text.substr(0, lead[n - 1].second);
      bool spaced = it.candidate && it.candidate->label.name == name;
      if (!spaced && (it.candidate || narrated_after(rest, cx.cues))) continue;
      Prefix& p = prefixes[name];
      p.lines.push_back(k);
      p.next.insert(spaced ? U'　' : text::at(rest, 0));
    }
  }
  const std::size_t min_repeats = static_cast<std::size_t>(cx.w("label.min_repeats"));
  std::map<std::size_t, std::string> name_of;  // item -> the longest name it starts with
  std::set<std::string> names;
  for (auto& [name, p] : prefixes) {
    if (p.lines.size() < min_repeats || p.next.size() < 2 || !named_elsewhere(items, name, cx.cues)) continue;
    names.insert(name);
    for (std::size_t k : p.lines)
      if (name_of[k].size() < name.size()) name_of[k] = name;
  }
  std::set<std::string> used;
  for (auto& [k, name] : name_of) used.insert(name);
  if (used.size() < 2) return 0;
  int made = 0;
  for (auto& [k, name] : name_of) {
    Item& it = *items[k];
    if (it.candidate) continue;  // the name and a space: parse_label's candidate already
    const Leaf* leaf = label_leaf(it.block);
    if (!leaf || leaf->pieces.empty() || name.size() >= leaf->pieces[0].sentence.text.size()) continue;
    it.candidate = bare_name(cx, name);
    ++made;
  }
  return made;
}

// The family of a header split over a name line and a rating line (rated_headers).
constexpr const char* kRatedFamily = "名前/★";

// A rating line: five stars, filled or not, at its start (★★★★☆, ★★★☆☆ 3.0), or fewer stars
// before a score (★4.0, ★ 3.5　2026/10訪問, ☆☆☆ 3); a star before a word (★塩レモンだれ) is a
// heading's mark.
bool rating_line(std::string_view t) {
  t = trim_space(t);
  int stars = 0;
  std::size_t after = 0;
  for (text::CodePoint cp : text::code_points(t)) {
    if (cp.c != U'★' && cp.c != U'☆') break;
    ++stars;
    after = text::end(cp);
  }
  if (stars == 5) return true;
  if (stars == 0 || stars > 5) return false;
  std::string_view rest = trim_space(t.substr(after));
  return !rest.empty() && text::is_digit(text::at(rest, 0));
}

// A line of the reviewer's profile between the name and the rating (ローカルガイド・クチコミ52件・写真
// 30枚, クチコミ3件, レビュー12件): short, no sentence end, a count in it (a number and the kanji
// of its counter after it, not a date's 年 月 日 or a time's 時 分; a handle's digits, kazu_0921,
// count nothing).
bool profile_count_line(std::string_view t) {
  t = trim_space(t);
  if (t.empty() || text::length(t) > 30 || has_terminator(t) || rating_line(t)) return false;
  bool digit = false;
  int depth = 0;  // (a count in brackets is a note on a name: そばがら好き（40代・女性）)
  for (text::CodePoint cp : text::code_points(t)) {
    if (text::opens(cp.c)) ++depth;
    else if (text::closes(cp.c) && depth > 0) --depth;
    if (depth == 0 && digit && text::is_kanji(cp.c) && cp.c != U'年' && cp.c != U'月' && cp.c != U'日' &&
        cp.c != U'時' && cp.c != U'分')
      return true;
    digit = depth == 0 && text::is_digit(cp.c);
  }
  return false;
}

// A reviewer's name alone on its line: a handle or a name of at most 20 characters (しおり,
// ふくろう文庫, T.Nakamura, mocha_dad さん), no sentence end, no colon, no star; a bracket of at
// most 15 characters may follow it (そばがら好き（40代・女性）). Returns the name without it.
bool handle_line(std::string_view t);
std::string_view reviewer_of(std::string_view t) {
  t = trim_space(t);
  if (!t.empty() && text::closes(text::before(t, t.size())) == 1) {
    std::size_t open = std::min(t.rfind("（"), t.rfind('('));
    if (open == std::string_view::npos || open == 0 || text::length(t.substr(open)) > 17) return {};
    t = trim_space(t.substr(0, open));
  }
  return handle_line(t) ? t : std::string_view();
}

bool handle_line(std::string_view t) {
  t = trim_space(t);
  std::size_t n = text::length(t);
  if (n == 0 || n > 20 || has_terminator(t)) return false;
  for (text::CodePoint cp : text::code_points(t)) {
    char32_t c = cp.c;
    if (!(text::is_kanji(c) || text::is_kana(c) || text::is_prolonged(c) || text::is_latin(c) || text::is_digit(c) ||
          c == '_' || c == '.' || c == '-' || c == ' ' || c == U'・'))
      return false;
  }
  return !text::is_digit(text::at(t, 0));
}

// Review pages that split a post's header over lines (a name, a rating line under it, maybe a
// date line, then the review): the name line heads the post, as a one-line header does, where
// the page repeats the shape (two headers at least: induce_post_headers) and a sentence follows
// within the next lines. The name is the poster's (an honorific after a space taken off).
void rated_headers(std::vector<Item*>& items) {
  for (std::size_t k = 0; k + 1 < items.size(); ++k) {
    Item& it = *items[k];
    if (it.header || it.block.leaves.empty() || (!it.paragraph && it.block.kind != BlockKind::head)) continue;
    std::string line = it.forced ? *it.old_label : leaf_text(it.block.leaves[0]);
    std::string_view handle = reviewer_of(line);
    if (handle.empty()) continue;
    // the rating under the name, or under a line of the reviewer's profile (クチコミ52件)
    std::size_t rating = k + 1;
    auto rated = [&](std::size_t j) {
      return j < items.size() && !items[j]->block.leaves.empty() && rating_line(leaf_text(items[j]->block.leaves[0]));
    };
    if (!rated(rating) && !items[k + 1]->block.leaves.empty() &&
        profile_count_line(leaf_text(items[k + 1]->block.leaves[0])))
      ++rating;
    if (!rated(rating)) continue;
    bool said = false;
    for (std::size_t j = rating + 1; j < items.size() && j < rating + 4 && !said; ++j)
      said = items[j]->paragraph && !items[j]->f.note && has_terminator(items[j]->text);
    if (!said) continue;
    if (std::size_t sp = handle.rfind(' '); sp != std::string_view::npos && text::is_hiragana(text::at(handle, sp + 1)))
      handle = trim_space(handle.substr(0, sp));  // mocha_dad さん
    PostHeader h;
    h.family = kRatedFamily;
    h.handle = std::string(handle);
    it.header = h;
    it.candidate.reset();
    k = rating;  // (the profile line under the name is no name)
  }
}

// The family of a header whose date comes after the post (timed_headers).
constexpr const char* kTimedFamily = "名前/…/日時";

// Comment threads that write the poster's name alone on a line, the comment under it and when it
// was posted on a line after it (ねこまる / はじめまして。… / 3日前, as a listing's questions and
// the seller's answers are shown): the name line heads the post, where the page repeats the shape
// (two such posts at least: induce_post_headers), whether or not a name comes back. A bracket
// after the name says what the poster is (kazu_photo（出品者）).
void timed_headers(std::vector<Item*>& items) {
  for (std::size_t k = 0; k + 2 < items.size(); ++k) {
    Item& it = *items[k];
    if (it.header || it.block.leaves.empty() || (!it.paragraph && it.block.kind != BlockKind::head)) continue;
    std::string line = it.forced ? *it.old_label : leaf_text(it.block.leaves[0]);
    std::string_view handle = reviewer_of(line);
    if (handle.empty() || stamp_line(line)) continue;
    // the comment: one to three paragraphs with a sentence, then the stamp line
    std::size_t j = k + 1, said = 0;
    while (j < items.size() && j < k + 4 && items[j]->paragraph && has_terminator(items[j]->text) &&
           !stamp_line(items[j]->text))
      ++j, ++said;
    if (said == 0 || j >= items.size() || items[j]->block.leaves.empty() ||
        !stamp_line(leaf_text(items[j]->block.leaves[0])))
      continue;
    PostHeader h;
    h.family = kTimedFamily;
    h.handle = std::string(handle);
    std::string_view rest = trim_space(trim_space(line).substr(handle.size()));
    if (!rest.empty() && text::opens(text::at(rest, 0)) == 1 && text::closes(text::before(rest, rest.size())) == 1) {
      std::size_t b = text::next(rest, 0), e = text::prev(rest, rest.size());
      if (b < e) h.note = std::string(rest.substr(b, e - b));
    }
    it.header = h;
    it.candidate.reset();
  }
}

// (The family of a header split over a name line and a date line above the post, dated_headers:
// kDatedHeaderFamily, analysis.hpp.)
constexpr const char* kDatedFamily = kDatedHeaderFamily;

// Q&A boards and comment pages that write the poster's name on a line of its own, when the post
// was made on the line under it and the post after that (natsu_mikan0703さん / 2026/11/12 21:44 /
// 6年住んだアパートを…): the name line heads the post, as a one-line header does, where the page
// repeats the shape (two such posts at least: induce_post_headers). A blog's dated titles are
// headings to segmentation: a heading is such a name only with an honorific after it.
void dated_headers(Context& cx, std::vector<Item*>& items) {
  for (std::size_t k = 0; k + 2 < items.size(); ++k) {
    Item& it = *items[k];
    if (it.header || it.block.leaves.empty() || (!it.paragraph && it.block.kind != BlockKind::head)) continue;
    std::string line = it.forced ? *it.old_label : leaf_text(it.block.leaves[0]);
    std::string_view handle = reviewer_of(line);
    if (handle.empty() || stamp_line(line)) continue;
    if (!it.paragraph && !it.forced && !cx.cues["honorific"].suffix(handle)) continue;
    const Item& date = *items[k + 1];
    if (date.block.leaves.empty() || !stamp_line(leaf_text(date.block.leaves[0]))) continue;
    bool said = false;
    for (std::size_t j = k + 2; j < items.size() && j < k + 4 && !said; ++j)
      said = items[j]->paragraph && !items[j]->f.note && has_terminator(items[j]->text);
    if (!said) continue;
    PostHeader h;
    h.family = kDatedFamily;
    // (the board's honorific after every handle is no part of the name: natsu_mikan0703さん)
    if (std::size_t hon = cx.cues["honorific"].suffix(handle); hon && text::length(handle.substr(0, handle.size() - hon)) >= 2)
      handle = trim_space(handle.substr(0, handle.size() - hon));
    h.handle = std::string(handle);
    it.header = h;
    it.candidate.reset();
    ++k;  // (the date line is the post's)
  }
}

// Under an accepted name line over a rating line, the rating line and a date line before the
// review (2026年8月3日に購入, a line the page repeats) are the post's lines: a rating line that
// segmentation took for a heading becomes a paragraph, and neither is page furniture.
void rated_posts(Context& cx, std::vector<Item*>& items) {
  for (std::size_t k = 0; k + 1 < items.size(); ++k) {
    if (!items[k]->label || (items[k]->label->family != kRatedFamily && items[k]->label->family != kTimedFamily))
      continue;
    const bool timed = items[k]->label->family == kTimedFamily;
    bool stamped = false;  // (timed: the line of when it was posted ends the post)
    for (std::size_t j = k + 1; j < items.size() && j < k + 5 && !stamped; ++j) {
      Item& n = *items[j];
      if (n.label) break;
      if (timed) {  // the comment, then the line of when it was posted: the post's own lines
        if (n.paragraph && has_terminator(n.text)) continue;
        if (n.block.leaves.empty() || !stamp_line(leaf_text(n.block.leaves[0]))) break;
        stamped = true;
        if (j + 1 < items.size() && !items[j + 1]->header) items[j + 1]->post_closed = true;
      } else if (n.paragraph && has_terminator(n.text)) {
        break;
      }
      n.furniture = false;
      if (n.block.kind == BlockKind::head && !n.forced && n.block.leaves.size() == 1) {
        n.block.kind = BlockKind::paragraph;
        n.block.id.clear();
        n.block.attrs = Attrs();
        n.block.leaves[0].element = "p";
        n.paragraph = true;
        n.text = leaf_text(n.block.leaves[0]);
        n.f = paragraph_features(n.block.leaves[0], cx.model, cx.role_w);
      }
    }
  }
}

// The family of a reply's head line inside the posts (post_replies).
constexpr const char* kReplyFamily = "投稿/返信";

// A reply's head line without the time after it (オーナーからの返信　1か月前 → オーナーからの返信),
// or "" when the line is no such head: at most `label.max_reply_head_chars` characters, no
// sentence end, no star, no figure (a counter: 2件の返信), not only a date or a time, not the
// reply button alone (返信).
std::string reply_head(Context& cx, std::string_view t) {
  t = trim_space(t);
  if (t.empty() || has_terminator(t) || stamp_line(t) || rating_line(t) || text::opens(text::at(t, 0))) return {};
  for (text::CodePoint cp : text::code_points(t))
    if (cp.c == U'★' || cp.c == U'☆' || cp.c == U'｜' || cp.c == '|') return {};
  std::string_view head = t;
  for (std::size_t sp = head.size(); sp-- > 0;) {  // a date or a time after the last space goes
    if (head[sp] != ' ' && !(sp >= 2 && head.substr(sp - 2, 3) == "　")) continue;
    std::size_t b = head[sp] == ' ' ? sp : sp - 2;
    if (stamp_line(head.substr(sp + 1))) head = trim_space(head.substr(0, b));
    break;
  }
  std::size_t n = text::length(head);
  if (n < 2 || n > static_cast<std::size_t>(cx.w("label.max_reply_head_chars"))) return {};
  // (a counter, 2件の返信, or the reply button alone, 返信, heads nobody's words)
  for (text::CodePoint cp : text::code_points(head))
    if (text::is_digit(cp.c)) return {};
  if (cx.cues["reply-head"].whole(head)) return {};
  return std::string(head);
}

// Replies inside posts (a shop's answer under each review: お店からの返信, オーナーからの返信　1か月前,
// 店長より): a short line with no sentence end, after the post's own sentences and over a sentence,
// that the page repeats in two posts or more (its digits aside), or under one post a line that
// ends with a word of replying ([reply-head]). Its lines are another person's
// turn, the same person under every post: the line is the label, whole. (A review's title comes
// before its sentences; a counter or a button row after them stands over no sentence.)
void post_replies(Context& cx, std::vector<Item*>& items) {
  std::vector<std::size_t> heads;
  for (std::size_t k = 0; k < items.size(); ++k)
    if (items[k]->label && items[k]->label->header) heads.push_back(k);
  if (heads.size() < 2) return;
  std::map<std::string, std::vector<std::size_t>> lines;  // the head's skeleton -> its lines
  std::map<std::string, std::set<std::size_t>> posts;     // … and the posts it is in
  for (std::size_t p = 0; p < heads.size(); ++p) {
    std::size_t end = p + 1 < heads.size() ? heads[p + 1] : items.size();
    bool said = false;
    for (std::size_t j = heads[p] + 1; j < end; ++j) {
      Item& n = *items[j];
      if (n.label || n.forced || n.block.leaves.empty()) break;
      if (n.paragraph && !n.f.note && has_terminator(n.text)) {
        said = true;
        continue;
      }
      if (!said || (!n.paragraph && n.block.kind != BlockKind::head) || n.block.leaves.size() != 1) continue;
      if (j + 1 >= end || !items[j + 1]->paragraph || !has_terminator(items[j + 1]->text)) continue;
      std::string head = reply_head(cx, leaf_text(n.block.leaves[0]));
      if (head.empty()) continue;
      std::string key = skeleton(head);
      lines[key].push_back(j);
      posts[key].insert(p);
    }
  }
  for (auto& [key, ks] : lines) {
    // (under one post only, the line must say it replies: [reply-head] お店からの返信, 店主より)
    std::string name = reply_head(cx, leaf_text(items[ks.front()]->block.leaves[0]));
    if (posts[key].size() < 2 && cx.cues["reply-head"].suffix(name) == 0) continue;
    LabelStyle st;
    st.family = kReplyFamily;
    st.shape = "投稿の中の返信の見出し行";
    st.header = true;
    st.lines = st.spoken = static_cast<int>(ks.size());
    st.accepted = true;
    st.names["R:" + key] = st.lines;
    st.why = posts[key].size() >= 2
                 ? std::to_string(ks.size()) + " lines the page repeats inside " + std::to_string(posts[key].size()) +
                       " posts, each after the post's sentences and over a sentence: a reply, one person's under every post"
                 : "a line that says it replies ([reply-head]) inside a post, after its sentences and over a sentence";
    for (std::size_t k : ks) {
      Item& it = *items[k];
      std::string whole = leaf_text(it.block.leaves[0]);
      Label l;
      l.text = whole;
      l.family = kReplyFamily;
      l.key = "R:" + key;
      l.header = true;
      l.is_new = true;
      l.recurring = true;
      l.shape.name = name;
      l.shape.role = "explainer";
      l.shape.length = whole.size();
      l.shape.alone = true;
      it.label = l;
      it.candidate.reset();
      it.furniture = false;
      if (it.text.empty()) it.text = whole;
    }
    cx.styles.push_back(std::move(st));
  }
}

// Post headers: a family of them whose lines each stand over a post is a style.
void induce_post_headers(Context& cx, std::vector<Item*>& items) {
  std::map<std::string, std::vector<std::size_t>> header_lines;
  for (std::size_t k = 0; k < items.size(); ++k)
    if (items[k]->header) header_lines[items[k]->header->family].push_back(k);
  for (auto& [family, ks] : header_lines) {
    LabelStyle st;
    st.family = family;
    st.shape = "投稿者の見出し行 (" + family + ")";
    st.header = true;
    std::vector<std::size_t> over_posts;
    int paragraphs_over_posts = 0;
    for (std::size_t k : ks) {
      ++st.lines;
      // (a name over a rating line: rated_headers saw the review under it)
      if (!items[k]->forced && family != kRatedFamily && !body_follows(items, k)) continue;
      over_posts.push_back(k);
      paragraphs_over_posts += items[k]->block.kind != BlockKind::byline;
    }
    if (paragraphs_over_posts < 2)  // a byline is a header only beside two others
      std::erase_if(over_posts, [&](std::size_t k) { return items[k]->block.kind == BlockKind::byline; });
    // A handle on posts of several IDs (名無しさん) names no one: there the IDs tell the posters
    // apart.
    std::map<std::string, std::set<std::string>> ids_of;
    for (std::size_t k : over_posts) ids_of[items[k]->header->handle].insert(items[k]->header->id);
    // Where IDs tell posters apart, they do for every post that has one: a poster who adds a
    // name or a trip (弓一筋◆Qw8Er7Ty) on one post keeps the ID of the others.
    bool ids_decide = std::any_of(ids_of.begin(), ids_of.end(), [](const auto& kv) { return kv.second.size() > 1; });
    auto by_id = [&](const PostHeader& h) { return !h.id.empty() && ids_decide; };
    bool any_by_id = false;
    for (std::size_t k : over_posts) {
      st.names[header_name(*items[k]->header, by_id(*items[k]->header)).key]++;
      any_by_id = any_by_id || by_id(*items[k]->header);
    }
    st.spoken = static_cast<int>(over_posts.size());
    st.accepted = over_posts.size() >= 2 ||
                  std::any_of(ks.begin(), ks.end(), [&](std::size_t k) { return items[k]->forced; });
    std::ostringstream why;
    why << st.lines << " lines of a handle and a date, " << over_posts.size() << " of them over a post"
        << (any_by_id ? "; posters told apart by ID where one handle is on posts of several IDs" : "");
    st.why = why.str();
    if (st.accepted)
      for (std::size_t k : over_posts) {
        Item& it = *items[k];
        LabelName ln = header_name(*it.header, by_id(*it.header));
        Label l;
        l.text = it.forced ? *it.old_label : it.text;
        l.family = family;
        l.key = ln.key;
        l.header = true;
        l.is_new = !it.forced;
        l.recurring = st.names[ln.key] >= 2;
        l.shape.name = ln.name;
        l.shape.role = ln.role;
        l.shape.length = it.text.size();
        l.shape.alone = true;
        it.label = l;
        it.candidate.reset();
      }
    cx.styles.push_back(std::move(st));
  }
}

// The lines of each inline label family (a label alone on its line only over a body).
std::map<std::string, std::vector<std::size_t>> inline_families(const std::vector<Item*>& items) {
  std::map<std::string, std::vector<std::size_t>> by_family;
  for (std::size_t k = 0; k < items.size(); ++k) {
    Item& it = *items[k];
    if (it.label || !it.candidate) continue;
    if (it.candidate->label.alone && !it.forced && !(line_family(it.candidate->family) && body_follows(items, k)))
      continue;
    by_family[it.candidate->family].push_back(k);
  }
  return by_family;
}

// A question-and-answer pairing (【相談】 … 【回答】, 相談者： … 弁護士：): a family whose lines hold
// an asking word ([qa-ask]) and, after it, another name is induced from that pair; without the
// pair a word of [label-stop] among them (質問：, 回答：) is no label. Returns the families that
// are pairs.
std::map<std::string, bool> find_qa_pairs(Context& cx, const std::vector<Item*>& items,
                                          std::map<std::string, std::vector<std::size_t>>& by_family) {
  std::map<std::string, bool> qa_pair;
  for (auto& [family, ks] : by_family) {
    bool asked = false, pair = false;
    for (std::size_t k : ks) {
      int qa = items[k]->candidate->qa;
      pair = pair || (asked && qa <= 0);
      asked = asked || qa > 0;
    }
    qa_pair[family] = pair;
    if (!pair)
      std::erase_if(ks, [&](std::size_t k) {
        const Item& it = *items[k];
        return !it.forced && it.candidate->qa != 0 && (cx.cues["label-stop"].whole(it.candidate->label.name) ||
                                                       cx.cues["tag-stop"].whole(it.candidate->label.name));
      });
  }
  std::erase_if(by_family, [](const auto& kv) { return kv.second.empty(); });
  return qa_pair;
}

// The person a comment's head line names, or "": a name of two to eight letters (no digit) with a
// title or an honorific after it (石井誠監督, 三好大地選手), or a name with a bracket after it that
// says where the person belongs (佐藤彩花（営業部）). The title or the bracket is no part of the name.
std::string roster_person(const SpeakerLabel& l, const SpeakerModel::Compiled& cues) {
  std::string_view name = l.name;
  std::size_t n = std::max({cues["honorific"].suffix(name), cues["strip-honorific"].suffix(name),
                            cues["role-word"].suffix(name)});
  if (n >= name.size()) return {};
  if (n == 0 && l.note.empty()) return {};
  std::string_view core = name.substr(0, name.size() - n);
  std::size_t len = 0;
  for (text::CodePoint cp : text::code_points(core)) {
    if (!(text::is_kanji(cp.c) || text::is_kana(cp.c) || text::is_prolonged(cp.c) || cp.c == U'・')) return {};
    ++len;
  }
  if (len < 2 || len > 8) return {};
  for (text::CodePoint cp : text::code_points(l.note))
    if (text::is_digit(cp.c)) return {};  // （2026年）: a heading's date, no one's affiliation
  return std::string(core);
}

// One inline family, judged: how many lines, which names, how many read like speech, and
// whether that makes it a label style (LabelStyle::accepted, with the reason).
LabelStyle judge_family(Context& cx, std::vector<Item*>& items, const std::string& family,
                        const std::vector<std::size_t>& ks, bool pair, std::vector<std::string>& keys) {
  LabelStyle st;
  st.family = family;
  const bool qa = family == "D" || family == "QA" || pair;
  const SpeakerLabel& first = items[ks.front()]->candidate->label;
  st.shape = first.shape;
  // A broadcast's narrator ([roles] narrator: ナレーション, Ｎ) speaks in narration, not speech:
  // whether the shape is a style is read from the other names' lines; the narrator's alone are
  // one when they recur.
  int narrator_lines = 0, narrator_spoken = 0;
  for (std::size_t k : ks) {
    Item& it = *items[k];
    keys.push_back(label_name(it.candidate->label, cx.cues).key);
    ++st.names[keys.back()];
    ++st.lines;
    bool said = said_after(cx, items, k);
    st.spoken += said;
    if (it.candidate->label.role == "narrator") ++narrator_lines, narrator_spoken += said;
  }
  const int min_repeats = static_cast<int>(cx.w("label.min_repeats"));
  int recurring = 0;
  for (auto& [key, n] : st.names) recurring += n >= min_repeats;
  bool space = first.style == SpeakerLabel::Style::space;
  bool whole_line = line_family(family);  // 小野寺 alone on its line: a short line a heading could be
  int need_lines = static_cast<int>(qa ? cx.w("label.min_dash") : cx.w("label.min_lines"));
  // Minutes name each speaker by office and holder (○議長（山田太郎君）　): a mark and that pair on
  // most lines of the style say it is one even when only the chair speaks more than once.
  int minutes = 0;
  for (std::size_t k : ks) minutes += office_and_holder(*items[k]->candidate, cx.cues);
  bool minutes_style = space && minutes * 3 >= st.lines * 2;
  int need_recurring = (space && !minutes_style) || whole_line ? 2 : 1;
  double spoken_share = narrator_lines == st.lines
                            ? 1.0
                            : static_cast<double>(st.spoken - narrator_spoken) / std::max(1, st.lines - narrator_lines);
  std::ostringstream why;
  why << st.lines << " lines, " << st.names.size() << " names (" << recurring << " recurring), " << st.spoken
      << " read like speech";
  if (narrator_lines > 0)
    why << "; " << narrator_lines << " of a narrator (narration, judged by the "
        << (narrator_lines == st.lines ? "narrator's recurring" : "other names'") << " lines)";
  if (pair) why << "; a question-and-answer pair (an asking word, then who answers)";
  if (minutes_style) why << "; minutes' labels (a mark, an office or a seat and its holder) on " << minutes;
  // Comments collected on a page (a match's post-match comments, new employees' messages): a mark
  // and a person alone on a line, over that person's words, each person once. The name is a
  // person's (a title or an honorific after it, or a bracket after it that says where they
  // belong) on most of the lines.
  // (the words under each are no labelled line: a heading over a labelled dialogue's part, ◆川村直子
  // 議員 over ◆議員　… lines, is no comment)
  int persons = 0;
  bool labelled_under = false;
  for (std::size_t k : ks) {
    persons += !roster_person(items[k]->candidate->label, cx.cues).empty();
    for (std::size_t j = k + 1; j < items.size(); ++j) {
      const Item& n = *items[j];
      if (n.block.kind == BlockKind::opaque) continue;
      labelled_under = labelled_under || ((n.candidate && !n.candidate->label.alone) || n.header || n.forced);
      break;
    }
  }
  const bool roster = whole_line && !qa && family.front() == 'M' && recurring < need_recurring && !labelled_under &&
                      st.lines >= need_lines && persons * 3 >= st.lines * 2;
  if (roster) why << "; a mark and a person alone on a line over each one's words (" << persons
                  << " named with a title, an honorific or where they belong): comments collected, each person once";
  if (st.lines < need_lines) why << ": too few lines (" << need_lines << " needed)";
  else if (!qa && recurring < need_recurring && !roster) {
    why << ": no name recurs"
        << (space ? " twice (a name and a space need two)" : whole_line ? " twice (a name alone on a line needs two)" : "");
    st.one_recurring = space && recurring == 1 && spoken_share >= cx.w("label.min_spoken");
  } else if (spoken_share < cx.w("label.min_spoken")) why << ": the text after it does not read like speech";
  else if (family == "QA" && faq_headings(items, ks)) {
    why << ": numbered questions (Q1.), their answers unmarked or numbered alike (A1.): an FAQ's headings and "
           "answers, not an interviewer's turns";
    for (std::size_t k : ks) {
      if (items[k]->candidate->label.name != "Q") continue;  // A1. …: the answer, a paragraph under its question
      items[k]->faq_heading = true;
      items[k]->why = "an FAQ's numbered question: a heading over its answer";
    }
  } else if (family == "QA" && few_questions_aside(cx, items, ks)) {
    why << ": at most " << cx.w("label.faq_max_questions")
        << " questions (Q.) over a small part of the page: an FAQ's questions over their answers, not turns";
    for (std::size_t k : ks) {
      if (items[k]->forced || items[k]->candidate->label.name != "Q") continue;
      items[k]->faq_heading = true;
      items[k]->why = "a question of an FAQ in a page that is no interview: a heading over its answer";
    }
  } else if (family == "QA" && voiceless_pairs(cx, items, ks)) {
    why << ": questions and answers in no one's voice (no first person, no casual or exclaiming sentence, no "
           "reaction), grouped under headings or a part of the page: an FAQ's questions over their answers, not turns";
    for (std::size_t k : ks) {
      if (items[k]->candidate->label.name != "Q") continue;
      items[k]->faq_heading = true;
      items[k]->why = "a question of an FAQ whose answers no one says: a heading over its answer";
    }
  } else {
    st.accepted = true;
    st.roster = roster;
  }
  if (std::any_of(ks.begin(), ks.end(), [&](std::size_t k) { return items[k]->forced; })) st.accepted = true;
  st.why = why.str();
  return st;
}

// Whether the lines of a style of a name and a space answer the lines of a style already
// accepted: at least half of them come right after a line that style labels (only unlabelled
// paragraphs between), as the one interviewed answers an interviewer's ―― (マルコ　… after
// ――…？, the interpreter once in between). A name that recurs once is then enough.
bool answers_a_style(const std::vector<Item*>& items, const std::vector<std::size_t>& ks) {
  std::size_t after = 0;
  for (std::size_t k : ks) {
    for (std::size_t j = k; j-- > 0;) {
      const Item& p = *items[j];
      if (p.label) {
        ++after;
        break;
      }
      if (p.candidate || p.header || p.block.kind == BlockKind::head) break;
    }
  }
  return after * 2 >= ks.size();
}

// Clusters of a style's lines, broken by a heading or a gap of more than `label.max_gap` blocks.
std::vector<int> clusters_of(Context& cx, const std::vector<Item*>& items, const std::vector<std::size_t>& ks) {
  const int max_gap = static_cast<int>(cx.w("label.max_gap"));
  std::vector<int> cluster(ks.size());
  int c = 0;
  for (std::size_t n = 1; n < ks.size(); ++n) {
    bool broken = static_cast<int>(ks[n] - ks[n - 1]) > max_gap;
    for (std::size_t j = ks[n - 1] + 1; j < ks[n] && !broken; ++j) broken = items[j]->block.kind == BlockKind::head;
    cluster[n] = c += broken;
  }
  return cluster;
}

// A line that opens with a bullet (・研究テーマ：… - 所在地：…): a row of a list, whatever block
// segmentation made of it.
bool bulleted(std::string_view t) {
  t = trim_space(t);
  if (t.empty()) return false;
  char32_t c = text::at(t, 0);
  return c == U'・' || c == U'•' || c == U'◦' || c == U'‣' || c == U'▪' || c == U'･' || c == '-' || c == '*' ||
         c == U'＊' || c == U'－';
}

// The lines of a style that are rows of a table of keys and values, not turns (・研究室名：…
// ・所在地：… ・設立：…): names each used once in the document, on lines next to each other (no
// other block between), in a bulleted list, or three or more such lines, or values that do not
// read like speech; a bulleted line whose name is used once, alone. A label style repeats a
// small set of names over turns; a table names each of its keys once.
std::vector<bool> table_rows(Context& cx, const std::vector<Item*>& items, const LabelStyle& st,
                             const std::vector<std::size_t>& ks, const std::vector<std::string>& keys) {
  const int min_repeats = static_cast<int>(cx.w("label.min_repeats"));
  std::vector<bool> row(ks.size(), false);
  auto single = [&](std::size_t n) { return st.names.at(keys[n]) < min_repeats && !items[ks[n]]->forced; };
  for (std::size_t n = 0; n < ks.size();) {
    if (!single(n)) {
      ++n;
      continue;
    }
    std::size_t e = n + 1;
    while (e < ks.size() && single(e) && ks[e] == ks[e - 1] + 1) ++e;
    bool bullets = false, all_spoken = true;
    for (std::size_t m = n; m < e; ++m) {
      bullets = bullets || bulleted(items[ks[m]]->text);
      all_spoken = all_spoken && said_after(cx, items, ks[m]);
    }
    std::size_t len = e - n;
    if ((len >= 2 && (bullets || len >= 3 || !all_spoken)) || (len == 1 && bullets))
      for (std::size_t m = n; m < e; ++m) row[m] = true;
    n = e;
  }
  return row;
}

// The lines of an accepted style that are labels: a recurring name, or a name seen once inside
// a cluster where some name recurs; in a question-and-answer pair, nothing before the first
// question.
void accept_lines(Context& cx, std::vector<Item*>& items, const LabelStyle& st, const std::vector<std::size_t>& ks,
                  const std::vector<std::string>& keys, bool pair) {
  const std::string& family = st.family;
  const bool qa = family == "D" || family == "QA" || pair;
  const bool whole_line = line_family(family);
  const int min_repeats = static_cast<int>(cx.w("label.min_repeats"));
  const std::size_t max_single = static_cast<std::size_t>(cx.w("label.max_single_chars"));
  std::vector<int> cluster = clusters_of(cx, items, ks);
  std::set<int> live;
  for (std::size_t n = 0; n < ks.size(); ++n)
    if (st.names.at(keys[n]) >= min_repeats || qa) live.insert(cluster[n]);
  // In a question-and-answer pair the one who answers comes after a question: a line of the
  // shape before the first asking line (a title 町議会だより　第84号, a dateline) is no label.
  std::size_t first_ask = ks.size();
  if (pair)
    for (std::size_t n = 0; n < ks.size() && first_ask == ks.size(); ++n)
      if (items[ks[n]]->candidate->qa > 0) first_ask = n;
  std::vector<bool> rows = table_rows(cx, items, st, ks, keys);
  for (std::size_t n = 0; n < ks.size(); ++n) {
    Item& it = *items[ks[n]];
    const SpeakerLabel& sl = it.candidate->label;
    if (rows[n] && !qa) {
      it.why = "label-like start " + display(st) + " with a name seen once, a row of a list of keys and values";
      continue;
    }
    if (n < first_ask && pair && it.candidate->qa == 0 && !it.forced) {
      it.why = "label-like start " + display(st) + " before the first question of its question-and-answer pair";
      continue;
    }
    bool recurs = st.names.at(keys[n]) >= min_repeats || qa;
    std::string person;  // a comment's head line: the person, with the title or bracket off
    if (st.roster) {
      person = roster_person(sl, cx.cues);
      if (person.empty()) {
        it.why = "label-like start " + display(st) + " that names no person among comments collected";
        continue;
      }
      recurs = true;
    }
    bool single_ok = live.count(cluster[n]) && text::length(sl.name) <= max_single &&
                     (whole_line ? said_after(cx, items, ks[n])
                                 : it.block.kind != BlockKind::head && (it.paragraph ? it.f.spoken() : true));
    if (!recurs && !single_ok && !it.forced) {
      it.why = "label-like start " + display(st) + " with a name seen once, outside the style's run";
      continue;
    }
    Label l;
    l.shape = sl;
    l.family = family;
    l.key = keys[n];
    l.text = it.forced ? *it.old_label : it.text.substr(0, sl.length);
    l.is_new = !it.forced;
    l.recurring = recurs;
    l.answers = pair && it.candidate->qa <= 0;
    if (!person.empty()) {
      l.comment = true;
      l.key = "L:" + person;
      l.shape.name = person;
      l.shape.note.clear();
    }
    if (whole_line) {  // the whole line is the label, the paragraphs under it the turn
      l.header = true;
      if (!it.forced) l.text = std::string(trim_space(it.text));
      l.shape.length = it.text.size();
    }
    it.label = l;
  }
}

// A question mark with no name after it (問　…, Q.…) under a heading that names one person
// (川村直子議員): that person asks, section by section. So does a label that is only the title
// that heading gives the person (◆議員　… under ◆高田美和議員（市民クラブ）): the label names the
// office, the heading who holds it in this section. A heading so used that segmentation took for
// a list item is a heading.
//
// Only the nearest person heading above a line counts. Which items are person headings does not
// change here, so each item is asked once and the nearest heading above a place, once found, is
// kept for every place the scan passed (PersonHeadings): a question under no heading scanned back
// to the document's start for every question (quadratic on a long document).
class PersonHeadings {
 public:
  PersonHeadings(const std::vector<Item*>& items, const SpeakerModel::Compiled& cues) : items_(items), cues_(cues) {}

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  // The index of the nearest person heading before item `i` (kNone: none).
  std::size_t before(std::size_t i) {
    if (nearest_.empty()) {
      nearest_.assign(items_.size() + 1, kUnknown);
      state_.assign(items_.size(), 0);
      who_.resize(items_.size());
      title_.resize(items_.size());
    }
    std::size_t p = i, found = kNone;
    while (p > 0) {
      if (nearest_[p] != kUnknown) {
        found = nearest_[p];
        break;
      }
      if (is_heading(p - 1)) {
        found = p - 1;
        break;
      }
      --p;
    }
    // No heading among the items from p to i - 1: the same answer for every place between.
    for (std::size_t q = p; q <= i; ++q) nearest_[q] = found;
    return found;
  }
  const std::string& who(std::size_t j) const { return who_[j]; }
  const std::string& title(std::size_t j) const { return title_[j]; }

 private:
  static constexpr std::size_t kUnknown = static_cast<std::size_t>(-2);
  bool is_heading(std::size_t j) {
    if (state_[j] == 0) {
      const Item& h = *items_[j];
      state_[j] = 1;
      if (!h.label && !h.block.leaves.empty()) {
        who_[j] = person_line(leaf_text(h.block.leaves[0]), cues_, &title_[j]);
        if (!who_[j].empty()) state_[j] = 2;
      }
    }
    return state_[j] == 2;
  }

  const std::vector<Item*>& items_;
  const SpeakerModel::Compiled& cues_;
  std::vector<std::size_t> nearest_;  // nearest_[p]: the nearest heading among items 0..p-1
  std::vector<char> state_;           // 0 not asked, 1 no, 2 a person heading
  std::vector<std::string> who_, title_;
};

void questions_under_person_headings(Context& cx, std::vector<Item*>& items, const std::vector<std::size_t>& ks,
                                     bool qa) {
  PersonHeadings headings(items, cx.cues);
  for (std::size_t n = 0; n < ks.size(); ++n) {
    Item& it = *items[ks[n]];
    const SpeakerLabel& sl = it.candidate->label;
    bool asks = qa && (sl.style == SpeakerLabel::Style::qa ? sl.name == "Q" : it.candidate->qa > 0) && sl.mark.empty();
    bool office = cx.cues["role-word"].whole(sl.name) && sl.note.empty();
    if (!it.label || (!asks && !office)) continue;  // forced too: a second run decides the same
    std::size_t j = headings.before(ks[n]);
    if (j == PersonHeadings::kNone) continue;
    Item& h = *items[j];
    const std::string& who = headings.who(j);
    if (!asks && headings.title(j) != sl.name) continue;  // the nearest person heading gives another title
    it.label->key = "L:" + who;
    it.why = asks ? "the question mark under the heading that names " + who
                  : "the title " + sl.name + " under the heading that names " + who;
    if (h.list_group && h.block.kind == BlockKind::list && h.block.leaves.size() == 1 && !h.forced) {
      h.block.kind = BlockKind::head;
      h.block.id.clear();
      h.block.attrs = Attrs();
      h.block.leaves[0].element = "head";
      h.list_group = 0;
    }
  }
}

// A role over each name line (司会 / 山口 / 今日は…, 書店主 / 佐伯 / …, as an interview prints who
// speaks on two lines): where every line of a name alone on its line (an accepted style) has the
// same short line right above it, and that line stands above no other name, it is the person's
// role, a part of the label: the turn opens there. A name seen once takes the line above it
// when that line is a word of a role ([roles], [role-word]). The line's own label, if it had
// one as a name of its own, goes.
void role_lines_over_names(Context& cx, std::vector<Item*>& items) {
  const std::size_t max_chars = static_cast<std::size_t>(cx.w("label.max_single_chars"));
  auto above = [&](std::size_t k) -> std::string {
    if (k == 0) return {};
    const Item& a = *items[k - 1];
    // (a second run reads the role line back from <speaker>: a line label of its own, kept)
    if ((a.forced && !a.label) || a.header || a.block.leaves.size() != 1 ||
        (!a.paragraph && a.block.kind != BlockKind::head) ||
        (a.label && !(a.label->header && line_family(a.label->family))))
      return {};
    std::string t(trim_space(a.forced ? *a.old_label : leaf_text(a.block.leaves[0])));
    if (t.empty() || has_terminator(t) || text::length(t) > max_chars) return {};
    return t;
  };
  std::map<std::string, std::vector<std::size_t>> of_key;  // a name line's person -> its lines
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Item& it = *items[k];
    if (it.label && it.label->header && line_family(it.label->family) && !it.label->comment)
      of_key[it.label->key].push_back(k);
  }
  std::map<std::string, std::set<std::string>> keys_under;  // a line above -> the persons under it
  for (auto& [key, ks] : of_key)
    for (std::size_t k : ks)
      if (std::string a = above(k); !a.empty()) keys_under[a].insert(key);
  for (auto& [key, ks] : of_key) {
    std::string role = above(ks.front());
    if (role.empty() || keys_under[role].size() != 1) continue;
    bool same = std::all_of(ks.begin(), ks.end(), [&](std::size_t k) { return above(k) == role; });
    // (the role line labelled as a name of its own: every line of that name stands right over
    // this one's, never over what it says)
    const Item& first_role = *items[ks.front() - 1];
    if (first_role.label) {
      auto own = of_key.find(first_role.label->key);
      if (own == of_key.end() || own->second.size() != ks.size()) continue;
    }
    bool role_word = !cx.cues.role_for(role).empty() || cx.cues["role-word"].whole(role) ||
                     cx.cues["role-word"].suffix(role) > 0;
    if (!same || (ks.size() < 2 && !role_word)) continue;
    LabelStyle st;
    st.family = "R|N|";
    st.shape = "役割の行＋名前の行";
    st.header = true;
    st.accepted = true;
    st.lines = st.spoken = static_cast<int>(ks.size());
    st.names[key] = st.lines;
    st.why = "the line " + role + " right above every line of the name " + items[ks.front()]->label->shape.name +
             " (" + std::to_string(ks.size()) + ") and above no other name: the person's role, a part of the label";
    cx.styles.push_back(std::move(st));
    for (std::size_t k : ks) {
      Item& a = *items[k - 1];
      Label& name = *items[k]->label;
      name.shape.role = role;
      Label l = name;
      l.text = a.forced ? *a.old_label : leaf_text(a.block.leaves[0]);
      l.is_new = !a.forced;
      l.shape.length = l.text.size();
      a.label = l;
      a.candidate.reset();
      a.furniture = false;
      if (a.text.empty() && !a.forced) a.text = leaf_text(a.block.leaves[0]);
    }
  }
}

// Headings and quotes that hold a label are turns (segmentation took a short labelled line for
// a heading, or a labelled line after a statement for a quotation; a signed comment that opens
// with a mark, ↑…, for a caption).
void labelled_blocks_become_paragraphs(Context& cx, std::vector<Item*>& items) {
  for (Item* it : items) {
    if (!it->label || !(it->label->is_new || it->label->signed_at_end) || it->block.kind == BlockKind::paragraph) continue;
    it->block.kind = BlockKind::paragraph;
    it->block.id.clear();
    it->block.attrs = Attrs();
    it->block.leaves[0].element = "p";
    it->paragraph = true;
    it->f = paragraph_features(it->block.leaves[0], cx.model, cx.role_w);
  }
}

// An FAQ's question that segmentation left a paragraph is the heading over its answer. A heading
// may only open a division (a <head> after a <p> is not TEI): after other blocks of its division
// it opens a new one (annotate.cpp cuts the division there), so the question and its answer are
// a part of their own under that heading.
void faq_questions_become_headings(std::vector<Item*>& items) {
  std::size_t div = static_cast<std::size_t>(-1);
  bool body_started = false;
  for (Item* it : items) {
    if (it->div != div) {
      div = it->div;
      body_started = false;
    }
    if (it->faq_heading && it->paragraph && !it->forced && it->block.leaves.size() == 1) {
      it->block.kind = BlockKind::head;
      it->block.attrs = Attrs();
      it->block.leaves[0].element = "head";
      it->paragraph = false;
      it->opens_division = body_started;
      body_started = false;
    }
    if (it->block.kind != BlockKind::head) body_started = true;
  }
}

}  // namespace

void induce_styles(Context& cx) {
  std::vector<Item*> items = cx.items();
  for (Item* it : items) {
    if (it->old_label) read_kept_label(cx, *it);
    else read_line_shape(cx, *it);
  }
  mark_furniture(items);
  rated_headers(items);
  timed_headers(items);
  dated_headers(cx, items);
  induce_post_headers(cx, items);
  rated_posts(cx, items);
  post_replies(cx, items);
  signed_lines(cx, items);
  const int bare = bare_name_labels(cx, items);
  auto by_family = inline_families(items);
  auto qa_pair = find_qa_pairs(cx, items, by_family);
  struct Deferred {
    std::size_t style;
    const std::vector<std::size_t>* ks;
    std::vector<std::string> keys;
  };
  std::vector<Deferred> deferred;
  for (auto& [family, ks] : by_family) {
    std::vector<std::string> keys;  // the person of each line
    LabelStyle st = judge_family(cx, items, family, ks, qa_pair[family], keys);
    if (family == "N_" && bare > 0) {
      st.shape = "名前　／名前（区切りなし）";
      st.why += "; " + std::to_string(bare) +
                " of them a name with no mark before the speech (a name the document repeats at its lines' starts, "
                "where they branch, and names elsewhere with an honorific or in full)";
    }
    if (st.accepted) {
      accept_lines(cx, items, st, ks, keys, qa_pair[family]);
      questions_under_person_headings(cx, items, ks, family == "D" || family == "QA" || qa_pair[family]);
    }
    if (st.one_recurring) deferred.push_back({cx.styles.size(), &ks, keys});
    cx.styles.push_back(std::move(st));
  }
  for (Deferred& d : deferred) {
    LabelStyle& st = cx.styles[d.style];
    if (!answers_a_style(items, *d.ks)) continue;
    st.accepted = true;
    st.why += "; but its lines answer the lines of another style (an interviewer's ――, a host's label): the "
              "names of those who answer";
    accept_lines(cx, items, st, *d.ks, d.keys, false);
  }
  role_lines_over_names(cx, items);
  labelled_blocks_become_paragraphs(cx, items);
  faq_questions_become_headings(items);
  for (auto& r : cx.runs) {
    rejoin_lists(r);
    if (std::any_of(r.items.begin(), r.items.end(), [](const Item& it) { return it.label.has_value(); }))
      r.mode = Run::Mode::labelled;
  }
}

}  // namespace jatei::speakers
