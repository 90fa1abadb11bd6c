// Lines -> blocks -> divisions.
//
// Each source line is classified from cue lists (rules file), then neighbouring lines are
// grouped (list items, a quote after its lead-in), each block is given a section (article,
// summary, author, boilerplate), and divisions are cut where the section changes or where TEI's
// content model requires it (a trailer closes its division; byline and head may only open or
// close one).
#include "jatei/segment.hpp"

#include "core/beside.hpp"
#include "segment/code.hpp"
#include "segment/cues.hpp"
#include "segment/layout.hpp"
#include "segment/lines.hpp"
#include "text/utf8_check.hpp"

#include <algorithm>
#include <cctype>
#include <atomic>
#include <cstring>
#include <array>
#include <bit>
#include <cstdint>
#include <span>
#include <tuple>
#include <functional>
#include <memory>
#include <type_traits>
#include <unordered_map>

#include "jatei/text.hpp"
#include "jatei/utf8.hpp"

namespace jatei {
namespace {

using namespace seg;

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

// A turn of a dialogue, not a heading: a sentence ends inside the line (なるほど。では次は？), or a
// short name in 【】 is followed by a sentence (【山田】本当ですか？).
bool reads_like_a_turn(std::string_view s) {
  auto terminator = [](char32_t c) { return c == U'。' || c == U'？' || c == U'！' || c == '?' || c == '!'; };
  std::u32string u;
  for (std::size_t i = 0, len = 0; i < s.size(); i += len) u.push_back(utf8::decode(s, i, len));
  for (std::size_t i = 0; i + 1 < u.size(); ++i)
    if (terminator(u[i]) && !terminator(u[i + 1])) return true;
  std::size_t close = u.find(U'】');
  if (u.empty() || u[0] != U'【' || close == std::u32string::npos || close < 2 || close > 7 || close + 1 >= u.size())
    return false;
  for (std::size_t i = 1; i < close; ++i)
    if ((u[i] >= '0' && u[i] <= '9') || (u[i] >= U'０' && u[i] <= U'９')) return false;
  return terminator(u.back());
}

bool is_circled_number(char32_t c) {
  return (c >= 0x2460 && c <= 0x2473) || (c >= 0x3251 && c <= 0x325F) || (c >= 0x32B1 && c <= 0x32BF) ||
         (c >= 0x2776 && c <= 0x2793);
}

// 特徴① ポイント② ①: a short label then a circled number at the start of the line.
bool starts_with_numbered_label(std::string_view s) {
  std::size_t i = 0, chars = 0;
  while (i < s.size() && chars <= 8) {
    std::size_t len = 0;
    char32_t c = utf8::decode(s, i, len);
    if (is_circled_number(c)) return true;
    if (is_space(c) || c == U'、' || c == U'。' || c == U'「' || c == U'（' || c == U'(' || c == U':' || c == U'：')
      return false;
    i += len;
    ++chars;
  }
  return false;
}

// After a byline's key (聞き手：), a sentence rather than a name: at least eight characters
// ending with 。？！ (a credit names people and ends without them).
bool asks_or_says(std::string_view rest) {
  std::size_t n = 0;
  char32_t last = 0;
  for (text::CodePoint cp : text::code_points(rest))
    if (!text::is_white_space(cp.c)) ++n, last = cp.c;
  return n >= 8 && (last == U'。' || last == U'？' || last == U'！' || last == '?' || last == '!');
}

bool is_ascii_marker(const std::string& p) { return p.size() == 1 || p == "‐" || p == "–"; }

// Site chrome by its shape, whatever the site's words: a breadcrumb trail (ホーム ＞ くらし ＞
// ごみ), a row of counters and buttons (128 いいね　96 ストック, 参考になった 12人　｜　違反報告),
// a row of three or more links between bars, or a short line naming a page function
// ([boilerplate-line]: お問い合わせ, 一覧へ戻る, …) that is not a bracketed or marked heading.
bool is_page_chrome(std::string_view s, std::size_t chars, const Cues& cues) {
  std::size_t seps = 0, seg_start = 0, longest = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = 0;
    for (auto& e : cues.breadcrumb.entries())
      if (!e.pattern.empty() && s.substr(i, e.pattern.size()) == e.pattern) {
        n = e.pattern.size();
        break;
      }
    if (n) {
      std::string_view part = trim(s.substr(seg_start, i - seg_start));
      if (part.empty()) return false;  // >>2: an anchor, not a trail
      longest = std::max(longest, count_chars(part, 40));
      ++seps;
      i += n;
      seg_start = i;
    } else {
      i += utf8::sequence_length(static_cast<unsigned char>(s[i]));
    }
  }
  if (seps >= 2) {
    std::string_view part = trim(s.substr(seg_start));
    longest = std::max(longest, count_chars(part, 40));
    if (!part.empty() && longest <= 25) return true;
  }
  std::vector<std::string_view> cells = row_cells(s);
  std::size_t counters = 0, widest = 0;
  for (std::string_view c : cells) {
    counters += is_counter_cell(c, cues.counter_unit.entries());
    widest = std::max(widest, count_chars(c, 40));
  }
  if (counters >= 1 && widest <= 20 && (cells.size() >= 2 || chars <= 16)) return true;
  if (bars(s) >= 2 && widest <= 30) return true;
  if (chars <= 80 && !s.starts_with("【") && (!cues.section_head.prefix(s) || has_bar(s)) &&
      cues.boilerplate_line.contains(s))
    return true;
  return false;
}

// A heading's words without the marks around them: 【ポイント】 ■まとめ ＜要点＞ -> ポイント まとめ 要点.
std::string_view unmarked_head(std::string_view s) {
  static constexpr std::u32string_view kLead = U"■□◆◇●○▼▽▶▷★☆";
  static constexpr std::u32string_view kOpen = U"【［〈《＜〔[";
  static constexpr std::u32string_view kClose = U"】］〉》＞〕]";
  std::size_t len = 0;
  char32_t f = utf8::decode(s, 0, len);
  if (kLead.find(f) != std::u32string_view::npos) return trim(s.substr(len));
  std::size_t open = kOpen.find(f);
  if (open == std::u32string_view::npos || s.size() <= len) return s;
  std::size_t blen = 0;
  char32_t b = utf8::decode_before(s, s.size(), blen);
  if (b != kClose[open]) return s;
  return trim(s.substr(len, s.size() - len - blen));
}

LineKind classify(std::string_view s, std::size_t chars, const Cues& cues) {
  if (s.empty()) return LineKind::blank;
  if (is_markdown_table_row(s)) return LineKind::bullet;  // a row of a table: an item of its list
  bool weak = false;
  if (chars <= kMaxCueChars) {
    if (cues.trailer.whole(s)) return LineKind::trailer;
    // 聞き手：佐藤あかね is a credit; 聞き手：売れる本は変わりましたか。 is a question someone asks.
    if (std::size_t n = chars <= 100 ? cues.byline.prefix(s) : 0; n && !asks_or_says(s.substr(n))) return LineKind::byline;
    if (chars <= 100 && cues.credit.whole(s)) {
      // Only a bracketed line that names a credit (TEXT: 編集: 写真: …) is a credit line.
      std::string_view inner = s.substr(1);
      for (std::size_t i = 0; i < inner.size(); i += utf8::sequence_length(static_cast<unsigned char>(inner[i])))
        if (cues.byline.prefix(inner.substr(i))) return LineKind::credit;
      // (出典:…): a source named in brackets.
      inner = s.substr(utf8::sequence_length(static_cast<unsigned char>(s[0])));
      if (std::size_t n = cues.credit_source.prefix(inner);
          n && (inner.substr(n).starts_with(":") || inner.substr(n).starts_with("：")))
        return LineKind::credit;
    }
    // (経済部　佐藤健一), not (第2部 参照): a desk is not numbered.
    if (chars <= 30 && cues.credit_desk.whole(s) && !has_digit(s)) return LineKind::credit;
    if (cues.caption.prefix(s, &weak)) {
      if (!weak || (chars <= 80 && !ends_like_sentence(s))) return LineKind::caption;
    }
    if (chars <= 30 && (cues.summary_head.whole(s) || cues.summary_head.whole(unmarked_head(s))))
      return LineKind::summary_head;
    if (chars <= 150 && cues.boilerplate.contains(s)) return LineKind::boilerplate;
    if (chars <= 30 && cues.chrome_line.whole(s)) return LineKind::boilerplate;
    if (chars <= 80 && is_markdown_heading(s)) return LineKind::section_head;
    if (chars <= 150 && !ends_like_sentence(s) && is_page_chrome(s, chars, cues)) return LineKind::boilerplate;
  }
  for (auto& e : cues.list_bullet.entries()) {
    if (!e.pattern.empty() && e.pattern[0] != s[0]) continue;
    if (s.substr(0, e.pattern.size()) != e.pattern) continue;
    if (is_ascii_marker(e.pattern)) {
      std::string_view rest = s.substr(e.pattern.size());
      std::size_t len = 0;
      if (rest.empty() || !is_space(utf8::decode(rest, 0, len))) continue;
    }
    if (s.size() > e.pattern.size()) return LineKind::bullet;
  }
  if (starts_with_numbered_label(s)) return LineKind::number;
  bool number = cues.list_number.each_candidate(s, [&](std::uint32_t k) {
    std::size_t n = glob_prefix(cues.list_number.entries()[k].pattern, s);
    if (n == std::string_view::npos || n == 0 || n >= s.size()) return false;
    // "1.5倍" is a number, not an enumerator.
    std::size_t len = 0;
    char32_t next = utf8::decode(s, n, len);
    return !((next >= '0' && next <= '9') || (next >= U'０' && next <= U'９'));
  });
  return number ? LineKind::number : LineKind::para;
}

enum class Section { article, summary, author, boilerplate };

const char* section_name(Section s) {
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

// Where writing the blocks has got to: the end of the last line written (the whitespace after
// it leads the next block) and the ids handed out so far.
struct RenderState {
  std::size_t last_end = 0;
  tei::IdCounters ids;
};

class Builder {
 public:
  // valid_utf8: the text is known to be well-formed UTF-8 (it was decoded).
  Builder(std::string_view text, const Rules& rules, std::size_t parallel_min_bytes, bool valid_utf8)
      : text_(text), rules_(rules), cues_(rules), code_words_(rules.section("code-word")), splitter_(rules),
        parallel_min_bytes_(parallel_min_bytes), valid_utf8_(valid_utf8) {}

  // Lines, their kinds and sentences, and the blocks they form; then header() and emit().
  //
  // Finding a line, classifying it and splitting it into sentences depend on that line alone:
  // on a large text the lines of the second half of the bytes are done on a second thread
  // meanwhile. The result is the same either way.
  // `beside` (if any) runs on a second thread while the lines are grouped into blocks, the one
  // step that keeps one thread only.
  void plan(const std::function<void()>& beside = {}) {
    // Cut after the first line end past the middle (or the last before it), so that both
    // threads have as much text.
    std::size_t cut = std::string_view::npos;
    if (text_.size() >= parallel_min_bytes_) {
      cut = text_.find('\n', text_.size() / 2);
      if (cut == std::string_view::npos) cut = text_.rfind('\n', text_.size() / 2);
    }
    if (cut != std::string_view::npos && cut + 1 < text_.size()) {
      analyse_on_two_threads(cut + 1);
    } else {
      lines_.resize(count_lines(0, text_.size()));
      find_lines_into(0, text_.size(), lines_.data());
      ranges_.resize((lines_.size() + kChunk - 1) / kChunk);
      for (std::size_t c = 0; c < ranges_.size(); ++c)
        analyse(lines_.data() + c * kChunk, lines_.data() + std::min(lines_.size(), (c + 1) * kChunk), ranges_[c]);
    }
    auto group_all = [&] {
      mark_code_fences();
      resolve_numbers();
      blocks_ = group();
      assign_sections(blocks_);
    };
    if (beside && text_.size() >= parallel_min_bytes_) {
      run_beside(beside, group_all);
    } else {
      group_all();
      if (beside) beside();
    }
  }

  void header(Document& doc, const SegmentOptions& opts) const {
    doc.header.title = !opts.title.empty() ? opts.title : !title_.empty() ? title_ : opts.source_name;
    doc.header.source_name = opts.source_name;
    doc.root_attrs.set("xml:lang", "ja");
  }

  // Hands out the divisions and blocks in order; returns the text after the last block.
  std::string emit(Emitter& out) {
    make_divisions(out, blocks_);
    return tail_;
  }

 private:
  // How many lines text [from, to) has (see find_lines_into).
  std::size_t count_lines(std::size_t from, std::size_t to) const {
    std::size_t newlines = 0;
    utf8_check::each_newline(text_.substr(from, to - from), [&](std::size_t) { ++newlines; });
    return newlines + (to > from && text_[to - 1] != '\n' ? 1 : 0);
  }

  static constexpr std::size_t kChunk = 1024;      // lines classified and split as one piece of work
  static constexpr std::size_t kRenderParts = 16;  // parts a large text's TEI is written in

  // The lines of the halves of the text before and after `cut` (just after a line end) are
  // counted and then found in place, each half by one thread; then both threads take lines to
  // classify and split a chunk at a time until none is left, so that neither waits for the
  // other, whatever the lines and however fast each thread runs.
  void analyse_on_two_threads(std::size_t cut) {
    std::size_t first = 0, second = 0;
    run_beside([&] { second = count_lines(cut, text_.size()); }, [&] { first = count_lines(0, cut); });
    lines_.resize(first + second);  // not written here: by the threads that find them
    const std::size_t n = lines_.size(), chunks = (n + kChunk - 1) / kChunk;
    ranges_.resize(chunks);
    std::atomic<std::size_t> next{0};
    std::atomic<int> found{0};
    auto work = [&](std::size_t from, std::size_t to, std::size_t first_line) {
      Line* end = find_lines_into(from, to, lines_.data() + first_line);
      if (end != lines_.data() + (first_line ? n : first)) std::abort();  // counted otherwise: a bug
      found.fetch_add(1, std::memory_order_acq_rel);
      while (found.load(std::memory_order_acquire) < 2) cpu_pause();  // until all lines are found
      for (std::size_t c; (c = next.fetch_add(1, std::memory_order_relaxed)) < chunks;) {
        Line* b = lines_.data() + c * kChunk;
        Line* e = lines_.data() + std::min(n, (c + 1) * kChunk);
        ranges_[c].reserve(sentences_guess(e[-1].end - b->begin));
        analyse(b, e, ranges_[c]);
      }
    };
    run_beside([&] { work(cut, text_.size(), first); }, [&] { work(0, cut, 0); });
  }

  // The sentences of line i.
  std::span<const Range> sentences(std::size_t i) const {
    return {ranges_[i / kChunk].data() + lines_[i].r_first, lines_[i].r_count};
  }

  // Writes the lines of text [from, to) to `out` (room for count_lines(from, to) of them);
  // returns where it stopped.
  Line* find_lines_into(std::size_t from, std::size_t to, Line* out) const {
    std::size_t pos = from;
    auto line = [&](std::size_t end) {
      *out = Line{};
      out->begin = pos;
      out->end = end;
      ++out;
      pos = end + 1;
    };
    utf8_check::each_newline(text_.substr(from, to - from), [&](std::size_t i) { line(from + i); });
    if (pos < to) line(to);  // the last line, without a line end
    return out;
  }

  // Room to reserve for the sentences of `bytes` of text: more than most texts need (prose has
  // a sentence every 60 to 100 bytes); pages reserved and not written cost nothing, and a
  // text with more sentences only makes the vector grow.
  static std::size_t sentences_guess(std::size_t bytes) { return bytes / 32 + 64; }

  // Classifies lines [from, to) and splits them into sentences, appended to `ranges` (each
  // line's r_first counts from the start of `ranges`).
  void analyse(Line* from, Line* to, std::vector<Range>& ranges) const {
    for (Line* line = from; line != to; ++line) {
      Line& l = *line;
      std::string_view raw = text_.substr(l.begin, l.end - l.begin);
      l.set_content(trim(raw));
      l.chars = static_cast<std::uint32_t>(count_chars(l.content(), kMaxCueChars + 1));
      l.kind = classify(l.content(), l.chars, cues_);
      // A line of only U+3000 (or other non-XML whitespace) cannot sit between elements as
      // layout: it becomes a paragraph of its own, holding that whitespace.
      if (l.kind == LineKind::blank &&
          std::any_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
        l.kind = LineKind::para;
      l.r_first = static_cast<std::uint32_t>(ranges.size());
      // A line of code ($ npm install …, x = f(y)) is text without sentences.
      if (l.kind == LineKind::para && looks_like_code(raw, l.content(), code_words_)) {
        l.kind = LineKind::code;
        l.r_count = 0;
        continue;
      }
      splitter_.split(raw, ranges, valid_utf8_);
      l.r_count = static_cast<std::uint32_t>(ranges.size() - l.r_first);
      if (l.kind == LineKind::blank) continue;
      bool short_unended = l.chars <= 40 && !ends_like_sentence(l.content());
      l.head_like = short_unended && cues_.section_head.prefix(l.content()) &&
                    !(reads_like_a_turn(l.content()) && !heading_tag(l.content()));
      l.dateline = l.chars <= 60 && !ends_like_sentence(l.content()) && cues_.dateline.whole(l.content());
      if (l.r_count > 0) {
        const Range& r = ranges.back();
        std::string_view last = raw.substr(r.first, r.second - r.first);
        if (last.size() > 600) last = last.substr(last.size() - 600);  // bound the pattern work on huge lines
        l.quote_intro = cues_.quote_intro.whole(last);
        // A line that introduces a quotation (…次のように投稿した。) is the article's text,
        // whatever chrome words it holds (公式アカウント).
        if (l.quote_intro && l.kind == LineKind::boilerplate) l.kind = LineKind::para;
      }
    }
  }

  // A row of a table: a short line, not a sentence, with a run of whitespace inside it
  // (売上高　1兆5200億円, 2024年度  約1.8GW).
  bool is_table_row(const Line& l) const {
    if (l.kind != LineKind::para || l.chars > 40 || ends_like_sentence(l.content())) return false;
    std::string_view c = l.content();
    return c.find("\xE3\x80\x80") != std::string_view::npos || c.find("  ") != std::string_view::npos ||
           c.find('\t') != std::string_view::npos;
  }

  std::size_t first_nonblank() const {
    for (std::size_t i = 0; i < lines_.size(); ++i)
      if (lines_[i].kind != LineKind::blank) return i;
    return npos;
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

  // The [list-number] entry an enumerated line starts with, or -1.
  int number_style(std::string_view s) const {
    int style = -1;
    cues_.list_number.each_candidate(s, [&](std::uint32_t k) {
      std::size_t n = glob_prefix(cues_.list_number.entries()[k].pattern, s);
      if (n == std::string_view::npos || n == 0 || n >= s.size()) return false;
      style = static_cast<int>(k);
      return true;
    });
    return style;
  }

  // Markdown's fenced code: every line from a ``` (or ~~~) line to the next, both included, is
  // code, whatever it holds (comments in Japanese, blank lines stay layout). A fence never
  // closed is no fence: the lines after it stay what they are.
  void mark_code_fences() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].kind == LineKind::blank || !is_code_fence(lines_[i].content())) continue;
      std::size_t close = npos;
      for (std::size_t j = i + 1; j < lines_.size() && close == npos; ++j)
        if (lines_[j].kind != LineKind::blank && lines_[j].content().starts_with(lines_[i].content().substr(0, 3)) &&
            trim(lines_[j].content().substr(3)).empty())
          close = j;
      if (close == npos) continue;
      for (std::size_t j = i; j <= close; ++j) {
        if (lines_[j].kind == LineKind::blank) continue;
        lines_[j].kind = LineKind::code;
        lines_[j].r_count = 0;
      }
      i = close;
    }
  }

