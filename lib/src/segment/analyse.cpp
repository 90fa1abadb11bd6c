// The lines of the text: found, classified (classify.cpp) and split into sentences, each line
// alone, a chunk of lines at a time on two threads when the text is large.
#include "segment/plan.hpp"

#include "core/beside.hpp"
#include "segment/code.hpp"
#include "segment/layout.hpp"
#include "text/utf8_check.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>

namespace jatei::seg {
namespace {

class Analysis : Pass {
 public:
  explicit Analysis(Plan& p) : Pass(p) {}

  // Finding a line, classifying it and splitting it into sentences depend on that line alone:
  // on a large text the lines of the second half of the bytes are done on a second thread
  // meanwhile. The result is the same either way.
  void run() {
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
      join_wrapped_lines();
      ranges_.resize((lines_.size() + kChunk - 1) / kChunk);
      for (std::size_t c = 0; c < ranges_.size(); ++c)
        analyse(lines_.data() + c * kChunk, lines_.data() + std::min(lines_.size(), (c + 1) * kChunk), ranges_[c]);
    }
  }

 private:
  static constexpr std::size_t kChunk = Plan::kChunk;

  // How many lines text [from, to) has (see find_lines_into).
  std::size_t count_lines(std::size_t from, std::size_t to) const {
    std::size_t newlines = 0;
    utf8_check::each_newline(text_.substr(from, to - from), [&](std::size_t) { ++newlines; });
    return newlines + (to > from && text_[to - 1] != '\n' ? 1 : 0);
  }

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
    std::atomic<bool> joined{false};
    auto work = [&](std::size_t from, std::size_t to, std::size_t first_line) {
      Line* end = find_lines_into(from, to, lines_.data() + first_line);
      if (end != lines_.data() + (first_line ? n : first)) std::abort();  // counted otherwise: a bug
      found.fetch_add(1, std::memory_order_acq_rel);
      while (found.load(std::memory_order_acquire) < 2) cpu_pause();  // until all lines are found
      // The lines a hard wrap broke are joined by one thread, the whole text's shape in view.
      if (first_line == 0) {
        join_wrapped_lines();
        joined.store(true, std::memory_order_release);
      }
      while (!joined.load(std::memory_order_acquire)) cpu_pause();
      for (std::size_t c; (c = next.fetch_add(1, std::memory_order_relaxed)) < chunks;) {
        Line* b = lines_.data() + c * kChunk;
        Line* e = lines_.data() + std::min(n, (c + 1) * kChunk);
        ranges_[c].reserve(sentences_guess(e[-1].end - b->begin));
        analyse(b, e, ranges_[c]);
      }
    };
    run_beside([&] { work(cut, text_.size(), first); }, [&] { work(0, cut, 0); });
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

  // The width of a line on a fixed-width screen: a wide (East Asian) character takes two
  // columns, any other one (ASCII, half-width kana) one; counted up to 400 columns.
  static std::size_t columns(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size() && n <= 400;) {
      std::size_t len = 0;
      char32_t c = utf8::decode(s, i, len);
      n += (c >= 0x1100 && !(c >= 0xFF61 && c <= 0xFFDC)) ? 2 : 1;
      i += len;
    }
    return n;
  }

