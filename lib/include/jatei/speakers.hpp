// Speaker turns: who says each block of a dialogue, from the source's labels where it has
// them (司会: 【司会】 司会「…」 Q. A. A(名前): ――) and by inference where it lost them.
//
//   jatei::SpeakerOptions o;
//   o.names = {"先生", "サルくん"};          // optional: names in order of first speaking
//   jatei::annotate_speakers(doc, o);      // doc from segment() or tei::read()
//
// What it does to the document:
// - divisions judged to be a dialogue get type "dialogue"; their spoken blocks go into turns
//   (Turn::who = "#spk1" …, Turn::cert from the decoding margin) and the participants into
//   Header::persons. A division that is no dialogue is left as it is.
// - a label moves verbatim from the start of the first sentence into Turn::speaker (a sentence
//   that held only the label is dropped; whitespace after the label stays as text in the leaf),
//   so Document::text() is unchanged and sentence ids are kept.
// - lists and quotes stay in the turn of whoever introduces them; captions, heads, trailers,
//   bylines, notes and narration never sit in a turn.
// - idempotent: existing turns are taken apart and rebuilt the same way (labels already in
//   Turn::speaker are reused, turn ids are kept).
//
// The weights and cue lists are data files a user can read and retune: lib/data/speakers.weights
// and lib/data/speakers.rules (compiled in; JATEI_DATA_DIR overrides; see their headers).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "jatei/document.hpp"
#include "jatei/rules.hpp"

namespace jatei {

// The speaker model: numeric weights (speakers.weights) and cue lists (speakers.rules).
class SpeakerModel {
 public:
  // The model shipped with jatei. With JATEI_DATA_DIR set, its speakers.weights and
  // speakers.rules are read instead of the compiled-in copies (when present).
  static const SpeakerModel& builtin();

  // Weights file: `[section]` headers, `name value` lines, `#` comments (whole line or after the
  // value). Every name must be one the model knows (DataError with the line otherwise).
  void merge_weights(std::string_view text, const std::string& origin);
  void merge_weights_file(const std::string& path);
  // Cue lists in the format of rules.hpp; entries add to the built-in ones, `-entry` removes.
  void merge_cues_file(const std::string& path);

  // A weight by its full name ("transition.switch"); std::out_of_range for unknown names.
  double weight(std::string_view name) const;
  const std::map<std::string, double, std::less<>>& weights() const { return weights_; }
  const Rules& cues() const { return cues_; }

  struct Compiled;  // the cue lists prepared for matching (lib/src/speakers/)
  const Compiled& compiled() const { return *compiled_; }

 private:
  void compile();
  std::map<std::string, double, std::less<>> weights_;
  Rules cues_;
  std::shared_ptr<const Compiled> compiled_;
};

struct SpeakerOptions {
  // Names for the participants in order of first speaking (overrides names found in the text).
  std::vector<std::string> names;
  // nullptr = SpeakerModel::builtin().
  const SpeakerModel* model = nullptr;
  // When set, one line per division and per block: the features and the decision (--explain).
  std::ostream* explain = nullptr;
};

// Annotates speaker turns in place and adds <application ident="jatei-speakers">.
void annotate_speakers(Document& doc, const SpeakerOptions& options = {});

// A speaker label at the start of a paragraph.
struct SpeakerLabel {
  enum class Style { colon, bracket, quote, qa, dash };
  Style style = Style::colon;
  std::size_t length = 0;  // bytes of the label (kept verbatim in <speaker>)
  std::string name;        // persName: the label without punctuation ("" for the dash)
  std::string role;        // interviewer, interviewee, moderator … where the label says so
};

// The label a paragraph starts with, if its shape is one (look-alikes such as 10:30, URLs,
// 注:, ※, 出典:, 【対談】, bylines are refused). The division-level checks (a name must recur,
// a dash interview needs two questions) are made by annotate_speakers.
std::optional<SpeakerLabel> find_speaker_label(std::string_view paragraph, const SpeakerModel& model);

}  // namespace jatei
