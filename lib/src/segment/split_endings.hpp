// Where a sentence may end in a line (internal to lib/src/segment): the terminators (a period
// that is not inside a number, a name or an enumerator; ! ? that are not part of a name;
// ellipses, emoji, faces, laughter), what an ending takes after it (more terminators, closing
// brackets, faces and their arms), and whether the text after it goes on the same sentence.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "segment/split_marks.hpp"

namespace jatei::seg::split {

class Endings : public MarkedLine {
 public:
  using MarkedLine::MarkedLine;

 protected:
  // (笑), (^o^), （＊́ω‘＊）: a round group that works as an emoticon.
  // Reads the code points between the brackets from the bytes (decode() keeps only the ends of
  // a run of kana and kanji).
  bool is_emoticon_group(std::size_t open, std::size_t close) const {
    if (close == open + 1) return false;
    std::size_t from = cps_[open + 1].at, to = cps_[close].at;
    std::string_view inner = line_.substr(from, to - from);
    std::size_t len = 0;
    for (std::size_t k = from, l = 0; k < to && len <= 15; k += l, ++len) utf8::decode(line_, k, l);
    if (len > 15) return false;
    for (auto& e : *sections_.emoticon_words)
      if (inner == e.pattern) return true;
    bool face = false;
    for (std::size_t k = from, l = 0; k < to; k += l) {
      char32_t c = utf8::decode(line_, k, l);
      if (is_face_char(c)) {
        face = true;
        continue;
      }
      if (c == U'ノ' || c == U'ﾉ' || c == U'ｼ' || c == U'ｰ' || c == U'ヮ' || c == U'v' || c == U'V' || c == U'w' ||
          c == U'x' || is_space(c) || (c >= 0x300 && c <= 0x36F))
        continue;
      if (is_wordlike(c)) return false;  // real words: a parenthetical, not a face
      if (is_terminator(c)) return false;
    }
    return face;
  }

