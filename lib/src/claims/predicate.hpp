// The final predicate of a sentence, analysed with MeCab (text/morph.hpp): what a string cue list
// cannot see. Only the tail of the sentence is analysed: the final clause, up to the closing
// bracket of a quotation before it, at most about thirty characters (cut where a word starts),
// so the cost stays a fraction of analysing the whole text.
//
// The tail is cut into chunks (文節): one content word or compound (可能+性, 発表+する,
// 明らか+に+する) with the function words after it (particles, auxiliaries, non-independent
// verbs and nouns). The last chunk with a content word is the predicate; what its function
// words say is read into flags (voice, negation, tense, politeness, aspect) and modal marks
// (だろう conjecture, らしい/そうだ after the plain form hearsay, そうだ after a stem
// appearance, ようだ inference, かもしれない possibility, はず/に違いない certainty, ...), its
// sentence-final particles kept (か, かな, かしら, ね, よ, って). Before it: the chunk that ends
// in a quotative particle (と, って, とか, などと, with も/は/だけ/まで after it; after a closing
// bracket or not; and what precedes the particle: a plain form, a volitional, a noun), and the
// subject (が/は/も) and object (を) chunks.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/morph.hpp"

namespace jatei::claims {

// The morphemes of the text layer's MeCab wrapper.
using text::analyse_morphs;
using text::Morph;
using text::Pos;

struct Chunk {
  std::size_t first = 0, last = 0;            // morphs [first, last)
  std::size_t content_end = 0;                // morphs [first, content_end) are the content word
  std::string lemma;                          // 可能性, 発表する, 明らかにする, 言う, 見通し
  std::string surface;                        // the content word as written, with its prefixes
  enum class Kind { noun, verb, adjective, adverb, symbol, other } kind = Kind::other;
  std::string tail;                           // the function words after the content, as written
  std::string particle;                       // the last particle of the chunk (が, を, と, という, …), "" if none
  bool quotative = false;                     // ends in a quotative particle (と, って, とか, などと, という, との, …)
  std::string quote_particle;                 // the quotative particle itself (と, って, という, …)
  std::string focus;                          // も/は/だけ/まで after the quotative particle
};

enum class Modal {
  conjecture,   // だろう, でしょう, であろう
  hearsay,      // らしい / そうだ after a plain form; sentence-final って; とのこと; という
  appearance,   // a verb stem + そうだ (降りそうだ)
  impression,   // an adjective stem + そうだ (おいしそうだ)
  inference,    // ようだ, みたいだ
  possibility,  // かもしれない, かも
  certainty,    // はず, に違いない, に決まっている, に相違ない
  risk,         // かねない
  potential,    // a stem + 得る/うる (起こり得る)
  question,     // か, かな, かしら, の？ at the end
  wonder,       // かな, かしら (asks or hedges)
  volitional,   // う/よう (しよう)
  request,      // てください, ていただけますか, てもらえますか
  wish,         // たい, てほしい
  explanatory,  // のだ, んです
  agreement,    // でしょ？, じゃん
  negation_question,  // ではないか, じゃないか, のではないか
  obligation,   // …ないと, なきゃ
};

struct ModalMark {
  Modal what;
  std::size_t begin = 0, end = 0;  // offsets in the sentence's normalised text
  std::string note;
};

struct Predicate {
  bool found = false;
  std::size_t begin = 0, end = 0;      // the analysed window in the sentence's normalised text
  std::vector<Morph> morphs;           // offsets relative to the sentence's normalised text
  std::vector<Chunk> chunks;
  int head = -1;                       // the predicate chunk
  bool passive = false, causative = false, negative = false, past = false, polite = false, progressive = false,
       potential = false, experience = false, honorific_request = false,
       prohibition = false;            // a request not to: 開けないでください, 押さないでね, 走らないように
  std::vector<ModalMark> marks;
  std::string finals;                  // the sentence-final particles, as written (ね, よ, か, かな, って…)
  std::string s_tail;                  // the predicate chunk's function words, as written
  int quote = -1;                      // chunk ending in the quotative particle before the predicate
  bool quote_after_bracket = false;    // 」と
  bool quote_after_volitional = false; // しようと(する): not a quotation
  bool quote_after_noun = false;       // 原因と(みられる)
  bool quote_after_wish = false;       // たいと(思う): an intention
  bool quote_attributive = false;      // 「…」という(見出し): the quotation describes a noun
  bool comma_before_quote = false;     // …しない、と(述べた): a comma before the particle, dropped
  int subject = -1, object = -1;       // chunks with が/は/も and を before the predicate
  int complement = -1;                 // chunk with に before the predicate (うわさに なる)

  const Chunk* head_chunk() const { return head >= 0 ? &chunks[head] : nullptr; }
  bool has(Modal m) const {
    for (auto& x : marks)
      if (x.what == m) return true;
    return false;
  }
  const ModalMark* mark(Modal m) const {
    for (auto& x : marks)
      if (x.what == m) return &x;
    return nullptr;
  }
  // Byte range of chunk k's content word in the sentence's normalised text.
  std::size_t chunk_begin(int k) const { return morphs[chunks[k].first].begin; }
  std::size_t chunk_end(int k) const { return morphs[chunks[k].last - 1].end; }
};

// Where the analysis window of the sentence's core [body, core_end) begins.
std::size_t predicate_window(std::string_view n, std::size_t body, std::size_t core_end);

// Analyses n[begin, end) (NFKC text of one sentence). Thread-safe.
Predicate analyse_predicate(std::string_view n, std::size_t begin, std::size_t end);

// One line for --explain: the window, its chunks, the predicate and what hangs on it.
std::string describe(const Predicate& p, std::string_view n);

std::string_view to_string(Modal m);

// Whether a verb's inflection ends in a concessive or conditional (言われても, 言えば,
// 言われたら, 言うなら): the clause it ends hangs on the main predicate.
bool conditional_tail(std::string_view tail);

}  // namespace jatei::claims
