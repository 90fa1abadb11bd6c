// What the factuality rules share about one sentence (internal to the claims stage): its
// normalised text and landmarks, and the cues found in it before the decision.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "claims/predicate.hpp"
#include "jatei/claims.hpp"

namespace jatei::claims {

// The normalised sentence and its landmarks.
struct Sent {
  Normalised norm;
  std::string_view n;
  std::size_t body = 0;      // after a speaker label, a dash or a list mark
  std::size_t core_end = 0;  // before trailing punctuation, emoji, (笑), kaomoji
  bool qmark = false;        // the trailing run holds ? (a question mark that ends the sentence)
  std::string label;         // a speaker label at the start (司会, 記者, Q, 森), without its marks
  bool dash_label = false;   // the interviewer's dash (――) at the start
  Predicate pred;            // the final predicate (analysed when the sentence has one)
  Predicate pred2;           // a clause coordinated with it, when that one decided
  bool excl = false;         // … or !
  bool wholly_quoted = false;  // the sentence is one quotation 「…」: body and core_end are inside it
  // Matched bracket pairs [open, close] (byte offsets of the brackets).
  std::vector<std::pair<std::size_t, std::size_t>> quotes, parens;

  bool in_quote(std::size_t i) const {
    for (auto& [a, b] : quotes)
      if (a < i && i < b) return true;
    return false;
  }
  bool in_paren(std::size_t i) const {
    for (auto& [a, b] : parens)
      if (a < i && i < b) return true;
    return false;
  }
};

struct RawHit {
  std::size_t b = 0, e = 0;  // normalised offsets
  Category cat = Category::fact;
  double strength = 0;
  std::string kind;
  std::string expression;
  bool at_end = false;
  bool governs = false;
  bool dropped = false;
  bool grammar = false;  // decided by the predicate analysis: governs is already set
  std::string note;
};


// The sentence, before offset upto, is framed by a text that lays down rules (この規則では、
// 条例により、第5条で: a `ruletext` noun, then では/で/により/によって/において/上): what it says
// there with とされる is that text's provision, a rule.
bool rule_text_frame(const Sent& s, const Lexicon& lex, std::size_t upto);

// The hits the final predicate decides (predicate.hpp), from the categories of the lexicon:
// reported speech and hearsay, thinking and estimating, epistemic nouns, modal auxiliaries,
// questions and requests. Each is appended with governs set and a note saying why.
// subordinate: p is a clause before the main one (…と聞いたので、), analysed for what it reports.
void grammar_hits(const Sent& s, const Predicate& p, const Lexicon& lex, bool wh, std::vector<RawHit>& hits,
                  bool subordinate = false);

}  // namespace jatei::claims