  // Numbered section headings, by a shape the document repeats: two or more short enumerated
  // lines of one style (１．概要 … ２．結果 …) that are not sentences, each followed by
  // something else (body text, or a list in another style), never by one another.
  void mark_numbered_heads() {
    std::vector<std::pair<int, std::size_t>> numbered;  // style, line
    for (std::size_t i = 0; i < lines_.size(); ++i)
      if (lines_[i].kind == LineKind::number) numbered.push_back({number_style(lines_[i].content()), i});
    std::stable_sort(numbered.begin(), numbered.end(), [](auto& a, auto& b) { return a.first < b.first; });
    for (std::size_t a = 0; a < numbered.size();) {
      std::size_t b = a;
      while (b < numbered.size() && numbered[b].first == numbered[a].first) ++b;
      bool heads = numbered[a].first >= 0 && b - a >= 2;
      for (std::size_t k = a; heads && k < b; ++k) {
        const Line& l = lines_[numbered[k].second];
        std::size_t n = next_nonblank(numbered[k].second);
        heads = l.chars <= 30 && !ends_like_sentence(l.content()) && !l.content().ends_with("？") &&
                !l.content().ends_with("?") && n != npos &&
                !(lines_[n].kind == LineKind::number && number_style(lines_[n].content()) == numbered[a].first);
        if (heads && n != npos) {
          // What follows is body: a sentence, or a list.
          const Line& f = lines_[n];
          heads = f.kind == LineKind::number || f.kind == LineKind::bullet ||
                  (f.kind == LineKind::para && (ends_like_sentence(f.content()) || f.r_count >= 2));
        }
      }
      if (heads)
        for (std::size_t k = a; k < b; ++k) lines_[numbered[k].second].kind = LineKind::section_head;
      a = b;
    }
  }

