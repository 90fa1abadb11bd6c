// What segmentation builds before it writes anything, and the passes that build it (internal
// to lib/src/segment). A `Plan` holds the text, its lines with their kinds and sentences, and
// the blocks they form; each pass is one decision over it, in its own file:
//
//   find_lines       (analyse.cpp)    the lines, each classified (classify.cpp) and split into
//                                     sentences, on two threads for a large text
//   mark_transcript  (transcript.cpp) a transcript's timestamps: not list marks, outside <s>
//   mark_lists       (lists.cpp)      code fences, enumerations, numbered headings, tables, rows;
//                                     it runs last
//   mark_numbered_entries (entries.cpp) the entries a page numbers by a shape of its own
//   mark_furniture   (furniture.cpp)  the page's furniture: tags, counters, live-blog stamps,
//                                     contents, references, tag lines; it runs
//   mark_posts       (posts.cpp)      embedded social-media posts,
//   mark_faq         (faq.cpp)        the questions of an FAQ,
//   mark_close       (close.cpp)      related links, a serial's instalments, the page's close,
//   mark_rosters     (rosters.cpp)    the rosters in the header of minutes,
//   mark_signatures  (signatures.cpp) signatures (and, first in mark_furniture, the credits
//                                     in brackets a document repeats over speech: labels) and
//   mark_heads       (heads.cpp)      short lines heading what follows them, lists without marks
//   group            (group.cpp)      lines -> blocks, with the page's header (header.cpp:
//                                     chrome, addressee, handle, dateline, title)
//   assign_sections  (sections.cpp)   each block's section (article, summary, author, chrome)
//                                     and the bylines and datelines around the title
//   emit             (render.cpp)     the divisions (TEI's content model), then every block
//                                     handed out, a large text written in parts on two threads
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jatei/rules.hpp"
#include "jatei/segment.hpp"
#include "jatei/text.hpp"
#include "segment/cues.hpp"
#include "segment/lines.hpp"

namespace jatei::seg {

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

// An allocator whose vectors leave new elements of a plain type unwritten on resize().
template <class T>
struct UninitAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UninitAllocator<U>;
  };
  UninitAllocator() = default;
  template <class U>
  UninitAllocator(const UninitAllocator<U>&) noexcept {}
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... A>
  void construct(U* p, A&&... a) {
    ::new (static_cast<void*>(p)) U(std::forward<A>(a)...);
  }
};
using LineVector = std::vector<Line, UninitAllocator<Line>>;

enum class Section { article, summary, author, boilerplate };

inline const char* section_name(Section s) {
  switch (s) {
    case Section::summary: return "summary";
    case Section::author: return "author";
    case Section::boilerplate: return "boilerplate";
    default: return "article";
  }
}

// A block before its leaves are made: the lines it holds (every nonblank line in [first,
// last]) and what it is. Leaves are made only when the block is handed out, so a large text
// never holds every block's sentences at once on the streaming path.
struct PendingBlock {
  BlockKind kind = BlockKind::paragraph;
  Section section = Section::article;
  std::uint32_t first = 0, last = 0;
};

// What the passes share.
struct Plan {
  // valid_utf8: the text is known to be well-formed UTF-8 (it was decoded).
  Plan(std::string_view t, const Rules& r, std::size_t parallel_min, bool valid)
      : text(t), rules(r), cues(r), code_words(r.section("code-word")), splitter(r), parallel_min_bytes(parallel_min),
        valid_utf8(valid) {}

  static constexpr std::size_t kChunk = 1024;  // lines classified and split as one piece of work

  std::string_view text;
  const Rules& rules;
  Cues cues;
  const std::vector<RuleEntry>& code_words;  // [code-word]
  SentenceSplitter splitter;
  std::size_t parallel_min_bytes;
  bool valid_utf8;
  LineVector lines;
  // The lines' sentences, kChunk lines to a vector (Line::r_first counts from the start of its
  // chunk's): the chunks are filled by either thread, and never joined.
  std::vector<std::vector<Range>> ranges;
  std::vector<PendingBlock> blocks;
  std::vector<std::uint8_t> post;   // lines of an embedded post or its footer (set by mark_posts)
  bool punctuated = false;  // the body's paragraphs end with a sentence's punctuation (set by mark_furniture)
  std::vector<std::uint8_t> opens;  // blocks[k] opens a division (set by emit)
  std::size_t last_end = 0;  // the end of the last line handed out
  std::size_t title_block = npos, subtitle_block = npos;  // the blocks of the title and subtitle, if any
  std::string title, tail;
  std::string_view author_line;  // the writer's name under the title, if any
};

inline bool has_hiragana(std::string_view s) {
  for (text::CodePoint cp : text::code_points(s))
    if (text::is_hiragana(cp.c)) return true;
  return false;
}

// Whether s holds a letter or a digit of any script (not only marks, symbols and emoji).
inline bool has_word_char(std::string_view s) {
  for (text::CodePoint cp : text::code_points(s))
    if (text::is_letter(cp.c) || text::is_latin(cp.c) || text::is_kanji(cp.c) || text::is_kana(cp.c) || text::is_digit(cp.c)) return true;
  return false;
}

