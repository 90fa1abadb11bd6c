// jatei-terms: terms from termbases and glosses the article gives itself.
//
//   auto tb = std::make_shared<const jatei::tbx::Termbase>(jatei::tbx::read_file(path));
//   jatei::terms::Annotator a({tb});                 // compiles the termbases once
//   jatei::terms::Report r = a.annotate(doc);        // <term>, <gloss>, notes, <application>
//   for (auto& row : r.glossary) std::cout << row.japanese << '\t' << row.english << '\n';
//
// What it writes into the document (schemas/jatei.rng; the elements in schemas/README.md):
//   <term xml:id="t3" ref="ja-en-ai.tbx#c12">蒸留</term>(<gloss target="#t3" xml:lang="en">Distillation</gloss>)
//   <gloss target="#t5" xml:lang="ja" type="synonym">知識</gloss>  for a Japanese gloss of a Japanese phrase
// and a header note (type "terminology") for each term glossed or translated two ways.
//
// Matching is longest-leftmost over a normalised view of each sentence (NFKC, width, case of
// Latin letters, long-vowel and middle-dot variants, ヴ spellings) with a map back to the
// original bytes, by one Aho–Corasick automaton over every term of every termbase: linear in
// the text, whatever the number of terms. Latin-script terms match only on word boundaries
// (no AI inside OpenAI); Japanese terms match inside compounds (推論 in 推論能力). A term that
// would cross markup another stage made is skipped (and explained). The stage owns the <term>
// and <gloss> elements it wrote (term ids t1, t2, …): a second run removes them first and
// gives the same bytes, reusing the ids of terms that are still found.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "jatei/document.hpp"
#include "jatei/tbx.hpp"

namespace jatei::terms {

// ------------------------------------------------------------------------------------------
// Normalised view with an offset map (lib/src/terms/normalize.cpp)
// ------------------------------------------------------------------------------------------

// The normalised text of a string, and for each of its bytes where the original character(s)
// it came from begin and end. A normalised range maps back only when it starts and ends on
// the boundary of an original character (`maps`): a match never splits a source character
// (e.g. the 株式会社 that NFKC makes of ㍿ is matched whole or not at all). The map is kept as
// runs (a few a sentence, not a few bytes a byte: a sentence of millions of characters, one
// line with no terminator, has a map of the size of its changes): a run of characters copied
// unchanged, one after the other, or one character alone with its own range.
struct NormalView {
  static constexpr std::uint32_t none = 0xFFFFFFFFu;
  struct Run {
    std::uint32_t out;   // its first byte in `text` (it lasts until the next run's)
    std::uint32_t b, e;  // copied: where its first character begins in the original; alone: the character's range
    bool copy;           // characters copied unchanged (b + offset), or one character alone
    bool can_begin, can_end;
  };
  std::string text;
  std::vector<Run> runs;
  // Original begin of byte `nb` if a range may start there, else none.
  std::uint32_t begin_at(std::size_t nb) const;
  // Original end if a range may end after byte `nb`, else none.
  std::uint32_t end_at(std::size_t nb) const;
  // Original [b, e) of normalised [nb, ne); false when it does not map to whole characters.
  bool map(std::size_t nb, std::size_t ne, std::size_t& b, std::size_t& e) const;

 private:
  const Run& run_at(std::size_t nb) const;
};

// Builds the view (reusing `out`'s buffers). Folds, after NFKC: Latin letters to lower case;
// whitespace runs to one space; ヴァ ヴィ ヴェ ヴォ ヴ to バ ビ ベ ボ ブ; a hyphen or dash after
// katakana to ー; a word-final ー after three or more katakana is dropped (サーバー = サーバ);
// ・ ･ · ゠ = between katakana are dropped (ニューラル・ネットワーク = ニューラルネットワーク).
// The text is read a stretch of about `stretch` bytes at a time (the working memory besides the
// view is that of a stretch); the view is the same for any stretch.
inline constexpr std::size_t kNormalStretch = 64 * 1024;
void normalize(std::string_view text, NormalView& out, std::size_t stretch);
void normalize(std::string_view text, NormalView& out);
NormalView normalize(std::string_view text);
// Just the normalised text (the key a termbase term is indexed by).
std::string normalize_key(std::string_view text);

// How the matcher and the gloss finder group the text layer's classes (jatei/text.hpp): ー and
// the voicing marks go with katakana (a loanword goes on through them); brackets, terminators
// and the ASCII symbols and controls are punct; symbols, emoji, marks and the letters of other
// scripts are other.
enum class CharClass { latin, digit, hiragana, katakana, kanji, space, punct, other };
CharClass classify(char32_t c);
bool is_word_char(char32_t c);  // Latin letter or digit: Latin terms need a boundary of these

// ------------------------------------------------------------------------------------------
// Aho–Corasick automaton over UTF-8 bytes (lib/src/terms/match.cpp)
// ------------------------------------------------------------------------------------------

class Matcher {
 public:
  struct Match {
    std::size_t begin, end;  // byte offsets in the scanned text
    std::uint32_t value;
  };
  // Adds a key (non-empty) with a value; build() before scanning.
  void add(std::string_view key, std::uint32_t value);
  void build();
  // Every occurrence of every key, in order of end offset.
  void scan(std::string_view text, std::vector<Match>& out) const;
  std::size_t keys() const { return keys_.size(); }
  std::size_t states() const { return depth_.size(); }

