// Small text helpers the speaker stage shares, over the text layer (jatei/text.hpp).
#pragma once

#include <string>
#include <string_view>

#include "jatei/document.hpp"
#include "jatei/text.hpp"

namespace jatei::speakers {

// Whitespace (and line breaks) off both ends.
inline std::string_view trim_space(std::string_view s) {
  while (!s.empty()) {
    std::size_t len = 0;
    char32_t c = text::at(s, 0, len);
    if (!text::is_white_space(c)) break;
    s.remove_prefix(len);
  }
  while (!s.empty()) {
    std::size_t len = 0;
    char32_t c = text::before(s, s.size(), len);
    if (!text::is_white_space(c)) break;
    s.remove_suffix(len);
  }
  return s;
}

inline bool ends_with(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

// Characters of a name called or addressed (ハルカ, 中村, Mio): no hiragana, so a name run stops
// at particles.
inline bool is_name_char(char32_t c) { return text::is_kanji(c) || text::katakana_word(c) || text::is_latin(c); }

// The dashes an interviewer's turn opens with (―― —— ーー ── ––).
inline bool is_dash(char32_t c) {
  return c == 0x2015 || c == 0x2014 || c == 0x30FC || c == 0x2500 || c == 0x2013 || c == 0x2501;
}

// Text outside 「…」『…』 (quoted speech inside narration is not the narrator's register).
inline std::string outside_quotes(std::string_view s) {
  std::string out;
  int depth = 0;
  for (text::CodePoint cp : text::code_points(s)) {
    if (cp.c == U'「' || cp.c == U'『') ++depth;
    else if ((cp.c == U'」' || cp.c == U'』') && depth > 0) --depth;
    else if (depth == 0) out.append(s.substr(cp.at, text::end(cp) - cp.at));
  }
  return out;
}

// Whether the text holds a character that ends a sentence (。！？ …).
inline bool has_terminator(std::string_view s) {
  for (text::CodePoint cp : text::code_points(s))
    if (text::is_terminator(cp.c) && cp.c != U'.') return true;
  return false;
}

// What a leaf says: its text from the first sentence on, without a transcript's timestamp that
// stays outside the sentences before it ([00:00:03] <s>…</s>).
inline std::string spoken_text(const Leaf& leaf) {
  std::string out;
  bool started = false;
  for (auto& p : leaf.pieces) {
    started = started || p.kind == Piece::Kind::sentence;
    if (!started) continue;
    if (p.kind == Piece::Kind::sentence) out += p.sentence.text;
    else if (p.kind == Piece::Kind::text) out += p.text;
  }
  return out;
}

}  // namespace jatei::speakers