  // Enumerated lines (1. (1) 特徴①) are list items only beside another one.
  void resolve_numbers() {
    mark_numbered_heads();
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].kind != LineKind::number) continue;
      std::size_t p = prev_nonblank(i), n = next_nonblank(i);
      bool neighbour = (p != npos && lines_[p].kind == LineKind::number) || (n != npos && lines_[n].kind == LineKind::number);
      // A numbered step over the command it gives (2. コンテナを起動する / $ docker run …) is an
      // item of the steps the code lines interleave.
      bool step = n != npos && lines_[n].kind == LineKind::code && lines_[i].chars <= 60;
      if (!neighbour && !step) lines_[i].kind = LineKind::para;
    }
    // A table in the text: a 〈…〉 title line over two or more rows of "label　value" (short lines
    // with whitespace inside, not sentences) is a heading over a list of them.
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& t = lines_[i];
      if (t.kind != LineKind::para || t.chars > 40 || !cues_.table_title.whole(t.content())) continue;
      std::size_t rows = 0, last = i;
      for (std::size_t j = next_nonblank(i); j != npos && is_table_row(lines_[j]); j = next_nonblank(j)) {
        ++rows;
        last = j;
      }
      if (rows < 2) continue;
      t.kind = LineKind::section_head;
      for (std::size_t j = i + 1; j <= last; ++j)
        if (lines_[j].kind != LineKind::blank) lines_[j].kind = LineKind::bullet;
      i = last;
    }
    mark_rows();
    // A lone short bullet or 【…】 line that does not read like a sentence is a section heading.
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.kind != LineKind::bullet && l.kind != LineKind::para) continue;
      if (!l.head_like || i == first_nonblank()) continue;
      if (l.kind == LineKind::para && l.content().substr(0, 3) != "【") continue;
      // Beside items with the same marker it is one of them; ■ over a list of ・ items heads it.
      std::size_t p = prev_nonblank(i), n = next_nonblank(i);
      auto same_marker = [&](std::size_t j) {
        return j != npos && lines_[j].kind == LineKind::bullet && first_char(lines_[j].content()) == first_char(l.content());
      };
      if (l.kind == LineKind::bullet && (same_marker(p) || same_marker(n))) continue;
      if (n == npos) continue;  // a heading needs something to head
      l.kind = LineKind::section_head;
    }
    // A summary heading only counts right before a list.
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].kind != LineKind::summary_head) continue;
      std::size_t n = next_nonblank(i);
      if (n == npos || (lines_[n].kind != LineKind::bullet && lines_[n].kind != LineKind::number))
        lines_[i].kind = LineKind::para;
    }
    mark_furniture();
  }

  // The first cell of a "key　value" or "key：value" row, or empty.
  static std::string_view row_key(const Line& l, bool colon) {
    std::string_view c = l.content();
    if (colon) {
      std::size_t at = std::min(c.find("："), c.find(':'));
      if (at == std::string_view::npos || at == 0 || count_chars(c.substr(0, at), 9) > 8) return {};
      std::string_view key = c.substr(0, at);
      if (key.find(' ') != std::string_view::npos || key.find("\xE3\x80\x80") != std::string_view::npos) return {};
      return key;
    }
    std::vector<std::string_view> cells = row_cells(c);
    return cells.size() >= 2 ? cells.front() : std::string_view();
  }

  // Runs of rows the document lays out alike: two or more table rows (label　value, cells
  // between runs of whitespace) or three or more "key：value" lines that are not sentences, each
  // with its own key (a dialogue repeats its speakers; a table or a profile does not repeat its
  // keys), are the items of a list; so are two or more short lines that each start with a time
  // (00:00 オープニング, 02:15 睡眠負債とは: chapters).
  //
  // A glossary under its heading (用語解説 / トレハロース：…。 / 変異株：…。): two or more "key：
  // definition" lines whose keys are each their own and come nowhere else as a key (a dialogue's
  // names come back), right under a short line without punctuation, are the items of a list.
  void mark_rows() {
    std::size_t first = first_nonblank();
    std::unordered_map<std::string_view, int> key_count;
    for (const Line& l : lines_)
      if (l.kind == LineKind::para || l.kind == LineKind::byline)
        if (std::string_view k = row_key(l, true); !k.empty()) ++key_count[k];
    for (int colon : {0, 1, 2, 3}) {
      for (std::size_t i = 0; i < lines_.size(); ++i) {
        auto fits = [&](std::size_t j) {
          const Line& l = lines_[j];
          if (colon == 1)
            return (l.kind == LineKind::para || l.kind == LineKind::byline) && l.chars <= 80 &&
                   !ends_like_sentence(l.content()) && !has_stamp(l.content()) && !row_key(l, true).empty();
          if (colon == 3) {
            if (l.kind != LineKind::para || l.chars > 200 || !ends_like_sentence(l.content())) return false;
            std::string_view k = row_key(l, true);
            return !k.empty() && key_count[k] == 1;
          }
          if (colon == 2) return l.kind == LineKind::para && l.chars <= 40 && !ends_like_sentence(l.content()) &&
                                 starts_with_time(l.content());
          // A dateline among rows that are not dates (2025.11.16　試合レポート over a score table)
          // dates the page; rows of dates (a chronology) are a table.
          auto dated_row = [&](std::size_t k) { return k != npos && lines_[k].dateline && is_table_row(lines_[k]); };
          if (l.dateline && !dated_row(prev_nonblank(j)) && !dated_row(next_nonblank(j))) return false;
          return j != first && is_table_row(l) && !has_stamp(l.content()) && !l.content().ends_with("？") &&
                 !l.content().ends_with("?") && !row_key(l, false).empty();
        };
        if (!fits(i)) continue;
        std::vector<std::size_t> run{i};
        for (std::size_t j = next_nonblank(i); j != npos && j == run.back() + 1 && fits(j); j = next_nonblank(j))
          run.push_back(j);
        std::vector<std::string_view> keys;
        for (std::size_t j : run) keys.push_back(colon == 2 ? line_text(static_cast<std::uint32_t>(j)) : row_key(lines_[j], colon == 1 || colon == 3));
        std::sort(keys.begin(), keys.end());
        bool distinct = std::adjacent_find(keys.begin(), keys.end()) == keys.end();
        // Rows of a profile or a reference may hold a byline's key (著者：), not only those.
        std::size_t paras = std::count_if(run.begin(), run.end(), [&](std::size_t j) { return lines_[j].kind == LineKind::para; });
        bool ok = run.size() >= (colon == 1 ? 3u : 2u) && distinct && paras >= 2;
        if (ok && colon == 3) {
          std::size_t p = prev_nonblank(run.front());
          ok = p != npos && could_head(lines_[p]);
        }
        if (ok)
          for (std::size_t j : run) lines_[j].kind = LineKind::bullet;
        i = run.back();
      }
    }
  }

  // A line that could head what follows it by layout alone: short, no punctuation of a clause
  // or a sentence, not a label (…：), not a quotation or a dash turn, no date or time.
  bool could_head(const Line& l) const {
    if (l.kind != LineKind::para || l.chars > 30 || l.dateline) return false;
    std::string_view c = l.content();
    if (has_clause_punctuation(c) || has_date_or_time(c)) return false;
    if (c.ends_with("：") || c.ends_with(":")) return false;
    if ((c.starts_with("（") && c.ends_with("）")) || (c.starts_with("(") && c.ends_with(")"))) return false;  // a note
    if (ends_with_reading(c)) return false;  // 石原 智恵（いしはら・ちえ）: a name over its profile
    // A predicate or a final particle ends a sentence, not a heading (でも昼は行列できとったで);
    // unless the document ends every sentence of its paragraphs with punctuation: there a short
    // line without it between them is a heading (文字を読み取る, 糖をためられないコケは).
    if (rules_.matches_whole("final-particle", c) || (!punctuated_ && cues_.predicate_end.whole(c))) return false;
    std::size_t len = 0;
    char32_t f = utf8::decode(c, 0, len);
    static constexpr std::u32string_view kNotFirst = U"「『“\"―—ー‐-－…@＠>＞〈<〔［[";
    if (kNotFirst.find(f) != std::u32string_view::npos) return false;
    return true;
  }

  // Whether line j is body text: a paragraph of sentences, or a list.
  bool is_body(std::size_t j) const {
    if (j == npos) return false;
    const Line& l = lines_[j];
    if (l.kind == LineKind::bullet || l.kind == LineKind::number) return true;
    return l.kind == LineKind::para && l.r_count >= 1 && (ends_like_sentence(l.content()) || l.r_count >= 2) &&
           l.chars > (punctuated_ ? 15u : 30u);
  }

  // The footer of an embedded social-media post: a dash, the poster's name and handle in
  // brackets, then usually the date (— 山田花子 (@hanako_y) March 2, 2024).
  static bool is_post_footer(const Line& l) {
    std::string_view c = l.content();
    if (l.chars > 100 || l.chars < 4) return false;
    std::size_t len = 0;
    char32_t f = utf8::decode(c, 0, len);
    static constexpr std::u32string_view kDashes = U"—―–‐-─ー－";
    if (kDashes.find(f) == std::u32string_view::npos) return false;
    for (const char* open : {"(@", "（@", "(＠", "（＠"})
      if (c.find(open) != std::string_view::npos) return true;
    return false;
  }

  // Embedded posts: a post footer and the post above it (the line before, and the text of
  // the post before a line that only links its picture) are a quotation.
  void mark_posts() {
    post_.assign(lines_.size(), 0);
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].kind == LineKind::blank || !is_post_footer(lines_[i])) continue;
      post_[i] = 1;
      std::size_t p = prev_nonblank(i);
      auto link_only = [&](std::size_t j) {
        std::string_view c = lines_[j].content();
        return c.find(' ') == std::string_view::npos && c.find("\xE3\x80\x80") == std::string_view::npos &&
               (c.starts_with("http") || c.starts_with("pic.") || c.starts_with("www."));
      };
      if (p != npos && link_only(p)) {
        post_[p] = 1;
        p = prev_nonblank(p);
      }
      if (p != npos && (lines_[p].kind == LineKind::para || lines_[p].kind == LineKind::bullet) && !post_[p] &&
          !is_post_footer(lines_[p]))
        post_[p] = 1;
    }
  }

  // A line opened by a question's or an answer's mark: Ｑ１　…, Q. …, Ａ：…
  static bool has_qa_mark(std::string_view c, char32_t ascii, char32_t wide) {
    std::size_t len = 0, len2 = 0;
    if (c.empty()) return false;
    char32_t f = utf8::decode(c, 0, len);
    if (f != ascii && f != wide) return false;
    if (len >= c.size()) return false;
    char32_t n = utf8::decode(c, len, len2);
    return is_ascii_digit_or_fw(n) || n == '.' || n == U'．' || n == ':' || n == U'：' || n == U'、' || is_space(n);
  }

  // The number after a question's mark (Q1. → 1, Ｑ１２　→ 12), or -1: the mark, one or more
  // digits, then a dot, a colon or a space and the question.
  static int question_number(std::string_view c) {
    std::size_t len = 0, at = 0;
    if (c.empty()) return -1;
    char32_t f = utf8::decode(c, 0, len);
    if (f != 'Q' && f != U'Ｑ') return -1;
    at = len;
    int n = 0, digits = 0;
    while (at < c.size()) {
      char32_t d = utf8::decode(c, at, len);
      if (!is_ascii_digit_or_fw(d)) break;
      n = n * 10 + static_cast<int>(d >= U'０' ? d - U'０' : d - '0');
      ++digits;
      at += len;
    }
    if (digits == 0 || digits > 3 || at >= c.size()) return -1;
    char32_t sep = utf8::decode(c, at, len);
    if (!(sep == '.' || sep == U'．' || sep == ':' || sep == U'：' || sep == U'、' || is_space(sep))) return -1;
    return trim(c.substr(at + len)).empty() ? -1 : n;
  }

  // An FAQ by the shape it repeats: two or more questions numbered in order (Q1. … Q2. …), each
  // over an answer without an answer's mark (a paragraph, a list): the questions are headings of
  // what follows them. (With Ａ１ marks on the answers the page may be a Q&A column: see below.)
  void mark_numbered_questions() {
    std::vector<std::size_t> run;
    int last = 0;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      if (l.kind == LineKind::blank || l.chars > 100) continue;
      if (l.kind != LineKind::para && l.kind != LineKind::number && l.kind != LineKind::bullet) continue;
      int n = question_number(l.content());
      if (n < 0) continue;
      std::size_t next = next_nonblank(i);
      bool answered = next != npos && !has_qa_mark(lines_[next].content(), 'A', U'Ａ') &&
                      question_number(lines_[next].content()) < 0 &&
                      (lines_[next].kind == LineKind::para || lines_[next].kind == LineKind::bullet ||
                       lines_[next].kind == LineKind::number);
      if (!answered || n != last + 1) {
        if (run.size() >= 2)
          for (std::size_t j : run) lines_[j].kind = LineKind::section_head;
        run.clear();
        last = 0;
        if (!answered || n != 1) continue;
      }
      run.push_back(i);
      last = n;
    }
    if (run.size() >= 2)
      for (std::size_t j : run) lines_[j].kind = LineKind::section_head;
  }

  // An FAQ under a heading: each question (Ｑ１　…) over its answer (Ａ１　…) is a heading, the
  // answers paragraphs. Questions and answers that open the body are a Q&A column instead
  // (its speakers' turns), and stay as they are.
  void mark_faq() {
    mark_numbered_questions();
    bool in_faq = false;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.kind == LineKind::blank) continue;
      bool q = l.chars <= 100 && has_qa_mark(l.content(), 'Q', U'Ｑ') &&
               (l.kind == LineKind::para || l.kind == LineKind::number || l.kind == LineKind::bullet);
      if (!q) {
        if (l.kind == LineKind::section_head) in_faq = false;
        continue;
      }
      std::size_t p = prev_nonblank(i), n = next_nonblank(i);
      if (n == npos || !has_qa_mark(lines_[n].content(), 'A', U'Ａ')) continue;
      if (!in_faq && (p == npos || lines_[p].kind != LineKind::section_head)) continue;
      l.kind = LineKind::section_head;
      in_faq = true;
    }
  }

  // Tags one a line under the title (Python / OCR / SQLite): before the first paragraph of the
  // body, a run of three or more short lines of one word each (no space, no punctuation, no
  // hiragana: nouns, not a sentence nor a date) after some other line.
  void mark_tag_lines() {
    std::size_t first = first_nonblank();
    auto tag = [&](const Line& l) {
      std::string_view c = l.content();
      return l.kind == LineKind::para && l.chars <= 20 && !l.dateline && !ends_like_sentence(c) &&
             !has_clause_punctuation(c) && !has_date_or_time(c) && c.find(' ') == std::string_view::npos &&
             c.find("\xE3\x80\x80") == std::string_view::npos && has_word_char(c) && !has_hiragana(c) &&
             !c.starts_with(">");
    };
    for (std::size_t i = first; i != npos; i = next_nonblank(i)) {
      const Line& l = lines_[i];
      if (l.kind == LineKind::para && l.chars > 30 && ends_like_sentence(l.content())) return;  // the body
      if (i == first || !tag(l)) continue;
      std::vector<std::size_t> run;
      for (std::size_t j = i; j != npos && j == (run.empty() ? i : next_nonblank(run.back())) && tag(lines_[j]);
           j = next_nonblank(j))
        run.push_back(j);
      i = run.back();
      if (is_body(next_nonblank(run.back()))) run.pop_back();  // the last one heads the body: はじめに
      if (run.size() >= 3)
        for (std::size_t j : run) lines_[j].kind = LineKind::boilerplate;
    }
  }

  // The entries of a live blog: two or more lines that are only a time (14:05, 【14:05】,
  // 14:05更新), each over the text of its entry (a sentence, a list), head what follows them.
  void mark_stamp_heads() {
    std::vector<std::size_t> stamps;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      if ((l.kind != LineKind::para && l.kind != LineKind::section_head) || l.chars > 25 || l.dateline) continue;
      if (!is_time_stamp_line(l.content())) continue;
      std::size_t n = next_nonblank(i);
      if (n == npos || lines_[n].kind == LineKind::blank || is_time_stamp_line(lines_[n].content())) continue;
      const LineKind k = lines_[n].kind;
      if (k != LineKind::para && k != LineKind::bullet && k != LineKind::number && k != LineKind::caption &&
          k != LineKind::code)
        continue;
      stamps.push_back(i);
    }
    if (stamps.size() < 2) return;
    for (std::size_t i : stamps) lines_[i].kind = LineKind::section_head;
  }

  // A list of references: a [reference-head] line (参考文献, 参考資料) over lines that are not
  // sentences of the text (a title, a source in brackets, a citation in English ending with
  // its page numbers): the head is a heading, the lines the items of a list, up to the first
  // line that is neither.
  void mark_references() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.kind == LineKind::blank || l.chars > 20 || !rules_.matches_whole("reference-head", l.content())) continue;
      if (l.kind != LineKind::para && l.kind != LineKind::section_head && l.kind != LineKind::bullet) continue;
      std::vector<std::size_t> run;
      for (std::size_t j = next_nonblank(i); j != npos; j = next_nonblank(j)) {
        const Line& t = lines_[j];
        if ((t.kind != LineKind::para && t.kind != LineKind::bullet && t.kind != LineKind::number) ||
            t.chars > kMaxCueChars || ends_like_sentence(t.content()) || t.content().starts_with("※"))
          break;
        run.push_back(j);
      }
      if (run.empty()) continue;
      l.kind = LineKind::section_head;
      for (std::size_t j : run) lines_[j].kind = LineKind::bullet;
      i = run.back();
    }
  }

  // A line's words without the marks that number or head it (## 1. 手順 -> 手順).
  static std::string_view core_text(std::string_view s) {
    static constexpr std::u32string_view kMarks = U"#＃■□◆◇●○▼▽▶▷・-*+.．、)）(（[]［］第章節0123456789０１２３４５６７８９";
    std::size_t i = 0;
    while (i < s.size()) {
      std::size_t len = 0;
      char32_t c = utf8::decode(s, i, len);
      if (!is_space(c) && kMarks.find(c) == std::u32string_view::npos) break;
      i += len;
    }
    return trim(s.substr(i));
  }

  // A table of contents: a [toc-head] line (目次) over short lines that are not sentences, or,
  // without a head, three or more such lines in a row that each come back later in the
  // document as a line of their own (the headings they list). The head is a heading, the
  // lines the items of a list.
  void mark_contents() {
    auto entry = [&](const Line& l) {
      return l.kind == LineKind::para && l.chars <= 40 && !ends_like_sentence(l.content()) &&
             !has_clause_punctuation(l.content()) && !core_text(l.content()).empty();
    };
    // The lines that can come back (not blank, 60 characters at most), each linked to the next
    // such line with the same core text, in one pass from the end: whether a line comes back
    // later is one look-up, not a scan of the rest of the document (which made this quadratic).
    // No kind turns blank below and the texts do not change, so the links stay true.
    std::vector<std::size_t> next_same(lines_.size(), npos);
    {
      std::unordered_map<std::string_view, std::size_t> later;
      for (std::size_t j = lines_.size(); j-- > 0;) {
        if (lines_[j].kind == LineKind::blank || lines_[j].chars > 60) continue;
        auto [it, added] = later.try_emplace(core_text(lines_[j].content()), j);
        if (!added) {
          next_same[j] = it->second;
          it->second = j;
        }
      }
    }
    // (An entry is 40 characters at most, so it is linked itself.)
    auto comes_back = [&](std::size_t i) { return next_same[i] != npos; };
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.kind == LineKind::blank || l.chars > 30) continue;
      bool head = l.kind != LineKind::boilerplate && rules_.matches_whole("toc-head", l.content());
      std::vector<std::size_t> run;
      for (std::size_t j = head ? next_nonblank(i) : i; j != npos && entry(lines_[j]); j = next_nonblank(j)) {
        if (!head && !comes_back(j)) break;
        // The first entry again: the sections themselves begin.
        std::string_view c = core_text(lines_[j].content());
        if (std::any_of(run.begin(), run.end(), [&](std::size_t k) { return core_text(lines_[k].content()) == c; }))
          break;
        run.push_back(j);
      }
      if (run.size() < (head ? 2u : 3u)) continue;
      if (head) l.kind = LineKind::section_head;
      for (std::size_t j : run) lines_[j].kind = LineKind::bullet;
      // Where an entry comes back as a short line of its own, it is the heading it lists
      // (グラフにする reads like a predicate, but the contents name it).
      // (The lines after the run with an entry's core text: those its links reach.)
      for (std::size_t k : run)
        for (std::size_t j = next_same[k]; j != npos; j = next_same[j]) {
          Line& t = lines_[j];
          if (j <= run.back() || t.kind != LineKind::para || t.chars > 40 || ends_like_sentence(t.content())) continue;
          t.kind = LineKind::section_head;
        }
      i = run.back();
    }
  }

  // Page furniture found by where a line stands: a lone row of tags, the links and contacts
  // that close a page, and the short lines that head what follows them.
  void mark_furniture() {
    std::size_t first = first_nonblank();
    // A lone row of four or more short words without figures or punctuation: tags.
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.kind != LineKind::para || l.chars > 80 || has_clause_punctuation(l.content()) || has_digit(l.content()) ||
          has_bar(l.content()))
        continue;
      std::vector<std::string_view> cells = row_cells(l.content());
      if (cells.size() < 4) continue;
      bool short_cells = std::all_of(cells.begin(), cells.end(), [](std::string_view c) { return count_chars(c, 16) <= 15; });
      if (short_cells) l.kind = LineKind::boilerplate;
    }
    // A count alone on its line over a line of chrome (42 / いいね): the button's counter.
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.kind != LineKind::para || l.chars > 7) continue;
      std::string_view c = l.content();
      bool count = std::all_of(c.begin(), c.end(), [](char ch) { return (ch >= '0' && ch <= '9') || ch == ','; });
      std::size_t n = next_nonblank(i);
      if (count && n != npos && lines_[n].kind == LineKind::boilerplate) l.kind = LineKind::boilerplate;
    }
    // A row of hashtags (#エッセイ #転職): tags.
    for (auto& l : lines_)
      if (l.kind == LineKind::para && l.chars <= 150 && is_hashtag_row(l.content())) l.kind = LineKind::boilerplate;
    mark_stamp_heads();
    mark_contents();
    mark_posts();
    mark_faq();
    mark_references();
    mark_tag_lines();
    // A line that heads links to other pages ([links-head]) and the link titles under it.
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.kind == LineKind::blank || l.chars > 30 || !cues_.links_head.whole(l.content())) continue;
      l.kind = LineKind::boilerplate;
      for (std::size_t j = next_nonblank(i); j != npos; j = next_nonblank(j)) {
        Line& t = lines_[j];
        if (t.kind != LineKind::para && t.kind != LineKind::section_head && t.kind != LineKind::bullet &&
            t.kind != LineKind::number && t.kind != LineKind::boilerplate)
          break;
        if (t.chars > 80 || ends_like_sentence(t.content()) || has_stamp(t.content())) break;
        t.kind = LineKind::boilerplate;
        i = j;
      }
    }
    // The close of a page: the run of short lines at the end (one sentence at most each, or
    // chrome of any length); from its first line of chrome on (or the first heading that names
    // a page function: 【本件に関するお問い合わせ先】), what is neither a heading nor a credit is
    // chrome too (related links, contacts, buttons).
    std::size_t start = npos;
    for (std::size_t i = lines_.size(); i-- > 0;) {
      const Line& l = lines_[i];
      if (l.kind == LineKind::blank) continue;
      bool fits = l.kind == LineKind::boilerplate || l.kind == LineKind::byline || l.kind == LineKind::credit ||
                  l.kind == LineKind::trailer || (l.chars <= 100 && l.r_count <= 1);
      if (!fits) break;
      start = i;
    }
    if (start != npos) {
      bool on = false;
      for (std::size_t i = start; i < lines_.size(); ++i) {
        Line& l = lines_[i];
        if (on && l.kind != LineKind::boilerplate && has_date_or_time(l.content())) {
          on = false;  // a dated post: the page's comments follow, not its chrome
          continue;
        }
        if (!on) {
          on = l.kind == LineKind::boilerplate ||
               (l.kind == LineKind::section_head && cues_.boilerplate_line.contains(l.content()));
          continue;
        }
        if (l.kind == LineKind::para || l.kind == LineKind::bullet || l.kind == LineKind::number ||
            l.kind == LineKind::caption)
          l.kind = LineKind::boilerplate;
      }
    }
    // Whether the paragraphs of the text end like sentences: five or more paragraphs of more
    // than 30 characters, four in five of them ending with 。！？ or the like (the title may not).
    std::size_t long_paras = 0, ended = 0;
    for (const Line& l : lines_)
      if (l.kind == LineKind::para && l.chars > 30) {
        ++long_paras;
        ended += ends_like_sentence(l.content());
      }
    punctuated_ = long_paras >= 5 && ended * 10 >= long_paras * 8;
    // A short line between a block and the body text it heads (変更の理由, 材料（2人分）,
    // ★塩レモンだれ over a list).
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (i == first || !could_head(l)) continue;
      std::size_t p = prev_nonblank(i), n = next_nonblank(i);
      if (p == npos || !is_body(n)) continue;
      if (lines_[p].kind == LineKind::para && could_head(lines_[p])) continue;  // a run of short lines
      if (has_stamp(lines_[p].content())) continue;  // the title of a post under its header
      if (p == first && lines_[p].kind == LineKind::para) continue;  // under a title: its subtitle or lead
      l.kind = LineKind::section_head;
    }
  }

  static bool has_hiragana(std::string_view s) {
    for (text::CodePoint cp : text::code_points(s))
      if (text::is_hiragana(cp.c)) return true;
    return false;
  }

  // Whether s is a name (no hiragana, 12 characters at most) and its reading in brackets, kana
  // only (石原 智恵（いしはら・ちえ）): a person's name as a profile gives it.
  static bool ends_with_reading(std::string_view s) {
    std::size_t open = s.rfind("（");
    if (!s.ends_with("）") || open == std::string_view::npos || open == 0 || has_hiragana(s.substr(0, open)) ||
        count_chars(s.substr(0, open), 13) > 12)
      return false;
    std::string_view inner = s.substr(open + 3, s.size() - open - 6);
    int kana = 0;
    for (text::CodePoint cp : text::code_points(inner)) {
      if (text::is_kana(cp.c)) ++kana;
      else if (cp.c != U'・' && !text::is_space(cp.c)) return false;
    }
    return kana >= 2;
  }

  // Whether s holds a letter or a digit of any script (not only marks, symbols and emoji).
  static bool has_word_char(std::string_view s) {
    for (text::CodePoint cp : text::code_points(s))
      if (text::is_letter(cp.c) || text::is_latin(cp.c) || text::is_kanji(cp.c) || text::is_kana(cp.c) || text::is_digit(cp.c)) return true;
    return false;
  }

  static bool is_subtitle(const Line& l) {
    if (l.kind != LineKind::para || l.chars > 100 || l.chars < 3) return false;
    std::string_view c = l.content();
    std::size_t len = 0, len2 = 0;
    char32_t a = utf8::decode(c, 0, len), b = utf8::decode_before(c, c.size(), len2);
    return a == b && (a == U'～' || a == U'〜' || a == U'―' || a == U'—' || a == U'─');
  }

  // @name or @name(表示名): a writer's handle on a line of its own.
  static bool is_handle(const Line& l) {
    std::string_view c = l.content();
    if (l.chars > 40 || (!c.starts_with("@") && !c.starts_with("＠")) || ends_like_sentence(c)) return false;
    std::size_t at = c.starts_with("@") ? 1 : 3, n = 0;
    while (at + n < c.size() && (std::isalnum(static_cast<unsigned char>(c[at + n])) || c[at + n] == '_' || c[at + n] == '.'))
      ++n;
    return n >= 2 && !has_date_or_time(c);
  }

  bool is_title_candidate(const Line& l, std::size_t nonblank_lines) const {
    if (nonblank_lines < 3 || l.dateline) return false;
    // A short line that layout made a heading, first after the page's chrome.
    if (l.kind == LineKind::section_head && !is_markdown_heading(l.content()) && !l.head_like) return true;
    // A series or format marker before the words of a title (【随時更新】…を実況, 【詳報】…), as
    // on the first line, after the page's chrome too.
    if (l.kind == LineKind::section_head && l.content().starts_with("【") && !ends_like_sentence(l.content())) {
      std::size_t close = l.content().find("】");
      return close != std::string_view::npos && count_chars(l.content().substr(close + 3), 8) >= 6 && l.chars <= 100;
    }
    if (l.kind != LineKind::para) return false;
    if (rules_.matches_whole("title", l.content())) return l.chars <= 100;
    if (l.chars > 60 || ends_like_sentence(l.content())) return false;
    // A speaker label (司会: …) or an interviewer's dash opens a turn, not a title.
    for (const char* dash : {"――", "——", "ーー", "──", "--"})
      if (l.content().substr(0, std::char_traits<char>::length(dash)) == dash) return false;
    std::size_t colon = std::min(l.content().find(':'), l.content().find("："));
    if (colon != std::string_view::npos && count_chars(l.content().substr(0, colon), 12) <= 10) return false;
    std::vector<Range> r;
    splitter_.split(l.content(), r, valid_utf8_);
    return r.size() == 1;
  }

  Leaf make_leaf(const char* element, const Line& l, std::size_t& last_end) {
    Leaf leaf;
    leaf.element = element;
    if (std::string_view(element) == "ab") leaf.attrs.set("type", "code");
    leaf.line = static_cast<std::size_t>(&l - lines_.data()) + 1;
    std::string_view line = text_.substr(l.begin, l.end - l.begin);
    leaf.lead = std::string(text_.substr(last_end, l.begin - last_end));
    last_end = l.end;
    auto ranges = sentences(static_cast<std::size_t>(&l - lines_.data()));
    std::size_t count = 0, prev = 0;
    for (auto [b, e] : ranges) {
      count += (b > prev) + 1;
      prev = e;
    }
    leaf.pieces.reserve(count + (prev < line.size()));
    prev = 0;
    for (auto [b, e] : ranges) {
      if (b > prev) leaf.pieces.push_back({Piece::Kind::text, {}, std::string(line.substr(prev, b - prev))});
      Piece p;
      p.kind = Piece::Kind::sentence;
      p.sentence.text = std::string(line.substr(b, e - b));
      leaf.pieces.push_back(std::move(p));
      prev = e;
    }
    if (prev < line.size()) leaf.pieces.push_back({Piece::Kind::text, {}, std::string(line.substr(prev))});
    return leaf;
  }

  // Writes block pb from its lines, numbered by the writer: the same bytes as the writer's
  // block() of what materialise() and IdCounters::assign() give, without making its leaves.
  void write_lines(tei::StreamWriter& w, const PendingBlock& pb, std::size_t& last_end) const {
    w.open_block(pb.kind, text_.substr(last_end, lines_[pb.first].begin - last_end));
    for (std::uint32_t i = pb.first; i <= pb.last; ++i) {
      const Line& l = lines_[i];
      if (l.kind == LineKind::blank) continue;
      w.leaf(text_.substr(last_end, l.begin - last_end), line_text(i), sentences(i));
      last_end = l.end;
    }
    w.close_block();
  }

  // The block's leaves, made now: in document order, since each takes the whitespace since
  // the one before as its lead.
  Block materialise(const PendingBlock& pb, std::size_t& last_end) {
    Block b;
    b.kind = pb.kind;
    const char* element = tei::leaf_element(pb.kind);
    for (std::uint32_t i = pb.first; i <= pb.last; ++i)
      if (lines_[i].kind != LineKind::blank) b.leaves.push_back(make_leaf(element, lines_[i], last_end));
    return b;
  }

  std::string_view line_text(std::uint32_t i) const { return text_.substr(lines_[i].begin, lines_[i].end - lines_[i].begin); }

  bool introduces_quote(const PendingBlock& b) const {
    return b.kind == BlockKind::paragraph && lines_[b.last].quote_intro;
  }

  enum class HeaderRole { title, chrome, byline, paragraph };

  // A bracketed line: （コード番号：4598　東証グロース）.
  static bool is_bracketed(std::string_view c) {
    return (c.starts_with("（") && c.ends_with("）")) || (c.starts_with("(") && c.ends_with(")"));
  }

  // The page's header: the lines before the title and the title. A page may open with its
  // furniture before the title: site chrome (a breadcrumb, the site's name over it), an
  // addressee (報道関係者各位), the writer's handle (@name), a dateline, the rows or bracketed
  // lines that name the issuer of a release; the title is the first line after them that
  // reads like one. Returns each header line with its role (none when no title is found
  // there: the lines are then read as any others).
  std::vector<std::pair<std::size_t, HeaderRole>> plan_header(std::size_t nonblank) const {
    std::vector<std::pair<std::size_t, HeaderRole>> roles;
    std::size_t seen = 0;
    for (std::size_t i = first_nonblank(); i != npos && seen < 10; i = next_nonblank(i), ++seen) {
      const Line& l = lines_[i];
      std::string_view c = l.content();
      // Chrome, or a line without a letter or a digit (an icon, an emoji the page shows above
      // the title).
      if (l.kind == LineKind::boilerplate || (l.kind == LineKind::para && l.chars <= 5 && !has_word_char(c))) {
        roles.push_back({i, HeaderRole::chrome});
        continue;
      }
      if ((l.kind == LineKind::para || l.kind == LineKind::bullet) && cues_.addressee.whole(c)) {
        roles.push_back({i, HeaderRole::paragraph});
        continue;
      }
      if (l.kind == LineKind::para && is_handle(l)) {
        roles.push_back({i, HeaderRole::byline});
        continue;
      }
      if (l.kind == LineKind::byline || l.kind == LineKind::credit ||
          (l.dateline && (l.kind == LineKind::para || l.kind == LineKind::section_head))) {
        // A dateline first of all is the page's; the title follows.
        if (seen == 0 && !l.dateline) break;
        roles.push_back({i, HeaderRole::byline});
        continue;
      }
      // Rows of the issuer (会社名　…, 代表者名　…) or a bracketed line among them, once the
      // page has begun with chrome or a date: not the title.
      if (!roles.empty() && l.chars <= 60 && !ends_like_sentence(c) &&
          ((l.kind == LineKind::bullet && !has_bullet_mark(c)) || (l.kind == LineKind::para && is_bracketed(c)))) {
        roles.push_back({i, HeaderRole::byline});
        continue;
      }
      if (is_title_candidate(l, nonblank)) {
        // The site's name over its chrome (北浜市公式ホームページ over a breadcrumb), when a
        // title follows the chrome.
        std::size_t n = next_nonblank(i);
        if (roles.empty() && n != npos && lines_[n].kind == LineKind::boilerplate) {
          std::size_t after = next_nonblank(n);
          if (after != npos && is_title_candidate(lines_[after], nonblank) && !lines_[after].dateline) {
            roles.push_back({i, HeaderRole::chrome});
            continue;
          }
        }
        roles.push_back({i, HeaderRole::title});
        return roles;
      }
      break;
    }
    // No title: only the chrome, addressee and handle at the top keep their roles (as before
    // any title), up to the first other line.
    std::vector<std::pair<std::size_t, HeaderRole>> kept;
    for (auto& r : roles) {
      const Line& l = lines_[r.first];
      bool plain = l.kind == LineKind::boilerplate || cues_.addressee.whole(l.content()) ||
                   (l.kind == LineKind::para && is_handle(l));
      if (!plain || kept.size() >= 4) break;
      kept.push_back(r);
    }
    return kept;
  }

  // Whether s starts with a [list-bullet] marker.
  bool has_bullet_mark(std::string_view s) const {
    for (auto& e : cues_.list_bullet.entries())
      if (!e.pattern.empty() && s.starts_with(e.pattern)) return true;
    return false;
  }

  // Whether the line under line i opens a statement (sentences), not a thread of comments
  // (a header line with a name and a date, a short line).
  bool states_under(std::size_t i) const {
    std::size_t n = next_nonblank(i);
    if (n == npos || lines_[n].kind != LineKind::para) return false;
    const Line& l = lines_[n];
    return !has_stamp(l.content()) && (ends_like_sentence(l.content()) || l.r_count >= 2) && l.chars > 20;
  }

  std::vector<PendingBlock> group() {
    std::vector<PendingBlock> out;
    std::size_t nonblank = 0;
    for (auto& l : lines_) nonblank += l.kind != LineKind::blank;
    out.reserve(nonblank);
    std::vector<std::pair<std::size_t, HeaderRole>> header = plan_header(nonblank);
    std::size_t h = 0;
    bool comment = false;  // under a [comment-head] line
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.kind == LineKind::blank) continue;
      PendingBlock pb;
      pb.first = pb.last = static_cast<std::uint32_t>(i);
      if (h < header.size() && header[h].first == i) {
        switch (header[h++].second) {
          case HeaderRole::title:
            pb.kind = BlockKind::head;
            title_ = std::string(l.content());
            title_block_ = out.size();
            break;
          case HeaderRole::chrome: pb.section = Section::boilerplate; break;
          case HeaderRole::byline: pb.kind = BlockKind::byline; break;
          case HeaderRole::paragraph: break;
        }
        out.push_back(pb);
        continue;
      }
      // A subtitle right under the title, between wave dashes or dashes (～…～, ―…―).
      if (title_block_ != npos && out.size() == title_block_ + 1 && is_subtitle(l)) {
        pb.kind = BlockKind::head;
        subtitle_block_ = out.size();
        out.push_back(pb);
        continue;
      }
      if (post_[i]) {  // an embedded post, with its footer
        pb.kind = BlockKind::quote;
        for (std::size_t j = next_nonblank(i); j != npos && post_[j]; j = next_nonblank(j)) i = j;
        pb.last = static_cast<std::uint32_t>(i);
        comment = false;
        out.push_back(pb);
        continue;
      }
      switch (l.kind) {
        case LineKind::bullet:
        case LineKind::number: {
          pb.kind = BlockKind::list;
          LineKind k = l.kind;
          std::size_t j = next_nonblank(i);
          while (j != npos && lines_[j].kind == k) {
            i = j;
            j = next_nonblank(i);
          }
          pb.last = static_cast<std::uint32_t>(i);
          break;
        }
        case LineKind::caption: pb.kind = BlockKind::figure; break;
        case LineKind::code: pb.kind = BlockKind::code; break;
        case LineKind::trailer: pb.kind = BlockKind::trailer; break;
        case LineKind::byline:
        case LineKind::credit: pb.kind = BlockKind::byline; break;
        case LineKind::section_head: pb.kind = BlockKind::head; break;
        case LineKind::summary_head:
          pb.kind = BlockKind::head;
          pb.section = Section::summary;
          break;
        case LineKind::boilerplate:
          pb.kind = BlockKind::paragraph;
          pb.section = Section::boilerplate;
          break;
        default:
          pb.kind = (!out.empty() && introduces_quote(out.back())) || comment || is_markdown_quote(l.content())
                        ? BlockKind::quote
                        : BlockKind::paragraph;
          break;
      }
      // Under a line that announces a statement ([comment-head]), the paragraphs are the statement.
      if ((pb.kind == BlockKind::head || pb.kind == BlockKind::paragraph) && pb.section != Section::boilerplate)
        comment = l.chars <= 60 && !ends_like_sentence(l.content()) && rules_.matches_whole("comment-head", l.content()) &&
                  states_under(i);
      else if (pb.kind != BlockKind::quote || pb.section == Section::boilerplate)
        comment = false;
      out.push_back(pb);
    }
    // The text after the last block's last line (the leads before each leaf are taken as the
    // leaves are made).
    tail_ = out.empty() ? std::string(text_) : std::string(text_.substr(lines_[out.back().last].end));
    return out;
  }

  // 出典:… at the end of the body credits the article's sources, not a figure.
  bool is_source_credit(const std::vector<PendingBlock>& blocks, std::size_t k) const {
    std::string_view content = trim(line_text(blocks[k].first));
    if (!rules_.matches_prefix("credit-source", content)) return false;
    if (k + 1 == blocks.size()) return true;
    const PendingBlock& next = blocks[k + 1];
    return next.kind == BlockKind::trailer || next.kind == BlockKind::byline ||
           next.section == Section::boilerplate;
  }

  // 【解説】…: a bracket holding a word of the [heading-tag] list.
  bool heading_tag(std::string_view s) const {
    if (!s.starts_with("【")) return false;
    std::size_t close = s.find("】");
    if (close == std::string_view::npos) return false;
    std::string_view inner = s.substr(3, close - 3);
    for (auto& e : rules_.section("heading-tag"))
      if (inner == e.pattern) return true;
    return false;
  }

  // A one-line block of a short name: no punctuation, no figure, not a mark of its own.
  bool is_name_line(const PendingBlock& b) const {
    if ((b.kind != BlockKind::paragraph && b.kind != BlockKind::head) || b.first != b.last) return false;
    const Line& l = lines_[b.first];
    std::string_view c = l.content();
    return l.chars >= 2 && l.chars <= 20 && !has_clause_punctuation(c) && !has_digit(c) && !l.head_like &&
           !is_markdown_heading(c) && c.find("\xE3\x80\x80") == std::string_view::npos &&
           c.find(' ') == std::string_view::npos;
  }

  bool is_dateline(const PendingBlock& b) const {
    return b.kind == BlockKind::paragraph && b.first == b.last && lines_[b.first].dateline;
  }

  void assign_sections(std::vector<PendingBlock>& blocks) {
    bool body_seen = false;
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      auto& pb = blocks[k];
      PendingBlock& b = pb;
      if (pb.section == Section::boilerplate) continue;
      if (pb.section == Section::summary) {  // a summary heading: its list follows
        // Only the heading passes the section on (to its list), or the summary would swallow
        // every block after it (a byline, a bio).
        if (b.kind == BlockKind::head && k + 1 < blocks.size()) blocks[k + 1].section = Section::summary;
        continue;
      }
      if (b.kind == BlockKind::figure && is_source_credit(blocks, k)) b.kind = BlockKind::byline;
      // The writer's name: a short line right under the title over a dateline, and the same
      // line again later (the author box at the end).
      if (title_block_ != npos && k == title_block_ + 1 && k + 1 < blocks.size() && is_name_line(b) &&
          is_dateline(blocks[k + 1])) {
        b.kind = BlockKind::byline;
        author_line_ = line_text(b.first);
      } else if (!author_line_.empty() && k > title_block_ + 1 && is_name_line(b) &&
                 trim(line_text(b.first)) == trim(author_line_)) {
        b.kind = BlockKind::byline;
      }
      // A dateline beside the byline at the head of the article goes with it (TEI puts the
      // lines that date and sign a text before its body: a <p> there would split the division).
      // So does one right under the title, which dates the article as a byline would.
      if (!body_seen && is_dateline(b) &&
          ((k + 1 < blocks.size() && blocks[k + 1].kind == BlockKind::byline) ||
           (k > 0 && blocks[k - 1].kind == BlockKind::byline) ||
           (k > 0 && (k - 1 == title_block_ || k - 1 == subtitle_block_) && k + 1 < blocks.size())))
        b.kind = BlockKind::byline;
      // The desk or the writer signing beside that dateline (テックジャーナル編集部　川口 里奈): a
      // short line of names, without figures or punctuation, before the body.
      if (!body_seen && b.kind == BlockKind::paragraph && b.first == b.last && k > 0 &&
          blocks[k - 1].kind == BlockKind::byline && lines_[blocks[k - 1].first].dateline && k + 1 < blocks.size()) {
        const Line& l = lines_[b.first];
        if (l.chars <= 30 && !has_clause_punctuation(l.content()) && !has_digit(l.content()) &&
            !ends_like_sentence(l.content()) && !l.dateline && !cues_.addressee.whole(l.content()))
          b.kind = BlockKind::byline;
      }
      if (b.kind == BlockKind::byline) {
        pb.section = body_seen ? Section::author : Section::article;
        // Right before a trailer, a byline (出典:…, 文:…) closes the division it follows, so
        // the trailer has a block before it in that division.
        if (k > 0 && k + 1 < blocks.size() && blocks[k + 1].kind == BlockKind::trailer)
          pb.section = blocks[k - 1].section;
        // Bio: up to two short paragraphs right after the first byline of an author section.
        bool opens = pb.section == Section::author && (k == 0 || blocks[k - 1].section != Section::author);
        if (opens) {
          std::size_t j = k + 1;
          for (int taken = 0; taken < 2 && j < blocks.size(); ++taken, ++j) {
            const PendingBlock& nb = blocks[j];
            if (nb.kind != BlockKind::paragraph || blocks[j].section != Section::article) break;
            if (count_chars(line_text(nb.first), 301) > 300) break;
            blocks[j].section = Section::author;
          }
          k = j - 1;
        }
        continue;
      }
      if (b.kind == BlockKind::list && pb.section == Section::article) {
        // A list right under a heading of the body (a table under its title) belongs to it.
        bool under_head = k > 0 && blocks[k - 1].kind == BlockKind::head && blocks[k - 1].section == Section::article;
        bool after_trailer = k > 0 && blocks[k - 1].kind == BlockKind::trailer;
        bool before_back = k + 1 < blocks.size() &&
                           (blocks[k + 1].kind == BlockKind::byline ||
                            blocks[k + 1].section == Section::boilerplate);
        if (!under_head && (after_trailer || (before_back && body_seen))) {
          pb.section = Section::summary;
          continue;
        }
      }
      // The furniture above the title (an addressee, the issuer's rows) is not the body.
      if (b.kind != BlockKind::head && !is_dateline(b) && (title_block_ == npos || k > title_block_)) body_seen = true;
    }
  }

  // Which blocks open a division (opens_), the divisions being in source order and TEI-shaped;
  // returns how many there are.
  std::size_t mark_divisions(std::vector<PendingBlock>& blocks) {
    enum class State { top, body, bottom };
    State state = State::top;
    Section current = Section::article;
    bool open = false;
    std::size_t divisions = 0;
    opens_.assign(blocks.size(), 0);
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      PendingBlock& b = blocks[k];
      // A trailer with no block before it to close (a text that starts with 【続く】) would not
      // be TEI: it is a paragraph.
      if (b.kind == BlockKind::trailer && (divisions == 0 || state == State::top)) b.kind = BlockKind::paragraph;
      bool is_top = b.kind == BlockKind::head || b.kind == BlockKind::byline;
      bool is_bottom = b.kind == BlockKind::trailer || b.kind == BlockKind::byline;
      if (!open || b.section != current || state == State::bottom ||
          (b.kind == BlockKind::head && state != State::top)) {
        // A byline after the body of its own section closes that division instead.
        if (open && b.section == current && b.kind == BlockKind::byline && state == State::bottom) {
          // consecutive closing bylines stay together
        } else if (b.kind == BlockKind::trailer && divisions != 0 && state != State::top) {
          // A trailer closes the division before it: alone in a new one it would follow no
          // block, which TEI does not allow.
        } else {
          opens_[k] = 1;
          ++divisions;
          current = b.section;
          state = State::top;
          open = true;
        }
      }
      if (is_top && state == State::top) {
        // stays top
      } else if (is_bottom) {
        state = State::bottom;
      } else {
        state = State::body;
      }
      if (b.kind == BlockKind::trailer) open = false;
    }
    return divisions;
  }

  // Hands blocks [lo, hi) to out, with the divisions they open.
  // `last_end`: the end of the last line handed out before blocks[lo].
  void render(Emitter& out, const std::vector<PendingBlock>& blocks, std::size_t lo, std::size_t hi, std::size_t& last_end) {
    for (std::size_t k = lo; k < hi; ++k) {
      const PendingBlock& b = blocks[k];
      if (opens_[k]) out.division(b.section);
      if (tei::StreamWriter* w = out.direct(text_.substr(last_end, lines_[b.first].begin - last_end))) {
        write_lines(*w, b, last_end);
      } else {
        Block block = materialise(b, last_end);
        out.ids().assign(block);
        out.block(std::move(block));
      }
    }
  }

  // The states after blocks [0, cut[i]) are written, for each (ascending) cut, counted in one
  // pass without writing them.
  std::vector<RenderState> states_at(const std::vector<std::size_t>& cut) const {
    std::vector<RenderState> out;
    RenderState st;
    std::size_t j = 0;
    for (std::size_t c : cut) {
      for (; j < c; ++j) count_block(blocks_[j], st);
      out.push_back(st);
    }
    return out;
  }

  // Advances st past block pb: the ids writing it takes (the writer's scheme, tei::IdCounters),
  // and its last line.
  void count_block(const PendingBlock& pb, RenderState& st) const {
    std::size_t leaves = 0, sentences = 0;
    for (std::uint32_t i = pb.first; i <= pb.last; ++i) {
      const Line& l = lines_[i];
      if (l.kind == LineKind::blank) continue;
      ++leaves;
      sentences += l.r_count;
      st.last_end = l.end;
    }
    st.ids.count(pb.kind, leaves, sentences);
  }


  void make_divisions(Emitter& out, std::vector<PendingBlock>& blocks) {
    std::size_t divisions = mark_divisions(blocks);
    if (divisions == 0) {
      // No text at all (an empty file, only blank lines): one empty paragraph keeps the
      // document valid, and the whitespace stays in the tail so nothing is lost.
      out.division(Section::article);
      Block b;
      b.leaves.emplace_back();
      b.leaves.back().line = 1;
      out.ids().assign(b);
      out.block(std::move(b));
      return;
    }
    std::size_t n = blocks.size();
    tei::StreamWriter* stream = out.stream();
    if (!stream || text_.size() < parallel_min_bytes_ || n < 2) {
      render(out, blocks, 0, n, last_end_);
      return;
    }
    // A large text streamed: the blocks are cut into parts of about as many bytes. The first
    // part streams out; the others are written to memory by whichever thread is free, the
    // second thread taking them in order while this one passes each on as soon as it is ready
    // and, while the next is not, writes one itself. Each part's emitter starts inside the
    // division open at its start, which it closes if its first block opens another; its ids
    // are counted ahead (states_at).
    const std::size_t parts = std::min<std::size_t>(kRenderParts, n);
    std::vector<std::size_t> cut(parts + 1);
    cut[0] = 0;
    cut[parts] = n;
    for (std::size_t k = 1; k < parts; ++k) {
      std::size_t at = text_.size() / parts * k;
      std::size_t m = static_cast<std::size_t>(
          std::lower_bound(blocks.begin(), blocks.end(), at,
                           [&](const PendingBlock& b, std::size_t x) { return lines_[b.first].begin < x; }) -
          blocks.begin());
      cut[k] = std::clamp<std::size_t>(m, cut[k - 1] + 1, n - (parts - k));
    }
    std::vector<RenderState> start = states_at(cut);
    std::vector<std::string> written(parts);
    auto ready = std::make_unique<std::atomic<bool>[]>(parts);
    std::atomic<std::size_t> next{1};
    std::atomic<bool> failed{false};  // the second thread gave up: no part it took will be ready
    auto write_part = [&](std::size_t k) {
      // Room for the markup too (TEI is about 1.5 times the text), in the writer's own buffer:
      // grown by doubling instead, the string would touch up to twice what it holds. Pages
      // reserved and not written cost nothing.
      std::size_t end = cut[k + 1] < n ? lines_[blocks[cut[k + 1]].first].begin : text_.size();
      std::size_t room = (end - lines_[blocks[cut[k]].first].begin) * 2 + (std::size_t(1) << 16);
      tei::StreamWriter w([&written, k](std::string_view chunk) { written[k] += chunk; }, room);
      w.ids() = start[k].ids;
      StreamEmitter inner(w, true);
      std::size_t last_end = start[k].last_end;
      render(inner, blocks, cut[k], cut[k + 1], last_end);
      if (written[k].empty())
        written[k] = w.release();
      else
        written[k] += w.release();
      ready[k].store(true, std::memory_order_release);
    };
    run_beside(
        [&] {
          try {
            for (std::size_t k; (k = next.fetch_add(1)) < parts;) write_part(k);
          } catch (...) {
            failed = true;
            throw;
          }
        },
        [&] {
          render(out, blocks, 0, cut[1], last_end_);
          for (std::size_t k = 1; k < parts; ++k) {
            while (!ready[k].load(std::memory_order_acquire)) {
              if (failed) return;  // run_beside throws the second thread's exception
              if (std::size_t j = next.fetch_add(1); j < parts)
                write_part(j);
              else
                cpu_pause();
            }
            stream->pass(written[k]);
            std::string().swap(written[k]);
          }
        });
    stream->ids() = start[parts].ids;
    last_end_ = start[parts].last_end;
  }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  std::string_view text_;
  const Rules& rules_;
  Cues cues_;
  const std::vector<RuleEntry>& code_words_;  // [code-word]
  SentenceSplitter splitter_;
  std::size_t parallel_min_bytes_;
  bool valid_utf8_;
  LineVector lines_;
  // The lines' sentences, kChunk lines to a vector (Line::r_first counts from the start of its
  // chunk's): the chunks are filled by either thread, and never joined.
  std::vector<std::vector<Range>> ranges_;
  std::vector<PendingBlock> blocks_;
  std::vector<std::uint8_t> post_;   // lines of an embedded post or its footer (set by mark_posts)
  bool punctuated_ = false;  // the body's paragraphs end with a sentence's punctuation (set by mark_furniture)
  std::vector<std::uint8_t> opens_;  // blocks_[k] opens a division (set by mark_divisions)
  std::size_t last_end_ = 0;  // the end of the last line handed out
  std::size_t title_block_ = npos, subtitle_block_ = npos;  // the blocks of the title and subtitle, if any
  std::string title_, tail_;
  std::string_view author_line_;  // the writer's name under the title, if any
};

}  // namespace

