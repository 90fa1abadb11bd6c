// Unmarked interviews: a run without any label whose paragraphs take the shape of an interview,
// short questions on their own lines (…ですか。 …は？ 教えてください。 今後の目標は。) each followed
// by one or more longer answers, is a dialogue of two people: the one who asks and the one who
// answers (named by names.cpp from the lead, as in a dash interview).
//
// The shape alone is not enough (an FAQ or an explainer asks too): the questions are addressed
// to someone (polite, a request, or the elliptical …は。 of an interviewer; never the plain
// …のか。 an essay asks itself), and the answers are a person speaking (first person, …んです,
// …ですね) or the page says it is an interview ([interview-lead] in the title or the lead).
// A line that starts with a question mark or a number of an FAQ (Q1.) is a heading, not an
// unmarked question. [interview] weights; --explain says why a run is or is not one.
#include <algorithm>
#include <iomanip>
#include <set>
#include <sstream>

#include "speakers/analysis.hpp"
#include "speakers/textutil.hpp"

namespace jatei::speakers {

namespace {

// The sentences of a paragraph's first leaf.
std::vector<std::string_view> sentences_of(const Item& it) {
  std::vector<std::string_view> out;
  if (it.block.leaves.empty()) return out;
  for (auto& p : it.block.leaves[0].pieces)
    if (p.kind == Piece::Kind::sentence && !trim_space(p.sentence.text).empty()) out.push_back(p.sentence.text);
  return out;
}

// A sentence without what closes it (。？！, closing brackets, spaces).
std::string_view core_of(std::string_view s) {
  s = trim_space(s);
  while (!s.empty()) {
    char32_t c = text::before(s, s.size());
    if (!text::is_terminator(c) && !text::closes(c) && !text::is_white_space(c) && c != U'…') break;
    s = s.substr(0, text::prev(s, s.size()));
  }
  return s;
}

// …でしょう after a question word asks (どんな時計が多いのでしょう。 どう引き継ぐのでしょう。).
bool asks_by_question_word(Context& cx, std::string_view sentence) {
  std::string_view core = core_of(sentence);
  return cx.cues["question-end"].suffix(core) > 0 && cx.cues["question-word"].contains(core);
}

// A line of an interviewer: short, its last sentence asks or requests, in a form addressed to
// someone (polite, a request, the elliptical …は), no label shape of a question mark before it.
bool asking_line(Context& cx, const Item& it) {
  if (!it.paragraph || it.f.note || it.furniture || it.label) return false;
  if (it.candidate && it.candidate->label.style == SpeakerLabel::Style::qa) return false;  // Q1. : an FAQ's heading
  if (it.f.chars > cx.w("interview.max_question_chars") || it.f.sentences > cx.w("interview.max_question_sentences"))
    return false;
  auto sentences = sentences_of(it);
  if (sentences.empty()) return false;
  std::string_view last = sentences.back();
  Ending e = analyse_ending(last, cx.cues);
  if (e.request) return true;
  if (asks_by_question_word(cx, last)) return true;
  if (!e.question) return false;
  // Polite (…ですか), or a topic without a predicate (今の仕事内容は？ 今後の目標は。).
  std::string_view core = core_of(last);
  return e.polite || ends_with(core, "は");
}

// An answer in a person's own voice: the first person, or a sentence that ends the way someone
// speaks of themself to a listener ([voice-end]: …んです, …ですね, …ますよ).
bool voiced(Context& cx, const Item& it) { return it.f.first_person || it.f.answer || it.f.react || voice_ending(cx, it); }

// Whether the title, or a line before the first question, says the page is an interview.
bool announced(Context& cx, const Run& r, std::size_t first_ask) {
  if (cx.cues["interview-lead"].contains(cx.doc.header.title)) return true;
  for (std::size_t i = 0; i < first_ask && i < r.items.size(); ++i)
    for (auto& leaf : r.items[i].block.leaves)
      if (cx.cues["interview-lead"].contains(leaf_text(leaf))) return true;
  return false;
}

// The interview a run holds: its questions, and the answers after each.
struct Shape {
  std::vector<std::size_t> asks;
  std::vector<std::vector<std::size_t>> answers;  // per question, its answer paragraphs
  std::vector<std::size_t> aside;                 // paragraphs among the answers that are no one's
  std::vector<std::size_t> after;                 // narration after the last answer
  bool announced = false;
  int voiced = 0;                                 // questions whose answer is in a person's voice
  std::string why;
};

// A paragraph the interview's talk is made of (not a note, not furniture, not a caption).
bool talk(const Item& it) { return it.paragraph && !it.f.note && !it.furniture; }

std::optional<Shape> interview_shape(Context& cx, Run& r) {
  Shape s;
  std::vector<bool> ask(r.items.size(), false);
  for (std::size_t i = 0; i < r.items.size(); ++i) ask[i] = asking_line(cx, r.items[i]);
  // Questions with the answers after them, up to the next question.
  for (std::size_t i = 0; i < r.items.size(); ++i) {
    const Item& it = r.items[i];
    if (!talk(it)) continue;
    // A question right after a question is its answer when it is longer or speaks in a
    // person's voice (…見に来てください。 ends the answer to 最後にメッセージを…).
    bool answers_the_last = ask[i] && !s.asks.empty() && s.answers.back().empty() &&
                            (it.f.chars > r.items[s.asks.back()].f.chars || voiced(cx, it));
    if (ask[i] && !answers_the_last) {
      s.asks.push_back(i);
      s.answers.emplace_back();
    } else if (!s.asks.empty()) {
      if (it.f.narrative) s.aside.push_back(i);
      else s.answers.back().push_back(i);
    }
  }
  std::ostringstream why;
  if (s.asks.empty()) return std::nullopt;
  // Narration after the last answer is the editor's; narration between answers stays outside.
  for (std::size_t k = s.aside.size(); k-- > 0 && !s.answers.back().empty() && s.aside[k] > s.answers.back().back();) {
    s.after.push_back(s.aside[k]);
    s.aside.pop_back();
  }
  double q_chars = 0, a_chars = 0;
  int unanswered = 0, longer = 0;
  std::string why_unanswered;
  for (std::size_t k = 0; k < s.asks.size(); ++k) {
    const Item& q = r.items[s.asks[k]];
    q_chars += static_cast<double>(q.f.chars);
    double group = 0;
    bool v = false;
    for (std::size_t a : s.answers[k]) {
      group += static_cast<double>(r.items[a].f.chars);
      v = v || voiced(cx, r.items[a]);
    }
    a_chars += group;
    if (s.answers[k].empty()) {
      ++unanswered;
      why_unanswered += " " + (q.block.id.empty() && !q.block.leaves.empty() ? q.block.leaves[0].id : q.block.id);
    }
    longer += group > static_cast<double>(q.f.chars);
    s.voiced += v;
  }
  // What would make it a conversation instead: the lines before the first question talk (a
  // reaction, an answer, a call, a question: the dialogue began before it), an answer that is
  // only a short reaction (the asker's backchannel), or lines that call on more than one person
  // (a moderator and a panel, a lecturer and the participants).
  int talk_before = 0, backchannel = 0;
  std::string first_talk;
  for (std::size_t i = 0; i < s.asks.front(); ++i) {
    const Item& it = r.items[i];
    // A line with no sentence end (a name card: 石井 翔太（2022年入社／…）) says nothing.
    if (talk(it) && has_terminator(it.text) && (it.f.react || it.f.answer || it.f.any_question || voiced(cx, it) ||
                      (!it.f.vocative.empty() && it.f.spoken())))  // not a name card (株式会社…　代表取締役社長)
      ++talk_before, first_talk = first_talk.empty() ? it.block.leaves[0].id : first_talk;
  }
  std::set<std::string> called;
  for (std::size_t k = 0; k < s.asks.size(); ++k) {
    const Features& f = r.items[s.asks[k]].f;
    for (auto& v : f.vocatives) called.insert(normalise_name(v, cx.cues));
    if (!f.addressed.empty()) called.insert(normalise_name(f.addressed, cx.cues));
    for (std::size_t a : s.answers[k]) {
      backchannel += r.items[a].f.react && r.items[a].f.chars < cx.w("dialogue.short_chars");
      // An "answer" that calls someone by name speaks to a third person (小池さん、それは大事な
      // 指摘ですね。): the lecturer of a seminar, not the one who was asked.
      for (auto& v : r.items[a].f.vocatives) called.insert(normalise_name(v, cx.cues));
      // …and one that gives the floor to someone (続いて、九回を締めた小西投手です。) is the
      // interviewer's, presenting another person to ask.
      if (!r.items[a].f.addressed.empty() && !r.items[a].f.first_person)
        called.insert(normalise_name(r.items[a].f.addressed, cx.cues));
    }
  }
  // The lines before the first question present the first person asked (まずは逆転打の石田選手
  // です！).
  for (std::size_t i = 0; i < s.asks.front(); ++i)
    if (talk(r.items[i]) && !r.items[i].f.addressed.empty() && !r.items[i].f.first_person)
      called.insert(normalise_name(r.items[i].f.addressed, cx.cues));
  const double n = static_cast<double>(s.asks.size());
  s.announced = announced(cx, r, s.asks.front());
  why << std::fixed << std::setprecision(2) << s.asks.size() << " questions, " << unanswered << " unanswered" << why_unanswered << ", answers "
      << (q_chars > 0 ? a_chars / q_chars : 0) << " times as long, " << longer << " longer than their question, "
      << s.voiced << " in a person's voice" << (s.announced ? ", the page says it is an interview" : "");
  if (talk_before) why << "; " << talk_before << " lines of talk before the first question (" << first_talk << ")";
  if (backchannel) why << "; " << backchannel << " answers only react";
  if (called.size() > 1) why << "; the questions and answers call on " << called.size() << " people";
  s.why = why.str();
  bool shape = n >= cx.w("interview.min_questions") && unanswered == 0 && talk_before == 0 && backchannel == 0 &&
               called.size() <= 1 && longer >= cx.w("interview.min_longer") * n &&
               a_chars >= cx.w("interview.answer_ratio") * q_chars;
  bool person = s.voiced >= cx.w("interview.min_voiced") * n || s.announced;
  // Questions answered at length, but put to several people called by name: a discussion (a
  // lecturer and participants, a moderator and a panel), for the dialogue model.
  bool several = n >= cx.w("interview.min_questions") && unanswered == 0 && talk_before == 0 && backchannel == 0 &&
                 called.size() > 1 && longer >= cx.w("interview.min_longer") * n &&
                 a_chars >= cx.w("interview.answer_ratio") * q_chars && person;
  r.discussion = several;
  if (!shape || !person) {
    if (n >= cx.w("interview.min_questions")) r.interview_why = s.why;
    return std::nullopt;
  }
  return s;
}

void assign(Context& cx, Run& r, const Shape& s) {
  r.mode = Run::Mode::labelled;
  bool sure = s.announced && s.voiced >= cx.w("interview.min_voiced") * static_cast<double>(s.asks.size());
  r.why = "interview without marks: " + s.why;
  std::string cert = sure ? "high" : "medium";
  for (std::size_t i = 0; i < s.asks.front(); ++i) r.items[i].why = "before the first question (the lead)";
  for (std::size_t k = 0; k < s.asks.size(); ++k) {
    Item& q = r.items[s.asks[k]];
    q.part = Part::unit;
    q.person = "D:interviewer";
    q.cert = cert;
    q.why = "a question on its own line: the interviewer";
    for (std::size_t a : s.answers[k]) {
      Item& it = r.items[a];
      it.part = Part::unit;
      it.person = "D:interviewee";
      it.cert = cert;
      it.why = "an answer after the question: the interviewee";
    }
  }
  for (std::size_t i : s.aside) r.items[i].why = "narration between the answers";
  for (std::size_t i : s.after) r.items[i].why = "narration after the last answer";
  // Lists and quotes inside an answer are the answerer's.
  for (std::size_t i = 1; i < r.items.size(); ++i) {
    Item& it = r.items[i];
    if (it.block.kind != BlockKind::list && it.block.kind != BlockKind::quote) continue;
    const Item& before = r.items[i - 1];
    if (before.part != Part::outside && before.person == "D:interviewee") {
      bool goes_on = false;
      for (std::size_t j = i + 1; j < r.items.size(); ++j) {
        const Item& n = r.items[j];
        if (n.block.kind == BlockKind::opaque) continue;
        goes_on = n.part == Part::unit;
        break;
      }
      if (!goes_on && !before.text.empty() && !ends_with(trim_space(before.text), "：")) continue;
      it.part = Part::attached;
      it.person = before.person;
      it.why = "introduced by the answer before it";
    }
  }
  for (auto& it : r.items)
    if (it.part == Part::outside && it.why.empty()) it.why = "not part of the interview";
}

}  // namespace

void find_unmarked_interviews(Context& cx) {
  for (auto& r : cx.runs) {
    if (r.mode != Run::Mode::prose) continue;
    if (auto s = interview_shape(cx, r)) assign(cx, r, *s);
  }
}

bool voice_ending(Context& cx, const Item& it) {
  for (std::string_view s : sentences_of(it))
    if (cx.cues["voice-end"].suffix(core_of(s))) return true;
  return false;
}

}  // namespace jatei::speakers
