// Unlabelled dialogue: whether a run of paragraphs without labels is a conversation, which of
// its blocks are spoken, how many people take part, and who says each paragraph.
//
// 1. The verdict ([dialogue] weights): reactions (なるほど), answers (その通り), vocatives,
//    questions, short paragraphs and a spoken register against narration. A run that is nearly a
//    dialogue is one when the document has a sure one (a dialogue scraped in pieces).
// 2. The units: its paragraphs but notes and the narration at its edges (the editor's lead);
//    lists and quotes go with the paragraph that introduces them; captions, headings, trailers,
//    bylines never sit in a turn.
// 3. The cast (cast.cpp): the people the dialogue calls or addresses by name (森さん、…; 西村さんは
//    どう思いますか), and those the lead introduces when the dialogue speaks to them (吉岡教授 is
//    the 先生 the students call; 編集部の森下が聞いた names the one who asks). With two or fewer,
//    the classic two-speaker model: speaker A explains, B asks, named afterwards from the
//    vocatives (a vocative names the person spoken TO). With three or more, one state per person:
//    a paragraph never belongs to the person it calls or asks, the person called speaks next, and
//    the lead's question without a name goes to the one the lead last spoke to.
// 4. Decoding (sequence.hpp): Viterbi, then the profiles re-estimated from the result.
#include <algorithm>
#include <iomanip>
#include <sstream>
#include <type_traits>

#include "speakers/analysis.hpp"
#include "speakers/cast.hpp"
#include "speakers/sequence.hpp"
#include "speakers/textutil.hpp"
#include "speakers/viterbi.hpp"

