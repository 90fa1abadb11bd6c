// What the speaker stage knows about a document while it works, shared by its steps:
//
//   collect (annotate.cpp)     the blocks of every division that may hold a dialogue, as Items
//                              in Runs of adjacent divisions, each paragraph with its Features
//   induce (induce.cpp)        the label styles the document uses: Item::label where a line's
//                              label is one of them
//   turns (turns.cpp)          in a run with labels: which lines are turns, whose, and why
//   interview (interview.cpp)  in a run without: short questions each followed by answers, no
//                              mark at all (an interviewer and the one who answers)
//   unlabelled (unlabelled.cpp) in a run without: is it a dialogue, how many people, who says
//                              each paragraph
//   monologue (monologue.cpp)  where nothing else is spoken: one person's speech, its
//                              paragraphs from the first words to the audience to the last
//   names (names.cpp)          one person per key however the label varies; persName, @role
//   rebuild (annotate.cpp)     the turns written back into the document; explain.cpp says why
//
// Internal to lib/src/speakers/.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "jatei/document.hpp"
#include "jatei/speakers.hpp"
#include "speakers/features.hpp"
#include "speakers/labels.hpp"
#include "speakers/model.hpp"

namespace jatei::speakers {

// Where a block ends up: outside every turn, a unit of a turn (a paragraph someone says), or
// attached to the unit before or after it (a list or a quote the speaker introduces).
enum class Part { outside, unit, attached };

// The family of a post header split over a name line and a date line above the post
// (dated_headers, induce.cpp).
inline constexpr const char* kDatedHeaderFamily = "名前/日時/本文";

// An accepted label: the line starts a turn of `key`.
struct Label {
  SpeakerLabel shape;      // what the parser found (style, name, note, time, role)
  std::string text;        // the label's characters, verbatim (<speaker>)
  std::string family;      // the induced style it belongs to (a post header: its family)
  std::string key;         // the person
  bool is_new = false;     // still at the start of the first sentence: cut it out
  bool header = false;     // the whole line is the label (a post header)
  bool recurring = false;  // its name recurs in the style (else: accepted inside the style's span)
  bool answers = false;    // the answering side of a question-and-answer pair (【回答】 after 【相談】)
  bool comment = false;    // a collected comment's head line (LabelStyle::roster): narration ends it
  bool signed_at_end = false;  // a signature at the line's end (signed.cpp): no <speaker>, the turn
                               // ends with the line
};

// An optional value kept on the heap (the interface of std::optional that the stage uses). An
// Item holds three that most items leave empty (a label shape, a post header, an accepted label:
// 760 bytes as std::optional, more than half of an Item), and the stage holds an Item per block
// of the document: its largest part of memory.
template <class T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(const Boxed& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(const T& v) {
    if (p_) *p_ = v;
    else p_ = std::make_unique<T>(v);
    return *this;
  }
  Boxed& operator=(T&& v) {
    if (p_) *p_ = std::move(v);
    else p_ = std::make_unique<T>(std::move(v));
    return *this;
  }
  Boxed& operator=(const std::optional<T>& v) {
    if (v) *this = *v;
    else p_.reset();
    return *this;
  }
  Boxed& operator=(std::optional<T>&& v) {
    if (v) *this = std::move(*v);
    else p_.reset();
    return *this;
  }
  bool has_value() const { return p_ != nullptr; }
  explicit operator bool() const { return p_ != nullptr; }
  T* operator->() { return p_.get(); }
  const T* operator->() const { return p_.get(); }
  T& operator*() { return *p_; }
  const T& operator*() const { return *p_; }
  void reset() { p_.reset(); }

 private:
  std::unique_ptr<T> p_;
};

struct Item {
  std::size_t div = 0;
  std::size_t index = 0;                  // position in the document's item list
  Block block;
  std::string old_turn;                   // id of the turn this block opened
  std::optional<std::string> old_label;   // its Turn::speaker
  bool paragraph = false;
  Features f;
  std::string text;                       // the first leaf's text
  std::size_t stamp = 0;                  // a transcript's timestamp before it, in bytes (annotate.cpp)
  Boxed<LabelCandidate> candidate;        // a label shape at its start
  Boxed<PostHeader> header;               // the line is a post header's shape
  bool furniture = false;                 // a counter, a button row, a line the page repeats
  bool post_closed = false;               // after the line that dates the post above it (timed_headers)
  bool faq_heading = false;               // an FAQ's numbered question (Q1. …): a heading, no one's turn
  bool opens_division = false;            // a heading after other blocks of its division: a new one starts at it
  std::size_t list_group = 0;             // a list split into its items (one label each), or 0
  bool forced = false;                    // old_label: a label already in <speaker>, kept
  Boxed<Label> label;                     // accepted label
  Part part = Part::outside;
  std::string person;                     // person key
  std::string cert;                       // high | medium | low ("" = none)
  std::string why;                        // why it is or is not a turn (--explain)
  // The unlabelled model.
  int state = -1;
  double margin = 0;
  bool figure_between = false, head_between = false, quote_between = false, division_break = false;
  double switch_score = 0;
  std::vector<double> emit;
};

struct Run {
  std::vector<std::size_t> divs;
  std::vector<Item> items;
  enum class Mode { prose, labelled, unlabelled } mode = Mode::prose;
  enum class Verdict { no, piece, yes } verdict = Verdict::no;  // as an unlabelled dialogue
  int paragraphs = 0, cues = 0, strong = 0;                     // its evidence
  std::string why;                                             // for --explain
  std::string interview_why;  // why a run with questions is or is not an unmarked interview
  bool discussion = false;    // an interview's shape whose lines call on several people by name
};

// A label style the document was looked at for, and what was decided.
struct LabelStyle {
  std::string family;                  // the shape's key
  std::string shape;                   // for people: （名前） [時刻] 名前：
  int lines = 0, spoken = 0;           // lines of this shape, and those whose text reads like speech
  std::map<std::string, int> names;    // person key -> lines
  bool header = false;                 // a post header style
  bool accepted = false;
  bool one_recurring = false;          // a name and a space, refused only for one recurring name (answers_a_style)
  bool roster = false;                 // a mark and a person alone on a line over each one's words, each
                                       // once (comments collected: ◆石井誠監督, ■佐藤彩花（営業部）)
  std::string why;
};

// A participant.
struct Participant {
  std::string key;   // as Item::person
  std::string name;  // persName ("" = none known)
  std::string role;  // @role
};

// A person of an unlabelled dialogue's cast (cast.hpp).
struct CastMember {
  std::string name;                  // persName: the fullest form (吉岡浩之, 大塚真理, 先生)
  std::vector<std::string> aliases;  // the forms the dialogue uses, honorifics off (大塚, 先生)
  std::string title;                 // the title the lead gives (教授), or ""
  std::string role;                  // interviewer, when the lead says so; else from behaviour
  bool lead = false;                 // teaches, moderates or interviews
  std::string given;                 // the name --names gives this person ("" = none, or not matched yet)
  bool named_by_user = false;        // a member that --names declared (matched to the text or not)
  std::vector<std::string> described;  // the words the lead describes them with (温泉旅館を営む井上さん: 温泉旅館)
};

// Everything the steps share.
struct Context {
  Document& doc;
  const SpeakerOptions& opts;
  const SpeakerModel& model;
  const SpeakerModel::Compiled& cues;
  RoleWeights role_w;
  std::vector<Run> runs;
  std::vector<LabelStyle> styles;
  std::vector<Participant> people;
  std::vector<CastMember> cast;  // the cast of the unlabelled dialogue, when it has three or more
  std::string cast_why;          // how the cast was found (--explain)
  bool monologue = false;        // the document is one person's speech (monologue.cpp)
  std::string monologue_why;     // … and why it is or is not (--explain)
  double w(const std::string& name) const { return model.weight(name); }
  // Every item of every run, in document order.
  std::vector<Item*> items();
};

// The steps (each in its own file).
void induce_styles(Context& cx);                 // induce.cpp
void signed_lines(Context& cx, std::vector<Item*>& items);  // signed.cpp: comments signed at the line's end
void group_labelled(Context& cx, Run& r);        // turns.cpp
void find_unmarked_interviews(Context& cx);      // interview.cpp: questions and answers, no label
void classify_unlabelled(Context& cx);           // unlabelled.cpp: verdicts, units, decoding
void find_monologue(Context& cx);                // monologue.cpp: one person's speech, no label (before
                                                 // classify_unlabelled, which it leaves nothing to do)
void attribute_quotations(Context& cx);          // quotes.cpp: a quotation in prose, to whom
void name_people(Context& cx);                   // names.cpp
void explain(Context& cx, std::ostream& os);     // explain.cpp

// Names and roles of labels (names.cpp): the person a label names, as a key shared by its
// variants (高橋 and 日経産業・高橋, 佐藤花子君 and 国務大臣（佐藤花子君）), and the role its words
// give (議長, ホスト, 記者).
struct LabelName {
  std::string key;    // the person ("" for the dash: D:interviewer)
  std::string name;   // how the label writes the person (佐藤花子, 高橋, 社長)
  std::string role;   // a word of office or role beside the name (国務大臣, 日経産業, ホスト)
};
LabelName label_name(const SpeakerLabel& l, const SpeakerModel::Compiled& cues);
LabelName header_name(const PostHeader& h, bool by_id);
// The people an attendee list names (出席者：佐藤花子、ジョン・スミス（技術部） 出演：…), in order.
std::vector<std::string> attendee_names(Context& cx);
// How strongly a paragraph says it is not `name`'s (a name --names gives): it calls them (2 a
// sentence), asks them about themself (1), or gives the name as its own (-2); names.cpp.
int calls_to(Context& cx, const Item& it, const std::string& name);
// Whether a sentence of the paragraph ends the way a person speaks of themself to a listener
// ([voice-end]: …んです, …ですね, …と思います); interview.cpp.
bool voice_ending(Context& cx, const Item& it);

}  // namespace jatei::speakers