  // If a terminator element starts at i, the index just after it; npos otherwise.
  std::size_t terminator_end(std::size_t i, std::size_t start, bool has_text) const {
    std::size_t n = cps_.size();
    char32_t c = cps_[i].c;
    char32_t prev = i > 0 ? cps_[i - 1].c : 0;
    char32_t next = i + 1 < n ? cps_[i + 1].c : 0;
    bool at_end = i + 1 >= n;
    if (c == U'.' || c == U'．') {
      if (is_alnum_like(prev) && is_alnum_like(next)) return npos;  // 2.5 No.1 example.com
      // A domain or a file name whose name is Japanese: 一休.com, 価格.comで, 楽天.co.jp, 報告書.pdf.
      if (c == U'.' && prev >= 0x80 && is_wordlike(prev) && lowercase_suffix_at(i + 1)) return npos;
      if (c == U'.' && is_ascii_alnum(prev) && !at_end && !is_space(next) && !is_terminator(next) &&
          !closes(next))
        return npos;  // 1.と 12.が b.から QuickJS.wasm
      // An enumerator at the start of the sentence: "1. あいう", "1.）", also after the marks of
      // a Markdown heading ("### 1. 手順") or the geometric mark that heads a section
      // ("■１．年末大売り出し", "◆ 2. 会場"): the number labels the line, the text goes on.
      std::size_t k = start, digits = 0, letters = 0;
      if (k < i && (cps_[k].c == U'#' || cps_[k].c == U'＃')) {
        std::size_t m = k;
        while (m < i && (cps_[m].c == U'#' || cps_[m].c == U'＃')) ++m;
        if (m < i && is_space(cps_[m].c)) {
          while (m < i && is_space(cps_[m].c)) ++m;
          k = m;
        }
      } else if (k < i && heading_mark(cps_[k].c)) {
        std::size_t m = k;
        while (m < i && heading_mark(cps_[m].c)) ++m;
        while (m < i && is_space(cps_[m].c)) ++m;
        k = m;
      }
      for (; k < i; ++k) {
        char32_t d = cps_[k].c;
        if (is_ascii_digit(d) || (d >= U'０' && d <= U'９')) ++digits;
        else if (is_ascii_alpha(d) || (d >= U'Ａ' && d <= U'Ｚ') || (d >= U'ａ' && d <= U'ｚ')) ++letters;
        else break;
      }
      // 1. あいう, A. いいえ, Ｑ．…？, Ｑ１．…: a number or a letter (with its number) that labels the line.
      if (k == i && ((digits >= 1 && digits <= 3 && letters == 0) || (letters == 1 && digits <= 2))) return npos;
      if (is_ascii_alpha(prev)) {
        std::size_t b = i;
        while (b > 0 && (is_ascii_alpha(cps_[b - 1].c) || (cps_[b - 1].c == U'.' && b >= 2 && is_ascii_alpha(cps_[b - 2].c)))) --b;
        std::string_view word = line_.substr(cps_[b].at, cps_[i].at - cps_[b].at);
        for (auto& e : *sections_.abbreviations)
          if (word == e.pattern) return npos;
      }
      return i + 1;
    }
    if (c == U'!' || c == U'?') {
      if (is_ascii_alpha(prev) && !at_end && !is_space(next) && !is_terminator(next) && !closes(next) &&
          !is_emoji_part(next))
        return npos;  // Yahoo!ショッピング
      return i + 1;
    }
    if (c == U'・' || c == U'･') {  // ・・・ works like an ellipsis; a single ・ is a separator
      std::size_t k = i;
      while (k < n && (cps_[k].c == U'・' || cps_[k].c == U'･')) ++k;
      return k - i >= 2 && has_text ? k : npos;
    }
    if (is_terminator(c)) return i + 1;
    if (!has_text) return npos;
    if (is_emoji_terminator(c) || in_symbol_list(i)) {
      std::size_t k = i + 1;
      while (k < n && (is_emoji_part(cps_[k].c) || in_symbol_list(k))) ++k;
      if (is_rating(i, k)) return npos;  // 総合評価 ★★★★☆ 4.1, 評価：☆3つ
      if (k < n) {
        std::string_view rest = line_.substr(cps_[k].at);
        if (starts_with_entry(rest, *sections_.particles)) return npos;  // 🦑をやっとる
        // A noun, an emoji, then the copula or する: 旅行👨‍👩‍👧‍👦しました, 最高🌈でした. After an
        // inflected word (kana) the emoji ends it: 楽しかった😊しかも….
        if (i > start && !text::hiragana_word(prev) && starts_with_entry(rest, *sections_.predicates)) return npos;
      }
      return k;
    }
    if (c == U'^' || c == U'＾') {  // ^^ ＾＾ ^_^
      std::size_t k = i, carets = 0;
      while (k < n && (cps_[k].c == U'^' || cps_[k].c == U'＾' || cps_[k].c == U'_' || cps_[k].c == U'＿')) {
        carets += cps_[k].c == U'^' || cps_[k].c == U'＾';
        ++k;
      }
      return carets >= 2 ? k : npos;
    }
    if ((c == U'w' || c == U'ｗ') && prev && !is_ascii_alnum(prev) && is_wordlike(prev)) {  // 草: 楽しかったw
      std::size_t k = i;
      while (k < n && (cps_[k].c == U'w' || cps_[k].c == U'ｗ')) ++k;
      if (k >= n || is_space(cps_[k].c) || (!is_ascii_alnum(cps_[k].c) && is_wordlike(cps_[k].c))) return k;
      return npos;
    }
    return npos;
  }

