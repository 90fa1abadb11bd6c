// What one paragraph says of its speaker: register, questions and requests, reactions and
// answers, discourse moves, and the names it calls or addresses. Read by every later step (label
// induction asks whether a labelled line reads like speech; the unlabelled model scores turns
// from these; names are taken from vocatives).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jatei/document.hpp"
#include "jatei/speakers.hpp"
#include "speakers/model.hpp"

namespace jatei::speakers {

// How a sentence ends.
struct Ending {
  bool question = false, exclaim = false, request = false;
  bool polite = false, casual = false, marker = false;  // marker: emoji, kaomoji, (笑), w
};
Ending analyse_ending(std::string_view sentence, const SpeakerModel::Compiled& cues);

struct Features {
  std::size_t chars = 0;
  int sentences = 0;
  double polite = 0, casual = 0;  // shares of the sentences
  bool question = false;          // the last sentence asks
  bool request = false;           // the last sentence requests
  bool any_question = false, exclaim = false, marker = false, first_person = false;
  bool react = false, answer = false, objection = false, continuation = false;
  bool greeting = false;  // starts with a greeting, thanks, yes/no or backchannel ([greeting])
  bool move = false, refer_back = false, figure_ref = false, note = false, narrative = false;
  bool intro = false;  // introduces the conversation (…先生に教えてもらいます): narration before it
  bool follow_up = false;  // the paragraph or its last sentence follows up what was just said ([follow-up])
  int numbers = 0;
  std::string vocative;                // name called at the start of the paragraph (ミオ先輩)
  std::vector<std::string> vocatives;  // names called at the start of any of its sentences
  std::string addressed;               // name addressed in a question or request (サルくんは…?)
  bool group_call = false;             // a sentence opens by calling everyone ([group-address]: 二人とも、)
  std::vector<std::string> mentioned;  // names with an honorific spoken of (西村さんの指摘)
  std::string self_named;              // the name the speaker gives as their own (村上です。 はい、東です。)
  bool self_alone = false;             // … the sentence is the name alone (not 市民協働課の岩田です)
  double role = 0;                     // [role] score: explaining (+) or asking (-)
  // Whether the paragraph reads like speech: a spoken register, a question, an exclamation, a
  // greeting or backchannel, a reaction or an answer word.
  bool spoken() const {
    return polite > 0 || casual > 0 || any_question || exclaim || marker || greeting || react || answer;
  }
};

// The [role] weights, read once.
struct RoleWeights {
  double length, pivot, move, numbers, answer, question, react, request;
  explicit RoleWeights(const SpeakerModel& m);
};

Features paragraph_features(const Leaf& leaf, const SpeakerModel& model, const RoleWeights& rw);
// The same for a text that is not (yet) a leaf: a labelled line's text after its label.
Features text_features(std::string_view text, const std::vector<std::string_view>& sentences,
                       const SpeakerModel& model, const RoleWeights& rw);

// Whether a paragraph's text (after any label) opens with a sentence that only says who speaks
// (関東日報の高橋です。 千葉から参りました山口です。 株主番号3102番の者です。), and the name it gives
// ("" when it gives none: …の者です).
std::optional<std::string> introduction(std::string_view text, const SpeakerModel::Compiled& cues);

// A name called at the start of `s`: a [title-name], or a run of name characters followed by an
// [honorific]; at the start of a sentence (`at_start`) also a given name in hiragana (ひろみさん).
// Returns it with its honorific and sets `end` to the byte after it ("" = none).
std::string name_at(std::string_view s, const SpeakerModel::Compiled& cues, std::size_t& end, bool at_start = false);

// Every name with an honorific or a title in a text (吉岡浩之教授, 岸さん, 森下さん), as name_at
// finds them, in order.
std::vector<std::string> names_in_text(std::string_view s, const SpeakerModel::Compiled& cues);
// The family name and the space before a given name that starts at `at` (三浦 早苗さん: "三浦 " before
// 早苗): one to three kanji after no other name character, one space, then `given` (the given
// name without honorific: at most three kanji or four kana); a word of office is no family name
// (会長 山田さん). "" when there is none.
std::string family_before(std::string_view s, std::size_t at, std::string_view given,
                          const SpeakerModel::Compiled& cues);

// A name without the honorifics of [strip-honorific] (ハルカさん -> ハルカ); a [title-name] and a
// name that would be left empty stay whole.
std::string normalise_name(std::string_view raw, const SpeakerModel::Compiled& cues);

}  // namespace jatei::speakers
