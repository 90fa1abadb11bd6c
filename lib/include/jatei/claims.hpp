// jatei-claims: the factuality of every sentence (fact, speculation, reported speech, question,
// opinion, other), the cue that decided it, and the checkable details a fact-checker needs:
// dates, numbers, money and names, marked and normalised.
//
//   jatei::claims::annotate(doc);                          // built-in lexicon and gazetteer
//
//   auto d = jatei::claims::classify("おそらく初めてだからです。", {}, jatei::claims::Lexicon::builtin());
//   // d.category == Category::speculation, d.hits[0] is おそらく
//
//   auto m = jatei::claims::find_numbers("80兆円");
//   // m[0]: <measure type="currency" quantity="80000000000000" unit="JPY">
//
// Data files (lib/data/claims/, installed to share/jatei/claims, compiled in; the environment
// variable JATEI_DATA_DIR names a folder whose claims/ files are read instead):
//   cues.tsv        expression TAB class[/kind] TAB strength TAB notes
//   categories.tsv  the same columns; the expression a dictionary form and the kind a category
//                   (speech, hearsay, think, estimate, denial, manner, stance, rumour, spread,
//                   epistemic, likely, adverb): the words the predicate analysis looks up
//   names.tsv       surface TAB element[/type] TAB notes
//   entities.tsv    list TAB word TAB detail: the titles, credit labels, organisation suffixes
//                   and other words the name finder looks for around a name (JATEI_DATA_DIR only)
// Users extend them with --lexicon / --gazetteer files in the same format; a line whose
// expression starts with '-' removes an entry.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jatei/document.hpp"

namespace jatei::claims {

inline constexpr const char* kIdent = "jatei-claims";

// ------------------------------------------------------------------------------------------
// Normalisation: matching happens on an NFKC copy; offsets map back to the source bytes.
// ------------------------------------------------------------------------------------------

struct Normalised {
  std::string text;  // NFKC of the source
  // Where byte b of text came from: the source offset where its segment starts, and where it
  // ends (b < text.size()).
  std::size_t begin_of(std::size_t b) const;
  std::size_t end_of(std::size_t b) const;
  // Source byte range of the normalised range [b, e) (b < e <= text.size()).
  std::pair<std::size_t, std::size_t> source(std::size_t b, std::size_t e) const;

  // The map, a run of text at a time (a few a sentence, not two offsets a byte): from `out` to
  // the next run's, text came from source [src_begin, src_end); `copied`: those bytes are the
  // source's own, each character a segment of its own; otherwise one segment, all of it.
  struct Run {
    std::uint32_t out = 0, src_begin = 0, src_end = 0;
    bool copied = false;
  };
  std::vector<Run> runs;
};

// NFKC-normalises UTF-8 text segment by segment, recording where each output byte came from.
// Spans mapped back always fall on character boundaries of the source.
Normalised normalise(std::string_view source);

// ------------------------------------------------------------------------------------------
// The taxonomy
// ------------------------------------------------------------------------------------------

enum class Category { fact, speculation, reported, question, opinion, other };

// "fact", "speculation", … (the xml:id of the category in the header's taxonomy).
std::string_view to_string(Category c);
std::optional<Category> category_from(std::string_view name);

// The header taxonomies jatei-claims declares: "factuality" (the six categories) and
// "checking" (checkworthy).
std::vector<Taxonomy> taxonomies();

// ------------------------------------------------------------------------------------------
// Cue lexicon
// ------------------------------------------------------------------------------------------

// One line of cues.tsv. `cls` is a category name or "none" (an entry that blocks shorter cues,
// or a word list used by a rule); `kind` refines how the cue is used:
//   (empty)     a predicate ending: decides only when it heads the main clause
//   adverb      governs its sentence wherever it stands (おそらく, によると)
//   np          a noun phrase (という声, との見方) that decides as the subject of the last clause
//   think       a verb of thinking (と思います): speculation, or opinion over an evaluation
//   plain       must follow the plain form of a predicate (らしい, としている)
//   quote       「…」と: a direct quotation followed by a verb of saying
//   agreement, intention, request, greeting, rule, evaluative, interjection: named uses
//   qword, hedgenoun, speechverb, rulenoun, prefix: word lists the rules read (class none)
// `^` before the expression anchors it at the start of the sentence, `$` after it at the end.
struct Cue {
  std::string expression;  // NFKC, without anchors
  std::string cls;
  std::string kind;
  double strength = 0;
  std::string notes;
  bool at_start = false;
  bool at_end = false;
  std::string origin;  // file name
  std::size_t line = 0;
};

class Lexicon {
 public:
  Lexicon();
  Lexicon(const Lexicon& other);             // copies re-index their own entries
  Lexicon& operator=(const Lexicon& other);
  Lexicon(Lexicon&&) noexcept = default;
  Lexicon& operator=(Lexicon&&) noexcept = default;
  // The shipped cues.tsv and categories.tsv (compiled in), or $JATEI_DATA_DIR/claims/cues.tsv
  // and categories.tsv where those exist.
  static const Lexicon& builtin();
  // Parses cues.tsv text; throws DataError naming origin and line for malformed lines.
  static Lexicon parse(std::string_view text, const std::string& origin);
  void merge(const Lexicon& other);
  // Reads and merges a user file (IoError when it cannot be read).
  void merge_file(const std::string& path);

