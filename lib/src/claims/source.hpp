// Who said it: the source a reported sentence names (internal to the claims stage). Found in
// the sentence's normalised text: the noun before an adverbial of source (県警によると, 消防の
// 調べで, 同社への取材で: the lexicon's `sourcemarker` strings), a handle (@someone), or the
// topic the sentence opens with (同社は…としている). A document there (the lexicon's `source`
// category: 東京都の発表によると) gives way to its owner before の; a document with no owner
// named is the source as <name type="document">. The stage points the sentence's @source at
// the name element over it, or at the particDesc person of that name.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "jatei/claims.hpp"

namespace jatei::claims {

struct Source {
  std::size_t begin = 0, end = 0;  // normalised offsets of the noun phrase
  std::string element;             // persName | orgName | name (a document: 調査, 発表)
  std::string why;
  std::string type;                // the name's @type: "document" for a document, else empty
};

// Whether a noun names an institution by its suffix (社, 省, 県警, 大学, 団体): a source that
// is one is an <orgName>, a person a <persName>.
bool organisation(std::string_view noun);

// The noun at n[b, e) as a source (…と社長は述べた: the subject after the quotation), unless it
// is the writer (私, 当社).
std::optional<Source> source_at(std::string_view normalised, std::size_t b, std::size_t e, std::string why);

std::optional<Source> find_source(std::string_view normalised, std::size_t body, const Lexicon& lexicon);

// When a hearsay noun is the subject (…との報告があった, …との要望が出された), the sentence's
// topic belongs to what is reported (利用者の半数が…との報告): the source is only who it came
// from, a noun before から or より that opens the quotation (委員から「…」, 住民から、…).
std::optional<Source> agent_of_a_hearsay_noun(std::string_view normalised, std::size_t body);

// A line that is only a person's name, a role maybe before it (代表取締役社長 千葉慎一, 青葉市長
// 相沢典子氏, 久保田 誠): the name, with its honorific, as the source of the words under it.
std::optional<Source> name_line(std::string_view normalised);

}  // namespace jatei::claims