  // Extends a terminator run over further terminators, emoji, closing brackets left open and
  // faces: 。」 ！？ ♪! (笑) ＼(^o^)／.
  std::size_t absorb(std::size_t e, bool after_face) const {
    std::size_t n = cps_.size();
    while (e < n) {
      char32_t c = cps_[e].c;
      if (is_protected(e)) break;
      // Arms and the half-width sound effects that go with a face: ＼(^o^)／ (｀・ω・´)ｷﾘｯ
      if (after_face && (is_arm(c) || (c >= 0xFF66 && c <= 0xFF9F))) {
        ++e;
        continue;
      }
      after_face = false;
      if ((is_terminator(c) && c != U'.') || c == U'・' || c == U'･' || is_emoji_part(c) || in_symbol_list(e) ||
          (closes(c) && !closes_[e]) || c == U'^' || c == U'＾') {
        ++e;
        continue;
      }
      if (c == U'.' && (e + 1 >= n || !is_alnum_like(cps_[e + 1].c))) {
        ++e;
        continue;
      }
      // Laughter after the ending belongs to it: すごい！！！ww, 本当？ｗｗｗ (not a word: !wow).
      if ((c == U'w' || c == U'ｗ') && e > 0 && is_terminator(cps_[e - 1].c)) {
        std::size_t k = e;
        while (k < n && (cps_[k].c == U'w' || cps_[k].c == U'ｗ')) ++k;
        char32_t next = k < n ? cps_[k].c : 0;
        if (!is_ascii_alpha(next) && !(next >= U'Ａ' && next <= U'ｚ')) {
          e = k;
          continue;
        }
      }
      if (match_[e] != kNoMatch && opens(c) == 1 && is_emoticon_group(e, match_[e])) {
        e = match_[e] + 1;
        after_face = true;
        continue;
      }
      break;
    }
    return e;
  }

  // Whether a sentence ends before index e (no quotative continuation follows).
  bool boundary_at(std::size_t e) const {
    if (e >= cps_.size()) return true;
    std::string_view rest = line_.substr(cps_[e].at);
    if (starts_with_entry(rest, starts_)) return true;
    return !starts_with_entry(rest, continuations_);
  }

 private:
  // Whether the marks [i, k) are a rating, not an ending: stars only, filled and hollow mixed
  // (★★★☆☆) or followed by a number (☆3つ, ★★★★★ 5.0). Stars of one kind before words
  // (楽しかった☆また行きたい) end the sentence.
  bool is_rating(std::size_t i, std::size_t k) const {
    bool filled = false, hollow = false;
    for (std::size_t j = i; j < k; ++j) {
      char32_t c = cps_[j].c;
      if (c == U'★') filled = true;
      else if (c == U'☆') hollow = true;
      else return false;
    }
    if (filled && hollow) return true;
    std::size_t j = k;
    while (j < cps_.size() && (cps_[j].c == U' ' || cps_[j].c == U'\u3000')) ++j;
    return j < cps_.size() && ((cps_[j].c >= U'0' && cps_[j].c <= U'9') || (cps_[j].c >= U'０' && cps_[j].c <= U'９'));
  }

  bool in_symbol_list(std::size_t i) const {
    if (cps_[i].c < 0x2000 || (cps_[i].c >= 0x3000 && cps_[i].c < 0xA000)) return false;  // kana, kanji
    std::string_view at = line_.substr(cps_[i].at);
    std::size_t len = (i + 1 < cps_.size() ? cps_[i + 1].at : line_.size()) - cps_[i].at;
    for (auto& e : *sections_.symbols)
      if (e.pattern.size() == len && at.substr(0, len) == e.pattern) return true;
    return false;
  }

  // Whether a domain label or a file extension starts at k: lowercase ASCII letters (two to six:
  // com, jp, tokyo, pdf), maybe more labels after a period (co.jp), then no letter, digit, '-'
  // or '_'. After a Japanese word, a period before one is inside a name, not a full stop.
  bool lowercase_suffix_at(std::size_t k) const {
    std::size_t n = cps_.size();
    for (;;) {
      std::size_t start = k;
      while (k < n && cps_[k].c >= U'a' && cps_[k].c <= U'z') ++k;
      if (k - start < 2 || k - start > 6) return false;
      if (k + 1 < n && cps_[k].c == U'.' && cps_[k + 1].c >= U'a' && cps_[k + 1].c <= U'z') {
        ++k;
        continue;
      }
      return k >= n || !(is_ascii_alnum(cps_[k].c) || cps_[k].c == U'-' || cps_[k].c == U'_');
    }
  }

  const std::vector<RuleEntry>& starts_ = *sections_.starts;
  const std::vector<RuleEntry>& continuations_ = *sections_.continuations;
};

}  // namespace jatei::seg::split
