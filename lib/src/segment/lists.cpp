// Lines that form lists or head them, by the shapes the document repeats: fenced code,
// enumerations (only beside another), numbered section headings, a table under its title, rows
// of keys and values, glossaries, chapters, lone short headings, summary headings; then the
// entries a page numbers by a shape of its own (entries.cpp).
#include "segment/plan.hpp"

#include "segment/code.hpp"
#include "segment/layout.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>

namespace jatei::seg {
namespace {

// Whether s is a name (no hiragana, 12 characters at most) and its reading in brackets, kana
// only (石原 智恵（いしはら・ちえ）): a person's name as a profile gives it.
bool ends_with_reading(std::string_view s) {
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

class Lists : Pass {
 public:
  explicit Lists(Plan& p) : Pass(p) {}

  void run() {
    mark_front_matter();
    mark_code_fences();
    resolve_numbers();
    seg::mark_numbered_entries(plan_);
  }

 private:
  // A row of a table: a short line, not a sentence, with a run of whitespace inside it
  // (売上高　1兆5200億円, 2024年度  約1.8GW).
  bool is_table_row(const Line& l) const {
    if (l.kind != LineKind::para || l.chars > 40 || ends_like_sentence(l.content())) return false;
    std::string_view c = l.content();
    return c.find("\xE3\x80\x80") != std::string_view::npos || c.find("  ") != std::string_view::npos ||
           c.find('\t') != std::string_view::npos;
  }

  // A row of figures: cells between runs of whitespace, two or more of them holding figures, no
  // punctuation of a clause (売上高　2026年3月期中間期　8,412百万円（前年同期比6.1％増）): a row of a
  // table however long, and even where its first cell comes back (a table of periods repeats
  // the item it gives the figures of).
  bool is_figure_row(const Line& l) const {
    if (l.kind != LineKind::para || l.chars > 120) return false;
    std::string_view c = l.content();
    if (ends_like_sentence(c) || has_clause_punctuation(c)) return false;
    std::vector<std::string_view> cells = row_cells(c);
    if (cells.size() < 2) return false;
    return std::count_if(cells.begin(), cells.end(), [](std::string_view cell) {
             for (text::CodePoint cp : text::code_points(cell))
               if (is_ascii_digit_or_fw(cp.c)) return true;
             return false;
           }) >= 2;
  }

  int style_of(std::string_view s) const;
  int number_style(std::string_view s) const;

  // A static site's front matter: the page opens with a line of three dashes (YAML) or pluses
  // (TOML), then keys and their values (title: …, date: 2026-10-02, tags: [a, b], a list's
  // `- item` under its key), then the same line again. The whole of it is the settings a site
  // generator reads, not text for a reader: code, like a fenced block, from fence to fence.
  void mark_front_matter() {
    std::size_t open = first_nonblank();
    if (open == npos || !is_front_fence(lines_[open].content())) return;
    std::size_t keys = 0;
    for (std::size_t j = next_nonblank(open); j != npos && j - open <= 61; j = next_nonblank(j)) {
      std::string_view c = lines_[j].content();
      if (c == lines_[open].content()) {
        if (keys == 0) return;
        for (std::size_t k = open; k <= j; ++k) {
          if (lines_[k].kind == LineKind::blank) continue;
          lines_[k].kind = LineKind::code;
          lines_[k].r_count = 0;
        }
        return;
      }
      if (is_front_key(c)) ++keys;
      else if (!is_front_value(text_.substr(lines_[j].begin, lines_[j].end - lines_[j].begin))) return;
    }
  }
  static bool is_front_fence(std::string_view c) { return c == "---" || c == "+++"; }
  // key: value or key = value, the key a word of ASCII letters, digits, _ and - first on its line.
  static bool is_front_key(std::string_view c) {
    std::size_t n = 0;
    while (n < c.size() && (std::isalnum(static_cast<unsigned char>(c[n])) || c[n] == '_' || c[n] == '-')) ++n;
    if (n == 0 || n == c.size() || !std::isalpha(static_cast<unsigned char>(c[0]))) return false;
    std::string_view rest = c.substr(n);
    return rest.starts_with(":") || rest.starts_with(" =") || rest.starts_with("=") || rest.starts_with(" :");
  }
  // Under a key: an indented line (a nested key, a list's item) or a list's item (- 自転車).
  static bool is_front_value(std::string_view raw) {
    return raw.starts_with(" ") || raw.starts_with("\t") || raw.starts_with("- ");
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
  // something else (body text, or a list in another style), never beside one another. Each line
  // is judged by itself: the same style may also number the items of a list inside a section
  // (１．… ２．… one under the other), which stay items.
  void mark_numbered_heads() {
    std::vector<std::pair<int, std::size_t>> numbered;  // style, line
    for (std::size_t i = 0; i < lines_.size(); ++i)
      if (lines_[i].kind == LineKind::number) numbered.push_back({style_of(lines_[i].content()), i});
    auto same_style = [&](std::size_t j, int style) {
      return j != npos && lines_[j].kind == LineKind::number && style_of(lines_[j].content()) == style;
    };
    std::stable_sort(numbered.begin(), numbered.end(), [](auto& a, auto& b) { return a.first < b.first; });
    for (std::size_t a = 0; a < numbered.size();) {
      std::size_t b = a;
      while (b < numbered.size() && numbered[b].first == numbered[a].first) ++b;
      int style = numbered[a].first;
      // Heads over body text (a sentence, a long paragraph, or a list), and heads over something
      // else (the heading of a subsection, ３．参加者の声 over 親子で参加): two of the first make
      // the style one of headings, and the others then head too.
      std::vector<std::size_t> heads, others;
      for (std::size_t k = a; style >= 0 && k < b; ++k) {
        std::size_t i = numbered[k].second;
        const Line& l = lines_[i];
        std::size_t n = next_nonblank(i);
        // (A heading may run longer without a clause's punctuation, the period it reports in
        // brackets: 1．2026年3月期中間期の連結業績（2025年4月1日～2025年9月30日）.)
        std::string_view words =
            l.content().substr(glob_prefix(cues_.list_number.entries()[number_style(l.content())].pattern, l.content()));
        if (l.chars > (has_clause_punctuation(words) ? 30u : 60u) || ends_like_sentence(l.content()) ||
            l.content().ends_with("？") || l.content().ends_with("?") ||
            n == npos || same_style(n, style) || same_style(prev_nonblank(i), style))
          continue;
        const Line& f = lines_[n];
        // (Rows of a table are a body too: 2．配当の状況 over 年間配当金　2025年3月期　30円00銭.)
        bool body = f.kind == LineKind::number || f.kind == LineKind::bullet ||
                    (f.kind == LineKind::para && (ends_like_sentence(f.content()) || f.r_count >= 2 || f.chars > 30 ||
                                                  is_table_row(f) || is_figure_row(f)));
        (body ? heads : others).push_back(i);
      }
      if (heads.size() >= 2) {
        for (std::size_t i : heads) lines_[i].kind = LineKind::section_head;
        for (std::size_t i : others) lines_[i].kind = LineKind::section_head;
      }
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
  }

  // The first cell of a "key　value" or "key：value" row, or empty.
  static std::string_view row_key(const Line& l, bool colon) {
    std::string_view c = l.content();
    if (colon) {
      std::size_t at = std::min(c.find("："), c.find(':'));
      // (A key of nouns without hiragana may be longer: 管理費・修繕積立金.)
      if (at == std::string_view::npos || at == 0) return {};
      std::string_view key = c.substr(0, at);
      if (std::size_t n = count_chars(key, 13); n > 12 || (n > 8 && has_hiragana(key))) return {};
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
    // The first line after the chrome a page opens with (a breadcrumb): the title, whatever
    // its layout (みなみ野市議会だより　第142号（令和8年8月1日発行）), never a row of a table.
    std::size_t top = first;
    while (top != npos && lines_[top].kind == LineKind::boilerplate) top = next_nonblank(top);
    std::unordered_map<std::string_view, int> key_count;
    for (const Line& l : lines_)
      if (l.kind == LineKind::para || l.kind == LineKind::byline || l.kind == LineKind::bullet)
        if (std::string_view k = row_key(l, true); !k.empty()) ++key_count[k];
    for (int colon : {0, 1, 2, 3}) {
      for (std::size_t i = 0; i < lines_.size(); ++i) {
        auto fits = [&](std::size_t j) {
          const Line& l = lines_[j];
          if (colon == 1) {
            // (A row already marked as an item, ・間取り：3LDK, goes on the run; a row whose value is
            // a short sentence, 状態：目立つ傷はありません。, too when its key is a key nowhere
            // else, not a speaker's name.)
            if ((l.kind != LineKind::para && l.kind != LineKind::byline && l.kind != LineKind::bullet) || l.chars > 80)
              return false;
            std::string_view k = row_key(l, true);
            // A time in the value makes the line a post's header (名無し：04/18 21:07), unless the
            // key names a time ([time-key]: 勤務時間：7:00～16:00, 日時：10月5日 10:00～).
            if (has_stamp(l.content()) && (k.empty() || !rules_.matches_whole("time-key", k))) return false;
            return !k.empty() && (!ends_like_sentence(l.content()) || (l.chars <= 60 && key_count[k] == 1));
          }
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
          return j != first && j != top && (is_table_row(l) || is_figure_row(l)) && !has_stamp(l.content()) &&
                 !l.content().ends_with("？") &&
                 !l.content().ends_with("?") && !row_key(l, false).empty();
        };
        if (!fits(i)) continue;
        std::vector<std::size_t> run{i};
        for (std::size_t j = next_nonblank(i); j != npos && j == run.back() + 1 && fits(j); j = next_nonblank(j))
          run.push_back(j);
        std::vector<std::string_view> keys;
        for (std::size_t j : run) keys.push_back(colon == 2 ? line_text(static_cast<std::uint32_t>(j)) : row_key(lines_[j], colon == 1 || colon == 3));
        std::sort(keys.begin(), keys.end());
        bool distinct = std::adjacent_find(keys.begin(), keys.end()) == keys.end() ||
                        (colon == 0 && std::all_of(run.begin(), run.end(), [&](std::size_t j) { return is_figure_row(lines_[j]); }));
        // Rows of a profile or a reference may hold a byline's key (著者：), not only those.
        std::size_t paras = std::count_if(run.begin(), run.end(), [&](std::size_t j) { return lines_[j].kind == LineKind::para; });
        bool ok = run.size() >= (colon == 1 ? 3u : 2u) && distinct && paras >= 2;
        // (Two of the rows at least are no sentences: a value, not a statement.)
        if (ok && colon == 1)
          ok = std::count_if(run.begin(), run.end(), [&](std::size_t j) { return !ends_like_sentence(lines_[j].content()); }) >= 2;
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
};

// The style of an enumerated line: its [list-number] entry with the digits' count left out
// (1．… and 10．…, 9位 and 12位 are one style), as the first entry of that shape; or -1.
int Lists::style_of(std::string_view s) const {
  int k = number_style(s);
  if (k < 0) return k;
  auto shape = [](std::string_view pattern) {
    std::string out;
    for (char ch : pattern)
      if (ch != '#' || out.empty() || out.back() != '#') out += ch;
    return out;
  };
  const auto& entries = cues_.list_number.entries();
  std::string own = shape(entries[k].pattern);
  for (int j = 0; j < k; ++j)
    if (shape(entries[j].pattern) == own) return j;
  return k;
}

// The [list-number] entry an enumerated line starts with, or -1.
int Lists::number_style(std::string_view s) const {
  int style = -1;
  cues_.list_number.each_candidate(s, [&](std::uint32_t k) {
    std::size_t n = glob_prefix(cues_.list_number.entries()[k].pattern, s);
    if (n == std::string_view::npos || n == 0 || n >= s.size()) return false;
    style = static_cast<int>(k);
    return true;
  });
  return style;
}

}  // namespace

// A line that could head what follows it by layout alone: short, no punctuation of a clause
// or a sentence, not a label (…：), not a quotation, a dash turn or a directive (:::details),
// no date or time.
namespace {
// Whether the only punctuation of `c` is one comma (、，､), and no colon stands in it (参加：田村、
// 江口 is a row, not a title).
bool one_comma(std::string_view c) {
  int commas = 0;
  for (std::size_t i = 0; i < c.size();) {
    std::size_t len = 0;
    char32_t ch = utf8::decode(c, i, len);
    if (ch == U'。' || ch == U'！' || ch == U'？' || ch == '!' || ch == '?' || ch == U'．' || ch == U'｡' || ch == U'：' ||
        ch == ':')
      return false;
    commas += ch == U'、' || ch == U'，' || ch == U'､';
    i += len;
  }
  return commas == 1;
}
// 「手紙」の投稿を読んで: a line that opens with a short quotation (ten characters or fewer) and
// goes on after it.
bool quotes_a_word(std::string_view c) {
  if (!c.starts_with("「") && !c.starts_with("『")) return false;
  std::string_view close = c.starts_with("「") ? "」" : "』";
  std::size_t end = c.find(close);
  return end != std::string_view::npos && end + close.size() < c.size() && count_chars(c.substr(0, end), 12) <= 11;
}
}  // namespace

bool Pass::could_head(const Line& l) const {
  if (l.kind != LineKind::para || l.chars > 30 || l.dateline) return false;
  std::string_view c = l.content();
  if (has_date_or_time(c)) return false;
  // One comma in a line of twenty characters or fewer, in a document that ends its sentences with
  // punctuation, may be a title's (バス路線の廃止、代わりの足を); anything else that punctuates is
  // a sentence's.
  if (has_clause_punctuation(c) && !(punctuated_ && l.chars <= 20 && one_comma(c))) return false;
  if (c.ends_with("：") || c.ends_with(":")) return false;
  if ((c.starts_with("（") && c.ends_with("）")) || (c.starts_with("(") && c.ends_with(")"))) return false;  // a note
  if (ends_with_reading(c)) return false;  // 石原 智恵（いしはら・ちえ）: a name over its profile
  // A predicate or a final particle ends a sentence, not a heading (でも昼は行列できとったで);
  // unless the document ends every sentence of its paragraphs with punctuation: there a short
  // line without it between them is a heading (文字を読み取る, 糖をためられないコケは).
  // (A word that names a summary is no predicate: 今日のおさらい.)
  // (…んで is a verb's te-form, 「手紙」の投稿を読んで, not the final particle で of 行列できとったで:
  // a title's ending where the document punctuates its sentences.)
  bool te_form = punctuated_ && c.ends_with("んで");
  if ((rules_.matches_whole("final-particle", c) && !te_form) ||
      (!punctuated_ && cues_.predicate_end.whole(c) && !rules_.matches_whole("summary-word", c)))
    return false;
  std::size_t len = 0;
  char32_t f = utf8::decode(c, 0, len);
  static constexpr std::u32string_view kNotFirst = U"「『“\"―—ー‐-－…@＠>＞〈<〔［[:";
  // (A title may open with a quoted word, 「手紙」の投稿を読んで, where the document punctuates
  // its sentences: the quotation closes before the line ends, and is no one's speech.)
  if (kNotFirst.find(f) != std::u32string_view::npos && !(punctuated_ && quotes_a_word(c))) return false;
  return true;
}
void mark_lists(Plan& plan) { Lists(plan).run(); }

}  // namespace jatei::seg