  const std::vector<Cue>& cues() const { return cues_; }
  // The entry of a category (categories.tsv: speech, think, epistemic, …) for a dictionary
  // form, or nullptr.
  const Cue* word(std::string_view kind, std::string_view lemma) const;
  // Entries of a kind (qword, hedgenoun, …), in file order.
  const std::vector<const Cue*>& of_kind(std::string_view kind) const;
  // Every entry matching normalised text at byte i, longest first (cue entries only: the
  // word lists are not returned). The second form reuses the caller's vector.
  std::vector<const Cue*> match_at(std::string_view text, std::size_t i) const;
  void match_at(std::string_view text, std::size_t i, std::vector<const Cue*>& out) const;

 private:
  void index();
  std::vector<Cue> cues_;
  std::vector<std::string> removals_;
  struct Trie;
  std::shared_ptr<const Trie> trie_;
};

// ------------------------------------------------------------------------------------------
// Factuality of one sentence
// ------------------------------------------------------------------------------------------

// Where a sentence stands: its block and division kinds, and whether it is inside a <quote>
// that the text introduces as someone's words (以下のように語っています).
struct SentenceContext {
  std::string block = "paragraph";  // paragraph | list | quote | figure | trailer | byline | head
  std::string division = "article"; // article | dialogue | summary | author | boilerplate
  bool introduced_quote = false;
  // The turn asks: its speaker interviews or moderates (<person role="interviewer|moderator">
  // in particDesc, a `――`/`Q.` label, or a label such as 司会 or 記者). An elliptical
  // `…は。` or a request for information there is a question.
  bool asker = false;
  // The sentence stands under a heading of a procedure (作り方, 手順, ### …の設定): a step told
  // in the polite present (…にします) is an instruction.
  bool procedure = false;
  // The sentence is in a spoken turn (someone's words to the others present): a noun with
  // ではないでしょうか there is put to them as a question; in prose it hedges.
  bool spoken = false;
  // The sentence is in a heading that may ask (ending in ？ or か) next to another such heading
  // (the nearest heading before or after it): the page's FAQ, whose polite questions ask.
  bool faq = false;
};

// Whether a speaker label or role names someone who asks (司会, 聞き手, 記者, Q, interviewer,
// moderator): the lexicon's `asker` words.
bool asks(std::string_view label_or_role, const Lexicon& lexicon);

// A cue found in a sentence. Offsets are source bytes of the sentence text.
struct CueHit {
  std::size_t begin = 0;
  std::size_t end = 0;
  Category category = Category::fact;
  double strength = 0;
  std::string kind;
  std::string expression;  // the lexicon entry, or the rule that found it
  bool governs = false;    // heads the main clause (or is an adverbial of the sentence)
  std::string note;        // disambiguation applied
};

struct Decision {
  Category category = Category::fact;
  std::vector<CueHit> hits;           // every cue found, in text order
  std::vector<std::size_t> decisive;  // indices into hits of the cues that decided
  std::string rule;                   // why (for --explain)
  bool retrospective = false;         // the sentence only hedges what came before it
  std::string predicate;              // the final predicate as analysed (for --explain)
  std::string predicate_head;         // its dictionary form (語る, 可能性), empty when none
  bool rumour = false;                // a rumour or a viral post: what a fact-checker looks at first
  // Hearsay whose predicate names no one (…そうだ, …らしい, …とされる): the topic of the
  // sentence (明日は, 社長は) is what is said, not who said it.
  bool unnamed = false;
  // Who says it, when the predicate names the speaker after the quotation (…しない、と社長は
  // 述べた): the subject's normalised byte offsets [speaker_begin, speaker_end); empty when none.
  std::size_t speaker_begin = 0, speaker_end = 0;
};

Decision classify(std::string_view sentence, const SentenceContext& ctx, const Lexicon& lexicon);
// The same with the sentence's normalised form already made (normalise(sentence)).
Decision classify(std::string_view sentence, const Normalised& norm, const SentenceContext& ctx, const Lexicon& lexicon);

// Whether a sentence does nothing but hedge what came before (あくまで憶測と推測に過ぎませんが。).
bool is_retrospective_hedge(std::string_view sentence, const Lexicon& lexicon);

// ------------------------------------------------------------------------------------------
// Dates, numbers, money, names
// ------------------------------------------------------------------------------------------

// A mention to mark: an inline element over source bytes [begin, end) of the sentence.
struct Mention {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string element;  // date, time, num, measure, persName, orgName, placeName, name, roleName, addName
  Attrs attrs;
  bool operator==(const Mention&) const = default;
};

// What the dates of a division know: the year it last stated (for 1月20日 → 2025-01-20), and
// the page's dateline, its year and month: 来年4月 counts from its year (2027-04), a day alone
// (4日、) is of its month unless the sentence stated a month before it.
struct DateContext {
  int year = 0;
  int page_year = 0, page_month = 0;
};

// Dates and times: 2024年8月 → when="2024-08"; 1月20日 → "--01-20" or with the context's year;
// 令和6年 → 2024; 2030年代 → notBefore/notAfter; 昨年, 前回 → type="relative" with a subtype;
// 10年後 → relative with dur="P10Y"; 10:30 → <time when="10:30:00">; 12/10(木), a month and
// day before a weekday, → the month and day. Updates ctx.year.
std::vector<Mention> find_dates(std::string_view sentence, DateContext& ctx);
std::vector<Mention> find_dates(std::string_view sentence, const Normalised& norm, DateContext& ctx);

// Numbers and measures: Arabic and kanji numerals with 万/億/兆, fractions (十分の一 → 1/10),
// percentages and 割, money with its currency (80兆円, 5000億ドル, $500Billion → USD),
// durations (数か月, 半年, 30年以上), counts (1700万台) and physical units (kWh, ha, kW).
std::vector<Mention> find_numbers(std::string_view sentence);
std::vector<Mention> find_numbers(std::string_view sentence, const Normalised& norm);

// The value of a number expression alone ("5000億" → 5e11, "十分の一" → 0.1, "三" → 3), or
// nothing when the text is not one number.
std::optional<double> parse_number(std::string_view expression);

// Formats a value as TEI teidata.numeric: integers below 10^18 without exponent, other values
// in their shortest exact form (1e+70 where digits would run past 18 places).
std::string format_number(double v);
// True when `s` is digits with at most a sign and a point (what xsd:duration can carry).
bool is_plain_decimal(std::string_view s);

struct NameEntry {
  std::string surface;
  std::string element;  // persName | orgName | placeName | name
  std::string type;     // e.g. product, event, project (for name)
  std::string notes;
};

class Gazetteer {
 public:
  Gazetteer();
  // The shipped names.tsv, or $JATEI_DATA_DIR/claims/names.tsv.
  static const Gazetteer& builtin();
  static Gazetteer parse(std::string_view text, const std::string& origin);
  void merge(const Gazetteer& other);
  void merge_file(const std::string& path);
  const std::vector<NameEntry>& entries() const { return entries_; }
  // Longest entry matching normalised text at byte i (nullptr when none); sets len.
  const NameEntry* match_at(std::string_view text, std::size_t i, std::size_t& len) const;