 private:
  std::uint32_t step(std::uint32_t s, unsigned char b) const;
  std::uint32_t child(std::uint32_t s, unsigned char b) const;
  std::vector<std::pair<std::string, std::uint32_t>> keys_;
  std::vector<std::uint32_t> root_;        // 256 entries
  std::vector<std::uint32_t> edge_begin_;  // per state, into edge_byte_/edge_to_ (size states+1)
  std::vector<unsigned char> edge_byte_;
  std::vector<std::uint32_t> edge_to_;
  std::vector<std::uint32_t> fail_, out_, dict_, depth_;
  bool built_ = false;
};

// Longest-leftmost choice among matches: sorted by start, then the longest first; a match is
// taken when it starts at or after the end of the last one taken.
std::vector<Matcher::Match> longest_leftmost(std::vector<Matcher::Match> matches);

// ------------------------------------------------------------------------------------------
// Glosses in the text (lib/src/terms/gloss.cpp)
// ------------------------------------------------------------------------------------------

struct FoundGloss {
  enum class Form { parenthetical, reverse, apposition };
  Form form = Form::parenthetical;
  std::size_t term_begin = 0, term_end = 0;    // the term X (byte offsets in the sentence)
  std::size_t gloss_begin = 0, gloss_end = 0;  // its gloss Y
  bool synonym = false;        // a Japanese gloss of a Japanese phrase
  bool acronym = false;        // the gloss is an acronym (PQC, NIST)
  double transliteration = 0;  // how well a katakana term's romanisation fits its gloss
  // How sure the pair is, 0..1, from what the two sides say of each other: a katakana term
  // by how well its reading fits the gloss; an acronym by how many words its Japanese name has
  // for its capitals; an English phrase by its content words against the Japanese words; a
  // one-word translation the text states, 0.85; less for the reverse form and apposition, a
  // looser way of stating a gloss. A pair of two unrelated words stays under 0.6.
  double confidence = 0;
  std::string reason;          // how the term's left edge was found (--explain)
};

// Glosses under this confidence are not marked (jatei-terms --explain lists them): what the
// two sides say of each other does not make them a pair.
inline constexpr double kMinGlossConfidence = 0.6;

// Whether a phrase (as written) is a termbase term; lets a Japanese gloss count as a synonym.
using TermLookup = std::function<bool(std::string_view)>;

// Every gloss in one sentence: X(Y), X（Y）, the reverse Y(X), XつまりY, X、すなわちY.
std::vector<FoundGloss> find_glosses(std::string_view sentence, const TermLookup& is_term = {});

// Where the noun phrase that ends at byte `end` begins: the start of its 「」 quote, else back
// over ICU words that hold kanji, katakana or Latin letters, stopping at particles (hiragana
// words), punctuation, spaces and the function words of gloss.rules [stop-word].
std::size_t term_left_edge(std::string_view sentence, std::size_t end, std::string* reason = nullptr);

// ------------------------------------------------------------------------------------------
// Katakana loanwords (lib/src/terms/translit.cpp)
// ------------------------------------------------------------------------------------------

// ICU Katakana-Latin, then Latin-ASCII: ベースモデル -> "besumoderu".
std::string romanize(std::string_view katakana);
// How well a katakana word fits an English word or phrase, 0..1, by comparing consonant
// skeletons of the romanisation and of the English spelling (ベースモデル / base model = 1).
double loanword_similarity(std::string_view katakana, std::string_view english);
// The two halves of loanword_similarity, for comparing one word against many.
std::string katakana_skeleton(std::string_view katakana);
std::string english_skeleton(std::string_view english);
double skeleton_similarity(const std::string& katakana_skeleton, const std::string& english_skeleton);

// ------------------------------------------------------------------------------------------
// The stage
// ------------------------------------------------------------------------------------------

// One row of the document's glossary (--list).
struct GlossaryRow {
  std::string japanese;        // as first written in the document
  std::string english;         // the termbase's English, or the gloss
  std::size_t count = 0;       // occurrences marked
  std::string first_sentence;  // xml:id of the first sentence it occurs in
  std::string source;          // "termbase", "text" or "termbase+text"
  std::string ref;             // termbase pointer(s), space-separated
};

// A pair for a terminologist to review (--candidates).
struct Candidate {
  std::string japanese, english;
  std::string kind;            // "gloss", "acronym", "reverse", "apposition", "loanword"
  std::string sentence_id, sentence;
  double confidence = 1.0;     // FoundGloss::confidence for glosses; the similarity for loanwords
  std::string romanized;       // loanwords: the romanisation compared
};

// A term rendered two ways in one document.
struct Inconsistency {
  std::string japanese;
  struct Rendering {
    std::string english;
    std::string how;                  // "glossed" or "translated"
    std::vector<std::string> where;   // term ids
  };
  std::vector<Rendering> renderings;
  std::string message() const;        // one line, English
};

struct Report {
  std::vector<GlossaryRow> glossary;
  std::vector<Candidate> candidates;
  std::vector<Inconsistency> inconsistencies;
  std::vector<std::string> explanations;  // one line each, "s25: …"
  std::size_t terms = 0, glosses = 0;
};

struct Options {
  bool explain = false;        // collect explanations in Report::explanations
  bool candidates = true;      // compute Report::candidates (loanword matching costs a little)
  // A termbase term written in three characters or fewer (学習, 推論, 蒸留, モデル) is an everyday
  // word too: it is marked only where the document shows its subject field (another term of the
  // field written longer, 事前学習, or a gloss in the text of one of them). false: every match.
  bool domain_gate = true;
};

// The compiled termbases. Const after construction and safe to share between threads.
class Annotator {
 public:
  // Termbases in order; a later one's entry wins where two give the same Japanese term.
  explicit Annotator(std::vector<std::shared_ptr<const tbx::Termbase>> termbases);
  ~Annotator();
  Annotator(const Annotator&) = delete;
  Annotator& operator=(const Annotator&) = delete;

