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
  void merge_cues(const Rules& extra);  // sections speakers.rules has (Rules::select)

  // The segmentation rules whose [byline] and [caption] cues tell a credit (著者: 写真:) from a
  // speaker label: Rules::builtin() unless a user's rules are set (jatei-annotate --rules).
  void set_segment_rules(std::shared_ptr<const Rules> rules) { segment_rules_ = std::move(rules); }
  const Rules& segment_rules() const { return segment_rules_ ? *segment_rules_ : Rules::builtin(); }

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
  std::shared_ptr<const Rules> segment_rules_;
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

// A speaker label at the start of a paragraph: its shape, and the name slot it holds.
struct SpeakerLabel {
  enum class Style {
    colon,    // 名前：  名前:  **名前**：  [00:03:12] ホスト・岡田：
    bracket,  // 【名前】 （名前） (名前) ［名前］ 〔名前〕
    quote,    // 名前「…」 (the quote closes at the end of the paragraph)
    qa,       // Q.  A.  Q：  A(名前):
    dash,     // ―― (the interviewer)
    space,    // 名前＋全角スペース  ○議長（名前君）＋全角スペース
    angle,    // 名前＞  名前 >
    line,     // 名前 alone on its line, over the paragraphs the person says (小野寺  菅原（准教授）)
  };
  Style style = Style::colon;
  std::size_t length = 0;  // bytes of the label (kept verbatim in <speaker>); the space after it is not part of it
  std::string name;        // the name slot without marks, brackets or time ("" for the dash): 関東日報・高橋, 議長
  std::string note;        // a bracket right after the name: 大河内正君 in 議長（大河内正君）, アナリスト in 山田(アナリスト)
  std::string time;        // a timestamp before the name, as written ([00:03:12])
  std::string role;        // interviewer, interviewee, moderator … where the label's word says so ([roles])
  std::string shape;       // the shape with the name abstracted, for people: （名前） [時刻] 名前： ○名前　
  std::string mark;        // a question or answer mark before the name (答 in 答　市民課長　…, A in A．市長　…);
                           // name is then the title or name after it
  bool alone = false;      // nothing follows the label on its line
};

// The label shape a paragraph starts with, if it is one (look-alikes such as 10:30, URLs, 注:,
// ※, 出典:, 【対談】, bylines and captions are refused; a label with no text after it is not
// returned). Whether the shape is a label in a document is decided by annotate_speakers from
// the whole document: the shape must recur for a small set of names over a run of lines.
std::optional<SpeakerLabel> find_speaker_label(std::string_view paragraph, const SpeakerModel& model);

}  // namespace jatei