  // Hard-wrapped text (a plain-text mail magazine, a text pasted from a PDF): the lines of its
  // paragraphs broken at a fixed width inside sentences. The document shows it by its shape:
  // half or more of its longer lines (20 columns or more) end within a few columns of one width,
  // hardly any goes past it, and four or more of those end without a sentence's punctuation with
  // the next line right under them going on. Such a line and the one under it are one line (the
  // line break stays in its text, inside the sentence it breaks), unless the one under it opens
  // something of its own: an indent (a new paragraph), a list's or a heading's mark, a rule, a
  // bracketed line. The line under is left empty (a blank line of no text), so that every line
  // keeps its number.
  void join_wrapped_lines() {
    const std::size_t n = lines_.size();
    if (n < 6) return;
    std::vector<std::uint16_t> cols(n);
    std::vector<std::size_t> hist(402, 0);
    std::size_t longer = 0;
    for (std::size_t i = 0; i < n; ++i) {
      std::string_view c = trim(text_.substr(lines_[i].begin, lines_[i].end - lines_[i].begin));
      cols[i] = static_cast<std::uint16_t>(std::min<std::size_t>(columns(c), 401));
      if (cols[i] >= 20) ++hist[cols[i]], ++longer;
    }
    if (longer < 6) return;
    // The width: the end of the window of six columns that holds most of the longer lines (a
    // line may end a character or two short of it, where a mark may not open the next line).
    std::size_t width = 0, best = 0;
    for (std::size_t w = 20; w <= 400; ++w) {
      std::size_t in = 0;
      for (std::size_t k = 0; k < 6; ++k) in += hist[w - k];
      if (in >= best) best = in, width = w;  // (the widest of equal windows)
    }
    std::size_t past = 0;
    for (std::size_t w = width + 2; w <= 401; ++w) past += hist[w];
    // (At least 40 columns: narrower runs of like lines are a list's or a table's.)
    if (width < 40 || best * 5 < longer * 2 || past * 10 > longer) return;
    auto breaks = [&](std::size_t i) {  // line i is broken by the wrap, the next line goes on with it
      if (std::size_t{cols[i]} + 6 <= width || cols[i] > width + 1 || i + 1 >= n || cols[i + 1] == 0) return false;
      std::string_view c = trim(text_.substr(lines_[i].begin, lines_[i].end - lines_[i].begin));
      if (ends_like_sentence(c) || c.ends_with("？") || c.ends_with("?") || !has_word_char(c) || is_rule_line(c, cols[i] / 2))
        return false;
      std::string_view next = text_.substr(lines_[i + 1].begin, lines_[i + 1].end - lines_[i + 1].begin);
      std::size_t len = 0;
      char32_t f = utf8::decode(next, 0, len);
      static constexpr std::u32string_view kOpens = U"・•●○◎■□◆◇▼▽▶▷★☆※＊*#＃【［[〈《<＜(（-‐–—―─━=＝>＞";
      if (is_space(f) || kOpens.find(f) != std::u32string_view::npos) return false;
      return !is_rule_line(trim(next), cols[i + 1]) && has_word_char(next);
    };
    // A sentence ends inside the line (。 with more after it): prose, not a list's rows.
    auto ends_inside = [&](std::size_t i) {
      std::string_view c = trim(text_.substr(lines_[i].begin, lines_[i].end - lines_[i].begin));
      std::size_t at = c.find("。");
      return at != std::string_view::npos && at + 3 < c.size();
    };
    std::size_t broken = 0, inside = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (breaks(i)) ++broken, inside += ends_inside(i);
    // (Most lines of that width break a sentence: in text that is not wrapped, a line ends one.
    // And sentences end inside some of them: rows of like length that are no sentences, each a
    // line, are a list.)
    if (broken < 4 || broken * 2 < best || inside < 2 || inside * 4 < broken) return;
    for (std::size_t i = 0; i < n;) {
      std::size_t j = i;
      while (breaks(j)) ++j;
      if (j > i) {
        lines_[i].end = lines_[j].end;
        for (std::size_t k = i + 1; k <= j; ++k) lines_[k].begin = lines_[k].end = lines_[j].end;
      }
      i = j + 1;
    }
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
      // A button's count after its exclamation (いいね！ 23, 参考になった! 12人) is the button's,
      // not a sentence of its own: the page's chrome is one piece.
      if (l.kind == LineKind::boilerplate && l.r_count >= 2 && counted_button(raw, ranges)) {
        ranges[ranges.size() - 2].second = ranges.back().second;
        ranges.pop_back();
        --l.r_count;
      }
      // A poll: a question, then its answer buttons (…ましたか？　はい　いいえ); the page's chrome,
      // the buttons inside the question's sentence; a row of buttons alone is chrome too.
      if ((l.kind == LineKind::para || l.kind == LineKind::boilerplate) && l.chars <= 150) {
        if (std::size_t q = poll_question(raw, ranges, l.r_first); q != npos) {
          ranges[q].second = ranges.back().second;
          ranges.resize(q + 1);
          l.r_count = static_cast<std::uint32_t>(ranges.size() - l.r_first);
          l.kind = LineKind::boilerplate;
        } else if (l.kind == LineKind::para && l.chars <= 40 && is_answer_row(l.content(), rules_)) {
          l.kind = LineKind::boilerplate;
        }
      }
      if (l.kind == LineKind::blank) continue;
      bool short_unended = l.chars <= 40 && !ends_like_sentence(l.content());
      l.head_like = short_unended && cues_.section_head.prefix(l.content()) &&
                    !(reads_like_a_turn(l.content()) && !heading_tag(l.content()));
      l.dateline = l.chars <= 60 && !ends_like_sentence(l.content()) && cues_.dateline.whole(l.content());
      // A notice that corrects or adds to the article (【訂正】…, 追記（3/4）：…), whatever it
      // looked like otherwise.
      if (l.kind != LineKind::code && note_type(l.content())) l.kind = LineKind::note;
      // A verdict or a rating (判定：誤り, 【判定】不正確): a label over what it rates.
      if ((l.kind == LineKind::para || l.kind == LineKind::byline) && short_unended && l.chars <= 30 &&
          l.r_count <= 1 && rules_.matches_prefix("verdict", l.content()))
        l.kind = LineKind::section_head;
      // A dateline with the venue and the crowd (…　観衆 6,312人) is no counter of the page.
      if (l.dateline && l.kind == LineKind::boilerplate && !cues_.boilerplate_line.contains(l.content()) &&
          !cues_.chrome_line.whole(l.content()))
        l.kind = LineKind::para;
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

  // Whether the last sentence of a line is only a count ([counter-unit] after it or not) and the
  // one before it a short word ending with an exclamation mark: a button and its counter.
  bool counted_button(std::string_view raw, const std::vector<Range>& ranges) const {
    const Range& last = ranges.back();
    const Range& before = ranges[ranges.size() - 2];
    std::string_view count = trim(raw.substr(last.first, last.second - last.first));
    std::string_view word = trim(raw.substr(before.first, before.second - before.first));
    if (!is_count(count, cues_.counter_unit.entries()) || count_chars(word, 13) > 12) return false;
    return word.ends_with("！") || word.ends_with("!");
  }

  // The sentence of the line (its sentences are ranges[first..]) that asks a poll's question,
  // when the text after its question mark is only a row of answer buttons; npos otherwise.
  std::size_t poll_question(std::string_view raw, const std::vector<Range>& ranges, std::size_t first) const {
    if (ranges.size() <= first) return npos;
    std::size_t end = ranges.back().second;
    for (std::size_t q = ranges.size(); q-- > first;) {
      std::string_view sentence = raw.substr(ranges[q].first, ranges[q].second - ranges[q].first);
      std::size_t mark = std::max(sentence.rfind("？") == std::string_view::npos ? 0 : sentence.rfind("？") + 3,
                                  sentence.rfind('?') == std::string_view::npos ? 0 : sentence.rfind('?') + 1);
      if (mark == 0) continue;
      std::size_t at = ranges[q].first + mark;
      return at < end && is_answer_row(raw.substr(at, end - at), rules_) ? q : npos;
    }
    return npos;
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

  const SentenceSplitter& splitter_ = plan_.splitter;
  const std::vector<RuleEntry>& code_words_ = plan_.code_words;
  const std::size_t parallel_min_bytes_ = plan_.parallel_min_bytes;
  const bool valid_utf8_ = plan_.valid_utf8;
};

}  // namespace

void find_lines(Plan& plan) { Analysis(plan).run(); }

}  // namespace jatei::seg