  // Annotates in place (removing this stage's earlier markup first) and adds <application>.
  Report annotate(Document& doc, const Options& options = {}) const;

  // Whether a phrase is a Japanese term of a termbase (after normalisation).
  bool is_term(std::string_view text) const;
  std::size_t term_count() const;
  const std::vector<std::shared_ptr<const tbx::Termbase>>& termbases() const;

  // The annotator for the default termbase (loaded once; empty when none is found).
  static const Annotator& default_instance();

 private:
  struct Impl;
  class Run;  // one document through annotate() or Parts

 public:
  // annotate() on a document read twice a few divisions at a time (issue 15: what is held is a
  // part, and of the rest only the sentences with terms or glosses): survey() each part of a
  // first read, then header() and annotate() each part of a second, in the same order, then
  // finish(). The bytes and the report are annotate()'s on the whole document.
  class Parts {
   public:
    Parts(const Annotator& annotator, const Options& options);
    ~Parts();
    void survey(Document& part);
    void header(Document& doc);
    void annotate(Document& part);
    Report finish();

   private:
    Options options_;
    std::unique_ptr<Run> run_;
    bool settled_ = false;
  };

 private:
  std::unique_ptr<Impl> impl_;
};

// The team's termbase: $JATEI_DATA_DIR/termbase/ja-en-ai.tbx, else share/jatei/termbase beside
// an installed binary, else the source tree's corpora/termbase, else the install path. Empty
// when none exists.
std::string default_termbase_path();

// The candidates as a TBX-Basic termbase (concept ids cand1, cand2, …), each Japanese term
// with its sentence as context and the document as source.
tbx::Termbase candidates_termbase(const std::vector<Candidate>& candidates, const std::string& document);

// The glossary as TSV with a header line.
std::string glossary_tsv(const std::vector<GlossaryRow>& rows);

// The stage's name in <application>.
inline constexpr const char* kApplication = "jatei-terms";

}  // namespace jatei::terms