 private:
  void index();
  std::vector<NameEntry> entries_;
  std::vector<std::string> removals_;
  struct Trie;
  std::shared_ptr<const Trie> trie_;
};

// Names: the gazetteer, titles and honorifics (孫会長, 中村健太氏, サム・アルトマンCEO), credits
// (著者:谷田部卓), organisation suffixes (…研究所, …協議会), a company introduced by its
// kind or its seat (半導体スタートアップのミナトセミコン(東京都港区)), katakana names with ・,
// Latin model names (DeepSeek-R1) and products named in brackets (チップ「Willow」).
std::vector<Mention> find_names(std::string_view sentence, const Gazetteer& gazetteer);
std::vector<Mention> find_names(std::string_view sentence, const Normalised& norm, const Gazetteer& gazetteer);

// ------------------------------------------------------------------------------------------
// The stage
// ------------------------------------------------------------------------------------------

struct Options {
  const Lexicon* lexicon = nullptr;      // default: Lexicon::builtin()
  const Gazetteer* gazetteer = nullptr;  // default: Gazetteer::builtin()
  std::ostream* explain = nullptr;       // when set: each sentence's cues and decision
};

// Annotates every sentence of the document (translations excluded): @ana with one category
// and #checkworthy where an asserted or reported sentence carries a date, number or name;
// @corresp on a hedge that covers earlier sentences; the cue, dates, numbers and names as
// inline elements. Declares the taxonomies and adds its <application>. Idempotent: its own
// earlier markup is removed first; ids and other tools' markup are kept, and no new element
// crosses an existing one.
void annotate(Document& doc, const Options& options = {});

// The same, for a document handed over a few whole divisions at a time (jatei-claims on a large
// input holds one part, never the document), giving the bytes annotate() gives on the whole:
//
//   claims::Parts parts(options);
//   parts.header(doc);                       // the header, before any division
//   for each division d:                     // in document order
//     if (parts.cut_before(d)) { parts.annotate(part); write part; clear part.divisions; }
//     part.divisions.push_back(d);
//   parts.annotate(part); write part; parts.finish();
//
// A part is a Document with the header (the participants are read) and whole divisions.
class Parts {
 public:
  explicit Parts(const Options& options = {});
  ~Parts();
  Parts(const Parts&) = delete;
  Parts& operator=(const Parts&) = delete;
  // Declares the taxonomies and adds the <application>.
  void header(Document& doc) const;
  // Whether the divisions held so far can be annotated without `next` and what follows it: no
  // decision reaches across its start (its first leaf is not one a sentence before it can
  // introduce or point at, nor a post, a thread's number or a person's name).
  bool cut_before(const Division& next) const;
  // Annotates the divisions of `part`, from what the parts before it left.
  void annotate(Document& part);
  // After the last part (JATEI_PROFILE: where the time went, on standard error).
  void finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace jatei::claims