namespace {

struct DocumentEmitter : Emitter {
  explicit DocumentEmitter(Document& d) : doc(d) {}
  void division(Section s) override {
    Division d;
    d.type = section_name(s);
    d.turns.emplace_back();
    doc.divisions.push_back(std::move(d));
  }
  void block(Block&& b) override { doc.divisions.back().turns.back().blocks.push_back(std::move(b)); }
  tei::IdCounters& ids() override { return counters; }
  Document& doc;
  tei::IdCounters counters;
};

void fill_header(Document& doc, const Decoded& decoded) {
  doc.header.sha256 = decoded.sha256;
  doc.header.encoding = decoded.encoding;
  if (decoded.replaced)
    doc.header.decoding_note = std::to_string(decoded.replaced) + " invalid byte sequence" +
                               (decoded.replaced == 1 ? "" : "s") + " or characters replaced with U+FFFD";
}

}  // namespace

Document segment_text(std::string_view text, const SegmentOptions& options, bool valid_utf8) {
  const Rules& rules = options.rules ? *options.rules : Rules::builtin();
  Builder builder(text, rules, options.parallel_min_bytes, valid_utf8);
  builder.plan();
  Document doc;
  DocumentEmitter out(doc);
  doc.tail = builder.emit(out);
  builder.header(doc, options);
  doc.add_application("jatei-segment", kVersion);
  return doc;
}

