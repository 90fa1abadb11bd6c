// Label shapes: what a line-initial speaker label looks like, read from one line at a time.
// Whether a shape IS a label in a document is decided from the whole document (induce.cpp):
// here only its parts are found and named.
//
// A label is [time] [mark] body terminator, where the body is a name slot, bare or in brackets:
//   （関東日報・高橋）  [00:03:12] ホスト・岡田：  ○議長（大河内正君）　  **高槻**：  田村 >
//   森　  ケン「…」  【司会】  ――  Q.  A(中村):
// Its shape is the same with the name slot abstracted: （名前） [時刻] 名前： ○名前　 and so on;
// lines whose shapes are equal (full- and half-width alike, any mark) are one style.
//
// A post header is a line that is all label: a handle and a date, a time or an ID (a forum post, a Q&A
// answer, a review, a comment), over the lines of the post:
//   1: 風吹けば名無し 2024/08/05(月) 15:02:11.45 ID:Zk3pQ8aT0
//   回答者：green_finger77　回答日時：2024/6/12 8:15
// or the line a letter or a comment is signed with, a name with an age (what the writer is and
// where they live around it):
//   会社員　大森由香（３４）　静岡県
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "jatei/speakers.hpp"
#include "speakers/model.hpp"

namespace jatei::speakers {

// A label shape found at the start of a line (before the document says whether it is a label).
struct LabelCandidate {
  SpeakerLabel label;   // style, length, name, note, time, role, shape (as find_speaker_label)
  std::string family;   // the shape's key: equal for lines of one style ("(N)", "[T]N:", "MN_")
  int qa = 0;           // the name asks (1: 相談 質問者) or answers (-1: 回答 アドバイス), see qa_word
};

// Whether a label name is a word of a question-and-answer pairing: 1 when it asks ([qa-ask]:
// 相談, 質問者), -1 when it answers ([qa-answer]: 回答, 弁護士の回答), else 0.
int qa_word(std::string_view name, const SpeakerModel::Compiled& cues);

// Whether a label is written as minutes write one: a mark, then an office or a seat and its holder
// (○議長（山田太郎君）　 ◆１２番（村上由紀子議員）　 ○市長　大野正人君　): the office ([role-word]) or
// the seat (12番) in the name slot and the holder with an honorific ([strip-honorific]) after it.
// Such a label names who speaks by itself, whether or not the person speaks again.
bool office_and_holder(const LabelCandidate& c, const SpeakerModel::Compiled& cues);

// The label shape a paragraph starts with, if any. `alone_ok`: a label with nothing after it
// on the line is a candidate too (SpeakerLabel::alone).
std::optional<LabelCandidate> parse_label(std::string_view paragraph, const SpeakerModel& model, bool alone_ok);

// A date or a time and nothing else after a key (更新日：2026年9月12日 配信：2024/01/05(金) 12:00):
// a key and its value, not a speaker and speech.
bool date_only(std::string_view rest);

// A post header: the whole line is the label.
struct PostHeader {
  std::string family;   // the shape's key: the class of its first and last parts ("H..T", "H..I")
  std::string handle;   // the poster's name or handle (kei_0921, 風吹けば名無し), honorific and @ off
  std::string id;       // an ID: value when there is one (Zk3pQ8aT0)
  std::string role;     // a key before the handle that says what the poster is (質問者, 回答者)
  std::string note;     // a bracket after the handle ((作成者), (40代・女性), an age (３４))
  bool relative = false;  // its time is relative to now (3日前, 約1時間前), as a comment board shows it
  bool aged = false;    // the handle is signed with an age (会社員　大森由香（３４）　静岡県), the
                        // role the word before it
};
std::optional<PostHeader> parse_post_header(std::string_view line);

// A signature at the end of a line, after the comment it signs (… -- ぽち (2026/05/12 21:03),
// …　by みどり): see signed.cpp.
struct Signature {
  std::string family;   // the separator ("--", "――", "by"), "+日時" when a date or time follows the name
  std::string name;     // who signs
  bool dated = false;
  std::size_t at = 0;   // the byte where the signature starts in the line (the comment ends there)
};
std::optional<Signature> parse_signature(std::string_view line);

// A line that is only when something was posted: a date, a time, or a time relative to now, or
// two of them (3日前, 2026/05/01 12:30, 約1時間前, 5月2日 14:05).
bool stamp_line(std::string_view line);

}  // namespace jatei::speakers
