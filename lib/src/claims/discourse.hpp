// What the passes of the claims stage over a whole document share (internal to the stage):
// the sentences in document order with where each stands, and what each pass decides about
// them. annotate.cpp runs the passes in order:
//
//   turns.cpp        which turns ask, which sentences are steps of a procedure (context)
//   annotate.cpp     each sentence classified on its own (factuality.cpp), then the sentences of
//                    a quotation block its introducer introduces
//   quotations.cpp   words voiced by someone the text names: an embedded post, an introduced
//                    paragraph, a quotation pointed back at, the paragraphs under a statement
//   annotate.cpp     sentences a hedge after them covers
//   markup.cpp       cues, dates, numbers, names, the source of each reported sentence, @ana
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "jatei/claims.hpp"
#include "jatei/document.hpp"

namespace jatei::claims {

// A sentence of the document and where it stands.
struct Ref {
  Sentence* s;
  const Division* div;
  const Turn* turn;
  const Block* block;
  const Leaf* leaf;
  std::size_t leaf_no;  // document order of the leaf
};

// The sentences of the document (translations left out) and what the passes decide.
struct Pass {
  std::vector<Ref> refs;
  std::vector<Normalised> norms;             // each sentence normalised once, for every finder
  std::vector<Decision> decisions;           // its category and why
  std::vector<std::ptrdiff_t> voiced_by;     // the sentence that names whose words it is, or -1
  std::vector<std::string> covered_by;       // the id of the hedge after it that covers it
  std::vector<std::string> sources;          // @source: who said it

  std::size_t size() const { return refs.size(); }
  // Marks sentence k as words of someone's that sentence `by` names.
  void voice(std::size_t k, std::size_t by, std::string rule) {
    Decision& d = decisions[k];
    d.category = Category::reported;
    d.rule = std::move(rule);
    d.decisive.clear();
    voiced_by[k] = static_cast<std::ptrdiff_t>(by);
  }
};

// Whether a hearsay noun or a noun of what is voiced, as the sentence's subject, decided it
// (…との報告があった, …との声が上がった): what comes before the noun is what is reported, not who
// reports it (markup.cpp: the source; quotations.cpp: the list item it covers).
inline bool said_by_a_noun(const Decision& d) {
  for (std::size_t i : d.decisive) {
    const std::string& note = d.hits[i].note;
    if (note.starts_with("a hearsay noun as the subject") || note.starts_with("という/との + a noun")) return true;
  }
  return false;
}

// turns.cpp: which sentences are in a turn that asks (the person's role in particDesc, the
// turn's label, or the label at the start of the paragraph: ――, Q., 司会：).
std::vector<char> asking_turns(const Document& doc, const Pass& pass, const Lexicon& lex);
// turns.cpp: the sentences under a heading of a procedure (作り方, 手順), up to the next one.
// `under`: whether the sentences before `pass` (an earlier part of the document) were under one,
// updated for the next part.
std::vector<char> procedure_steps(const Pass& pass, const Lexicon& lex, bool& under);

// quotations.cpp: a heading's last sentence (normalised) that may ask: it ends in ? or か.
bool may_ask(std::string_view n);
// quotations.cpp: the footer of an embedded post (— 名前 (@handle) 日付).
bool post_footer(std::string_view n);
// quotations.cpp: the words the text gives as someone's (voiced_by set, decisions reported).
void voiced_quotations(Pass& pass, const Lexicon& lex);
// quotations.cpp: whether a division whose first leaf (in a block of `kind`) has the sentences
// `first` (normalised) starts apart from what precedes it: no pass reaches across its start,
// so the divisions before it can be annotated without it (Parts).
bool starts_apart(BlockKind kind, const std::vector<Normalised>& first);

// The caches of what depends on a sentence alone, kept from one part of a document to the next
// (Parts): its decision in a context (two caches, the key saying which: classify_all), its
// numbers and names.
using DecisionCache = std::unordered_map<std::string, Decision>;
using MentionCache = std::unordered_map<std::string, std::pair<std::vector<Mention>, std::vector<Mention>>>;

// markup.cpp: removes what an earlier run of this stage added; returns the other @ana tokens.
std::vector<std::string> strip_own(Sentence& s);
// markup.cpp: the cues, dates, numbers and names of every sentence, its @ana, and the source
// of what it reports (the words of a post or an introduced quotation: their introducer's).
// page: the year and month of the page's dateline (DateContext's page_year and page_month), once
// met, carried from one part to the next.
void mark_up(Pass& pass, const Document& doc, const Gazetteer& gaz, const Lexicon& lex,
             const std::vector<std::vector<std::string>>& other_tokens, bool use_cache, MentionCache& cache,
             DateContext& page);

}  // namespace jatei::claims