Document segment_text(std::string_view text, const SegmentOptions& options) {
  return segment_text(text, options, false);
}

Document segment(const Decoded& decoded, const SegmentOptions& options) {
  Document doc = segment_text(decoded.view(), options, true);
  fill_header(doc, decoded);
  return doc;
}

namespace {

// segment_to(), and `beside` (if any) on the second thread while the lines are grouped: it
// may fill in the digest the header records.
void segment_to(const Decoded& decoded, const SegmentOptions& options, tei::StreamWriter& writer,
                const std::function<void(Decoded&)>& beside) {
  const Rules& rules = options.rules ? *options.rules : Rules::builtin();
  Builder builder(decoded.view(), rules, options.parallel_min_bytes, true);
  Decoded info;  // what the header says of the source: decoded's, with the digest taken beside
  info.encoding = decoded.encoding;
  info.sha256 = decoded.sha256;
  info.replaced = decoded.replaced;
  if (beside)
    builder.plan([&] { beside(info); });
  else
    builder.plan();
  Document head;
  builder.header(head, options);
  head.add_application("jatei-segment", kVersion);
  fill_header(head, info);
  writer.begin(head);
  StreamEmitter out(writer);
  std::string tail = builder.emit(out);
  out.close();
  writer.end(tail);
}

}  // namespace