// A pass over a Plan: its parts under the names every pass reads them by, and the walks and
// tests on lines that several passes share.
class Pass {
 protected:
  explicit Pass(Plan& p)
      : text_(p.text), rules_(p.rules), cues_(p.cues), lines_(p.lines), ranges_(p.ranges), post_(p.post),
        punctuated_(p.punctuated), title_block_(p.title_block), subtitle_block_(p.subtitle_block), title_(p.title),
        tail_(p.tail), author_line_(p.author_line), plan_(p) {}

  // The page's first line: a static site's front matter (code from its --- to its ---, see
  // lists.cpp) comes before the page.
  std::size_t first_nonblank() const {
    std::size_t i = 0;
    while (i < lines_.size() && lines_[i].kind == LineKind::blank) ++i;
    if (i < lines_.size() && lines_[i].kind == LineKind::code && (lines_[i].content() == "---" || lines_[i].content() == "+++")) {
      std::size_t close = i + 1;
      while (close < lines_.size() && close - i <= 61 && (lines_[close].kind == LineKind::blank || lines_[close].content() != lines_[i].content()))
        ++close;
      if (close < lines_.size() && lines_[close].kind == LineKind::code) return next_nonblank(close);
    }
    return i < lines_.size() ? i : npos;
  }
  std::size_t next_nonblank(std::size_t i) const {
    for (++i; i < lines_.size(); ++i)
      if (lines_[i].kind != LineKind::blank) return i;
    return npos;
  }
  std::size_t prev_nonblank(std::size_t i) const {
    while (i-- > 0)
      if (lines_[i].kind != LineKind::blank) return i;
    return npos;
  }

  std::string_view line_text(std::uint32_t i) const { return text_.substr(lines_[i].begin, lines_[i].end - lines_[i].begin); }

  // The sentences of line i.
  std::span<const Range> sentences(std::size_t i) const {
    return {ranges_[i / Plan::kChunk].data() + lines_[i].r_first, lines_[i].r_count};
  }

  // A line that could head what follows it by layout alone (lists.cpp).
  bool could_head(const Line& l) const;

  // Whether s starts with a [list-bullet] marker.
  bool has_bullet_mark(std::string_view s) const {
    for (auto& e : cues_.list_bullet.entries())
      if (!e.pattern.empty() && s.starts_with(e.pattern)) return true;
    return false;
  }

  // The type of the notice a line opens: correction ([correction]), addendum ([addendum]), or
  // none (nullptr).
  const char* note_type(std::string_view c) const {
    if (rules_.matches_prefix("correction", c)) return "correction";
    if (rules_.matches_prefix("addendum", c)) return "addendum";
    return nullptr;
  }

  // A signature: the signer's company or shop, a [signature-role] and the name (ひばり不動産
  // 北浜店　営業担当・森下, 店長　山田), short, no sentence (signatures.cpp).
  bool is_signature(const Line& l) const;
  // An organisation's name alone on its line: a word of its legal form before or after the name
  // ([org-form]: 株式会社ミドリノハコ, ミドリノハコ株式会社, 一般社団法人…), short, without a
  // sentence, a clause's punctuation or a date (signatures.cpp). Near the title it names who
  // issues the page: a byline, never the title.
  bool is_org_line(const Line& l) const;
  // Block k is a signature over the text its person wrote (a paragraph, a list, a quotation).
  bool signs_below(const std::vector<PendingBlock>& blocks, std::size_t k) const {
    if (blocks[k].kind != BlockKind::byline || blocks[k].first != blocks[k].last || k + 1 >= blocks.size()) return false;
    BlockKind n = blocks[k + 1].kind;
    return (n == BlockKind::paragraph || n == BlockKind::list || n == BlockKind::quote) &&
           is_signature(lines_[blocks[k].first]);
  }

  // Whether line j is body text: a paragraph of sentences, or a list.
  bool is_body(std::size_t j) const {
    if (j == npos) return false;
    const Line& l = lines_[j];
    if (l.kind == LineKind::bullet || l.kind == LineKind::number) return true;
    return l.kind == LineKind::para && l.r_count >= 1 && (ends_like_sentence(l.content()) || l.r_count >= 2) &&
           l.chars > (punctuated_ ? 15u : 30u);
  }

  // A subtitle between wave dashes or dashes (～…～, ―…―).
  static bool is_subtitle(const Line& l) {
    if (l.kind != LineKind::para || l.chars > 100 || l.chars < 3) return false;
    std::string_view c = l.content();
    std::size_t len = 0, len2 = 0;
    char32_t a = utf8::decode(c, 0, len), b = utf8::decode_before(c, c.size(), len2);
    return a == b && (a == U'～' || a == U'〜' || a == U'―' || a == U'—' || a == U'─');
  }