namespace jatei::speakers {

namespace {

constexpr int kTransitions = 15;

// A line a caption opens with its mark of a change of speaker (＞＞…, >>…, ≫…: segmentation keeps
// the mark before the first sentence, as a transcript's timestamp).
bool turn_marked(const Item& it) {
  if (!it.paragraph || it.block.leaves.empty()) return false;
  const auto& ps = it.block.leaves[0].pieces;
  if (ps.size() < 2 || ps[0].kind != Piece::Kind::text || ps[1].kind != Piece::Kind::sentence) return false;
  std::string_view t = trim_space(ps[0].text);
  if (t.empty()) return false;
  char32_t c = text::at(t, 0);
  return c == '>' || c == U'＞' || c == U'≫';
}

Run::Verdict dialogue_verdict(Context& cx, Run& r) {
  int n = 0, react = 0, answer = 0, voc = 0, question = 0, shortp = 0, spoken = 0, narrative = 0, cues = 0, strong = 0;
  int marked = 0;
  for (auto& it : r.items) {
    if (!it.paragraph || it.f.note) continue;
    ++n;
    marked += turn_marked(it);
    react += it.f.react;
    answer += it.f.answer;
    voc += !it.f.vocatives.empty() || !it.f.addressed.empty();  // a call opening any sentence
    question += it.f.question || it.f.any_question;
    shortp += it.f.chars < cx.w("dialogue.short_chars");
    spoken += it.f.polite > 0 || it.f.casual > 0;
    narrative += it.f.narrative;
    bool s = it.f.react || it.f.answer || !it.f.vocatives.empty() || !it.f.addressed.empty();
    strong += s;
    cues += s || it.f.question || it.f.any_question;
  }
  double dn = std::max(n, 1);
  double score = cx.w("dialogue.react") * react / dn + cx.w("dialogue.answer") * answer / dn +
                 cx.w("dialogue.vocative") * voc / dn + cx.w("dialogue.question") * question / dn +
                 cx.w("dialogue.short") * shortp / dn + cx.w("dialogue.spoken") * spoken / dn +
                 cx.w("dialogue.narrative") * narrative / dn;
  bool scored = score >= cx.w("dialogue.threshold");
  bool yes = scored && n >= cx.w("dialogue.min_paragraphs") && cues >= cx.w("dialogue.min_cues") &&
             strong >= cx.w("dialogue.min_strong");
  // A caption that marks each change of speaker (＞＞) says itself that its lines are a dialogue,
  // though they have no punctuation to read a register from.
  const bool captioned = marked >= cx.w("dialogue.min_turn_marks");
  yes = yes || captioned;
  bool piece =
      !yes && scored && n >= cx.w("dialogue.piece_min_paragraphs") && strong >= cx.w("dialogue.piece_min_strong");
  // The user named the participants (--names): they say it is a dialogue, so a run that reads
  // like one is one, however short.
  bool told = piece && cx.opts.names.size() >= 2;
  yes = yes || told;
  piece = piece && !told;
  std::ostringstream why;
  why << std::fixed << std::setprecision(2)
      << (told       ? "unlabelled dialogue, as --names says"
          : captioned ? "unlabelled dialogue, its lines opened by a caption's mark of a change of speaker (＞＞) on " +
                            std::to_string(marked)
          : yes       ? "unlabelled dialogue"
          : piece     ? "dialogue-like"
                      : "prose")
      << " (score " << score << " vs " << cx.w("dialogue.threshold") << "; paragraphs " << n << ", cues " << cues
      << " (strong " << strong << "), react " << react << ", answer " << answer << ", vocative " << voc
      << ", question " << question << ", short " << shortp << ", spoken " << spoken << ", narrative " << narrative
      << ")";
  r.why = why.str();
  r.paragraphs = n;
  r.cues = cues;
  r.strong = strong;
  return yes ? Run::Verdict::yes : piece ? Run::Verdict::piece : Run::Verdict::no;
}

// A short line with no sentence end and nothing of speech in it (no register, question,
// exclamation, reaction, answer, greeting or call) between the turns: a heading segmentation
// did not mark.
bool heading_like(const Item& it) {
  const Features& f = it.f;
  return !has_terminator(it.text) && f.chars > 0 && f.chars <= 25 && !f.spoken() && f.vocatives.empty() &&
         f.addressed.empty() && !f.first_person && !f.request;
}

// Whether a sentence of the paragraph reports speech the way a writer does ([quote-tail]: …と
// 話した。 …と振り返った。).
bool reports_speech(const Item& it, const SpeakerModel::Compiled& cues) {
  if (it.block.leaves.empty()) return false;
  for (auto& p : it.block.leaves[0].pieces)
    if (p.kind == Piece::Kind::sentence && cues["quote-tail"].whole(trim_space(p.sentence.text))) return true;
  return false;
}

// 出演：… 参加者: …: an [attendee-key] and a colon.
bool has_colon_after_key(std::string_view t, const SpeakerModel::Compiled& cues) {
  t = trim_space(t);
  t.remove_prefix(cues["attendee-key"].prefix(t));
  t = trim_space(t);
  return !t.empty() && (text::at(t, 0) == U'：' || text::at(t, 0) == ':');
}

// A paragraph wholly in parentheses, longer than a laugh mark: （ここでCMが入った） （会場から拍手）.
bool stage_direction(std::string_view t) {
  t = trim_space(t);
  if (t.empty()) return false;
  char32_t open = text::at(t, 0), close = text::before(t, t.size());
  if (!((open == U'（' && close == U'）') || (open == '(' && close == ')'))) return false;
  std::string_view inner = t.substr(text::next(t, 0), text::prev(t, t.size()) - text::next(t, 0));
  if (text::length(inner) < 3) return false;  // （笑）
  for (text::CodePoint cp : text::code_points(inner))
    if (cp.c == U'（' || cp.c == U'）' || cp.c == '(' || cp.c == ')') return false;  // （笑）…（笑）
  return true;
}

// Whether a paragraph's last sentence ends the way written narration does: a plain past
// (…紹介した。), である, or 次の通り.
bool written_ending(std::string_view t, const SpeakerModel::Compiled& cues) {
  t = trim_space(t);
  while (!t.empty() && text::is_terminator(text::before(t, t.size()))) t = t.substr(0, text::prev(t, t.size()));
  return cues["written-end"].suffix(t) > 0;
}

void to_paragraph(Context& cx, Item& it) {
  it.block.kind = BlockKind::paragraph;
  it.block.leaves[0].element = "p";
  it.paragraph = true;
  it.f = paragraph_features(it.block.leaves[0], cx.model, cx.role_w);
}

// Lists and quotes join the unit before them (nothing but captions between), or else the one
// after them.
void attach_lists(Run& r) {
  auto container = [](const Item& p) {
    return p.block.kind == BlockKind::opaque || p.block.kind == BlockKind::list || p.block.kind == BlockKind::quote;
  };
  for (std::size_t i = 0; i < r.items.size(); ++i) {
    Item& it = r.items[i];
    if (it.block.kind != BlockKind::list && it.block.kind != BlockKind::quote) continue;
    for (std::size_t j = i; j-- > 0;) {
      Item& p = r.items[j];
      if (p.part == Part::unit || p.part == Part::attached) {
        it.part = Part::attached;
        it.why = "introduced by the turn before it";
        break;
      }
      if (!container(p)) break;
    }
    if (it.part == Part::attached) continue;
    // A list under a heading (まとめ, 今日のポイント) or one the narration introduces (…の目安は次の
    // 通り。) belongs to it, not to the turn after it.
    bool outside = false;
    for (std::size_t j = i; j-- > 0;) {
      const Item& p = r.items[j];
      if (container(p)) continue;
      outside = p.block.kind == BlockKind::head ||
                (p.paragraph && p.part == Part::outside && !p.f.note && !p.furniture && p.f.narrative);
      break;
    }
    if (outside) continue;
    for (std::size_t j = i + 1; j < r.items.size(); ++j) {
      Item& p = r.items[j];
      if (p.part == Part::unit) {
        it.part = Part::attached;
        it.why = "opens the turn after it";
        break;
      }
      if (!container(p)) break;
    }
  }
}

// The units of an unlabelled dialogue: its paragraphs but notes, furniture and the narration at
// its edges.
void mark_units(Context& cx, Run& r) {
  r.mode = Run::Mode::unlabelled;
  if (r.verdict == Run::Verdict::piece) r.why += ": a piece of the dialogue found elsewhere in the document";
  // A heading that opens by calling someone, or with a reaction or an answer in a spoken
  // register, is a line of the dialogue that segmentation took for a title (博士、…ですか？).
  for (auto& it : r.items) {
    if (it.block.kind != BlockKind::head || it.block.leaves.size() != 1) continue;
    Features f = paragraph_features(it.block.leaves[0], cx.model, cx.role_w);
    bool spoken_register = f.polite > 0 || f.casual > 0 || f.question;
    if (!f.vocative.empty() || ((f.react || f.answer) && spoken_register)) to_paragraph(cx, it);
  }
  std::vector<std::size_t> paras;
  for (std::size_t i = 0; i < r.items.size(); ++i) {
    Item& it = r.items[i];
    if (!it.paragraph) continue;
    if (it.f.note) it.why = "an editor's note";
    else if (it.furniture) it.why = "page furniture";
    else paras.push_back(i);
  }
  // The lead may be polite (…の3人が話しました。お届けします。): it speaks of two or more people
  // with an honorific, calls and asks no one, says nothing in the first person and exclaims
  // nothing (今日のヒーローは…選手です。おめでとうございます！ greets them: it is spoken).
  auto introduces = [](const Features& f) {
    return f.mentioned.size() >= 2 && f.vocatives.empty() && f.addressed.empty() && !f.any_question &&
           !f.first_person && !f.greeting && !f.react && !f.answer && !f.exclaim;
  };
  std::size_t lo = 0, hi = paras.size();
  auto attendees = [&](const Item& it) {
    return cx.cues["attendee-key"].prefix(trim_space(it.text)) && has_colon_after_key(it.text, cx.cues);
  };
  while (lo < hi && !turn_marked(r.items[paras[lo]]) &&
         (r.items[paras[lo]].f.narrative || r.items[paras[lo]].f.intro || introduces(r.items[paras[lo]].f) ||
          attendees(r.items[paras[lo]]))) {
    r.items[paras[lo]].why = "narration before the dialogue (the lead)";
    ++lo;
  }
  // (a line a caption marks as said, ＞＞バイバイ, is no narration)
  while (hi > lo && r.items[paras[hi - 1]].f.narrative && !turn_marked(r.items[paras[hi - 1]])) {
    r.items[paras[hi - 1]].why = "narration after the dialogue";
    --hi;
  }
  // A transcript (segmentation kept a timestamp before each line it says, outside the sentences):
  // the lines without a stamp before its first stamped line and after its last are the page's,
  // not anyone's turn.
  auto stamped = [&](const Item& it) {
    const auto& ps = it.block.leaves[0].pieces;
    return ps.size() >= 2 && ps[0].kind == Piece::Kind::text && ps[1].kind == Piece::Kind::sentence &&
           !trim_space(ps[0].text).empty();
  };
  std::size_t stamps = 0;
  for (std::size_t k = lo; k < hi; ++k) stamps += stamped(r.items[paras[k]]);
  if (stamps >= 3) {
    while (lo < hi && !stamped(r.items[paras[lo]])) {
      r.items[paras[lo]].why = "before the transcript's first timestamp";
      ++lo;
    }
    while (hi > lo && !stamped(r.items[paras[hi - 1]])) {
      r.items[paras[hi - 1]].why = "after the transcript's last timestamp";
      --hi;
    }
  }
  // Inside a dialogue spoken mostly in です/ます, a paragraph in the narrator's plain written style
  // (…紹介した。 …次の通り。 nothing spoken, not short, or ending in a plain past or copula) is the
  // editor's, as is a paragraph wholly in parentheses ((ここでCMが入った), （会場から拍手）): a
  // stage direction.
  double polite = 0, casual = 0;
  for (std::size_t k = lo; k < hi; ++k) polite += r.items[paras[k]].f.polite, casual += r.items[paras[k]].f.casual;
  for (std::size_t k = lo; k < hi; ++k) {
    Item& it = r.items[paras[k]];
    if (attendees(it)) {
      it.why = "a list of the people who take part";
      continue;
    }
    if (heading_like(it) && !turn_marked(it)) {  // (＞＞すごい: a caption marks it said)
      it.why = "a heading inside the dialogue (short, no sentence end, nothing spoken)";
      continue;
    }
    if (stage_direction(it.text)) {
      it.why = "a stage direction (the whole paragraph in parentheses)";
      continue;
    }
    // In a casual dialogue plain style is speech too; narration there also speaks of the
    // participants from outside (…を3人で読んだ。).
    const Features& f = it.f;
    bool of_the_group = people_count(it.text) > 0 && f.polite == 0 && !f.first_person && !f.any_question && !f.exclaim && !f.marker &&
                        f.vocatives.empty() && f.addressed.empty() && !f.react && !f.answer && !f.greeting;
    bool written = (polite > casual && f.narrative) || of_the_group;
    if (k > lo && k + 1 < hi && written && (f.chars >= cx.w("dialogue.short_chars") || written_ending(it.text, cx.cues))) {
      it.why = "narration inside the dialogue (plain written style, spoken of from outside)";
      continue;
    }
    // The writer reporting what someone said (…と長谷部さんは振り返った。 [quote-tail]).
    if (!f.mentioned.empty() && !f.first_person && !f.any_question && f.vocatives.empty() && reports_speech(it, cx.cues)) {
      it.why = "narration inside the dialogue (reports what someone said)";
      continue;
    }
    it.part = Part::unit;
  }
  attach_lists(r);
}

// The switch score between two units ([transition] weights): positive when the speaker changes.
double switch_score(const double* tw, const Item& prev, const Item& cur) {
  const Features& p = prev.f;
  const Features& c = cur.f;
  const bool on[kTransitions] = {true,
                                 p.question,
                                 p.request && !p.question,
                                 c.react,
                                 c.answer && !c.react,
                                 c.objection && !c.react && !c.answer,
                                 !c.vocative.empty(),
                                 c.continuation,
                                 cur.figure_between,
                                 cur.figure_between && c.figure_ref,
                                 cur.quote_between,
                                 cur.quote_between && c.refer_back,
                                 cur.head_between,
                                 cur.division_break,
                                 turn_marked(cur)};
  double s = 0;
  for (int k = 0; k < kTransitions; ++k) s += on[k] ? tw[k] : 0.0;
  return s;
}

void transition_weights(Context& cx, double* tw) {
  static const char* const kNames[kTransitions] = {
      "switch", "prev_question", "prev_request", "react", "answer", "objection", "vocative",
      "continuation", "figure_between", "figure_ref", "quote_between", "refer_back", "head_between", "division_break",
      "turn_mark"};
  for (int k = 0; k < kTransitions; ++k) tw[k] = cx.w(std::string("transition.") + kNames[k]);
}

// A caption between two units that names people of the cast (写真：対談する大塚真理さん（左）と
// 西村健吾さん) shows the talk itself, not a figure one speaker explains: it says nothing of who
// speaks next. Their switch scores are taken again without it.
void photos_of_the_cast(Context& cx, const std::vector<CastMember>& cast) {
  if (cast.empty()) return;
  double tw[kTransitions];
  transition_weights(cx, tw);
  for (auto& r : cx.runs) {
    if (r.mode != Run::Mode::unlabelled) continue;
    Item* prev = nullptr;
    bool of_cast = false;
    for (auto& it : r.items) {
      if (it.part == Part::unit) {
        if (prev && of_cast && it.figure_between && it.switch_score > -1e17) {
          it.figure_between = false;
          it.switch_score = switch_score(tw, *prev, it);
        }
        prev = &it;
        of_cast = false;
      } else if (it.block.kind == BlockKind::figure) {
        std::string t;
        for (auto& leaf : it.block.leaves) t += leaf_text(leaf);
        for (auto& m : cast) {
          if (!m.name.empty() && t.find(m.name) != std::string::npos) of_cast = true;
          for (auto& a : m.aliases)
            if (a.size() >= 6 && t.find(a) != std::string::npos) of_cast = true;
        }
      }
    }
  }
}

// The units of every unlabelled run in document order, with what sits between neighbours.
std::vector<Item*> units_of(Context& cx) {
  double tw[kTransitions];
  transition_weights(cx, tw);
  std::vector<Item*> all;
  for (auto& r : cx.runs) {
    if (r.mode != Run::Mode::unlabelled) continue;
    std::vector<Item*> units;
    bool fig = false, head = false, quote = false;
    std::size_t last_div = 0;
    for (auto& it : r.items) {
      if (it.part == Part::unit) {
        if (!units.empty()) {
          it.figure_between = fig;
          it.head_between = head;
          it.quote_between = quote;
          it.division_break = it.div != last_div;
          it.switch_score = switch_score(tw, *units.back(), it);
        }
        units.push_back(&it);
        fig = head = quote = false;
        last_div = it.div;
      } else if (it.block.kind == BlockKind::figure) {
        fig = true;
      } else if (it.block.kind == BlockKind::head) {
        head = true;
      } else if (it.block.kind == BlockKind::quote && it.part == Part::attached) {
        quote = true;
      }
    }
    // A run's first unit does not follow the last unit of the run before it.
    if (!units.empty()) units.front()->switch_score = -1e18;
    all.insert(all.end(), units.begin(), units.end());
  }
  return all;
}

ProfileWeights profile_weights(Context& cx) {
  static const char* const kNames[kProfile] = {"length", "polite", "casual", "question", "react", "move", "marker",
                                               "first_person"};
  ProfileWeights pw;
  for (int k = 0; k < kProfile; ++k) pw.w[k] = cx.w(std::string("profile.") + kNames[k]);
  pw.scale = cx.w("profile.scale");
  pw.cap = cx.w("profile.cap");
  pw.min_var = cx.w("profile.min_var");
  return pw;
}

// Decodes the units (chains of runs: a run's first unit starts afresh) over k speakers with
// `first` emissions, then re-estimates the profiles `iterations` times at most; `extra` is added
// to the profile emissions (nothing for the two-speaker model, whose first emissions are
// replaced). With `back`, a state is a pair (previous speaker, speaker), so that the answer to
// a question can go back to the one it questioned: back(t) is added when the speaker at t is
// the one at t - 2 and not the one at t - 1.
// (The terms are the callers' own lambdas, not std::function: Viterbi asks them up to k * k times
// a step, and calling through std::function twice more each time was much of the stage's time.
// Over pairs, Viterbi is handed their shape (PairTerms, viterbi.hpp): k * k terms a step, not
// k * k * k.)
template <class Tr, class Back = std::nullptr_t>
void decode(Context& cx, std::vector<Item*>& units, std::size_t k, const std::vector<double>& first,
            const std::vector<double>& extra, const Tr& trans, const Back& back = nullptr) {
  constexpr bool two = !std::is_same_v<Back, std::nullptr_t>;
  const std::size_t n = units.size(), ks = two ? k * k : k;
  auto speaker = [&](std::size_t s) { return static_cast<int>(two ? s % k : s); };
  Chain c;
  c.n = n;
  c.k = ks;
  // A state's emission is its speaker's; a pair state at a fresh start is someone before the
  // first (Chain::kStart less).
  c.emit = first;
  c.emit_k = k;
  if (two) {
    c.start.resize(n);
    for (std::size_t t = 0; t < n; ++t) c.start[t] = t == 0 || units[t]->switch_score < -1e17;
  }
  for (std::size_t s = 0; s < ks; ++s) c.label.push_back(speaker(s));
  auto tr = [&](std::size_t t, int from, int to) -> double {
    if (units[t]->switch_score < -1e17) return two ? (to / static_cast<int>(k) == to % static_cast<int>(k) ? 0.0 : Chain::kBroken) : 0.0;
    if constexpr (!two) {
      return trans(t, from, to);
    } else {
      int kk = static_cast<int>(k), before = from / kk, prev = from % kk, mid = to / kk, cur = to % kk;
      if (mid != prev) return Chain::kBroken;  // a pair must follow on
      return trans(t, prev, cur) + (before != prev && cur == before ? back(t) : 0.0);
    }
  };
  c.trans = tr;
  if (two) {  // viterbi adds kBroken for the pairs that do not follow on without asking
    c.pair_k = k;
    c.follows.resize(n);
    for (std::size_t t = 0; t < n; ++t) c.follows[t] = !(units[t]->switch_score < -1e17);
  }
  // The paths of every round, the margins of the last one's only.
  std::vector<int> states;
  std::vector<double> margins;
  Forward kept;
  auto step = [&](std::size_t t, int prev, int cur) { return trans(t, prev, cur); };
  auto fresh = [&](std::size_t, int to) {
    return to / static_cast<int>(k) == to % static_cast<int>(k) ? 0.0 : Chain::kBroken;
  };
  auto terms = [&]() {
    if constexpr (two) return pair_terms(tr, step, back, fresh);
    else return tr;
  }();
  best_path(c, terms, states, &kept);
  auto speakers_of = [&] {
    std::vector<int> out;
    for (int s : states) out.push_back(speaker(static_cast<std::size_t>(s)));
    return out;
  };
  std::vector<Profile> x;
  for (Item* u : units) x.push_back(profile_of(u->f));
  ProfileWeights pw = profile_weights(cx);
  int iterations = static_cast<int>(cx.w("profile.iterations"));
  std::vector<double> e = first;
  for (int round = 0; round < iterations; ++round) {
    std::vector<double> p = profile_emissions(x, speakers_of(), k, pw);
    if (p.empty()) break;
    for (std::size_t i = 0; i < p.size() && i < extra.size(); ++i) p[i] += extra[i];
    e = p;
    c.emit = e;
    std::vector<int> before = states;
    best_path(c, terms, states, &kept);
    if (before == states) break;
  }
  path_margins(c, terms, states, kept, margins);  // the chain of the last path
  std::vector<int> who = speakers_of();
  for (std::size_t t = 0; t < n; ++t) {
    units[t]->state = who[t];
    units[t]->margin = margins[t];
    units[t]->emit.assign(e.begin() + static_cast<std::ptrdiff_t>(t * k), e.begin() + static_cast<std::ptrdiff_t>((t + 1) * k));
  }
}

// Two speakers: A (state 0) explains, B asks; named afterwards (names.cpp).
// With the two people's names given (--names), a paragraph that calls one of them (陽菜、今週末
// ひま？, without an honorific too) is the other's: the calls tie the paragraphs that call the same
// name to one speaker, whether or not the two take turns line by line (a message sent in two
// lines); which of the two explains (state 0) is the binding that explains the text best.
void decode_two(Context& cx, std::vector<Item*>& units) {
  double scale = cx.w("role.scale");
  const auto& given = cx.opts.names;
  bool named = given.size() == 2 && !given[0].empty() && !given[1].empty();
  const double w = 0.5 * cx.w("cast.self_address");
  std::vector<double> anchors;
  bool calls = false;
  for (Item* u : units) {
    anchors.push_back(named ? w * (calls_to(cx, *u, given[0]) - calls_to(cx, *u, given[1])) : 0.0);
    calls = calls || anchors.back() != 0;
  }
  auto switching = [&](std::size_t t, int from, int to) { return from == to ? 0.0 : units[t]->switch_score; };
  // `sign`: which state the one who calls the first name is (+1: state 0, the one who explains).
  // Returns the assignment's score under the first emissions and the switches.
  auto run = [&](double sign) {
    std::vector<double> first, extra;
    for (std::size_t t = 0; t < units.size(); ++t) {
      double r = scale * units[t]->f.role, a = sign * anchors[t];
      first.push_back(r + a), first.push_back(-r - a);
      extra.push_back(a), extra.push_back(-a);
    }
    decode(cx, units, 2, first, calls ? extra : std::vector<double>{}, switching);
    double score = 0;
    for (std::size_t t = 0; t < units.size(); ++t) {
      score += first[t * 2 + static_cast<std::size_t>(units[t]->state)];
      if (t > 0 && units[t]->switch_score > -1e17) score += switching(t, units[t - 1]->state, units[t]->state);
    }
    return score;
  };
  double plus = run(1);
  if (calls) {
    // Either of the two may be the one who explains: the binding that explains the text best.
    struct Kept {
      int state;
      double margin;
      std::vector<double> emit;
    };
    std::vector<Kept> kept;
    for (Item* u : units) kept.push_back({u->state, u->margin, u->emit});
    if (run(-1) < plus)
      for (std::size_t t = 0; t < units.size(); ++t) {
        units[t]->state = kept[t].state;
        units[t]->margin = kept[t].margin;
        units[t]->emit = kept[t].emit;
      }
  }
  for (Item* u : units) u->person = u->state == 0 ? "U:A" : "U:B";
}

// Three or more: one state per person of the cast. Returns the score of the assignment under
// the cast's own terms (emissions, the switch, the one called, the answer that returns).
double decode_cast_as(Context& cx, std::vector<Item*>& units, const Cast& cast) {
  const std::size_t k = cast.members.size();
  std::vector<double> fixed(units.size() * k, 0);
  for (std::size_t t = 0; t < units.size(); ++t)
    for (std::size_t s = 0; s < k; ++s) fixed[t * k + s] = cast_emission(cx, cast, *units[t], static_cast<int>(s));
  // The dialogue's last paragraph, when it opens by thanking (皆さん、ありがとうございました。次回は…),
  // closes it: the one who leads says it.
  if (cast.lead >= 0 && !units.empty()) {
    const Item& last = *units.back();
    std::string_view t = trim_space(last.text);
    if (std::size_t n = cx.cues["closing"].prefix(t); n == 0) {
      // after a call (長尾先生、 皆さん、)
      std::size_t comma = t.find("、");
      if (comma != std::string_view::npos && (!last.f.vocatives.empty() || last.f.group_call) &&
          cx.cues["closing"].prefix(t.substr(comma + 3)))
        fixed[(units.size() - 1) * k + static_cast<std::size_t>(cast.lead)] += cx.w("cast.lead_closes");
    } else {
      fixed[(units.size() - 1) * k + static_cast<std::size_t>(cast.lead)] += cx.w("cast.lead_closes");
    }
  }
  // A paragraph that presents or greets several members at once (今日のヒーローは岩崎投手と森田選手
  // です。おめでとうございます！) is answered by each in turn, in the order it names them: the
  // greetings right after it (ありがとうございます！ ありがとうございます。) go to them in that order.
  const double w_order = cx.w("cast.in_order");
  std::vector<std::vector<int>> presented(units.size());
  for (std::size_t t = 0; t + 1 < units.size(); ++t) {
    std::vector<int> named;
    for (auto& n : units[t]->f.mentioned)
      if (int m = cast.member_of(n, cx.cues); m >= 0 && std::find(named.begin(), named.end(), m) == named.end())
        named.push_back(m);
    if (named.size() < 2) continue;
    // …and is the one who leads, presenting the others, when it calls and asks no one.
    const Features& pf = units[t]->f;
    if (cast.lead >= 0 && std::find(named.begin(), named.end(), cast.lead) == named.end() && pf.vocatives.empty() &&
        pf.addressed.empty() && !pf.question && !pf.any_question) {
      fixed[t * k + static_cast<std::size_t>(cast.lead)] += cx.w("cast.lead_presents");
      presented[t] = named;
    }
    for (std::size_t j = 0; j < named.size() && t + 1 + j < units.size(); ++j) {
      const Item& g = *units[t + 1 + j];
      if (!g.f.greeting || g.switch_score < -1e17 || cast.addressee(g) >= 0) break;
      fixed[(t + 1 + j) * k + static_cast<std::size_t>(named[j])] += w_order;
    }
  }
  std::vector<int> addressee(units.size(), -1);
  for (std::size_t t = 0; t < units.size(); ++t) addressee[t] = cast.addressee(*units[t]);
  const double w_addr = cx.w("cast.addressee");
  const double w_call = cx.w("transition.vocative");
  // The one the lead titles as teaching while another moderates answers a question put to no one
  // by name (a participant asks; the lecturer answers).
  const double w_teacher = cx.w("cast.teacher_answers");
  auto puts = [](const Features& f) { return f.question || f.request; };
  // The floor: the member the latest call or question by name went to (a call to everyone gives
  // it to no one). A follow-up of the one who leads, a question or request of one sentence that
  // calls no one, is put to the one who has the floor (打球が外野を抜けた瞬間はいかがでしたか。 to
  // the player asked before); a question that first sets out a topic is put to everyone.
  std::vector<int> floor(units.size(), -1);
  for (std::size_t t = 0; t < units.size(); ++t) {
    floor[t] = addressee[t] >= 0 ? addressee[t] : units[t]->f.group_call || t == 0 ? -1 : floor[t - 1];
    if (units[t]->switch_score < -1e17 && addressee[t] < 0) floor[t] = -1;
  }
  // (Only where the one who leads is never called themself: a host or an interviewer who asks,
  // not a teacher the students call and answer back.)
  bool lead_called = false;
  for (int a : addressee) lead_called = lead_called || (a >= 0 && a == cast.lead);
  const double w_floor = lead_called ? 0.0 : cx.w("cast.floor_returns");
  auto trans = [&](std::size_t t, int from, int to) {
    if (from == to) return 0.0;
    double v = units[t]->switch_score + (to == addressee[t - 1] ? w_addr : 0.0);  // the one called speaks next
    // (The one who presented the others goes on to call one of them: no switch for the call.)
    if (addressee[t] >= 0 && std::find(presented[t - 1].begin(), presented[t - 1].end(), addressee[t]) != presented[t - 1].end())
      v -= w_call;
    if (to == cast.teacher && addressee[t - 1] < 0 && puts(units[t - 1]->f) && !puts(units[t]->f)) v += w_teacher;
    if (from == cast.lead && addressee[t - 1] < 0 && puts(units[t - 1]->f) && units[t - 1]->f.sentences == 1 &&
        !units[t - 1]->f.group_call && to == floor[t - 1])
      v += w_floor;
    return v;
  };
  // A question that names no one and follows up what was just said is answered by the one it
  // follows (A says; B asks; A answers); a question that opens a topic may go to anyone.
  const double w_return = cx.w("cast.answer_return");
  auto back = [&](std::size_t t) {
    const Features& q = units[t - 1]->f;
    bool asks = (q.question || q.request) && addressee[t - 1] < 0 && (q.follow_up || q.react || q.answer);
    return asks ? w_return : 0.0;
  };
  auto trans2 = [&](std::size_t t, int before, int from, int to) {
    return before != from && to == before ? back(t) : 0.0;
  };
  decode(cx, units, k, fixed, fixed, trans, back);
  double score = 0;
  for (std::size_t t = 0; t < units.size(); ++t) {
    int to = units[t]->state;
    score += fixed[t * k + static_cast<std::size_t>(to)];
    if (t == 0 || units[t]->switch_score < -1e17) continue;
    int from = units[t - 1]->state;
    score += trans(t, from, to);
    if (t >= 2 && units[t - 1]->switch_score > -1e17) score += trans2(t, units[t - 2]->state, from, to);
  }
  for (Item* u : units) u->person = "C:" + cast.members[u->state].name;
  return score;
}

// When the lead names no one who leads (a 鼎談 of three guests, one of whom moderates), each
// member is tried as the one who gives the others the floor, and the assignment that explains
// the dialogue best is kept: the moderator is never the one the floor is given to.
void decode_cast(Context& cx, std::vector<Item*>& units, Cast& cast) {
  // A moderator is a role of a discussion held for readers, in the polite register; friends
  // chatting casually have none.
  double polite = 0, casual = 0;
  for (Item* u : units) polite += u->f.polite, casual += u->f.casual;
  if (cast.lead >= 0 || cx.w("cast.try_leads") <= 0 || polite < casual ||
      polite < cx.w("cast.lead_polite") * static_cast<double>(units.size())) {
    decode_cast_as(cx, units, cast);
    return;
  }
  struct Kept {
    int state;
    double margin;
    std::vector<double> emit;
    std::string person;
  };
  double best = -1e300;
  int best_lead = -1;
  std::vector<Kept> kept;
  for (int m = 0; m < static_cast<int>(cast.members.size()); ++m) {
    Cast c = cast;
    c.lead = m;
    double score = decode_cast_as(cx, units, c);
    if (score <= best + 1e-9) continue;
    best = score;
    best_lead = m;
    kept.clear();
    for (Item* u : units) kept.push_back({u->state, u->margin, u->emit, u->person});
  }
  // A moderator gives most of the floor: when the best lead does not (friends talking), no one leads.
  int floor = 0, by_lead = 0;
  for (std::size_t t = 0; t < units.size(); ++t)
    if (!units[t]->f.vocatives.empty() || !units[t]->f.addressed.empty()) {
      ++floor;
      by_lead += kept[t].state == best_lead;
    }
  if (floor == 0 || by_lead < cx.w("cast.lead_share") * floor) {
    decode_cast_as(cx, units, cast);
    cast.why += "; no one leads (the one who would lead gives " + std::to_string(by_lead) + " of " +
                std::to_string(floor) + " calls)";
    return;
  }
  for (std::size_t t = 0; t < units.size(); ++t) {
    units[t]->state = kept[t].state;
    units[t]->margin = kept[t].margin;
    units[t]->emit = kept[t].emit;
    units[t]->person = kept[t].person;
  }
  cast.lead = best_lead;
  cast.members[static_cast<std::size_t>(best_lead)].lead = true;
  cast.why += "; " + cast.members[static_cast<std::size_t>(best_lead)].name + " leads (gives " +
              std::to_string(by_lead) + " of " + std::to_string(floor) +
              " calls in the assignment that explains the dialogue best)";
}

// Lists and quotes follow the paragraph they were attached to.
void follow_attached(Context& cx) {
  for (auto& r : cx.runs) {
    if (r.mode != Run::Mode::unlabelled) continue;
    for (std::size_t i = 0; i < r.items.size(); ++i) {
      Item& it = r.items[i];
      if (it.part != Part::attached) continue;
      std::string who;
      for (std::size_t j = i; j-- > 0 && who.empty();) {
        const Item& p = r.items[j];
        if (p.part == Part::unit || p.part == Part::attached) who = p.person;
        else if (p.block.kind != BlockKind::opaque && p.block.kind != BlockKind::list && p.block.kind != BlockKind::quote)
          break;
      }
      for (std::size_t j = i + 1; j < r.items.size() && who.empty(); ++j)
        if (r.items[j].part == Part::unit) who = r.items[j].person;
      it.person = who;
      if (who.empty()) it.part = Part::outside;
    }
  }
}

}  // namespace

void classify_unlabelled(Context& cx) {
  for (auto& r : cx.runs) {
    if (r.mode == Run::Mode::labelled) continue;
    // An FAQ (numbered questions over their answers) is no one's conversation.
    if (std::any_of(r.items.begin(), r.items.end(), [](const Item& it) { return it.faq_heading; })) {
      r.verdict = Run::Verdict::no;
      r.why = "prose: an FAQ, its numbered questions are headings";
      continue;
    }
    r.verdict = dialogue_verdict(cx, r);
    if (r.verdict != Run::Verdict::yes && r.discussion) {
      r.verdict = Run::Verdict::yes;
      r.why = "unlabelled dialogue: questions answered at length, put to several people called by name (" + r.why + ")";
    }
  }
  // A dialogue scraped in pieces: once one run is surely a dialogue (or the runs that reach the
  // score have the cues of one between them), those other runs are pieces of it.
  bool sure = false;
  int n = 0, cues = 0, strong = 0;
  for (auto& r : cx.runs) {
    if (r.mode == Run::Mode::labelled) continue;
    sure = sure || r.verdict == Run::Verdict::yes;
    if (r.verdict == Run::Verdict::no) continue;
    n += r.paragraphs;
    cues += r.cues;
    strong += r.strong;
  }
  sure = sure || (n >= cx.w("dialogue.min_paragraphs") && cues >= cx.w("dialogue.min_cues") &&
                  strong >= cx.w("dialogue.min_strong"));
  for (auto& r : cx.runs)
    if (r.mode != Run::Mode::labelled && (r.verdict == Run::Verdict::yes || (sure && r.verdict == Run::Verdict::piece)))
      mark_units(cx, r);
  std::vector<Item*> units = units_of(cx);
  if (units.empty()) return;
  Cast cast = find_cast(cx, units);
  if (cast.members.size() >= 3) photos_of_the_cast(cx, cast.members);
  if (cast.members.size() >= 3) decode_cast(cx, units, cast);
  else decode_two(cx, units);
  cx.cast_why = cast.why;
  for (Item* u : units) {
    u->cert = u->margin >= cx.w("cert.high") ? "high" : u->margin >= cx.w("cert.medium") ? "medium" : "low";
    if (u->why.empty()) u->why = "a paragraph of the dialogue";
  }
  cx.cast = cast.members.size() >= 3 ? cast.members : std::vector<CastMember>{};
  follow_attached(cx);
}

}  // namespace jatei::speakers