void segment_to(const Decoded& decoded, const SegmentOptions& options, tei::StreamWriter& writer) {
  segment_to(decoded, options, writer, {});
}

Decoded segment_bytes_to(std::string_view bytes, DecodeOptions decode_options, const SegmentOptions& options,
                         tei::StreamWriter& writer) {
  decode_options.digest = false;
  Sha256 sha;
  std::size_t hashed = 0;
  Decoded decoded;
  if (bytes.size() >= options.parallel_min_bytes) {
    // The digest goes on a megabyte at a time while decoding lasts; the rest is taken beside
    // grouping.
    std::atomic<bool> done{false};
    run_beside(
        [&] {
          constexpr std::size_t kStep = std::size_t(1) << 20;
          while (!done.load(std::memory_order_relaxed) && bytes.size() - hashed >= kStep) {
            sha.update(bytes.substr(hashed, kStep));
            hashed += kStep;
          }
        },
        [&] {
          try {
            decoded = decode(bytes, decode_options);
          } catch (...) {
            done = true;
            throw;
          }
          done = true;
        });
  } else {
    decoded = decode(bytes, decode_options);
  }
  segment_to(decoded, options, writer, [&](Decoded& info) {
    sha.update(bytes.substr(hashed));
    info.sha256 = sha.hex();
  });
  decoded.sha256 = sha.hex();
  return decoded;
}

}  // namespace jatei