  // A paragraph wholly in one 「」 quotation, long enough to say something (「前半は…思います」),
  // or one followed only by who said it in brackets (「…」（会社員・40代）).
  static bool is_statement(const Line& l) {
    std::string_view c = l.content();
    if (l.kind != LineKind::para || l.chars < 12 || !c.starts_with("「")) return false;
    int depth = 0;
    for (std::size_t i = 0; i < c.size();) {
      std::size_t len = 0;
      char32_t ch = utf8::decode(c, i, len);
      if (ch == U'「') ++depth;
      else if (ch == U'」' && --depth == 0 && i + len < c.size()) return is_attribution(c.substr(i + len));
      i += len;
    }
    return depth == 0 && c.ends_with("」");
  }

  // Who said a statement, in brackets after it: （会社員・40代）, (出店者・山本さん); short, one
  // pair of brackets, no sentence inside.
  static bool is_attribution(std::string_view s) {
    bool full = s.starts_with("（") && s.ends_with("）"), half = s.starts_with("(") && s.ends_with(")");
    if (!full && !half) return false;
    std::size_t open = full ? 3 : 1;
    std::string_view inner = s.substr(open, s.size() - 2 * open);
    return !inner.empty() && count_chars(inner, 21) <= 20 && inner.find("（") == std::string_view::npos &&
           inner.find('(') == std::string_view::npos && inner.find("。") == std::string_view::npos;
  }

  std::string_view text_;
  const Rules& rules_;
  const Cues& cues_;
  LineVector& lines_;
  std::vector<std::vector<Range>>& ranges_;
  std::vector<std::uint8_t>& post_;
  bool& punctuated_;
  std::size_t &title_block_, &subtitle_block_;
  std::string &title_, &tail_;
  std::string_view& author_line_;
  Plan& plan_;
};

// Where the builder hands its divisions and blocks: into a Document, or out to a writer.
struct Emitter {
  virtual ~Emitter() = default;
  virtual void division(Section s) = 0;
  virtual void block(Block&& b) = 0;
  // The counters the ids of the blocks handed out are taken from.
  virtual tei::IdCounters& ids() = 0;
  // A writer the builder may write the next block to itself (after the division it opens,
  // if any, with `lead` before it), or nullptr to be handed Blocks.
  virtual tei::StreamWriter* direct(std::string_view lead) {
    (void)lead;
    return nullptr;
  }
  // The writer a streaming emitter writes to (nullptr otherwise).
  virtual tei::StreamWriter* stream() { return nullptr; }
};

// Writes the divisions and blocks straight to a TEI stream writer.
struct StreamEmitter : Emitter {
  // inside_div: a division is already open (for the second half of a document written apart).
  explicit StreamEmitter(tei::StreamWriter& w, bool inside_div = false) : writer(w), open(inside_div) {}
  void division(Section s) override {
    close();
    pending.type = section_name(s);
    has_pending = true;
  }
  void block(Block&& b) override {
    open_pending(b.leaves.empty() ? std::string_view() : std::string_view(b.leaves.front().lead));
    writer.block(b);
  }
  tei::StreamWriter* direct(std::string_view lead) override {
    open_pending(lead);
    return &writer;
  }
  tei::StreamWriter* stream() override { return &writer; }
  tei::IdCounters& ids() override { return writer.ids(); }
  void open_pending(std::string_view lead) {
    if (!has_pending) return;
    writer.open_div(pending, lead);
    has_pending = false;
    open = true;
  }
  void close() {
    if (open) writer.close_div();
    open = false;
  }
  tei::StreamWriter& writer;
  Division pending;
  bool has_pending = false, open = false;
};

// What a line says of itself (classify.cpp).
LineKind classify(std::string_view s, std::size_t chars, const Cues& cues);
// A turn of a dialogue, not a heading (classify.cpp).
bool reads_like_a_turn(std::string_view s);
// A rule across the page: ------ キリトリ ------ (classify.cpp).
bool is_rule_line(std::string_view s, std::size_t chars);

// The passes, in the order they run.
void find_lines(Plan& plan);
void mark_transcript(Plan& plan);
void mark_lists(Plan& plan);  // runs the next one last
void mark_numbered_entries(Plan& plan);
void mark_furniture(Plan& plan);  // runs the next six in its order
void mark_posts(Plan& plan);
void mark_faq(Plan& plan);
void mark_close(Plan& plan);
void mark_rosters(Plan& plan);
void mark_signatures(Plan& plan);
void mark_repeated_label_lines(Plan& plan);
void mark_heads(Plan& plan);
std::vector<PendingBlock> group(Plan& plan);
void assign_sections(Plan& plan);
// Hands out the divisions and blocks in order; returns the text after the last block.
std::string emit(Plan& plan, Emitter& out);

// The page's header (header.cpp): the lines before the title and the title, each with its role
// (series: the heading of a series over the title, 連載｜…　Vol.24).
enum class HeaderRole { title, chrome, byline, paragraph, series };
std::vector<std::pair<std::size_t, HeaderRole>> plan_header(Plan& plan, std::size_t nonblank);

}  // namespace jatei::seg
